import type { ProjectionRunner } from '../../projectionRunner/projectionRunner';
import type { ProjectedEvent } from '../../projectionRunner/registryEvent';
import { LEGAL_ZONE, legalDateAt, type LegalDate } from '../../shared/time';
import { createContext, type RegistryContext } from '../context';
import { stallWatchdog } from './slowConsumer';

/*
 * Live feeds: the dashboard subscriptions (statisticsChanged, findingsChanged, agreementChanged).
 *
 * Unlike `registryEvents`, which must deliver every event, these deliver a state: what matters is
 * the latest one. So a feed never queues values. It keeps one flag, "something may have changed",
 * set by a listener on the projection runner (after each applied event) and by a timer when the
 * day changes in Mexico City. The value itself is computed only when the client is ready for the
 * next update (graphql-ws pulls the next one once the previous was handed to the network), from the
 * read models as they stand then: a slow client gets the newest value, never a backlog, and what a
 * feed holds for a subscriber does not grow with the events that happen meanwhile.
 *
 * - Coalescing: one update at most every `minIntervalMs` per subscription; after the first event of
 *   a burst an update waits `settleMs`, so the several events one command records show as one.
 * - Stalls: as for `registryEvents`, an update not taken within `subscriberStallLimitMs` closes the
 *   socket with 4429 (slowConsumer.ts); nothing else is held for such a client meanwhile.
 * - Unsubscribing (the client's `complete`, or the socket closing) calls `return()`, which removes
 *   the runner listener and the timers at once, even while the feed is waiting for an event (an
 *   async generator could not: its `return()` waits for the next `yield`).
 * - Fresh loaders: before computing each update, the subscription's context gets a new reading of
 *   the clock (`now`, `today`) and new DataLoaders, so the fields of the payload resolve exactly as
 *   a new query would (PITFALLS: a subscription's loaders must not live across events).
 */

/** How live feeds pace themselves; tests shorten them through RegistryServices.liveFeeds. */
export interface LiveFeedSettings {
  /** Least time between two updates of one subscription. */
  readonly minIntervalMs: number;
  /** How long an update waits after the first event that triggers it, for the events that follow it. */
  readonly settleMs: number;
  /** Longest time between two readings of the clock to notice a new day (also read at midnight). */
  readonly dayCheckMs: number;
  /** Most findings one `findingsChanged` update lists; beyond that it is a resync update. */
  readonly maxFindingsPerUpdate: number;
}

export const DEFAULT_LIVE_FEED_SETTINGS: LiveFeedSettings = {
  minIntervalMs: 500,
  settleMs: 25,
  dayCheckMs: 60_000,
  maxFindingsPerUpdate: 200,
};

export const liveFeedSettings = (context: Pick<RegistryContext, 'services'>): LiveFeedSettings => ({ ...DEFAULT_LIVE_FEED_SETTINGS, ...context.services.liveFeeds });

/** What a feed hands to graphql: a value, or the error that ends the subscription. */
export type LiveDelivery<T> = { readonly value: T } | { readonly error: unknown };

/** The subscription field's `resolve`: the value, or the error as the field's error. */
export const deliveredValue = <T>(delivery: LiveDelivery<T>): T => {
  if ('error' in delivery) throw delivery.error;
  return delivery.value;
};

/** What `produce` returns: nothing to send (no change), a value, or a last value. */
export type Produced<T> = undefined | { readonly value: T; readonly last?: boolean };

export interface LiveFeedOptions<T> {
  /** For diagnostics: statistics, findings, agreement. */
  readonly name: string;
  /** Cheap test run on every applied event: could it change what this feed delivers? */
  readonly affectedBy: (event: ProjectedEvent) => boolean;
  /**
   * Computes the next update from the read models as they stand (the context is renewed just
   * before). Undefined: nothing changed for this subscriber, no update. A throw ends the
   * subscription with that error (delivered as the field's error).
   */
  readonly produce: (context: RegistryContext) => Produced<T>;
}

/** A feed as diagnostics show it (tests assert on these: nothing queues for a slow client). */
export interface LiveFeedDiagnostics {
  readonly name: string;
  /** Updates waiting to be computed for the subscriber: 0 or 1, whatever the number of events. */
  readonly pending: number;
  /** Events that marked the feed (relevant to it) since it started. */
  readonly eventsSeen: number;
  /** Updates handed to graphql-ws. */
  readonly delivered: number;
}

const active = new WeakMap<ProjectionRunner, Set<LiveFeed<unknown>>>();

/** The live feeds open on a runner (for tests and diagnostics). */
export const liveFeedDiagnostics = (runner: ProjectionRunner): LiveFeedDiagnostics[] => [...(active.get(runner) ?? [])].map((feed) => feed.diagnostics());

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Gives a subscription's context what a new request would have: the clock read again, and fresh
 * DataLoaders (which batch for this delivery only and judge on the new day). Safe because one
 * operation owns its context, and graphql-ws resolves one payload before asking for the next.
 */
export const renewForDelivery = (context: RegistryContext): void => {
  const fresh = createContext(context.services, context.viewer, context.correlationId, context.socket);
  const target = context as Mutable<RegistryContext>;
  target.now = fresh.now;
  target.today = fresh.today;
  target.loaders = fresh.loaders;
};

const NEVER = Number.NEGATIVE_INFINITY;

