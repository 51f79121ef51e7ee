import { policyProjection, type PolicyModel } from '../../projections/policy';
import type { AgreementEvent, AgreementEventData, CorrectableEventType } from '../agreements/agreementEvents';
import {
  counterpartKey,
  type AgreementKind,
  type Counterpart,
  type ForceMode,
  type MilestoneKind,
  type Money,
  type OpinionOutcome,
  type RenewalMode,
  type SubnationalParty,
  type TerminationCause,
  type ThemeCode,
  type Validity,
} from '../agreements/agreementTypes';
import { EncodedRecords, RecordsByKey } from '../projectionRunner/encodedRecords';
import type { ProjectedEvent } from '../projectionRunner/registryEvent';
import type { Instant, LegalDate } from '../shared/time';

/*
 * The audit read model: per agreement, the facts the rules look at, each tied to the event(s) that
 * recorded it. It holds facts, not findings: most findings depend on `today` (a deadline passes
 * with no event), so they are computed at query time by `evaluateFindings` from this model.
 *
 * Only the fields the rules read are kept, never whole events: at a million events the model is
 * snapshotted with v8.serialize, and event data the audit never reads (titles, signatories,
 * descriptions) would multiply the snapshot's size and load time.
 */

/** The event that recorded a fact, and the corrections applied to it since. */
export interface FactSource {
  readonly eventId: string;
  readonly recordedAt: Instant;
  /** Ids of the FactCorrected events applied, in order; null until the first (most facts never are). */
  readonly correctedBy: readonly string[] | null;
  /** Recorded instant of the latest correction; null until the first. */
  readonly correctedAt: Instant | null;
  /**
   * Recorded instant of the latest correction that changed the fact's date; null if none did.
   * Deadlines and periods depend on dates: a finding a correction brought about by moving a date
   * could not be raised before it (see raisedByTime), while one that fixed a number could.
   */
  readonly redatedAt: Instant | null;
}

/*
 * Entries are built as object literals with the source's fields written out, never by spreading
 * the source: on Node 20, `{ ...source, on }` measured about twenty times slower to build than the
 * literal, and put the added fields out of line, slowing every later read by the rules.
 */

/** When the fact as it now stands was recorded: its latest correction, or the original event. */
export const knownAt = (source: FactSource): Instant => source.correctedAt ?? source.recordedAt;

export interface DatedFact extends FactSource {
  readonly on: LegalDate;
}

export interface CounterpartFact {
  readonly counterpart: Counterpart;
  /** `counterpartKey`: kind, place and case-folded name. */
  readonly key: string;
  /** The opening date, or the date it was identified. */
  readonly addedOn: LegalDate;
  /** The opening, or the identification. */
  readonly fact: FactSource;
}

export interface OpinionFact extends DatedFact {
  readonly outcome: OpinionOutcome;
  readonly opinionNumber: string;
}

export interface RegistrationFact extends DatedFact {
  readonly registryNumber: string;
}

export interface ForceFact extends DatedFact {
  readonly mode: ForceMode;
}

export interface TerminationFact extends DatedFact {
  readonly cause: TerminationCause;
}

export interface RenewalFact extends DatedFact {
  readonly mode: RenewalMode;
  readonly newEndsOn: LegalDate | null;
}

export interface MilestoneFact extends DatedFact {
  readonly milestoneId: string;
  readonly kind: MilestoneKind;
  readonly amount: Money | null;
  /** Set when the milestone looks like foreign-currency borrowing (see FOREIGN_CURRENCY_BORROWING). */
  readonly borrowingSignal: string | null;
}

export interface ActivityFact extends DatedFact {
  readonly type: 'WorkPlanAdopted' | 'AgreementAmended';
}

