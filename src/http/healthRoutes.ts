import { Router } from 'express';
import type { EventStore } from '../eventStore/eventStore';

/**
 * `/healthz` says the process is up (for a liveness probe: never touches dependencies);
 * `/readyz` says it can serve (for a readiness probe: the store answers).
 */
export const healthRoutes = (store: EventStore): Router => {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', async (_request, response) => {
    try {
      let head: string | null = null;
      for await (const event of store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })) {
        head = event.position.toString();
      }
      response.json({ status: 'ready', store: { reachable: true, headPosition: head } });
    } catch (error) {
      response.status(503).json({
        status: 'unavailable',
        store: { reachable: false, reason: error instanceof Error ? error.message : String(error) },
      });
    }
  });
  return router;
};