/**
 * One subscription's feed: an AsyncIterator that graphql's `subscribe` maps to responses. Hand-
 * written so that `return()` takes effect at once (see above).
 */
export class LiveFeed<T> implements AsyncIterableIterator<LiveDelivery<T>> {
  private readonly settings: LiveFeedSettings;
  private readonly watchdog: ReturnType<typeof stallWatchdog>;
  private readonly stopListening: () => void;
  private readonly runner: ProjectionRunner;
  /** Something may have changed since the last update (the first update is due at once). */
  private dirty = true;
  private dirtySince = NEVER;
  private lastDeliveredAt = NEVER;
  private ending = false;
  private closed = false;
  private day: LegalDate;
  private dayTimer: NodeJS.Timeout | undefined;
  private waiter: { readonly release: () => void; readonly idle: boolean; readonly timer: NodeJS.Timeout | undefined } | undefined;
  private pull: Promise<IteratorResult<LiveDelivery<T>>> = Promise.resolve({ value: undefined, done: true });
  private eventsSeen = 0;
  private delivered = 0;

  constructor(
    private readonly context: RegistryContext,
    private readonly options: LiveFeedOptions<T>,
  ) {
    this.settings = liveFeedSettings(context);
    this.watchdog = stallWatchdog(context);
    this.runner = context.services.runner;
    this.day = legalDateAt(context.services.clock());
    this.stopListening = this.runner.onApplied((event) => {
      // Called inside the runner's loop: must never throw nor do more than flag.
      try {
        if (this.options.affectedBy(event)) {
          this.eventsSeen += 1;
          this.mark();
        }
      } catch {
        this.mark();
      }
    });
    this.scheduleDayCheck();
    let feeds = active.get(this.runner);
    if (feeds === undefined) active.set(this.runner, (feeds = new Set()));
    feeds.add(this as LiveFeed<unknown>);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<LiveDelivery<T>>> {
    // graphql-ws pulls one at a time; chained anyway so that two pulls never interleave.
    this.pull = this.pull.then(
      () => this.produceNext(),
      () => this.produceNext(),
    );
    return this.pull;
  }

  async return(): Promise<IteratorResult<LiveDelivery<T>>> {
    this.close();
    return { value: undefined, done: true };
  }

  async throw(): Promise<IteratorResult<LiveDelivery<T>>> {
    this.close();
    return { value: undefined, done: true };
  }

  diagnostics(): LiveFeedDiagnostics {
    return { name: this.options.name, pending: this.dirty ? 1 : 0, eventsSeen: this.eventsSeen, delivered: this.delivered };
  }

  private async produceNext(): Promise<IteratorResult<LiveDelivery<T>>> {
    // Asked for the next update: the previous one was taken.
    this.watchdog.disarm();
    while (!this.closed && !this.ending) {
      if (!this.dirty) {
        await this.wait(undefined);
        continue;
      }
      const now = Date.now();
      const due = Math.max(this.lastDeliveredAt + this.settings.minIntervalMs, this.dirtySince + this.settings.settleMs);
      if (due > now) {
        await this.wait(due - now);
        continue;
      }
      this.dirty = false;
      this.dirtySince = NEVER;
      let delivery: LiveDelivery<T>;
      try {
        renewForDelivery(this.context);
        const produced = this.options.produce(this.context);
        if (produced === undefined) continue;
        if (produced.last === true) this.ending = true;
        delivery = { value: produced.value };
      } catch (error) {
        this.ending = true;
        delivery = { error };
      }
      this.lastDeliveredAt = Date.now();
      this.delivered += 1;
      this.watchdog.arm();
      return { value: delivery, done: false };
    }
    this.close();
    return { value: undefined, done: true };
  }

  private mark(): void {
    if (this.closed) return;
    if (!this.dirty) {
      this.dirty = true;
      this.dirtySince = Date.now();
    }
    // Waiting for an event: go. Sleeping out the coalescing interval: the sleep ends on its own.
    if (this.waiter?.idle === true) this.release();
  }

  private wait(ms: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.release(), ms);
      this.waiter = { release: resolve, idle: ms === undefined, timer };
    });
  }

  private release(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter === undefined) return;
    if (waiter.timer !== undefined) clearTimeout(waiter.timer);
    waiter.release();
  }

  /** Reads the clock at least every dayCheckMs, and just after midnight in Mexico City. */
  private scheduleDayCheck(): void {
    if (this.closed) return;
    const now = this.context.services.clock();
    const midnight = now.setZone(LEGAL_ZONE).startOf('day').plus({ days: 1 });
    const untilMidnight = Math.max(1, midnight.toMillis() - now.toMillis() + 1);
    this.dayTimer = setTimeout(() => {
      const today = legalDateAt(this.context.services.clock());
      if (today !== this.day) {
        this.day = today;
        this.mark();
      }
      this.scheduleDayCheck();
    }, Math.min(this.settings.dayCheckMs, untilMidnight));
    this.dayTimer.unref();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopListening();
    if (this.dayTimer !== undefined) clearTimeout(this.dayTimer);
    this.watchdog.disarm();
    this.release();
    const feeds = active.get(this.runner);
    feeds?.delete(this as LiveFeed<unknown>);
    if (feeds?.size === 0) active.delete(this.runner);
  }
}
