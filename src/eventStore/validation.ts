import type { AppendOptions, EventToAppend, ExpectedRevision } from './eventStore';
import { InvalidStoreInputError } from './errors';
import { isJsonObject } from './json';

/** Longest stream name or event type accepted, in characters. */
export const MAX_NAME_LENGTH = 256;
/** EventStoreDB's default `MaxAppendSize`: one append's serialised events, in bytes. */
export const MAX_APPEND_BYTES = 1_048_576;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event that passed validation, with its JSON already serialised once. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

const refuse = (field: string, rule: string, message: string): never => {
  throw new InvalidStoreInputError(field, rule, message);
};

export const validateStreamName = (streamName: unknown, field = 'streamName'): string => {
  if (typeof streamName !== 'string' || streamName.length === 0) {
    return refuse(field, 'stream-name-empty', 'a stream name is required (a non-empty string).');
  }
  if (streamName.length > MAX_NAME_LENGTH) {
    return refuse(
      field,
      'stream-name-too-long',
      `a stream name has at most ${MAX_NAME_LENGTH} characters; this one has ${streamName.length}.`,
    );
  }
  if (streamName.startsWith('$')) {
    return refuse(
      field,
      'stream-name-reserved',
      `names starting with "$" are reserved for the store's system streams; choose another name.`,
    );
  }
  return streamName;
};

export const validateExpectedRevision = (value: unknown): ExpectedRevision => {
  if (value === undefined) return 'any';
  if (value === 'any' || value === 'no_stream' || value === 'stream_exists') return value;
  if (typeof value === 'bigint' && value >= 0n) return value;
  return refuse(
    'expectedRevision',
    'expected-revision-invalid',
    'must be "any", "no_stream", "stream_exists" or a revision (a bigint >= 0).',
  );
};

const serialise = (value: unknown, field: string, optional: boolean): string => {
  if (value === undefined && optional) return '{}';
  if (!isJsonObject(value)) {
    return refuse(field, 'not-a-json-object', 'must be a JSON object (not an array, null or a scalar).');
  }
  try {
    return JSON.stringify(value);
  } catch (error) {
    return refuse(
      field,
      'not-serialisable',
      `cannot be serialised as JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
};

/** Validates a whole append before anything touches storage; the first problem found is thrown. */
export const prepareAppend = (
  streamName: unknown,
  events: unknown,
  options: AppendOptions | undefined,
): { streamName: string; expectedRevision: ExpectedRevision; events: PreparedEvent[] } => {
  const name = validateStreamName(streamName);
  const expectedRevision = validateExpectedRevision(options?.expectedRevision);
  if (!Array.isArray(events) || events.length === 0) {
    return refuse('events', 'batch-empty', 'an append needs at least one event.');
  }
  let bytes = 0;
  const prepared = events.map((candidate: unknown, index): PreparedEvent => {
    const field = `events[${index}]`;
    if (typeof candidate !== 'object' || candidate === null) {
      return refuse(field, 'event-not-an-object', 'each event is an object with id, type and data.');
    }
    const event = candidate as Partial<Record<keyof EventToAppend, unknown>>;
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      return refuse(`${field}.id`, 'event-id-not-uuid', 'must be a UUID such as 0b0c7c1e-5d1f-4c1a-9e59-3f1c2b8a9d10.');
    }
    if (typeof event.type !== 'string' || event.type.length === 0) {
      return refuse(`${field}.type`, 'event-type-missing', 'an event type is required (a non-empty string).');
    }
    if (event.type.length > MAX_NAME_LENGTH) {
      return refuse(`${field}.type`, 'event-type-too-long', `an event type has at most ${MAX_NAME_LENGTH} characters.`);
    }
    if (event.type.startsWith('$')) {
      return refuse(`${field}.type`, 'event-type-reserved', 'types starting with "$" are reserved for system events.');
    }
    const data = serialise(event.data, `${field}.data`, false);
    const metadata = serialise(event.metadata, `${field}.metadata`, true);
    // Counted as EventStoreDB counts an append against MaxAppendSize.
    bytes += Buffer.byteLength(data) + Buffer.byteLength(metadata) + 2 * Buffer.byteLength(event.type);
    return { id: event.id.toLowerCase(), type: event.type, data, metadata };
  });
  if (bytes > MAX_APPEND_BYTES) {
    return refuse(
      'events',
      'batch-too-large',
      `one append holds at most ${MAX_APPEND_BYTES} bytes of events; this one has ${bytes}. Split it.`,
    );
  }
  const ids = new Set(prepared.map((event) => event.id));
  if (ids.size !== prepared.length) {
    return refuse('events', 'event-id-duplicate', 'each event in one append needs its own id.');
  }
  return { streamName: name, expectedRevision, events: prepared };
};

export const validateMaxCount = (value: unknown): number => {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  return refuse('maxCount', 'max-count-invalid', 'must be a whole number greater than 0.');
};

export const validateStart = (value: unknown, field: string): 'start' | 'end' | bigint => {
  if (value === undefined || value === 'start') return 'start';
  if (value === 'end') return 'end';
  if (typeof value === 'bigint' && value >= 0n) return value;
  return refuse(field, 'start-invalid', 'must be "start", "end" or a bigint >= 0.');
};
