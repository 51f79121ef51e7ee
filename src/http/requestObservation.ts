import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { OperationType } from '../observability/metrics';
import type { Telemetry } from '../observability/telemetry';

export const CORRELATION_HEADER = 'x-correlation-id';
export const REQUEST_ID_HEADER = 'x-request-id';
const GIVEN_CORRELATION_ID = /^[\w.-]{1,100}$/;
/** Routes probed every few seconds: logged at debug (unless they fail) so they do not drown the log. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** What is known about one HTTP request; the GraphQL layer fills in its part as it goes. */
export interface RequestObservation {
  readonly requestId: string;
  readonly correlationId: string;
  /** `anonymous`, or the verified token's role. Never the token. */
  role?: string;
  graphql?: { operationType: OperationType; operationName?: string; code: string };
}

export const observationOf = (response: Response): RequestObservation | undefined => response.locals['observation'] as RequestObservation | undefined;

/**
 * The correlation id of a request: the caller's `x-correlation-id` when it is a plausible id, a new
 * one otherwise; echoed in the response and kept in `res.locals.correlationId`. Idempotent, so a
 * router mounted on its own (as in mountGraphQL) may apply it again.
 */
export const assignCorrelationId = (request: Request, response: Response, next: NextFunction): void => {
  if (typeof response.locals['correlationId'] !== 'string') {
    const given = request.header(CORRELATION_HEADER);
    const correlationId = given && GIVEN_CORRELATION_ID.test(given) ? given : randomUUID();
    response.locals['correlationId'] = correlationId;
    response.setHeader(CORRELATION_HEADER, correlationId);
  }
  next();
};

/**
 * First middleware: gives each request an id and a correlation id, then, once the response is
 * sent (or the client went away), logs one line for it and observes its latency.
 */
export const observeRequests =
  (telemetry: Telemetry) =>
  (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const path = pathOf(request.originalUrl);
    const requestId = randomUUID();
    response.setHeader(REQUEST_ID_HEADER, requestId);
    assignCorrelationId(request, response, () => undefined);
    const observation: RequestObservation = { requestId, correlationId: response.locals['correlationId'] as string };
    response.locals['observation'] = observation;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      // A response cut short (the client left) is logged with the status it would have had.
      const status = response.statusCode;
      const aborted = !response.writableFinished;
      const { graphql } = observation;
      const isGraphQL = path === '/graphql';
      const operationType = graphql?.operationType ?? 'unknown';
      telemetry.metrics.observeHttpRequest({ method: request.method, path, operationType: isGraphQL ? operationType : 'none', status, durationSeconds });
      if (isGraphQL && request.method !== 'OPTIONS' && (graphql || status >= 400)) {
        telemetry.metrics.countGraphQLOperation('http', operationType, graphql?.code ?? codeOfStatus(status));
      }
      const level = status >= 500 ? 'error' : PROBES.has(path) ? 'debug' : 'info';
      telemetry.logger[level]('HTTP request', {
        method: request.method,
        path,
        status,
        durationMs: Math.round(durationSeconds * 1e6) / 1e3,
        requestId,
        correlationId: observation.correlationId,
        ...(observation.role ? { role: observation.role } : {}),
        ...(graphql ? { operationType: graphql.operationType, ...(graphql.operationName ? { operationName: graphql.operationName } : {}), graphqlCode: graphql.code } : {}),
        ...(aborted ? { aborted: true } : {}),
      });
    };
    response.once('finish', finish);
    response.once('close', finish);
    next();
  };

/** The path alone: a query string may carry a whole GraphQL document and its variables. */
const pathOf = (url: string): string => {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
};

/** A GraphQL request refused before Apollo ran it (bad token, rate limit, bad body). */
const codeOfStatus = (status: number): string =>
  status === 401 ? 'UNAUTHENTICATED' : status === 429 ? 'RATE_LIMITED' : status === 413 || status === 400 ? 'BAD_REQUEST' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : `HTTP_${status}`;
