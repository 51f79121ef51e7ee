import { assertActsForAParty, authorizeCommand } from '../access/permissions';
import { agreementDecider } from '../agreements/agreementDecider';
import type { AgreementEvent } from '../agreements/agreementEvents';
import type { AgreementState } from '../agreements/agreementState';
import { agreementStreamName, type AgreementId } from '../agreements/agreementTypes';
import { registryNumberDecider, registryNumberStreamName } from '../agreements/registryNumber';
import { claimRegistryNumber, releaseRegistryNumber, type RegistryNumberClaim } from '../agreements/registryNumberClaim';
import { buildEventsToAppend, loadStream, type CommandEnvelope, type CommandHandlerDeps, type StreamTip } from '../eventSourcing/commandHandler';
import type { Actor, EventMetadata } from '../eventSourcing/envelope';
import { WrongExpectedRevisionError } from '../eventStore/errors';
import type { EventToAppend } from '../eventStore/eventStore';
import { canonicalJson } from '../shared/canonicalJson';
import { RegistryError, RuleViolationError } from '../shared/errors';
import { legalDateAt, toInstant } from '../shared/time';
import { KEY_FIELD, type RowProblem, type SourceRow } from './importFormat';
import { planRow, type PlannedCommand, type RowPlan } from './rowCommands';

export interface ImportOptions {
  /** Who the events say recorded them (an operator, role `system`). */
  readonly actor: Actor;
  /** Decide every row against the store but write nothing. */
  readonly dryRun?: boolean;
  /** Called after each row with the number of rows handled so far. */
  readonly onRow?: (rowsDone: number) => void;
  /**
   * Rows decided and written at once (default 64): their appends share the embedded store's
   * group commits instead of each waiting for its own fsync. 1 imports row after row.
   */
  readonly concurrency?: number;
  /**
   * Stops taking rows once aborted (the service shutting down): the rows already started are
   * finished, and the report says `interrupted`.
   */
  readonly signal?: AbortSignal;
}

export type RowOutcome =
  | { readonly line: number; readonly key: string; readonly agreementId: AgreementId; readonly outcome: 'imported'; readonly events: number }
  | { readonly line: number; readonly key: string; readonly agreementId: AgreementId; readonly outcome: 'unchanged' }
  | { readonly line: number; readonly key: string | undefined; readonly outcome: 'rejected'; readonly problems: readonly RowProblem[] };

export type RejectedRow = Extract<RowOutcome, { outcome: 'rejected' }>;

export interface ImportReport {
  readonly dryRun: boolean;
  readonly rows: number;
  /** Rows that wrote events (in a dry run: that would have). */
  readonly imported: number;
  /** Rows whose every command had already been imported: nothing to write. */
  readonly unchanged: number;
  readonly rejected: readonly RejectedRow[];
  /** Agreement events written (or, in a dry run, that would have been). */
  readonly events: number;
  /**
   * Store position of the last event this import wrote (a read-your-writes token, as a mutation's
   * `position`); null when it wrote nothing.
   */
  readonly position: bigint | null;
  /**
   * True when `signal` stopped the import before the end of the file: the report covers the rows
   * taken before (each whole or absent); importing the same file again completes it.
   */
  readonly interrupted: boolean;
}

/** Attempts per row when another writer changes the agreement between reading and writing it. */
const MAX_ATTEMPTS = 3;

/** Rows in flight by default: enough to fill a group commit, few enough to bound memory. */
const DEFAULT_CONCURRENCY = 64;

/** What deciding a row against the store came to: events to write and a number to claim, or why not. */
type Decision =
  | { readonly ok: true; readonly expected: bigint | 'no_stream'; readonly events: readonly EventToAppend[]; readonly claim: PlannedCommand | undefined }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

const problem = (field: string, rule: string, message: string): RowProblem => ({ field, rule, message });

/** Rules about one field rather than the step's date: reported against that field. */
const RULE_FIELDS: Readonly<Record<string, string>> = {
  PRIVATE_COUNTERPART: 'counterparts',
  VALIDITY_ENDS_BEFORE_START: 'endsOn',
  APPROVAL_ENTITY_NOT_A_PARTY: 'approvalEntityCode',
  OPINION_NUMBER_DUPLICATE: 'opinionNumber',
  REGISTRY_NUMBER_TAKEN: 'registryNumber',
  RENEWAL_END_NOT_LATER: 'endsOn',
  RENEWAL_AFTER_EXPIRY: 'renewedOn',
};

