import type { Request, Response } from 'express';

/**
 * After every route: a request no route answered gets the API's JSON error shape, saying where
 * things are, instead of express's HTML "Cannot POST /x". The dashboard answers its own paths
 * (and its own 404s for unknown assets) before this.
 */
export const jsonNotFound = (request: Request, response: Response): void => {
  response.status(404).json({
    errors: [
      {
        message:
          `Nothing here answers ${request.method} ${request.path}. The API is GraphQL at /graphql (POST, or WebSocket with graphql-ws); ` +
          'health at GET /healthz and GET /readyz, metrics at GET /metrics, import at POST /import/agreements, exports at GET /export/…; see the README.',
        extensions: { code: 'NOT_FOUND' },
      },
    ],
  });
};
