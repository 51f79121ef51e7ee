import type { AgreementCommand } from '../agreements/agreementCommands';
import { agreementDecider } from '../agreements/agreementDecider';
import type { AgreementRecord, AgreementState } from '../agreements/agreementState';
import { agreementStreamName, type AgreementId } from '../agreements/agreementTypes';
import { registryNumberDecider, registryNumberStreamName } from '../agreements/registryNumber';
import { deterministicUuid, type CommandId } from '../shared/ids';
import type { NumberBook, PlannedFact } from './agreementPlan';
import { instantOf, type DecisionClock } from './calendar';
import { decideStrictly } from './decideStrictly';
import { eventIdOf, flat, type HistoryStep } from './historyStep';

const RELEASED = undefined as unknown as PlannedFact;

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
  /** Event ids of the facts a later correction names, by label (few: ids depend on the events' data). */
  private readonly targetIds = new Map<string, string>();

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
        ? fact.command({ state, numbers, eventIdOf: (label) => this.targetIdOf(label) })
        : fact.command;
    const context = clock.at(fact.recordedMs);
    const recordedAt = instantOf(fact.recordedMs);
    const envelope = { commandId, actor: fact.actor, correlationId: this.correlationId };
    const steps: HistoryStep[] = [];

    const what = () => `${fact.label} (${command.type}) of agreement #${this.index}, seed ${this.seed}`;
    const events = decideStrictly(agreementDecider, command, this.state, context, what);
    if (command.type === 'RegisterAgreement') {
      const { registryNumber } = command.data;
      const claimStream = registryNumberStreamName(registryNumber);
      const claims = decideStrictly(registryNumberDecider, { type: 'AssignRegistryNumber', registryNumber, agreementId: this.agreementId }, registryNumberDecider.initialState(), context, what);
      steps.push({ decider: 'registry-number', streamName: claimStream, events: claims, eventIds: claims.map((claim, i) => eventIdOf(commandId, claimStream, i, claim)), envelope, recordedAt });
    }
    const eventIds = events.map((event, i) => eventIdOf(commandId, this.streamName, i, event));
    if (fact.correctionTarget === true) this.targetIds.set(fact.label, eventIds[0] as string);
    this.state = events.reduce((folded, event, i) => agreementDecider.evolve(folded, event, { eventId: eventIds[i] as string }), this.state);
    steps.push({ decider: 'agreement', streamName: this.streamName, events, eventIds, envelope, recordedAt });

    if (this.done) {
      // Nothing more will be emitted: let the plan and the state go.
      this.facts = [];
      this.state = agreementDecider.initialState();
      this.targetIds.clear();
    }
    return steps;
  }

  private targetIdOf(label: string): string {
    const id = this.targetIds.get(label);
    if (id === undefined) throw new Error(`Fact ${label} of agreement #${this.index} was not emitted as a correction target`);
    return id;
  }

  private commandIdOf(label: string): CommandId {
    return deterministicUuid(`${this.seed}/agreement/${this.index}/${label}`) as CommandId;
  }
}