const refusal = (error: unknown, field: string): RowProblem => {
  if (error instanceof RuleViolationError) return problem(RULE_FIELDS[error.rule] ?? field, error.rule, error.message);
  if (error instanceof RegistryError) return problem(field, error.kind, error.message);
  throw error;
};

/**
 * A step already imported (its command id is in the stream) must say what the row says; a row
 * that now says otherwise is refused rather than silently ignored. The fact as corrected since
 * counts too, so a row updated to match a correction is not refused.
 */
const sameAsRecorded = (planned: PlannedCommand, recorded: readonly { readonly id: string; readonly event: AgreementEvent }[], state: AgreementState): boolean => {
  const wanted = canonicalJson(planned.command.data);
  return recorded.every(({ id, event }) => {
    if (canonicalJson(event.data) === wanted) return true;
    const current = state.status === 'present' ? state.facts.find((fact) => fact.eventId === id) : undefined;
    return current !== undefined && canonicalJson(current.event.data) === wanted;
  });
};

/**
 * Decides every command of the row, in order, on the agreement's state folded so far, exactly as
 * the command handler would; nothing is written here. The events are built as the handler builds
 * them (ids from the command ids, envelope, hash chain), so they are indistinguishable from the
 * same commands sent one by one through the API.
 */
const decideRow = async (deps: CommandHandlerDeps, plan: RowPlan, actor: Actor, claimed: ReadonlyMap<string, AgreementId>): Promise<Decision> => {
  const streamName = agreementStreamName(plan.agreementId);
  const loaded = await loadStream(deps, agreementDecider, streamName);
  const now = deps.clock();
  const context = { now, today: legalDateAt(now) };
  const viewer = { kind: 'actor', actor } as const;
  const correlationId = plan.commands[0]?.commandId;
  let state = loaded.state;
  let tip: StreamTip = { revision: loaded.revision, lastHash: loaded.events[loaded.events.length - 1]?.metadata.hash ?? null };
  const events: EventToAppend[] = [];
  let claim: PlannedCommand | undefined;
  // Before anything is compared with what is recorded: keys are global, and a subnational importer
  // must learn nothing of another entity's agreement under the same key (not even that it exists).
  if (actor.role === 'subnational' && loaded.state.status === 'present' && !loaded.state.parties.some((party) => actor.entityScope.includes(party.code))) {
    return {
      ok: false,
      problems: [
        problem(
          KEY_FIELD,
          'FORBIDDEN',
          `${JSON.stringify(plan.key)} is the key of an agreement none of your entities (${actor.entityScope.join(', ')}) is a party to: give this row a key of its own (keys are unique across the registry, e.g. prefixed with your entity's code).`,
        ),
      ],
    };
  }
  for (const planned of plan.commands) {
    const { step, command, commandId } = planned;
    const recorded = loaded.events.filter((stored) => stored.metadata.causationId === commandId);
    if (recorded.length > 0) {
      if (sameAsRecorded(planned, recorded, loaded.state)) continue;
      return {
        ok: false,
        problems: [
          problem(
            step.mainField,
            'differs-from-recorded',
            `this row was imported on ${recorded[0]?.metadata.recordedAt ?? 'an earlier run'} with other values for its ${step.type} step: an import never rewrites a recorded fact. Put the file back as it was, or ask SRE legal staff to record a correction (correctFact) through the API.`,
          ),
        ],
      };
    }
    let decided: readonly AgreementEvent[];
    // A subnational importer acts only for its own entities: that is a matter of the row's parties.
    let field = step.mainField;
    try {
      authorizeCommand(viewer, command.type);
      field = 'parties';
      const label = `the agreement of key ${JSON.stringify(plan.key)}`;
      if (command.type === 'OpenAgreement') assertActsForAParty(actor, command.data.parties, label);
      else if (state.status === 'present') assertActsForAParty(actor, state.parties, label);
      field = step.mainField;
      decided = agreementDecider.decide(command, state, context);
    } catch (error) {
      return { ok: false, problems: [refusal(error, field)] };
    }
    if (decided.length === 0) continue;
    const envelope: CommandEnvelope = { commandId, actor, ...(correlationId ? { correlationId } : {}) };
    const built = buildEventsToAppend({ upcasters: deps.upcasters, validAt: agreementDecider.validAt, streamName, events: decided, envelope, tip, recordedAt: toInstant(now) });
    state = decided.reduce((folded, event, index) => agreementDecider.evolve(folded, event, { eventId: (built[index] as EventToAppend).id }), state);
    const last = built[built.length - 1] as EventToAppend;
    tip = { revision: (tip.revision === 'no_stream' ? -1n : tip.revision) + BigInt(built.length), lastHash: (last.metadata as unknown as EventMetadata).hash };
    events.push(...built);
    if (command.type === 'RegisterAgreement') {
      claim = planned;
      const number = command.data.registryNumber;
      const holder = claimed.get(number.toUpperCase()) ?? (await loadStream(deps, registryNumberDecider, registryNumberStreamName(number))).state.assignedTo;
      try {
        registryNumberDecider.decide({ type: 'AssignRegistryNumber', registryNumber: number, agreementId: plan.agreementId }, holder ? { assignedTo: holder } : {}, context);
      } catch (error) {
        return { ok: false, problems: [refusal(error, 'registryNumber')] };
      }
    }
  }
  return { ok: true, expected: loaded.revision, events, claim };
};

