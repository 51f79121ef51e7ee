import type { Progress } from '../cli/progress';
import type { EventStore } from '../eventStore/eventStore';
import { readHeadPosition } from '../eventStore/headPosition';
import type { ProjectionRunner } from './projectionRunner';

export interface CatchUpProgressOptions {
  /** Nothing is shown when catching up takes less than this (a snapshot restore, a small store). */
  readonly quietMs?: number;
  readonly everyMs?: number;
}

/**
 * Shows how far the read models are from the store's head until `caughtUp` resolves. Positions
 * are event counts on the embedded store but log offsets on EventStoreDB, so the total is
 * estimated from the events applied per position unit so far (exact on the embedded store).
 */
export const showCatchUpProgress = async (
  runner: Pick<ProjectionRunner, 'position' | 'eventsApplied'>,
  store: EventStore,
  caughtUp: Promise<void>,
  createProgress: () => Progress,
  { quietMs = 1_000, everyMs = 250 }: CatchUpProgressOptions = {},
): Promise<void> => {
  const startPosition = runner.position ?? 0n;
  const startApplied = runner.eventsApplied;
  const startedAt = Date.now();
  // Created now, so that its rate counts from here; it prints nothing until the first update.
  const progress = createProgress();
  let shown = false;
  let reading = false;
  let done = false;
  const tick = async () => {
    if (reading || Date.now() - startedAt < quietMs) return;
    reading = true;
    try {
      const head = await readHeadPosition(store);
      const position = runner.position ?? 0n;
      const applied = runner.eventsApplied;
      if (done || head === null || position >= head) return;
      const perUnit = position > startPosition ? (applied - startApplied) / Number(position - startPosition) : 1;
      shown = true;
      progress.update(applied, Math.round(applied + Number(head - position) * perUnit));
    } catch {
      // The store is unreachable: readiness reports that; the progress line just waits.
    } finally {
      reading = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  try {
    await caughtUp;
  } finally {
    done = true;
    clearInterval(timer);
  }
  if (shown) progress.finish(runner.eventsApplied, 'read models caught up');
};
