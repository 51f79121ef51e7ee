import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../observability/logger';

/**
 * Last middleware: errors raised before GraphQL runs (a body that is not JSON, one over the size
 * limit) are the client's, answered as JSON with their 4xx status; anything else is masked.
 */
export const jsonErrorHandler =
  (logger: Pick<Logger, 'error'>) =>
  (error: unknown, _request: Request, response: Response, _next: NextFunction): void => {
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    if (status >= 400 && status < 500) {
      const message =
        (error as { type?: string }).type === 'entity.too.large'
          ? 'The request body is too large for this endpoint.'
          : (error as { type?: string }).type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : error instanceof Error
              ? error.message
              : 'Bad request.';
      response.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const correlationId = response.locals['correlationId'];
    logger.error('Unhandled HTTP error', { ...(typeof correlationId === 'string' ? { correlationId } : {}), error });
    response.status(500).json({ errors: [{ message: 'Internal error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