/**
 * Writes a decided row. The registry number is claimed first, on its own stream, as
 * executeAgreementCommand does (a store has no transaction across streams); then the row's
 * events go in one append at the revision they were decided on, so they are written all
 * together or not at all. `claimed` hears of the claim before the append, so that a row refused
 * after it can give the number back.
 */
const writeRow = async (
  deps: CommandHandlerDeps,
  plan: RowPlan,
  actor: Actor,
  decision: Extract<Decision, { ok: true }>,
  claimed: (claim: RegistryNumberClaim) => void,
): Promise<bigint> => {
  const { claim } = decision;
  if (claim?.command.type === 'RegisterAgreement') {
    const correlationId = plan.commands[0]?.commandId ?? claim.commandId;
    claimed(await claimRegistryNumber(deps, claim.command.data.registryNumber, plan.agreementId, { commandId: claim.commandId, actor, correlationId }));
  }
  const { position } = await deps.store.appendToStream(agreementStreamName(plan.agreementId), decision.events, { expectedRevision: decision.expected });
  return position;
};

/**
 * Decides and writes one row, deciding again when another writer changed its agreement meanwhile.
 * A row refused after this import claimed its registry number gives the number back (see
 * releaseRegistryNumber). A store failure leaves the claim: the append may have gone through, and
 * the next import of the row (same command ids) takes the claim up as already made.
 */
const importRow = async (
  deps: CommandHandlerDeps,
  plan: RowPlan,
  line: number,
  options: ImportOptions,
  claimed: Map<string, AgreementId>,
  wrote: (position: bigint) => void,
): Promise<RowOutcome> => {
  let claimedHere: RegistryNumberClaim | undefined;
  const rejected = async (problems: readonly RowProblem[]): Promise<RowOutcome> => {
    if (claimedHere !== undefined) await releaseRegistryNumber(deps, claimedHere);
    return { line, key: plan.key, outcome: 'rejected', problems };
  };
  for (let attempt = 1; ; attempt++) {
    const decision = await decideRow(deps, plan, options.actor, claimed);
    if (!decision.ok) return rejected(decision.problems);
    if (decision.events.length === 0) return { line, key: plan.key, agreementId: plan.agreementId, outcome: 'unchanged' };
    if (options.dryRun !== true) {
      try {
        wrote(await writeRow(deps, plan, options.actor, decision, (claim) => (claimedHere ??= claim.claimedNow ? claim : undefined)));
      } catch (error) {
        if (error instanceof RuleViolationError) return rejected([refusal(error, 'registryNumber')]);
        // Someone wrote to the agreement meanwhile: decide again on its new state.
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
        if (error instanceof WrongExpectedRevisionError) {
          return rejected([problem(KEY_FIELD, 'CONFLICT', `${error.message}: the agreement kept changing while it was imported; import the file again.`)]);
        }
        throw error;
      }
    }
    if (decision.claim?.command.type === 'RegisterAgreement') claimed.set(decision.claim.command.data.registryNumber.toUpperCase(), plan.agreementId);
    return { line, key: plan.key, agreementId: plan.agreementId, outcome: 'imported', events: decision.events.length };
  }
};

/** The registry number a row registers its agreement under, if it does (claims are by upper case). */
const registryNumberOf = (plan: RowPlan): string | undefined => {
  for (const { command } of plan.commands) if (command.type === 'RegisterAgreement') return command.data.registryNumber.toUpperCase();
  return undefined;
};