export interface AuditAgreement {
  readonly agreementId: string;
  /** Order of opening in the log: breaks ties between twinnings opened on the same day. */
  readonly sequence: number;
  /** The opening, as evidence for what it set: kind, parties, themes, validity, first counterparts. */
  opening: DatedFact;
  kind: AgreementKind;
  parties: readonly SubnationalParty[];
  themes: readonly ThemeCode[];
  openedOn: LegalDate;
  validity: Validity;
  /** The opening's counterparts, then those identified later, in stream order. */
  counterparts: CounterpartFact[];
  // Facts by type, each list in stream order; a correction replaces an entry where it stands.
  readonly submissions: DatedFact[];
  readonly opinions: OpinionFact[];
  signature: DatedFact | null;
  registration: RegistrationFact | null;
  /** Provisional application and entry into force. */
  readonly forces: ForceFact[];
  termination: TerminationFact | null;
  readonly renewals: RenewalFact[];
  /** The decider alternates them, so the i-th resumption ends the i-th suspension. */
  readonly suspensions: DatedFact[];
  readonly resumptions: DatedFact[];
  readonly milestones: MilestoneFact[];
  /** Other facts that presuppose a live agreement (for EXPIRED_STILL_ACTIVE). */
  readonly activities: ActivityFact[];
  /** Keys of the twinning index this agreement is filed under (empty unless a twinning). */
  pairKeys: string[];
}

export interface AuditModel {
  /** Position of the last event that changed the model (-1n before any). */
  position: bigint;
  /** Number of changes applied so far: with `changedAt` stamps, what an evaluator caches by. */
  changes: number;
  nextSequence: number;
  /** The agreements by id (held encoded until changed, see EncodedRecords: read them, never change them). */
  readonly agreements: ReadonlyMap<string, AuditAgreement>;
  /** The same agreements by sequence. */
  readonly records: EncodedRecords<AuditAgreement>;
  /** Sequence of each agreement by id, in order of opening. */
  readonly sequences: Map<string, number>;
  /**
   * By sequence: the `changes` count when each agreement last changed, and its `pairKeys` (a copy
   * of the agreement's own), so that an evaluator finds what changed without decoding every
   * agreement and reuses the findings of the rest.
   */
  readonly changedAt: number[];
  readonly pairKeys: (readonly string[])[];
  /**
   * Twinnings by `${Mexican party code}|${counterpartKey}`: the cross-agreement index behind
   * DUPLICATE_TWINNING. Terminated or expired ones stay filed; evaluation compares periods.
   */
  readonly twinningPairs: Map<string, string[]>;
  /**
   * `changes` when any twinning filed under a key (or the key's membership) last changed: a
   * duplicate finding depends on the other members, so this is part of its cache key.
   */
  readonly pairChangedAt: Map<string, number>;
  /**
   * The policy versions, as the policy read model folds them: its own copy, so that a snapshot of
   * this model alone can judge its agreements (see judgeWhatChanged). Queries judge by the policy
   * read model they are given, which holds the same versions.
   */
  readonly policy: PolicyModel;
}

export const createAuditModel = (): AuditModel => {
  const records = EncodedRecords.empty<AuditAgreement>();
  const sequences = new Map<string, number>();
  return {
    position: -1n,
    changes: 0,
    nextSequence: 0,
    agreements: new RecordsByKey(sequences, records),
    records,
    sequences,
    changedAt: [],
    pairKeys: [],
    twinningPairs: new Map(),
    pairChangedAt: new Map(),
    policy: policyProjection.create(),
  };
};

export const TWINNING_KINDS: readonly AgreementKind[] = ['twinning', 'declaratory-twinning'];

