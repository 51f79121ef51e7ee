import { Router } from 'express';
import type { EventStore } from '../eventStore/eventStore';
import { readHeadPosition } from '../eventStore/headPosition';
import type { ProjectionRunner } from '../projectionRunner/projectionRunner';

/**
 * `/healthz` says the process is up (a liveness probe: it never touches dependencies).
 * `/readyz` says it can serve: the store answers and the read models have caught up. A failed
 * projection makes the service `degraded`, not unready: the other read models keep serving, and
 * every replica would fail the same way, so taking it out of rotation would help nobody.
 */
export const healthRoutes = (store: EventStore, runner: ProjectionRunner): Router => {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', async (_request, response) => {
    const projections = runner.health();
    let head: bigint | null = null;
    try {
      head = await readHeadPosition(store);
    } catch (error) {
      response.status(503).json({
        status: 'unavailable',
        store: { reachable: false, reason: error instanceof Error ? error.message : String(error) },
        projections: describe(projections, null),
      });
      return;
    }
    const caughtUp = projections.phase === 'live';
    const status = projections.phase === 'stopped' ? 'stopped' : !caughtUp ? 'catching-up' : projections.failures.length > 0 || projections.snapshotWriteFailure !== null ? 'degraded' : 'ready';
    response.status(caughtUp ? 200 : 503).json({ status, store: { reachable: true, headPosition: head?.toString() ?? null }, projections: describe(projections, head) });
  });
  return router;
};

const describe = (health: ReturnType<ProjectionRunner['health']>, head: bigint | null) => ({
  phase: health.phase,
  position: health.position?.toString() ?? null,
  // Positions are not event counts on EventStoreDB (they are log offsets): the lag says how far
  // behind the head the read models are, in the store's own unit.
  lag: head === null ? null : (head - (health.position ?? 0n)).toString(),
  snapshot: health.snapshot,
  snapshotWriteFailure: health.snapshotWriteFailure && { position: health.snapshotWriteFailure.position?.toString() ?? null, message: health.snapshotWriteFailure.message },
  // Reading the store failed: the runner subscribes again from its position (see ProjectionRunner).
  readFailure: health.readFailure,
  failures: health.failures.map((failure) => ({ ...failure, position: failure.position.toString() })),
});
