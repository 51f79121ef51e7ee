import type { UpcasterRegistry } from '../eventSourcing/upcasting';
import type { EventStore, Subscription } from '../eventStore/eventStore';
import type { Logger } from '../observability/logger';
import type { Projection } from './projection';
import { toProjectedEvent, type ProjectedEvent } from './registryEvent';
import type { HistorySnapshots } from './historySnapshots';
import { readSnapshot, writeSnapshot, type Snapshot, type SnapshotLoad } from './snapshotFile';
import { logOrigin, retryingOrigin } from './snapshotOrigin';

/** Waits between checks of the snapshot's last event while the store cannot answer (about 14 s in all). */
const ORIGIN_CHECK_RETRIES_MS = [200, 800, 3_000, 10_000];

/** Why one projection stopped: it is not fed again until the service is restarted or rebuilt. */
export interface ProjectionFailure {
  readonly projection: string;
  readonly eventId: string;
  readonly position: bigint;
  readonly eventType: string;
  readonly message: string;
}

export interface RunnerHealth {
  /** `catching-up` until the runner has read everything stored when it started; then `live`. */
  readonly phase: 'starting' | 'catching-up' | 'live' | 'stopped';
  readonly position: bigint | null;
  readonly failures: readonly ProjectionFailure[];
  readonly snapshot: SnapshotLoad['kind'] | 'not-configured';
  /**
   * Why a snapshot write failed (a full disk, a directory that cannot be written): the history's
   * or else the latest snapshot's, each until a write of its kind succeeds again. Snapshots are a
   * cache: the read models keep being served and fed.
   */
  readonly snapshotWriteFailure: { readonly position: bigint | null; readonly message: string } | null;
  /**
   * Why reading the store last failed (a dropped connection, a failover), while the runner waits to
   * subscribe again from where it is; null once events flow again.
   */
  readonly readFailure: { readonly since: string; readonly attempts: number; readonly message: string } | null;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly projections: readonly Projection<unknown>[];
  readonly upcasters: UpcasterRegistry;
  /** Where the latest snapshot lives; none means every start rebuilds from the store. */
  readonly snapshotFile?: string;
  /** Write a snapshot after this many applied events (and on stop). */
  readonly snapshotEveryEvents?: number;
  /**
   * Keep snapshots along the log for time travel, one every `everyEvents` events, and checkpoint
   * the projections' lendable caches every `checkpointEveryEvents` (see SnapshotCodec.lendable).
   */
  readonly history?: {
    readonly snapshots: Pick<HistorySnapshots, 'write'> & Partial<Pick<HistorySnapshots, 'copy'>>;
    readonly everyEvents: number;
    readonly checkpointEveryEvents?: number;
  };
  /** Phase changes, snapshot loads and projection failures, as structured log lines. */
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * Waits before subscribing again when reading the store fails, the last one repeated while it
   * keeps failing. Without it (a rebuild) the runner stops at the first failure.
   */
  readonly resubscribeAfterMs?: readonly number[];
}

/** Called after each applied event, in log order; used by live subscriptions. */
export type AppliedListener = (event: ProjectedEvent) => void;

/**
 * Feeds every projection, in log order, from a `$all` subscription, and keeps the position it has
 * applied. A projection that throws is stopped and reported (health shows the event and why);
 * the others keep serving. Queries can wait, bounded, until a position is applied
 * (read-your-writes).
 */
