import type { AgreementCommand } from '../agreements/agreementCommands';
import { agreementDecider } from '../agreements/agreementDecider';
import type { AgreementEvent } from '../agreements/agreementEvents';
import type { AgreementRecord, AgreementState } from '../agreements/agreementState';
import { agreementStreamName, type AgreementId } from '../agreements/agreementTypes';
import { registryNumberDecider, registryNumberStreamName } from '../agreements/registryNumber';
import { deterministicUuid, type CommandId } from '../shared/ids';
import { PlanBuilder, type NumberBook, type PlannedFact } from './agreementPlan';
import { drawProfile, type AgreementProfile, type TwinningPair } from './agreementProfile';
import { subnationalActor, sreLegalActor } from './actors';
import { instantOf, type DecisionClock, type Day } from './calendar';
import { planCorrection } from './correction';
import { eventIdOf, flat, type HistoryStep } from './historyStep';
import type { IrregularCase } from './irregularities';
import { planNegotiation } from './negotiation';
import { planFormalities, planOperation } from './operation';
import { planMilestone, type Planning } from './planning';
import type { Rng } from './rng';

const RELEASED = undefined as unknown as PlannedFact;

export interface AgreementInput {
  readonly seed: number;
  readonly index: number;
  readonly rng: Rng;
  readonly openDay: Day;
  readonly lastDay: Day;
  readonly horizonMs: number;
  readonly irregular: IrregularCase | undefined;
  readonly earlierTwinning: TwinningPair | undefined;
}

/** Plans one agreement whole: its profile, lifecycle and irregularity, laid out as its stream. */
export interface PlannedAgreement {
  readonly agreementId: AgreementId;
  readonly profile: AgreementProfile;
  /** The facts that make it into the history, in recorded order. */
  readonly facts: PlannedFact[];
}

export const planAgreement = (input: AgreementInput): PlannedAgreement => {
  const { rng, irregular, openDay, lastDay } = input;
  const agreementId = flat(deterministicUuid(`${input.seed}/agreement/${input.index}`)) as AgreementId;
  const profile = drawProfile(rng, irregular, openDay, input.earlierTwinning);
  const p: Planning = {
    rng,
    plan: new PlanBuilder(agreementId, lastDay),
    profile,
    irregular,
    openDay,
    lastDay,
    local: subnationalActor(profile.lead.code),
    sre: sreLegalActor(rng),
    milestones: 0,
  };
  const signDay = planNegotiation(p);
  if (signDay !== undefined) planOperation(p, signDay, planFormalities(p, signDay));
  else if (profile.kind === 'declaratory-twinning' && rng.chance(0.3)) {
    // Declared twins sometimes visit each other, signed text or not.
    for (let day = openDay + rng.int(60, 400), count = rng.int(1, 3); count > 0 && day <= lastDay; day += rng.int(90, 700), count--) {
      planMilestone(p, day);
    }
  }
  if (irregular === 'correction') planCorrection(p);
  // A few early files reached the registry years late, all at once: back-filled history.
  const backfillDay = openDay < lastDay - 4 * 365 && rng.chance(0.08) ? Math.min(openDay + rng.int(365, 5 * 365), lastDay - 30) : undefined;
  return { agreementId, profile, facts: p.plan.finish(rng, input.horizonMs, backfillDay) };
};

/**
 * Emits one agreement's facts in recorded order, each decided by the real agreement decider on
 * the state the earlier ones left, exactly as the command handler would. A registration first
 * claims its number in the number's own stream, as executeAgreementCommand does.
 */
export class AgreementTrack {
  private next = 0;
  private state: AgreementState;
  private readonly streamName: string;
  private readonly correlationId: CommandId;

  constructor(
    readonly order: number,
    private readonly seed: number,
    private readonly index: number,
    private readonly agreementId: AgreementId,
    private facts: PlannedFact[],
  ) {
    this.state = agreementDecider.initialState();
    this.streamName = agreementStreamName(agreementId);
    this.correlationId = flat(this.commandIdOf('open')) as CommandId;
  }

  get done(): boolean {
    return this.next >= this.facts.length;
  }

  /** Recorded time of the next fact. */
  get key(): number {
    return (this.facts[this.next] as PlannedFact).recordedMs;
  }

  emit(clock: DecisionClock, numbers: NumberBook): HistoryStep[] {
    const fact = this.facts[this.next] as PlannedFact;
    // Emitted facts live on in the state only: drop the plan's hold on them.
    this.facts[this.next] = RELEASED;
    this.next += 1;
    const commandId = this.commandIdOf(fact.label);
    const state = this.state as AgreementRecord;
    const command: AgreementCommand =
      typeof fact.command === 'function'
        ? fact.command({ state, numbers, eventIdOf: (label) => eventIdOf(this.commandIdOf(label), this.streamName) })
        : fact.command;
    const context = clock.at(fact.recordedMs);
    const recordedAt = instantOf(fact.recordedMs);
    const envelope = { commandId, actor: fact.actor, correlationId: this.correlationId };
    const steps: HistoryStep[] = [];

    const events = this.decide(command, context, fact);
    if (command.type === 'RegisterAgreement') {
      const { registryNumber } = command.data;
      const claimStream = registryNumberStreamName(registryNumber);
      const claims = registryNumberDecider.decide({ registryNumber, agreementId: this.agreementId }, registryNumberDecider.initialState(), context);
      steps.push({ decider: 'registry-number', streamName: claimStream, events: claims, eventIds: claims.map((_, i) => eventIdOf(commandId, claimStream, i)), envelope, recordedAt });
    }
    const eventIds = events.map((_, i) => eventIdOf(commandId, this.streamName, i));
    this.state = events.reduce((folded, event, i) => agreementDecider.evolve(folded, event, { eventId: eventIds[i] as string }), this.state);
    steps.push({ decider: 'agreement', streamName: this.streamName, events, eventIds, envelope, recordedAt });

    if (this.done) {
      // Nothing more will be emitted: let the plan and the state go.
      this.facts = [];
      this.state = agreementDecider.initialState();
    }
    return steps;
  }

  private decide(command: AgreementCommand, context: ReturnType<DecisionClock['at']>, fact: PlannedFact): readonly AgreementEvent[] {
    try {
      return agreementDecider.decide(command, this.state, context);
    } catch (error) {
      // A refusal here is a generator bug: the history must be one the domain accepts.
      throw new Error(
        `The agreement decider refused ${fact.label} (${command.type}) of agreement #${this.index} (seed ${this.seed}, today ${context.today}): ${
          error instanceof Error ? error.message : String(error)
        }`,
        { cause: error },
      );
    }
  }

  private commandIdOf(label: string): CommandId {
    return deterministicUuid(`${this.seed}/agreement/${this.index}/${label}`) as CommandId;
  }
}