export const applyAuditEvent = (model: AuditModel, projected: ProjectedEvent): void => {
  if (projected.event.type === 'PolicyVersionPublished') {
    policyProjection.apply(model.policy, projected);
    model.position = projected.position;
    return;
  }
  const { agreementId } = projected;
  if (agreementId === null) return;
  const event = projected.event as AgreementEvent;
  const sequence = model.sequences.get(agreementId);
  const source: FactSource = { eventId: projected.id, recordedAt: projected.recordedAt, correctedBy: null, correctedAt: null, redatedAt: null };

  if (event.type === 'AgreementOpened') {
    if (sequence !== undefined) return;
    const opened = openAgreement(agreementId, model.nextSequence++, source, event.data);
    model.sequences.set(agreementId, opened.sequence);
    model.records.push(opened);
    model.changedAt.push(0);
    model.pairKeys.push(opened.pairKeys);
    reindexTwinning(model, opened);
    changed(model, opened.sequence, projected.position);
    return;
  }
  // Facts of an agreement whose opening is not in the log cannot be audited (no kind, no parties).
  if (sequence === undefined) return;
  if (event.type === 'FactCorrected') {
    const agreement = model.records.mutable(sequence);
    if (correct(agreement, event.data, projected)) {
      reindexTwinning(model, agreement);
      changed(model, sequence, projected.position);
    }
    return;
  }
  if (event.type === 'CounterpartIdentified') {
    const agreement = model.records.mutable(sequence);
    agreement.counterparts.push(counterpartFact(event.data.counterpart, event.data.identifiedOn, source));
    reindexTwinning(model, agreement);
    changed(model, sequence, projected.position);
    return;
  }
  const filing = fileFact(event, source);
  if (filing === null) return;
  // Deferred while the agreement is held cold (EncodedRecords.update): a replay after a history
  // snapshot then decodes only the agreements something reads, not every one an event touched.
  model.records.update(sequence, filing);
  changed(model, sequence, projected.position);
};

const changed = (model: AuditModel, sequence: number, position: bigint): void => {
  model.position = position;
  const stamp = ++model.changes;
  model.changedAt[sequence] = stamp;
  for (const key of model.pairKeys[sequence] as readonly string[]) model.pairChangedAt.set(key, stamp);
};

const openAgreement = (agreementId: string, sequence: number, source: FactSource, data: AgreementEventData['AgreementOpened']): AuditAgreement => {
  const opening = datedFact(source, data.openedOn);
  return {
    agreementId,
    sequence,
    opening,
    kind: data.kind,
    parties: data.parties,
    themes: data.themes,
    openedOn: data.openedOn,
    validity: data.validity,
    counterparts: data.counterparts.map((counterpart) => counterpartFact(counterpart, data.openedOn, opening)),
    submissions: [],
    opinions: [],
    signature: null,
    registration: null,
    forces: [],
    termination: null,
    renewals: [],
    suspensions: [],
    resumptions: [],
    milestones: [],
    activities: [],
    pairKeys: [],
  };
};

const counterpartFact = (counterpart: Counterpart, addedOn: LegalDate, fact: FactSource): CounterpartFact => ({
  counterpart,
  key: counterpartKey(counterpart),
  addedOn,
  fact,
});

/**
 * How a new fact is filed: built now (so the change holds the fact, not the event), pushed onto
 * the agreement whenever it is applied. Null for the types no rule reads (text revisions,
 * approvals, signed copies).
 */
