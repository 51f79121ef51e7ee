import { parseLegalDate, type LegalDate } from '../shared/time';
import { NumberBook } from './agreementPlan';
import type { TwinningPair } from './agreementProfile';
import { AgreementTrack } from './agreementTrack';
import { DecisionClock, dayOf, legalDayStartMs, MS_PER_DAY, type Day } from './calendar';
import { EntityTrack } from './entityTrack';
import { MinHeap } from './heap';
import type { HistoryStep } from './historyStep';
import { IrregularitySchedule } from './irregularities';
import { planAgreement } from './planAgreement';
import { PolicyTrack } from './policyTrack';
import { Rng } from './rng';
import { ALL_ENTITIES } from './world/mexicanParties';

export interface GenerateHistoryOptions {
  readonly seed: number;
  /** How many agreements are opened between `from` and `to`. */
  readonly agreements: number;
  /** First legal date of the history; default 2000-01-01. */
  readonly from?: LegalDate;
  /**
   * The day the history ends, exclusive: every fact happened before it and was recorded before it
   * began in Mexico City. Passed in (usually today) because the generator reads no clock.
   */
  readonly to: LegalDate;
}

export interface GenerationProgress {
  readonly agreementsPlanned: number;
  readonly stepsEmitted: number;
  /** A running estimate, for progress bars: it settles as the history is generated. */
  readonly estimatedTotalSteps: number;
}

/** Entity-profile events per agreement, spread over the entities by activity. */
const ENTITY_EVENTS_PER_AGREEMENT = 0.2;

/** The next agreement to plan: its index, its own random stream, and its opening day. */
interface Opening {
  readonly index: number;
  readonly rng: Rng;
  readonly day: Day;
}

interface Track {
  readonly order: number;
  readonly key: number;
  readonly done: boolean;
  emit(clock: DecisionClock, numbers: NumberBook): HistoryStep[];
}

/** A heap entry: plain fields, so that comparisons stay monomorphic whatever the kind of track. */
interface Pending {
  readonly key: number;
  readonly order: number;
  readonly track: Track;
}

const earlier = (a: Pending, b: Pending): boolean => a.key < b.key || (a.key === b.key && a.order < b.order);

/**
 * A deterministic synthetic history of the registry, as steps (one decided command on one stream)
 * in recorded-time order across all streams. Lazy: it holds the agreements still open and the
 * next step of each stream, never the whole history, so it scales to millions of events.
 * Iterating again yields the very same steps.
 */
export class GeneratedHistory implements Iterable<HistoryStep> {
  private readonly fromDay: Day;
  private readonly lastDay: Day;
  private readonly horizonMs: number;
  private readonly startMs: number;
  private planned = 0;
  private emitted = 0;
  private stepsOfPlanned = 0;
  private recentStepsPerAgreement = 0;
  private readonly entitySteps: number;

  constructor(readonly options: GenerateHistoryOptions) {
    const { seed, agreements } = options;
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number; got ${seed}.`);
    if (!Number.isSafeInteger(agreements) || agreements < 0) throw new RangeError(`agreements must be a whole number >= 0; got ${agreements}.`);
    const from = parseLegalDate(options.from ?? '2000-01-01', 'from');
    const to = parseLegalDate(options.to, 'to');
    if (to <= from) throw new RangeError(`to (${to}) must be after from (${from}).`);
    this.fromDay = dayOf(from);
    this.lastDay = dayOf(to) - 1;
    this.horizonMs = legalDayStartMs(to);
    this.startMs = legalDayStartMs(from);
    this.entitySteps = ENTITY_EVENTS_PER_AGREEMENT * agreements;
  }

  progress(): GenerationProgress {
    const remaining = this.options.agreements - this.planned;
    return {
      agreementsPlanned: this.planned,
      stepsEmitted: this.emitted,
      estimatedTotalSteps: Math.max(this.emitted, Math.round(this.stepsOfPlanned + remaining * this.recentStepsPerAgreement + this.entitySteps + 2)),
    };
  }

  *[Symbol.iterator](): Iterator<HistoryStep> {
    const { seed, agreements } = this.options;
    this.planned = 0;
    this.emitted = 0;
    this.stepsOfPlanned = 0;
    const clock = new DecisionClock();
    const numbers = new NumberBook();
    const schedule = new IrregularitySchedule(seed);
    const twinnings: TwinningPair[] = [];
    const heap = new MinHeap<Pending>(earlier);
    const push = (track: Track): void => {
      if (!track.done) heap.push({ key: track.key, order: track.order, track });
    };

    push(new PolicyTrack(0, seed, this.startMs, this.fromDay, this.lastDay));
    // Squared: profiles are kept by the entities with an international office, mostly the big ones.
    const totalActivity = ALL_ENTITIES.reduce((sum, entity) => sum + entity.activity ** 2, 0);
    const span = this.lastDay - this.fromDay + 1;
    ALL_ENTITIES.forEach((entity, index) => {
      const expected = (this.entitySteps * entity.activity ** 2) / totalActivity;
      if (expected > 0) push(new EntityTrack(1 + index, seed, entity, span / expected, this.fromDay, this.lastDay, this.horizonMs));
    });
    const firstAgreementOrder = 1 + ALL_ENTITIES.length;

    let next: Opening | undefined = agreements > 0 ? this.opening(0) : undefined;
    while (true) {
      // An agreement's facts are all recorded on or after its opening day: plan it just before
      // the merge reaches that day, so it is in the heap when its first fact is due.
      while (next !== undefined && (heap.size === 0 || next.day * MS_PER_DAY <= (heap.peek() as Pending).key)) {
        const { index, rng, day } = next;
        const irregular = schedule.caseOf(index);
        const earlierTwinning = twinnings.length > 0 ? rng.pick(twinnings) : undefined;
        const { agreementId, profile, facts } = planAgreement({ seed, index, rng, openDay: day, lastDay: this.lastDay, horizonMs: this.horizonMs, irregular, earlierTwinning });
        if (profile.kind === 'twinning') {
          twinnings.push({ lead: profile.lead, counterpart: profile.counterparts[0] as TwinningPair['counterpart'] });
          if (twinnings.length > 64) twinnings.shift();
        }
        const steps = facts.length + facts.filter((fact) => fact.commandType === 'RegisterAgreement').length;
        this.planned += 1;
        this.stepsOfPlanned += steps;
        this.recentStepsPerAgreement = this.planned === 1 ? steps : this.recentStepsPerAgreement * 0.99 + steps * 0.01;
        if (facts.length > 0) push(new AgreementTrack(firstAgreementOrder + index, seed, index, agreementId, facts));
        next = index + 1 < agreements ? this.opening(index + 1) : undefined;
      }
      const pending = heap.pop();
      if (!pending) return;
      const { track } = pending;
      for (const step of track.emit(clock, numbers)) {
        this.emitted += 1;
        yield step;
      }
      push(track);
    }
  }

  /**
   * Opening days grow denser over the years (three times as many openings at the end as at the
   * start: subnational diplomacy took off in the 2000s). Stratified sampling of that density
   * keeps them in index order, which lets agreements be planned one at a time.
   */
  private opening(index: number): Opening {
    const rng = Rng.of(this.options.seed, 'agreement', index);
    const quantile = (index + rng.next()) / this.options.agreements;
    const share = (Math.sqrt(1 + 8 * quantile) - 1) / 2;
    const span = this.lastDay - this.fromDay + 1;
    return { index, rng, day: Math.min(this.lastDay, this.fromDay + Math.floor(share * span)) };
  }
}

export const generateHistory = (options: GenerateHistoryOptions): GeneratedHistory => new GeneratedHistory(options);
