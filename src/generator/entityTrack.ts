import type { EntityProfileCommand } from '../entities/entityProfileCommands';
import { entityProfileDecider } from '../entities/entityProfileDecider';
import type { EntityProfileState } from '../entities/entityProfileState';
import { entityStreamName, type EntityCode, type ProgressLevel } from '../entities/entityProfileTypes';
import { STRATEGY_OBJECTIVE_IDS, type StrategyObjectiveId } from '../policy/policyTypes';
import type { NetworkId } from '../reference';
import { deterministicUuid } from '../shared/ids';
import { subnationalActor } from './actors';
import { decideStrictly } from './decideStrictly';
import { MS_PER_DAY, MS_PER_MINUTE, dateOf, earliestRecordingMs, instantOf, yearOf, type DecisionClock, type Day } from './calendar';
import { eventIdOf, type HistoryStep } from './historyStep';
import { Rng } from './rng';
import type { MexicanEntity } from './world/mexicanParties';

/** Networks a state or municipality plausibly belongs to; metropolitan ones only for the metropolises. */
const METROPOLISES = new Set(['09', '14', '19', '15', '14039', '19039', '21114', '14120']);
const HERITAGE_CITIES = new Set(['11015', '16053', '20067', '21114', '22014', '11003', '32056', '04002', '31050', '30193']);

const networksFor = (entity: MexicanEntity): readonly NetworkId[] => {
  const metro = METROPOLISES.has(entity.code);
  if (entity.level === 'state') {
    return ['iclei', 'uclg', 'gcom', ...(metro ? (['metropolis'] as const) : []), ...(entity.code === '09' ? (['c40', 'ucci'] as const) : [])];
  }
  return [
    'uclg', 'iclei', 'gcom', 'al-las', 'flacma', 'educating-cities', 'mayors-for-peace', 'unesco-creative-cities',
    ...(HERITAGE_CITIES.has(entity.code) ? (['world-heritage-cities'] as const) : []),
    ...(metro ? (['metropolis', 'c40'] as const) : []),
  ];
};

/**
 * One state's or municipality's profile: progress on the strategy's six objectives and city-network
 * memberships, as a Poisson process whose rate follows the entity's activity. Each event is
 * chosen when emitted from the state the decider folded so far, so it is always one it accepts.
 */
export class EntityTrack {
  private readonly rng: Rng;
  private readonly code: EntityCode;
  private readonly streamName: string;
  private readonly networks: readonly NetworkId[];
  private state: EntityProfileState = entityProfileDecider.initialState();
  private day: Day;
  private recordedMs = Number.NEGATIVE_INFINITY;
  private count = 0;
  done = false;

  constructor(
    readonly order: number,
    private readonly seed: number,
    entity: MexicanEntity,
    private readonly meanGapDays: number,
    startDay: Day,
    private readonly lastDay: Day,
    private readonly horizonMs: number,
  ) {
    this.rng = Rng.of(seed, 'entity', entity.code);
    this.code = entity.code;
    this.streamName = entityStreamName(this.code);
    this.networks = networksFor(entity);
    this.day = startDay;
    this.advance(true);
  }

  get key(): number {
    return this.recordedMs;
  }

  emit(clock: DecisionClock): HistoryStep[] {
    const commandId = deterministicUuid(`${this.seed}/entity/${this.code}/${this.count}`);
    const command = this.choose();
    const context = clock.at(this.recordedMs);
    const events = decideStrictly(entityProfileDecider, command, this.state, context, () => `${command.type} #${this.count} of entity ${this.code}, seed ${this.seed}`);
    const eventIds = events.map((event, i) => eventIdOf(commandId, this.streamName, i, event));
    this.state = events.reduce((folded, event, i) => entityProfileDecider.evolve(folded, event, { eventId: eventIds[i] as string }), this.state);
    const step: HistoryStep = {
      decider: 'entity-profile',
      streamName: this.streamName,
      events,
      eventIds,
      envelope: { commandId: commandId as HistoryStep['envelope']['commandId'], actor: subnationalActor(this.code) },
      recordedAt: instantOf(this.recordedMs),
    };
    this.count += 1;
    this.advance(false);
    return [step];
  }

  private advance(first: boolean): void {
    const gap = Math.max(1, Math.round(this.rng.exponential(first ? this.meanGapDays / 2 : this.meanGapDays)));
    this.day += gap;
    const wanted = earliestRecordingMs(this.day) + this.rng.int(0, 10 * 60) * MS_PER_MINUTE + (this.rng.chance(0.2) ? this.rng.int(1, 20) * MS_PER_DAY : 0);
    this.recordedMs = Math.max(wanted, this.recordedMs + MS_PER_MINUTE);
    if (this.day > this.lastDay || this.recordedMs >= this.horizonMs) this.done = true;
  }

  private choose(): EntityProfileCommand {
    const { rng, state } = this;
    const on = dateOf(this.day);
    const members = state.memberships.map((membership) => membership.networkId);
    const joinable = this.networks.filter((network) => !members.includes(network));
    const roll = rng.next();
    if (members.length > 0 && roll < 0.15) {
      return { type: 'LeaveCityNetwork', entityCode: this.code, data: { networkId: rng.pick(members), leftOn: on, reason: 'Fin de la membresía por decisión del cabildo.' } };
    }
    if (joinable.length > 0 && roll < 0.45) {
      return { type: 'JoinCityNetwork', entityCode: this.code, data: { networkId: rng.pick(joinable), joinedOn: on } };
    }
    const objective: StrategyObjectiveId = rng.pick(STRATEGY_OBJECTIVE_IDS);
    const current = state.objectives[objective]?.level;
    const level: ProgressLevel =
      current === undefined ? (rng.chance(0.3) ? 'not-started' : 'in-progress') : current === 'not-started' ? 'in-progress' : current === 'in-progress' && rng.chance(0.3) ? 'achieved' : current;
    return {
      type: 'RecordObjectiveProgress',
      entityCode: this.code,
      data: { objective, level, recordedOn: on, ...(rng.chance(0.5) ? { note: `Informe de ${yearOf(this.day)} de la oficina de asuntos internacionales.` } : {}) },
    };
  }
}
