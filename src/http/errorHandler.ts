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
      response.status(status).json({ errors: [{ message: clientErrorMessage(error), extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const correlationId = response.locals['correlationId'];
    logger.error('Unhandled HTTP error', { ...(typeof correlationId === 'string' ? { correlationId } : {}), error });
    response.status(500).json({ errors: [{ message: 'Internal error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };

/** What body-parser's refusals mean for the client, in words that say what to send instead. */
const clientErrorMessage = (error: unknown): string => {
  const { type, limit, body, code } = error as { type?: unknown; limit?: unknown; body?: unknown; code?: unknown };
  switch (type) {
    case 'entity.too.large':
      return `The request body is larger than this endpoint takes${typeof limit === 'number' ? ` (${Math.floor(limit / 1024)} KB)` : ''}: send a smaller one (for GraphQL, pass large inputs as variables of several smaller operations).`;
    case 'entity.parse.failed':
      return typeof body === 'string' && isJson(body)
        ? 'The request body must be a JSON object, e.g. {"query": "…", "variables": {…}}.'
        : 'The request body is not valid JSON.';
    case 'encoding.unsupported':
      return 'The request body is compressed in an encoding the server does not read: send it uncompressed, or with Content-Encoding gzip, deflate or br.';
    default:
      // A body that does not decompress gives zlib's own words ("incorrect header check").
      if (typeof code === 'string' && code.startsWith('Z_')) return 'The request body could not be decompressed as its Content-Encoding says: send it uncompressed, or compressed as declared.';
      return error instanceof Error ? error.message : 'Bad request.';
  }
};

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