/**
 * Imports rows of agreements, each row on its own: its commands are read by the API's reader and
 * decided by the domain on the state folded so far, and the row is written whole or not at all.
 * A row rejected leaves nothing behind and does not stop the others. Store failures (not a
 * row's fault) stop the import and are thrown; the rows before stand, and so may rows after it
 * that were already being written.
 *
 * Up to `concurrency` rows are in flight at once, so their appends share group commits. Rows are
 * independent except through what they write: a row's agreement (its key; a key used twice is
 * refused before anything runs) and its registry number, claimed across agreements. A row waits
 * for the rows before it that touch either, so two rows giving one registry number are decided in
 * file order and the earlier line gets it, as when importing row after row. The report lists rows
 * by line whatever order they finished in; the store's log holds independent rows in the order
 * their writes committed.
 */
export const importAgreements = async (deps: CommandHandlerDeps, rows: AsyncIterable<SourceRow> | Iterable<SourceRow>, options: ImportOptions): Promise<ImportReport> => {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer; got ${concurrency}.`);
  const firstLineOfKey = new Map<string, number>();
  const claimed = new Map<string, AgreementId>();
  /** Outcomes by row, in file order. */
  const outcomes: RowOutcome[] = [];
  const inFlight = new Set<Promise<void>>();
  /** The latest row in flight touching each agreement or registry number. */
  const lastTouching = new Map<string, Promise<void>>();
  let failure: { readonly error: unknown } | undefined;
  let done = 0;
  let position: bigint | null = null;
  const settle = (index: number, outcome: RowOutcome) => {
    outcomes[index] = outcome;
    done += 1;
    options.onRow?.(done);
  };
  const wrote = (at: bigint) => {
    if (position === null || at > position) position = at;
  };

  /** The row's outcome when it is settled without the store (unreadable, or a key seen before), else its plan. */
  const screen = (row: SourceRow): RowOutcome | RowPlan => {
    if ('problems' in row) return { line: row.line, key: undefined, outcome: 'rejected', problems: row.problems };
    const plan = planRow(row.fields);
    if (!('key' in plan)) {
      const givenKey = row.fields[KEY_FIELD];
      return { line: row.line, key: typeof givenKey === 'string' ? givenKey.trim() : undefined, outcome: 'rejected', problems: plan.problems };
    }
    const firstLine = firstLineOfKey.get(plan.key);
    if (firstLine !== undefined) {
      return {
        line: row.line,
        key: plan.key,
        outcome: 'rejected',
        problems: [problem(KEY_FIELD, 'duplicate-key', `${JSON.stringify(plan.key)} is already the key of line ${firstLine}: one row per agreement, each with its own key.`)],
      };
    }
    firstLineOfKey.set(plan.key, row.line);
    return plan;
  };

  const start = (index: number, line: number, plan: RowPlan) => {
    const number = registryNumberOf(plan);
    const touches = [`agreement:${plan.agreementId}`, ...(number === undefined ? [] : [`registry-number:${number}`])];
    const before = touches.flatMap((resource) => lastTouching.get(resource) ?? []);
    const task = (async () => {
      await Promise.all(before);
      if (failure !== undefined) return;
      settle(index, await importRow(deps, plan, line, options, claimed, wrote));
    })().catch((error: unknown) => {
      failure ??= { error };
    });
    for (const resource of touches) lastTouching.set(resource, task);
    inFlight.add(task);
    void task.then(() => {
      inFlight.delete(task);
      for (const resource of touches) if (lastTouching.get(resource) === task) lastTouching.delete(resource);
    });
  };

  let index = 0;
  let interrupted = false;
  try {
    for await (const row of rows) {
      if (options.signal?.aborted === true) {
        interrupted = true;
        break;
      }
      const screened = screen(row);
      if ('outcome' in screened) settle(index, screened);
      else start(index, row.line, screened);
      index += 1;
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      if (failure !== undefined) break;
    }
  } finally {
    // Whether the file ended, could not be read further, or the store failed: rows being written finish first.
    while (inFlight.size > 0) await Promise.all(inFlight);
  }
  if (failure !== undefined) throw failure.error;

  const rejected: RejectedRow[] = [];
  let imported = 0;
  let unchanged = 0;
  let events = 0;
  for (const outcome of outcomes) {
    if (outcome.outcome === 'rejected') rejected.push(outcome);
    else if (outcome.outcome === 'unchanged') unchanged += 1;
    else {
      imported += 1;
      events += outcome.events;
    }
  }
  return { dryRun: options.dryRun === true, rows: index, imported, unchanged, rejected, events, position, interrupted };
};
