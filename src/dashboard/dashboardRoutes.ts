import { Router, type Response } from 'express';
import type { Logger } from '../observability/logger';
import { matchRoute } from './client/routes';
import { dashboardBundle, type DashboardBundle } from './dashboardBundle';

export interface DashboardRoutesOptions {
  readonly logger: Logger;
  /** The bundle to serve; default: built now with esbuild (tests may pass one in). */
  readonly bundle?: Promise<DashboardBundle>;
}

/**
 * Scripts and styles come only from the registry's own bundle: no inline script, no CDN. The
 * client talks to /graphql over fetch and WebSocket on the same origin ('self' covers ws: and
 * wss: on the same host in CSP Level 3).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const secure = (response: Response): void => {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // The token travels in the URL fragment, never sent anyway; no referrer leaves the dashboard.
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
};

/**
 * The dashboard, in Spanish, at `/`: the page shell on each of the client's own paths (see
 * client/routes.ts: `/`, `/auditoria`, `/acuerdos/:id`, `/entidades/:code`), its bundle under
 * `/assets/`, and the shell with 404 for any other path a browser navigates to (its "page not
 * found"). Other clients' requests for other paths fall through. Mount it after every other
 * router, just before the JSON "not found": it answers browsers for any path.
 *
 * The bundle is built once per process, when routes are first created: the server starts listening meanwhile
 * (liveness and the API do not wait for it) and the first page requests wait for the build.
 */
export const dashboardRoutes = (options: DashboardRoutesOptions): Router => {
  const { logger } = options;
  const startedAt = Date.now();
  const bundle = (options.bundle ?? dashboardBundle()).then(
    (built) => {
      logger.info('Dashboard bundled', { assets: [...built.assets.keys()], ms: Date.now() - startedAt });
      return built;
    },
    (error: unknown) => {
      logger.error('The dashboard could not be bundled: the API still serves, the dashboard answers 503', { error });
      throw error;
    },
  );
  // Failure is reported once above and per request below; an unobserved rejection must not crash.
  bundle.catch(() => undefined);

  const router = Router();
  const unavailable = (response: Response): void => {
    secure(response);
    response
      .status(503)
      .type('text/plain; charset=utf-8')
      .setHeader('Cache-Control', 'no-store')
      .send('El tablero no está disponible: no se pudo preparar. La API GraphQL sigue en /graphql.\n');
  };

  /** The bundle, or undefined once a 503 has been answered because it could not be built. */
  const builtOrUnavailable = async (response: Response): Promise<DashboardBundle | undefined> => {
    try {
      return await bundle;
    } catch {
      unavailable(response);
      return undefined;
    }
  };

  router.get('/assets/:name', async (request, response) => {
    const built = await builtOrUnavailable(response);
    if (!built) return;
    const asset = built.assets.get(request.params.name);
    secure(response);
    if (!asset) {
      response.status(404).type('text/plain; charset=utf-8').send('No existe ese recurso del tablero.\n');
      return;
    }
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.setHeader('ETag', asset.etag);
    if (request.headers['if-none-match'] === asset.etag) {
      response.status(304).end();
      return;
    }
    response.type(asset.contentType).send(asset.body);
  });

  router.get(/.*/, async (request, response, next) => {
    // Every other route was tried before this router: an unknown path a browser navigates to
    // (asking for HTML first) gets the shell with 404, which shows the Spanish "page not found";
    // any other client keeps the API's JSON answer.
    const known = matchRoute(request.path) !== undefined;
    if (!known && !prefersHtml(request.headers.accept)) {
      next();
      return;
    }
    const built = await builtOrUnavailable(response);
    if (!built) return;
    secure(response);
    // The shell names the current hashed assets: always revalidate it.
    response.setHeader('Cache-Control', 'no-cache');
    response.status(known ? 200 : 404).type('text/html; charset=utf-8').send(built.indexHtml);
  });
  return router;
};

/** A browser's navigation: text/html before any other type it accepts. */
const prefersHtml = (accept: string | undefined): boolean => accept !== undefined && accept.split(',')[0]?.trim().startsWith('text/html') === true;
