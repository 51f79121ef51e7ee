import type { DateTime } from 'luxon';
import type { UpcasterRegistry } from '../eventSourcing/upcasting';
import type { EventStore } from '../eventStore/eventStore';
import type { HistorySnapshots } from './historySnapshots';
import type { Projection } from './projection';
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
 * The read models as the registry stood at a recorded instant: every event recorded up to that
 * instant, nothing after. Recorded time is the registry's clock at write time, so it grows with
 * the log position and the events up to an instant are a prefix of the log; the fold stops at
 * the first event recorded later.
 */
export const registryAsOf = async (deps: RegistryAsOfDeps, instant: DateTime): Promise<RegistryAsOf> => {
  const millis = instant.toMillis();
  const snapshot = deps.history?.latestAtOrBefore(millis, deps.projections);
  const models = new Map<string, unknown>(
    deps.projections.map((projection) => [projection.name, snapshot ? snapshot.models[projection.name] : projection.create()]),
  );
  let position = snapshot?.position ?? null;
  let replayed = 0;
  // Read from the snapshot's own position (included) and skip it: on EventStoreDB a position is a
  // byte offset, and position + 1 is not a record boundary.
  for await (const recorded of deps.store.readAll({ fromPosition: snapshot?.position ?? 'start' })) {
    if (snapshot && recorded.position <= snapshot.position) continue;
    const recordedAt = recorded.metadata['recordedAt'];
    if (typeof recordedAt === 'string' && Date.parse(recordedAt) > millis) break;
    const projected = toProjectedEvent(recorded, deps.upcasters);
    if (projected) for (const projection of deps.projections) projection.apply(models.get(projection.name), projected);
    position = recorded.position;
    replayed++;
  }
  return { position, models, replayed };
};
