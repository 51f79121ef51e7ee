import type { ActualRevision, ExpectedRevision } from './eventStore';

/** Base of every error the store port raises on purpose; anything else is a fault. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(
      `Stream "${streamName}" was expected at ${formatRevision(expected)} but is at ` +
        `${formatRevision(actual)}: read it again and decide on its current state.`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamName: string) {
    super(`Stream "${streamName}" does not exist.`);
    this.name = 'StreamNotFoundError';
  }
}

/** Input the store refuses; nothing was written. */
export class InvalidStoreInputError extends EventStoreError {
  readonly code = 'INVALID_STORE_INPUT';
  constructor(
    /** Path of the offending input, e.g. `events[2].id`. */
    readonly field: string,
    /** Stable rule identifier, e.g. `event-id-not-uuid`. */
    readonly rule: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidStoreInputError';
  }
}

/** The store could not be reached or failed; the operation may or may not have happened. */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

export const formatRevision = (revision: ExpectedRevision | ActualRevision): string =>
  typeof revision === 'bigint' ? `revision ${revision}` : revision;
