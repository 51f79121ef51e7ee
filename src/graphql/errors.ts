import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { InvalidStoreInputError } from '../eventStore/errors';
import { ConflictError, InvalidInputError, RegistryError, RuleViolationError, UnavailableError } from '../shared/errors';

/** Codes the API itself sets before execution (parse, validation, variables, limits); kept as they are. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  // Set by the request context for a bad bearer token (before any resolver runs).
  'UNAUTHENTICATED',
]);

/**
 * graphql-js stops coercing variables after 50 bad values and adds this error, with no code and no
 * location, after the 50 it reports; it is the client's input all the same, not an internal error.
 */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

export type ErrorLogger = (entry: { readonly level: 'error'; readonly message: string; readonly errorId: string; readonly correlationId?: string; readonly error: unknown }) => void;

/**
 * The one mapping from the registry's error taxonomy to `extensions.code`, used over HTTP and
 * WebSocket alike. Anything that is not a deliberate error is masked as INTERNAL_SERVER_ERROR: the
 * client gets an id to quote, the log gets the cause under that id.
 */
export const formatRegistryError = (
  formatted: GraphQLFormattedError,
  raw: unknown,
  log: ErrorLogger,
  correlationId?: string,
): GraphQLFormattedError => {
  const error = unwrapResolverError(raw);
  const base = { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (error instanceof RegistryError) {
    return { ...base, message: error.message, extensions: { code: error.kind, ...detailsOf(error) } };
  }
  if (error instanceof InvalidStoreInputError) {
    return { ...base, message: error.message, extensions: { code: 'BAD_USER_INPUT', issues: [{ path: error.field, rule: error.rule, message: error.message }] } };
  }
  if (error instanceof GraphQLError && error.originalError === undefined && error.message === VARIABLE_ERROR_LIMIT) {
    return {
      ...base,
      message: 'More than 50 values in the variables are invalid; the errors before this one name the first 50: correct them (and any others like them) and send again.',
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  if (error instanceof GraphQLError && error.originalError === undefined && error.extensions['code'] === undefined && isClientStatus(error.extensions['http'])) {
    // Apollo refuses a few requests (a persisted query of an unknown version, or whose hash does
    // not match its text) with a 400 but no code: the client's mistake, not an internal error.
    return { ...base, extensions: { code: 'BAD_REQUEST' } };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && PROTOCOL_CODES.has(code)) return formatted;
  const errorId = randomUUID();
  log({ level: 'error', message: 'Unexpected error while serving a request', errorId, ...(correlationId ? { correlationId } : {}), error });
  return {
    ...base,
    message: `Internal error: the registry could not complete this request. Quote ${errorId} when reporting it.`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId, ...(correlationId ? { correlationId } : {}) },
  };
};

const isClientStatus = (http: unknown): boolean => {
  const status = typeof http === 'object' && http !== null ? (http as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
};

const detailsOf = (error: RegistryError): Record<string, unknown> => {
  if (error instanceof InvalidInputError) return { issues: error.issues };
  if (error instanceof RuleViolationError) return { rule: error.rule };
  if (error instanceof UnavailableError) return { retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof ConflictError) {
    return { stream: error.streamName, expectedRevision: String(error.expectedRevision), actualRevision: String(error.actualRevision) };
  }
  return {};
};
