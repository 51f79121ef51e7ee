import { EVENT_OF_COMMAND, type AgreementCommand, type FactCommand, type FactCommandType } from '../agreements/agreementCommands';
import type { AgreementEventData } from '../agreements/agreementEvents';
import type { AgreementRecord } from '../agreements/agreementState';
import type { AgreementId } from '../agreements/agreementTypes';
import type { Actor } from '../eventSourcing/envelope';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, earliestRecordingMs, type Day } from './calendar';
import { flat } from './historyStep';
import type { Rng } from './rng';

/** What a fact may look at when its command is built at emission time. */
export interface BuildContext {
  readonly state: AgreementRecord;
  readonly numbers: NumberBook;
  /** The id of the event an earlier fact of this agreement recorded (one marked `correctionTarget`). */
  readonly eventIdOf: (label: string) => string;
}

/**
 * Most commands are fixed when the agreement is planned. Registrations and opinions take the
 * registry's next number, and corrections the fact as it stands: those are built when emitted.
 */
export type CommandSource = AgreementCommand | ((context: BuildContext) => AgreementCommand);

export interface PlannedFact {
  /** The legal date of the fact; for a correction, the day it is made. */
  readonly day: Day;
  readonly rank: number;
  /** Unique within the agreement: it names the command (and so the event ids). */
  readonly label: string;
  readonly actor: Actor;
  readonly command: CommandSource;
  readonly commandType: AgreementCommand['type'];
  recordedMs: number;
  /** A later correction names this fact's event: its id is kept once emitted (see BuildContext.eventIdOf). */
  correctionTarget?: true;
}

/** Same-day facts in lifecycle order, so that a fact never precedes what it needs. */
const RANK: Readonly<Record<AgreementCommand['type'], number>> = {
  OpenAgreement: 0,
  IdentifyCounterpart: 1,
  SubmitTextToSre: 2,
  IssueSreOpinion: 3,
  ReviseText: 4,
  GrantApproval: 5,
  SignAgreement: 6,
  FileSignedCopy: 7,
  RegisterAgreement: 8,
  EnterIntoForce: 9,
  AdoptWorkPlan: 10,
  RecordCooperationMilestone: 11,
  AmendAgreement: 12,
  RenewAgreement: 13,
  SuspendAgreement: 14,
  ResumeAgreement: 15,
  TerminateAgreement: 16,
  CorrectFact: 17,
};

/** Acts done in the registry itself (opening a file, opinions, registrations, corrections) are recorded as they are done; what the parties report arrives later. */
const REGISTRY_ACTS: ReadonlySet<AgreementCommand['type']> = new Set(['IssueSreOpinion', 'RegisterAgreement', 'CorrectFact', 'OpenAgreement']);

export const factCommand = <Type extends FactCommandType>(
  type: Type,
  agreementId: AgreementId,
  data: AgreementEventData[(typeof EVENT_OF_COMMAND)[Type]],
): FactCommand => ({ type, agreementId, data }) as FactCommand;

/**
 * Collects an agreement's facts in any order, then lays them out as its stream: sorted by legal
 * date (lifecycle order within a day), each recorded a few hours to weeks after it happened and
 * never before the fact recorded before it. Facts on or after the history's last day are dropped,
 * and so is everything recorded after its end: what remains is always a prefix of the lifecycle.
 */
export class PlanBuilder {
  private readonly facts: (PlannedFact & { readonly sequence: number })[] = [];

  constructor(
    readonly agreementId: AgreementId,
    /** The last legal date a fact may have (the day before `to`). */
    readonly lastDay: Day,
  ) {}

  add<Type extends FactCommandType>(
    day: Day,
    label: string,
    actor: Actor,
    type: Type,
    data: AgreementEventData[(typeof EVENT_OF_COMMAND)[Type]] | ((context: BuildContext) => AgreementEventData[(typeof EVENT_OF_COMMAND)[Type]]),
  ): void {
    if (day > this.lastDay) return;
    const command: CommandSource =
      typeof data === 'function' ? (context: BuildContext) => factCommand(type, this.agreementId, data(context)) : factCommand(type, this.agreementId, data);
    this.push(day, label, actor, type, command);
  }

  addCorrection(day: Day, label: string, actor: Actor, build: (context: BuildContext) => AgreementCommand): void {
    if (day > this.lastDay) return;
    this.push(day, label, actor, 'CorrectFact', build);
  }

  /** Facts planned so far, in planning order: later phases look at what earlier ones planned. */
  planned(): readonly PlannedFact[] {
    return this.facts;
  }

  finish(rng: Rng, horizonMs: number, backfillDay: Day | undefined): PlannedFact[] {
    const ordered = [...this.facts].sort((a, b) => a.day - b.day || a.rank - b.rank || a.sequence - b.sequence);
    const kept: PlannedFact[] = [];
    let previous = Number.NEGATIVE_INFINITY;
    for (const fact of ordered) {
      const backfilled = backfillDay !== undefined && fact.day < backfillDay;
      const wanted = backfilled ? earliestRecordingMs(backfillDay) + 3 * MS_PER_HOUR : earliestRecordingMs(fact.day) + lag(rng, fact.commandType);
      fact.recordedMs = Math.max(wanted, previous + rng.int(1, 30) * MS_PER_MINUTE);
      if (fact.recordedMs >= horizonMs) break;
      previous = fact.recordedMs;
      kept.push(fact);
    }
    return kept;
  }

  private push(day: Day, label: string, actor: Actor, type: AgreementCommand['type'], command: CommandSource): void {
    this.facts.push({ day, rank: RANK[type], label, actor, command, commandType: type, recordedMs: 0, sequence: this.facts.length });
  }
}

/** How long after a fact the registry learns of it. */
const lag = (rng: Rng, type: AgreementCommand['type']): number => {
  const roll = rng.next();
  if (REGISTRY_ACTS.has(type)) return roll < 0.85 ? rng.int(0, 6 * 60) * MS_PER_MINUTE : rng.int(1, 5) * MS_PER_DAY;
  if (roll < 0.45) return rng.int(0, 8 * 60) * MS_PER_MINUTE;
  if (roll < 0.8) return rng.int(1, 7) * MS_PER_DAY + rng.int(0, 8 * 60) * MS_PER_MINUTE;
  if (roll < 0.95) return rng.int(7, 42) * MS_PER_DAY;
  return rng.int(60, 180) * MS_PER_DAY;
};

/**
 * Registry and opinion numbers are the registry's own sequences per year, handed out in the order
 * the acts are recorded, so they read as an office would have issued them.
 */
export class NumberBook {
  private readonly registry = new Map<number, number>();
  private readonly opinions = new Map<number, number>();

  registryNumber(year: number): string {
    const next = (this.registry.get(year) ?? 0) + 1;
    this.registry.set(year, next);
    return flat(`RAI-${year}-${String(next).padStart(5, '0')}`);
  }

  opinionNumber(year: number): string {
    const next = (this.opinions.get(year) ?? 0) + 1;
    this.opinions.set(year, next);
    return flat(`DGCP-CJ-${year}-${String(next).padStart(5, '0')}`);
  }
}
