import type { DateTime } from 'luxon';
import type { UpcasterRegistry } from '../eventSourcing/upcasting';
import type { EventStore } from '../eventStore/eventStore';
import type { HistorySnapshots } from './historySnapshots';
import type { Projection } from './projection';
import { envelopeFieldsOf } from './envelopeFields';
import type { SnapshotOrigin } from './snapshotFile';
import { logOrigin } from './snapshotOrigin';
import { toProjectedEvent } from './registryEvent';

export interface RegistryAsOf {
  /** Position of the last event folded (null: nothing had been recorded yet). */
  readonly position: bigint | null;
  readonly models: ReadonlyMap<string, unknown>;
  /** Events replayed after the snapshot used (for diagnostics and benchmarks). */
  readonly replayed: number;
}

export interface RegistryAsOfDeps {
  readonly store: EventStore;
  /** The read models to build: only these are loaded from a history snapshot and fed the events after it. */
  readonly projections: readonly Projection<unknown>[];
  readonly upcasters: UpcasterRegistry;
  readonly history?: HistorySnapshots;
}

/**
 * How far out of order events may be appended, by the time recorded on them. A writer stamps an
 * event when it decides it and appends it a moment later, when others may have appended events
 * stamped after it: an import's rows in flight, concurrent writers on EventStoreDB, a writer whose
 * clock lags. So the events recorded up to an instant are not exactly a prefix of the log.
 */
export const RECORDING_LAG_MS = 60_000;

/**
 * The read models as the registry stood at a recorded instant: every event recorded up to that
 * instant, nothing after. The fold reads the log past the instant until an event recorded
 * RECORDING_LAG_MS after it, skipping those recorded after the instant, so an event stamped
 * before the instant but appended after a later-stamped one is not left out.
 */
export const registryAsOf = async (deps: RegistryAsOfDeps, instant: DateTime): Promise<RegistryAsOf> => {
  const millis = instant.toMillis();
  const origin = logOrigin(deps.store);
  // Read on the thread pool while the snapshot loads and the replay runs.
  const lendable = deps.history ? readLendable(deps.history, millis, deps.projections, origin) : [];
  const snapshot = await deps.history?.latestAtOrBefore(millis, deps.projections, origin);
  const models = new Map<string, unknown>(
    deps.projections.map((projection) => [projection.name, snapshot ? snapshot.models[projection.name] : projection.create()]),
  );
  let position = snapshot?.position ?? null;
  let replayed = 0;
  // Read from the snapshot's own position (included) and skip it: on EventStoreDB a position is a
  // byte offset, and position + 1 is not a record boundary.
  for await (const recorded of deps.store.readAll({ fromPosition: snapshot?.position ?? 'start' })) {
    if (snapshot && recorded.position <= snapshot.position) continue;
    const projected = toProjectedEvent(recorded, deps.upcasters);
    const recordedAt = projected?.recordedAt ?? envelopeFieldsOf(recorded).recordedAt;
    const recordedMillis = typeof recordedAt === 'string' ? Date.parse(recordedAt) : Number.NaN;
    if (recordedMillis > millis + RECORDING_LAG_MS) break;
    if (recordedMillis > millis) continue;
    if (projected) for (const projection of deps.projections) projection.apply(models.get(projection.name), projected);
    position = recorded.position;
    if (++replayed % YIELD_EVERY_EVENTS === 0) await yieldToEventLoop();
  }
  for (const { projection, part } of lendable) {
    const lent = await part;
    try {
      if (lent !== undefined) projection.snapshot?.lendable?.lend(models.get(projection.name), lent.stored, lent.history);
    } catch {
      // Only a cache: a part that cannot be read back is not lent, and the model is as right without it.
    }
  }
  return { position, models, replayed };
};

/**
 * The embedded store reads synchronously, so a replay would hold the event loop for its whole
 * length (half a second for 40k events): other requests would wait, and so would the reads of
 * what the next snapshot lends, each step of which (open, header, section) needs a turn of the
 * loop. A turn every so many events costs microseconds.
 */
const YIELD_EVERY_EVENTS = 2_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What the next history snapshot can lend the models being folded to an instant (see
 * SnapshotCodec.lendable): caches valid for any state they name, such as the audit's judged
 * findings, which spare judging again the agreements nothing changed between the instant and it.
 */
const readLendable = (history: HistorySnapshots, millis: number, projections: readonly Projection<unknown>[], origin: SnapshotOrigin) =>
  projections
    .filter((projection) => projection.snapshot?.lendable !== undefined)
    // Caught at once: a replay that throws never awaits it.
    .map((projection) => ({ projection, part: history.lendableAfter(millis, projection, origin).catch(() => undefined) }));

/** One read model as of an instant, with the position it stands at: what a past-model loader gives. */
export interface PastModel {
  readonly model: unknown;
  readonly position: bigint | null;
}

/** A past-model loader's key: the instant (ISO, as given) and the projection's name. */
export interface PastModelKey {
  readonly instant: string;
  readonly projection: string;
}

/** A past-model key as one string (DataLoader caches by ===): the instant, a newline, the model's name. */
export const pastModelKey = (instant: string, projection: string): string => `${instant}\n${projection}`;

export const fromPastModelKey = (key: string): PastModelKey => {
  const at = key.lastIndexOf('\n');
  return { instant: key.slice(0, at), projection: key.slice(at + 1) };
};

/**
 * Batch function of a per-request loader of past read models, keyed by instant and model: all the
 * models asked for one instant in a batch are built by one `registryAsOf` over those models only
 * (a GraphQL `registryAsOf` field that reads agreements and the policy never loads or replays the
 * audit model or the timeline). `deps.projections` are those that may be asked for.
 */
export const loadPastModels = async (
  deps: RegistryAsOfDeps,
  keys: readonly PastModelKey[],
  parse: (instant: string) => DateTime,
  /** Runs each instant's build (a BuildLimit bounds them one by one, however many instants one request asks for). */
  run: <T>(build: () => Promise<T>) => Promise<T> = (build) => build(),
): Promise<Array<PastModel | Error>> => {
  const byInstant = new Map<string, Set<string>>();
  for (const key of keys) {
    const names = byInstant.get(key.instant) ?? new Set<string>();
    names.add(key.projection);
    byInstant.set(key.instant, names);
  }
  const built = new Map<string, Promise<RegistryAsOf>>();
  for (const [instant, names] of byInstant) {
    const projections = deps.projections.filter((projection) => names.has(projection.name));
    built.set(instant, run(() => registryAsOf({ ...deps, projections }, parse(instant))));
  }
  return Promise.all(
    keys.map(async (key): Promise<PastModel | Error> => {
      try {
        const past = await (built.get(key.instant) as Promise<RegistryAsOf>);
        if (!past.models.has(key.projection)) return new Error(`No read model is named ${key.projection}.`);
        return { model: past.models.get(key.projection), position: past.position };
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
};