export class ProjectionRunner {
  private readonly models = new Map<string, unknown>();
  private readonly failures = new Map<string, ProjectionFailure>();
  private readonly waiters = new Set<{ readonly position: bigint; readonly resolve: (reached: boolean) => void }>();
  private readonly listeners = new Set<AppliedListener>();
  private appliedPosition: bigint | null = null;
  private lastEventId: string | null = null;
  private latestRecordedAt: string | null = null;
  /** The last failure of each kind of snapshot write, until one of that kind succeeds. */
  private readonly snapshotWriteFailures: Record<'latest' | 'history', RunnerHealth['snapshotWriteFailure']> = { latest: null, history: null };
  /** The latest failure of any snapshot write since start, kept (a rebuild reports it). */
  private lastSnapshotWriteFailure: RunnerHealth['snapshotWriteFailure'] = null;
  private phase: RunnerHealth['phase'] = 'starting';
  private snapshotState: RunnerHealth['snapshot'] = 'not-configured';
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private applied = 0;
  private sinceSnapshot = 0;
  private sinceHistorySnapshot = 0;
  private sinceCheckpoint = 0;
  private caughtUpResolve: (() => void) | undefined;
  private startedAt: number | undefined;
  private readFailure: RunnerHealth['readFailure'] = null;
  private stopping = false;
  /** Ends the wait before subscribing again, when stopping. */
  private wakeUp: (() => void) | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const names = new Set<string>();
    for (const projection of options.projections) {
      if (names.has(projection.name)) throw new Error(`Two projections are named ${projection.name}.`);
      names.add(projection.name);
    }
  }

  /** Loads the snapshot if it fits, subscribes, and resolves once caught up with the store. */
  async start(): Promise<void> {
    const from = await this.restore();
    // Stopped while the snapshot was loading: nothing to subscribe for.
    if (this.phase === 'stopped') return;
    this.startedAt = Date.now();
    this.enter('catching-up');
    const caughtUp = new Promise<void>((resolve) => (this.caughtUpResolve = resolve));
    this.loop = this.read(from ?? 'start');
    await caughtUp;
  }

  /**
   * Reads the store from `from`, and when reading fails (a dropped connection, an EventStoreDB
   * node restarting or failing over) subscribes again from the last event applied, after the
   * waits of `resubscribeAfterMs`: writes may still be acknowledged meanwhile, and read models that
   * stopped for good would never show them.
   */
  private async read(from: bigint | 'start'): Promise<void> {
    const { logger, resubscribeAfterMs } = this.options;
    for (;;) {
      this.subscription = this.options.store.subscribeToAll({ fromPosition: this.appliedPosition ?? from });
      try {
        await this.consume(this.subscription);
        return;
      } catch (error) {
        if (this.stopping) return;
        const message = error instanceof Error ? error.message : String(error);
        // Counted since events last flowed: a connection that drops now and then starts again from the first wait.
        const attempts = (this.readFailure?.attempts ?? 0) + 1;
        const wait = resubscribeAfterMs?.[Math.min(attempts, resubscribeAfterMs.length) - 1];
        this.readFailure = { since: this.readFailure?.since ?? new Date().toISOString(), attempts, message };
        if (wait === undefined) {
          logger?.error('Projection runner stopped reading the store', { position: this.appliedPosition, eventsApplied: this.applied, error });
          this.enter('stopped');
          this.caughtUpResolve?.();
          return;
        }
        logger?.warn(`Projection runner lost the store; subscribing again in ${wait} ms`, { position: this.appliedPosition, attempts, error });
        // Behind the store until the new subscription has caught up again.
        if (this.phase === 'live') this.enter('catching-up');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = undefined;
        if (this.stopping) return;
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.subscription?.unsubscribe();
    await this.loop;
    // A start still waiting to catch up (the store unreachable) returns.
    this.caughtUpResolve?.();
    this.enter('stopped');
    this.saveSnapshot();
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters.clear();
  }

  /** The model a projection has built so far. */
  model<Model>(projection: Projection<Model>): Model {
    const model = this.models.get(projection.name);
    if (model === undefined) throw new Error(`Projection ${projection.name} is not run by this runner.`);
    return model as Model;
  }

  get position(): bigint | null {
    return this.appliedPosition;
  }

  /** Events read from the store since start (including ones that are not the registry's). */
  get eventsApplied(): number {
    return this.applied;
  }

  health(): RunnerHealth {
    return {
      phase: this.phase,
      position: this.appliedPosition,
      failures: [...this.failures.values()],
      snapshot: this.snapshotState,
      snapshotWriteFailure: this.snapshotWriteFailures.history ?? this.snapshotWriteFailures.latest,
      readFailure: this.readFailure,
    };
  }

  failureOf(projection: Projection<unknown>): ProjectionFailure | undefined {
    return this.failures.get(projection.name);
  }

  /**
   * Whether every read model has applied `position`: the runner's position passes a failed
   * projection by, whose model stopped before it.
   */
  hasApplied(position: bigint): boolean {
    if (this.appliedPosition === null || this.appliedPosition < position) return false;
    for (const failure of this.failures.values()) if (failure.position <= position) return false;
    return true;
  }

  /** Resolves true once `position` is applied, false if `timeoutMs` passes first. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.appliedPosition !== null && this.appliedPosition >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many `onApplied` listeners are registered (one per live subscription): for diagnostics and leak tests. */
  get appliedListenerCount(): number {
    return this.listeners.size;
  }

  private async restore(): Promise<bigint | undefined> {
    const { snapshotFile, projections, logger } = this.options;
    for (const projection of projections) this.models.set(projection.name, projection.create());
    if (!snapshotFile) return undefined;
    const origin = retryingOrigin(logOrigin(this.options.store), ORIGIN_CHECK_RETRIES_MS);
    const load = await readSnapshot(snapshotFile, this.versions(), { projections, origin });
    this.snapshotState = load.kind;
    if (load.kind === 'discarded') logger?.warn(`Read-model snapshot discarded (${load.reason}); rebuilding from the store.`, { reason: load.reason });
    if (load.kind !== 'loaded') return undefined;
    for (const [name, model] of Object.entries(load.snapshot.models)) this.models.set(name, model);
    this.appliedPosition = load.snapshot.position;
    this.lastEventId = load.snapshot.lastEventId;
    this.latestRecordedAt = load.snapshot.recordedAt;
    logger?.info('Read models restored from a snapshot', { position: load.snapshot.position });
    return load.snapshot.position;
  }

  private async consume(subscription: Subscription): Promise<void> {
    for await (const message of subscription) {
      if (this.readFailure !== null) {
        this.options.logger?.info('Projection runner reads the store again', { position: this.appliedPosition, attempts: this.readFailure.attempts });
        this.readFailure = null;
      }
      if (message.kind === 'caughtUp') {
        this.enter('live');
        this.caughtUpResolve?.();
        continue;
      }
      const projected = this.projected(message.event);
      if (projected) this.apply(projected);
      this.appliedPosition = message.event.position;
      this.lastEventId = message.event.id;
      this.applied++;
      this.releaseWaiters();
      if (projected) for (const listener of this.listeners) listener(projected);
      const { history } = this.options;
      const historyDue = history !== undefined && ++this.sinceHistorySnapshot >= history.everyEvents;
      if (history?.checkpointEveryEvents && ++this.sinceCheckpoint >= history.checkpointEveryEvents) {
        // A checkpoint on the history snapshot's event would hold what the snapshot holds.
        if (historyDue) this.sinceCheckpoint = 0;
        else this.checkpoint();
      }
      const saved = this.options.snapshotEveryEvents && ++this.sinceSnapshot >= this.options.snapshotEveryEvents ? this.saveSnapshot() : undefined;
      if (historyDue) {
        this.sinceHistorySnapshot = 0;
        this.writing('history', () => {
          // Both are due together with the default spacings: the history keeps a copy of the file
          // just written rather than encoding every model again while the read models wait.
          if (saved && history.snapshots.copy) history.snapshots.copy(saved.file, saved.snapshot);
          else {
            const snapshot = this.currentSnapshot();
            if (snapshot) history.snapshots.write(snapshot, this.options.projections);
          }
        });
      }
    }
  }

  /**
   * The event as projections read it. One that cannot be read (its schema version has no upcaster)
   * means nothing to any of them: each projection still running stops at it, as if it had thrown
   * there, rather than the runner stopping unreported or the event being skipped without a word.
   */
  private projected(recorded: Parameters<typeof toProjectedEvent>[0]): ProjectedEvent | undefined {
    try {
      return toProjectedEvent(recorded, this.options.upcasters);
    } catch (error) {
      for (const projection of this.options.projections) {
        if (!this.failures.has(projection.name)) this.fail(projection, { id: recorded.id, position: recorded.position, type: recorded.type }, error);
      }
      return undefined;
    }
  }

  private fail(projection: Projection<unknown>, event: { readonly id: string; readonly position: bigint; readonly type: string }, error: unknown): void {
    const failure: ProjectionFailure = {
      projection: projection.name,
      eventId: event.id,
      position: event.position,
      eventType: event.type,
      message: error instanceof Error ? error.message : String(error),
    };
    this.failures.set(projection.name, failure);
    this.options.logger?.error(`Projection ${failure.projection} stopped at event ${failure.eventId}`, { ...failure, error });
  }

  private apply(event: ProjectedEvent): void {
    if (isLater(event.recordedAt, this.latestRecordedAt)) this.latestRecordedAt = event.recordedAt;
    for (const projection of this.options.projections) {
      if (this.failures.has(projection.name)) continue;
      try {
        projection.apply(this.models.get(projection.name), event);
      } catch (error) {
        this.fail(projection, { id: event.id, position: event.position, type: event.event.type }, error);
      }
    }
  }

  /** Moves to `phase`, logging the change once (with how far the runner got and how long it took). */
  private enter(phase: RunnerHealth['phase']): void {
    if (this.phase === phase) return;
    const from = this.phase;
    this.phase = phase;
    this.options.logger?.info(`Projection runner ${phase}`, {
      phase,
      previousPhase: from,
      position: this.appliedPosition,
      eventsApplied: this.applied,
      ...(this.startedAt === undefined ? {} : { sinceStartMs: Date.now() - this.startedAt }),
      failedProjections: this.failures.size,
    });
  }

  private releaseWaiters(): void {
    const position = this.appliedPosition;
    if (position === null) return;
    for (const waiter of this.waiters) if (waiter.position <= position) waiter.resolve(true);
  }

  /**
   * Checkpoints every lendable cache (see SnapshotCodec.lendable), keeping as many as fit between
   * two history snapshots (less the one the snapshot stands for). Only a cache: a checkpoint that
   * fails is logged and skipped.
   */
  private checkpoint(): void {
    this.sinceCheckpoint = 0;
    const { history, projections, logger } = this.options;
    if (!history?.checkpointEveryEvents) return;
    const keep = Math.max(1, Math.ceil(history.everyEvents / history.checkpointEveryEvents) - 1);
    for (const projection of projections) {
      const checkpoint = projection.snapshot?.lendable?.checkpoint;
      if (!checkpoint || this.failures.has(projection.name)) continue;
      try {
        checkpoint(this.models.get(projection.name), keep);
      } catch (error) {
        logger?.warn(`Checkpoint of projection ${projection.name} skipped`, { projection: projection.name, position: this.appliedPosition, error });
      }
    }
  }

  /** Writes the latest snapshot, if the runner keeps one; what it wrote, and where. */
  private saveSnapshot(): { readonly file: string; readonly snapshot: Snapshot } | undefined {
    this.sinceSnapshot = 0;
    const snapshot = this.currentSnapshot();
    const file = this.options.snapshotFile;
    if (!file || !snapshot) return undefined;
    return this.writing('latest', () => {
      writeSnapshot(file, snapshot, this.options.projections);
      return { file, snapshot };
    });
  }

  /**
   * Runs a snapshot write. One that fails is logged and shown in health, and the runner goes on:
   * stopping would freeze every read model while writes are still acknowledged, for the sake of a
   * cache. A rebuild, whose purpose is the snapshots, checks health and fails instead.
   */
  private writing<T>(kind: 'latest' | 'history', write: () => T): T | undefined {
    try {
      const written = write();
      this.snapshotWriteFailures[kind] = null;
      return written;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failure = { position: this.appliedPosition, message };
      this.snapshotWriteFailures[kind] = failure;
      this.lastSnapshotWriteFailure = failure;
      this.options.logger?.error('Read-model snapshot not written; the read models go on without it', { kind, position: this.appliedPosition, error });
      return undefined;
    }
  }

  /** The latest snapshot write that failed since start, even if later ones succeeded; null if none did. */
  get snapshotWriteFailedLast(): RunnerHealth['snapshotWriteFailure'] {
    return this.lastSnapshotWriteFailure;
  }


  /** A failed projection's model is incomplete: no snapshot is taken while one has failed. */
  private currentSnapshot(): Snapshot | undefined {
    if (this.appliedPosition === null || this.lastEventId === null || this.failures.size > 0) return undefined;
    return { position: this.appliedPosition, lastEventId: this.lastEventId, recordedAt: this.latestRecordedAt, versions: this.versions(), models: Object.fromEntries(this.models) };
  }

  private versions(): Record<string, number> {
    return Object.fromEntries(this.options.projections.map((projection) => [projection.name, projection.version]));
  }
}

/**
 * Whether `recordedAt` is after `latest`. A snapshot is named by the latest instant it folded, not
 * by its last event's: events are not appended exactly in the order they were stamped (see
 * RECORDING_LAG_MS), and a fold to an instant must not start from a snapshot that holds an event
 * recorded after it. Instants as the registry writes them (UTC, milliseconds, `Z`) compare as
 * text, which a rebuild does a million times; others are parsed.
 */
const isLater = (recordedAt: string | undefined, latest: string | null): recordedAt is string => {
  if (recordedAt === undefined) return false;
  if (latest === null) return true;
  return recordedAt.length === CANONICAL_LENGTH && latest.length === CANONICAL_LENGTH && recordedAt.endsWith('Z') && latest.endsWith('Z')
    ? recordedAt > latest
    : Date.parse(recordedAt) > Date.parse(latest);
};
const CANONICAL_LENGTH = '2024-01-01T00:00:00.000Z'.length;
