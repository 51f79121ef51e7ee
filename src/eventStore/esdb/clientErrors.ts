import {
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamNotFoundError as ClientStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '../eventStore';
import {
  EventStoreError,
  InvalidStoreInputError,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../errors';
import { MAX_APPEND_BYTES } from '../validation';

export interface ErrorContext {
  readonly streamName?: string;
  readonly expected?: ExpectedRevision;
}

/**
 * gRPC status codes of a call that did not reach the server or was cut off, so its outcome is
 * unknown: CANCELLED (1), DEADLINE_EXCEEDED (4), ABORTED (10, the server's timeouts), UNAVAILABLE (14).
 * Numbers rather than `@grpc/grpc-js`, which the client brings but the registry does not depend on.
 */
const UNREACHABLE = new Set<number>([1, 4, 10, 14]);

/**
 * What the server says, on the BatchAppend path the client uses against a real server, when it
 * cannot take writes for now (starting, overloaded, electing a leader): a status whose details the
 * client does not recognise, so it throws an UnknownError "Could not recognize <message>".
 */
const NOT_NOW = /^Could not recognize .*(not ready|too busy|is busy|leader)/i;

/** gRPC INVALID_ARGUMENT: how the server refuses a read from inside a record of the log. */
const INVALID_ARGUMENT = 3;

const hasGrpcCode = (error: unknown): error is { code: number; message?: string } =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number';

/**
 * Translates what `@eventstore/db-client` throws into the port's errors. Anything the port has
 * no name for (access denied, a deleted stream, a server bug) is returned unchanged: a fault.
 */
export const toStoreError = (error: unknown, context: ErrorContext = {}): unknown => {
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(
      context.streamName ?? error.streamName,
      context.expected ?? (error.expectedVersion as ExpectedRevision),
      error.actualVersion,
    );
  }
  if (error instanceof ClientStreamNotFoundError) {
    return new StreamNotFoundError(context.streamName ?? error.streamName);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    // The server sizes a batch a little differently (data + metadata + twice the type length).
    return new InvalidStoreInputError(
      'events',
      'batch-too-large',
      `EventStoreDB refused the batch as larger than its maximum append size ` +
        `(${error.maxAppendSize ?? MAX_APPEND_BYTES} bytes). Split it.`,
    );
  }
  if (hasGrpcCode(error) && error.code === INVALID_ARGUMENT && /invalid position/i.test(error.message ?? '')) {
    return new InvalidStoreInputError(
      'fromPosition',
      'not-an-event-position',
      'is not the position of an event in EventStoreDB\'s log: start from a position the store gave (an event\'s, or a cursor the registry returned).',
    );
  }
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError ||
    (error instanceof UnknownError && NOT_NOW.test(error.message)) ||
    (hasGrpcCode(error) && UNREACHABLE.has(error.code))
  ) {
    const reason = error instanceof Error ? error.message : String(error);
    return new StoreUnavailableError(`EventStoreDB could not be reached or did not answer: ${reason}`, { cause: error });
  }
  return error;
};
