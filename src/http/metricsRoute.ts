import { Router } from 'express';
import type { Telemetry } from '../observability/telemetry';

/** `GET /metrics`: Prometheus text exposition (process, HTTP, GraphQL, commands, projections). */
export const metricsRoute = (telemetry: Telemetry): Router => {
  const router = Router();
  router.get('/metrics', async (_request, response) => {
    try {
      const text = await telemetry.metrics.render();
      response.setHeader('Content-Type', telemetry.metrics.contentType);
      response.setHeader('Cache-Control', 'no-store');
      response.send(text);
    } catch (error) {
      telemetry.logger.error('Could not render the metrics', { error });
      response.status(500).type('text/plain').send('metrics unavailable\n');
    }
  });
  return router;
};