const fileFact = (
  event: Exclude<AgreementEvent, { type: 'AgreementOpened' | 'FactCorrected' | 'CounterpartIdentified' }>,
  source: FactSource,
): ((agreement: AuditAgreement) => void) | null => {
  switch (event.type) {
    case 'TextSubmittedToSre': {
      const fact = datedFact(source, event.data.submittedOn);
      return (agreement) => agreement.submissions.push(fact);
    }
    case 'SreOpinionIssued': {
      const fact = opinionFact(source, event.data);
      return (agreement) => agreement.opinions.push(fact);
    }
    case 'AgreementSigned': {
      const fact = datedFact(source, event.data.signedOn);
      return (agreement) => {
        agreement.signature = fact;
      };
    }
    case 'AgreementRegistered': {
      const fact = registrationFact(source, event.data);
      return (agreement) => {
        agreement.registration = fact;
      };
    }
    case 'AgreementEnteredIntoForce': {
      const fact = forceFact(source, event.data);
      return (agreement) => agreement.forces.push(fact);
    }
    case 'CooperationMilestoneRecorded': {
      const fact = milestoneFact(source, event.data);
      return (agreement) => agreement.milestones.push(fact);
    }
    case 'WorkPlanAdopted': {
      const fact = activityFact(source, event.data.adoptedOn, 'WorkPlanAdopted');
      return (agreement) => agreement.activities.push(fact);
    }
    case 'AgreementAmended': {
      const fact = activityFact(source, event.data.amendedOn, 'AgreementAmended');
      return (agreement) => agreement.activities.push(fact);
    }
    case 'AgreementRenewed': {
      const fact = renewalFact(source, event.data);
      return (agreement) => agreement.renewals.push(fact);
    }
    case 'AgreementSuspended': {
      const fact = datedFact(source, event.data.suspendedOn);
      return (agreement) => agreement.suspensions.push(fact);
    }
    case 'AgreementResumed': {
      const fact = datedFact(source, event.data.resumedOn);
      return (agreement) => agreement.resumptions.push(fact);
    }
    case 'AgreementTerminated': {
      const fact = terminationFact(source, event.data);
      return (agreement) => {
        agreement.termination = fact;
      };
    }
    case 'TextRevised':
    case 'ApprovalGranted':
    case 'SignedCopyFiled':
      return null;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown agreement event ${JSON.stringify(unknown)}`);
    }
  }
};

const datedFact = (source: FactSource, on: LegalDate): DatedFact => ({
  eventId: source.eventId,
  recordedAt: source.recordedAt,
  correctedBy: source.correctedBy,
  correctedAt: source.correctedAt,
  redatedAt: source.redatedAt,
  on,
});

const registrationFact = (source: FactSource, data: AgreementEventData['AgreementRegistered']): RegistrationFact => ({
  eventId: source.eventId,
  recordedAt: source.recordedAt,
  correctedBy: source.correctedBy,
  correctedAt: source.correctedAt,
  redatedAt: source.redatedAt,
  on: data.registeredOn,
  registryNumber: data.registryNumber,
});

const forceFact = (source: FactSource, data: AgreementEventData['AgreementEnteredIntoForce']): ForceFact => ({
  eventId: source.eventId,
  recordedAt: source.recordedAt,
  correctedBy: source.correctedBy,
  correctedAt: source.correctedAt,
  redatedAt: source.redatedAt,
  on: data.effectiveOn,
  mode: data.mode,
});

const activityFact = (source: FactSource, on: LegalDate, type: ActivityFact['type']): ActivityFact => ({
  eventId: source.eventId,
  recordedAt: source.recordedAt,
  correctedBy: source.correctedBy,
  correctedAt: source.correctedAt,
  redatedAt: source.redatedAt,
  on,
  type,
});

const terminationFact = (source: FactSource, data: AgreementEventData['AgreementTerminated']): TerminationFact => ({
  eventId: source.eventId,
  recordedAt: source.recordedAt,
  correctedBy: source.correctedBy,
  correctedAt: source.correctedAt,
  redatedAt: source.redatedAt,
  on: data.terminatedOn,
  cause: data.cause,
});

const opinionFact = (source: FactSource, data: AgreementEventData['SreOpinionIssued']): OpinionFact => ({
  eventId: source.eventId,
  recordedAt: source.recordedAt,
  correctedBy: source.correctedBy,
  correctedAt: source.correctedAt,
  redatedAt: source.redatedAt,
  on: data.issuedOn,
  outcome: data.outcome,
  opinionNumber: data.opinionNumber,
});

const milestoneFact = (source: FactSource, data: AgreementEventData['CooperationMilestoneRecorded']): MilestoneFact => ({
  eventId: source.eventId,
  recordedAt: source.recordedAt,
  correctedBy: source.correctedBy,
  correctedAt: source.correctedAt,
  redatedAt: source.redatedAt,
  on: data.occurredOn,
  milestoneId: data.milestoneId,
  kind: data.kind,
  amount: data.amount ?? null,
  borrowingSignal: data.amount ? borrowingSignal(data.kind, data.amount, data.description) : null,
});

const renewalFact = (source: FactSource, data: AgreementEventData['AgreementRenewed']): RenewalFact => ({
  eventId: source.eventId,
  recordedAt: source.recordedAt,
  correctedBy: source.correctedBy,
  correctedAt: source.correctedAt,
  redatedAt: source.redatedAt,
  on: data.renewedOn,
  mode: data.mode,
  newEndsOn: data.newEndsOn ?? null,
});

/**
 * Applies a correction exactly: the corrected fact is rebuilt from the corrected data (which
 * replaces the original data whole) and put back where it stood in its list, so the order of
 * facts, which some rules read (latest opinion, last renewal), is the stream's. Every other field
 * a rule reads is derived from these lists at evaluation, so nothing else can go stale.
 * False when the corrected fact is not one the audit keeps.
 */
const correct = (agreement: AuditAgreement, data: AgreementEventData['FactCorrected'], projected: ProjectedEvent): boolean => {
  const { correctedEventId } = data;
  const corrected = (previous: FactSource): FactSource => ({
    eventId: previous.eventId,
    recordedAt: previous.recordedAt,
    correctedBy: previous.correctedBy === null ? [projected.id] : [...previous.correctedBy, projected.id],
    correctedAt: projected.recordedAt,
    redatedAt: previous.redatedAt,
  });
  /** `next`, rebuilt from `previous` by this correction, marked redated if its date moved. */
  const redated = <T extends FactSource>(previous: FactSource, next: T): T => {
    if ((previous as Partial<DatedFact>).on !== (next as Partial<DatedFact>).on) (next as { redatedAt: Instant | null }).redatedAt = projected.recordedAt;
    return next;
  };
  const replace = <T extends FactSource>(list: T[], build: (source: FactSource) => T): boolean => {
    const index = list.findIndex((fact) => fact.eventId === correctedEventId);
    if (index < 0) return false;
    const previous = list[index]!;
    list[index] = redated(previous, build(corrected(previous)));
    return true;
  };
  const matches = (fact: FactSource | null): fact is FactSource => fact !== null && fact.eventId === correctedEventId;
  const type: CorrectableEventType = data.correctedType;
  switch (type) {
    case 'AgreementOpened': {
      if (!matches(agreement.opening)) return false;
      const opened = data.correctedData as AgreementEventData['AgreementOpened'];
      const previous = agreement.opening;
      const opening = redated(previous, datedFact(corrected(previous), opened.openedOn));
      agreement.opening = opening;
      agreement.kind = opened.kind;
      agreement.parties = opened.parties;
      agreement.themes = opened.themes;
      agreement.openedOn = opened.openedOn;
      agreement.validity = opened.validity;
      agreement.counterparts = [
        ...opened.counterparts.map((counterpart) => counterpartFact(counterpart, opened.openedOn, opening)),
        ...agreement.counterparts.filter((entry) => entry.fact !== previous),
      ];
      return true;
    }
    case 'CounterpartIdentified': {
      const identified = data.correctedData as AgreementEventData['CounterpartIdentified'];
      const index = agreement.counterparts.findIndex((entry) => entry.fact !== agreement.opening && entry.fact.eventId === correctedEventId);
      if (index < 0) return false;
      agreement.counterparts[index] = counterpartFact(identified.counterpart, identified.identifiedOn, corrected(agreement.counterparts[index]!.fact));
      return true;
    }
    case 'TextSubmittedToSre': {
      const submitted = data.correctedData as AgreementEventData['TextSubmittedToSre'];
      return replace(agreement.submissions, (source) => datedFact(source, submitted.submittedOn));
    }
    case 'SreOpinionIssued':
      return replace(agreement.opinions, (source) => opinionFact(source, data.correctedData as AgreementEventData['SreOpinionIssued']));
    case 'AgreementSigned':
      if (!matches(agreement.signature)) return false;
      agreement.signature = redated(agreement.signature, datedFact(corrected(agreement.signature), (data.correctedData as AgreementEventData['AgreementSigned']).signedOn));
      return true;
    case 'AgreementRegistered': {
      if (!matches(agreement.registration)) return false;
      agreement.registration = redated(agreement.registration, registrationFact(corrected(agreement.registration), data.correctedData as AgreementEventData['AgreementRegistered']));
      return true;
    }
    case 'AgreementEnteredIntoForce':
      return replace(agreement.forces, (source) => forceFact(source, data.correctedData as AgreementEventData['AgreementEnteredIntoForce']));
    case 'CooperationMilestoneRecorded':
      return replace(agreement.milestones, (source) => milestoneFact(source, data.correctedData as AgreementEventData['CooperationMilestoneRecorded']));
    case 'WorkPlanAdopted': {
      const plan = data.correctedData as AgreementEventData['WorkPlanAdopted'];
      return replace(agreement.activities, (source) => activityFact(source, plan.adoptedOn, 'WorkPlanAdopted'));
    }
    case 'AgreementAmended': {
      const amendment = data.correctedData as AgreementEventData['AgreementAmended'];
      return replace(agreement.activities, (source) => activityFact(source, amendment.amendedOn, 'AgreementAmended'));
    }
    case 'AgreementRenewed':
      return replace(agreement.renewals, (source) => renewalFact(source, data.correctedData as AgreementEventData['AgreementRenewed']));
    case 'AgreementSuspended': {
      const suspension = data.correctedData as AgreementEventData['AgreementSuspended'];
      return replace(agreement.suspensions, (source) => datedFact(source, suspension.suspendedOn));
    }
    case 'AgreementResumed': {
      const resumption = data.correctedData as AgreementEventData['AgreementResumed'];
      return replace(agreement.resumptions, (source) => datedFact(source, resumption.resumedOn));
    }
    case 'AgreementTerminated': {
      if (!matches(agreement.termination)) return false;
      agreement.termination = redated(agreement.termination, terminationFact(corrected(agreement.termination), data.correctedData as AgreementEventData['AgreementTerminated']));
      return true;
    }
    case 'TextRevised':
    case 'ApprovalGranted':
    case 'SignedCopyFiled':
      return false;
    default: {
      const unknown: never = type;
      throw new Error(`Unknown corrected type ${JSON.stringify(unknown)}`);
    }
  }
};

/**
 * Currencies that are not foreign for art. 117 fr. VIII: the peso and the UDI (MXV, a peso-based
 * unit of account that ISO 4217 lists as a fund code).
 */
export const DOMESTIC_CURRENCIES: ReadonlySet<string> = new Set(['MXN', 'MXV']);

/** Milestone kinds in which a financed undertaking is recorded. */
export const BORROWING_MILESTONE_KINDS: ReadonlySet<MilestoneKind> = new Set<MilestoneKind>(['project']);

/**
 * Word stems that suggest debt rather than a grant, matched at the start of a word, ignoring case
 * and accents: préstamo, crédito, financiamiento, empréstito, deuda; loan, credit, debt, borrow.
 * "Financiamiento" also covers grants, so this stays a heuristic for review.
 */
const BORROWING_WORDS = /(?:^|[^\p{L}])((?:prestamo|credit|financiamiento|emprestito|deuda|loan|debt|borrow)\p{L}*)/u;

/** The matched word (accents dropped) when the milestone looks like foreign-currency borrowing, else null. */
export const borrowingSignal = (kind: MilestoneKind, amount: Money, description: string): string | null => {
  if (!BORROWING_MILESTONE_KINDS.has(kind) || DOMESTIC_CURRENCIES.has(amount.currency)) return null;
  const match = BORROWING_WORDS.exec(
    description
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase(),
  );
  return match ? match[1]! : null;
};

/** Files a twinning under each (party, counterpart) pair it has, and unfiles what it no longer has. */
const reindexTwinning = (model: AuditModel, agreement: AuditAgreement): void => {
  const keys: string[] = [];
  if (TWINNING_KINDS.includes(agreement.kind)) {
    for (const party of agreement.parties) {
      for (const counterpart of agreement.counterparts) {
        const key = `${party.code}|${counterpart.key}`;
        if (!keys.includes(key)) keys.push(key);
      }
    }
  }
  const previous = agreement.pairKeys;
  for (const key of previous) {
    if (keys.includes(key)) continue;
    // The twinnings left behind may no longer be duplicates: their group changes with this change
    // (whose stamp `changed` is about to assign).
    model.pairChangedAt.set(key, model.changes + 1);
    const filed = model.twinningPairs.get(key);
    if (!filed) continue;
    const index = filed.indexOf(agreement.agreementId);
    if (index >= 0) filed.splice(index, 1);
    if (filed.length === 0) model.twinningPairs.delete(key);
  }
  for (const key of keys) {
    if (previous.includes(key)) continue;
    const filed = model.twinningPairs.get(key);
    if (filed) filed.push(agreement.agreementId);
    else model.twinningPairs.set(key, [agreement.agreementId]);
  }
  agreement.pairKeys = keys;
  model.pairKeys[agreement.sequence] = keys;
};
