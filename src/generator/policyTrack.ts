import type { PublishPolicyVersion } from '../policy/policyCommands';
import { policyDecider } from '../policy/policyDecider';
import type { PolicyState } from '../policy/policyState';
import { POLICY_STREAM } from '../policy/policyTypes';
import { seedPolicyCommand } from '../policy/seedPolicy';
import { deterministicUuid, type CommandId } from '../shared/ids';
import { POLICY_ADMIN } from './actors';
import { decideStrictly } from './decideStrictly';
import { MS_PER_HOUR, dateOf, dayOf, earliestRecordingMs, instantOf, type DecisionClock, type Day } from './calendar';
import { eventIdOf, type HistoryStep } from './historyStep';
import { ASIA_PACIFIC } from './world/foreignPlaces';

/**
 * The second version the generated history publishes: Asia-Pacific becomes a priority region,
 * water and disaster risk priority themes, and the deadlines change (45 days to register instead
 * of 30, dormant after 18 months instead of 24), so that the audit's "policy in force at
 * signature" has something to tell apart.
 */
const secondVersion = (effectiveFrom: Day): PublishPolicyVersion => {
  const seed = seedPolicyCommand().data;
  return {
    type: 'PublishPolicyVersion',
    data: {
      ...seed,
      effectiveFrom: dateOf(effectiveFrom),
      title: 'Estrategia Nacional para la Internacionalización de los Estados y Municipios de México (actualización)',
      priorityRegions: [...seed.priorityRegions, { id: 'asia-pacifico', name: 'Asia-Pacífico', countries: ASIA_PACIFIC }],
      priorityThemes: [...seed.priorityThemes, 'water', 'disaster-risk'],
      deadlines: { registrationAfterSignatureDays: 45, dormancyMonths: 18, opinionBeforeSignatureRequired: true },
    },
  };
};

const PREFERRED_SECOND_VERSION = dayOf('2019-07-01');

/**
 * The federal policy: the seed version first of all (recorded at the very start of the history,
 * before any agreement), then the update, in mid-2019 when the history spans it.
 */
export class PolicyTrack {
  private readonly steps: { readonly ms: number; readonly command: PublishPolicyVersion; readonly label: string }[];
  private state: PolicyState = policyDecider.initialState();
  private next = 0;

  constructor(
    readonly order: number,
    private readonly seed: number,
    startMs: number,
    fromDay: Day,
    lastDay: Day,
  ) {
    const second = PREFERRED_SECOND_VERSION > fromDay && PREFERRED_SECOND_VERSION <= lastDay ? PREFERRED_SECOND_VERSION : Math.floor((fromDay + lastDay) / 2);
    this.steps = [{ ms: startMs, command: seedPolicyCommand(), label: 'seed' }];
    if (second > fromDay && second <= lastDay) {
      // Recorded the day it takes effect, never before: valid time never precedes recorded time here.
      this.steps.push({ ms: earliestRecordingMs(second) + 2 * MS_PER_HOUR, command: secondVersion(second), label: 'update-1' });
    }
  }

  get done(): boolean {
    return this.next >= this.steps.length;
  }

  get key(): number {
    return (this.steps[this.next] as (typeof this.steps)[number]).ms;
  }

  emit(clock: DecisionClock): HistoryStep[] {
    const { ms, command, label } = this.steps[this.next] as (typeof this.steps)[number];
    this.next += 1;
    const commandId = deterministicUuid(`${this.seed}/policy/${label}`) as CommandId;
    const context = clock.at(ms);
    const events = decideStrictly(policyDecider, command, this.state, context, () => `policy ${label}, seed ${this.seed}`);
    const eventIds = events.map((event, i) => eventIdOf(commandId, POLICY_STREAM, i, event));
    this.state = events.reduce((folded, event, i) => policyDecider.evolve(folded, event, { eventId: eventIds[i] as string }), this.state);
    return [{ decider: 'policy', streamName: POLICY_STREAM, events, eventIds, envelope: { commandId, actor: POLICY_ADMIN }, recordedAt: instantOf(ms) }];
  }
}
