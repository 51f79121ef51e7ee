import type { DateTime } from 'luxon';
import type { JsonObject } from './json';

/**
 * The event store port. Its semantics mirror EventStoreDB's exactly so that the embedded SQLite
 * store and the EventStoreDB adapter are interchangeable; one conformance suite holds both to it.
 */
export interface EventStore {
  /**
   * Appends all events or none. Revisions start at 0 with no gaps. Retrying the same event ids
   * with the same exact expected revision (or `no_stream`) returns the original result and
   * writes nothing.
   * @throws WrongExpectedRevisionError when the stream is not where the caller expected it.
   * @throws InvalidStoreInputError for a refused stream name, event or batch; nothing is written.
   */
  appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult>;

  /**
   * Reads one stream; the start revision is included. Errors surface on iteration, as in
   * EventStoreDB's client: StreamNotFoundError when the stream has no events,
   * InvalidStoreInputError for refused options.
   */
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /**
   * Reads the global log (`$all`) without system events; the start position is included.
   * Errors surface on iteration.
   */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /**
   * Catch-up subscription to `$all`: events strictly after the start position, then a
   * `caughtUp` signal, then live events. The consumer pulls, so a slow consumer only delays
   * its own subscription and the store never buffers for it without bound.
   * @throws InvalidStoreInputError (at once) for refused options.
   */
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;

  /** Catch-up subscription to one stream: revisions strictly after the start, then live. */
  subscribeToStream(streamName: string, options?: SubscribeToStreamOptions): Subscription;

  /** Releases connections and ends open subscriptions. */
  close(): Promise<void>;
}

/** Where the caller believes the stream is before the append. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Where a stream actually was when an append was refused. */
export type ActualRevision = 'no_stream' | bigint;

export interface EventToAppend {
  /** UUID; the key for idempotent retries. */
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the last event of the stream after this append. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event written; usable as a read-your-writes token. */
  readonly position: bigint;
}

export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /**
   * The metadata as the store holds it (JSON text), when the adapter reads it as text. A reader
   * that needs a field or two can scan it; `metadata` may then be parsed only when first read.
   */
  readonly metadataJson?: string;
  readonly streamName: string;
  readonly revision: bigint;
  /** Position in the global log: strictly increasing, not necessarily contiguous. */
  readonly position: bigint;
  /** When the store wrote the event (UTC): the registry's "recorded time". */
  readonly created: DateTime;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly fromRevision?: 'start' | 'end' | bigint;
  readonly direction?: Direction;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  readonly fromPosition?: 'start' | 'end' | bigint;
  readonly direction?: Direction;
  readonly maxCount?: number;
}

/** Server-side filter for `$all` subscriptions, by prefix (as EventStoreDB's filters). */
export type SubscriptionFilter =
  | { readonly streamNamePrefixes: readonly string[] }
  | { readonly eventTypePrefixes: readonly string[] };

export interface SubscribeToAllOptions {
  /** Exclusive: the event at `fromPosition` itself is not delivered. */
  readonly fromPosition?: 'start' | 'end' | bigint;
  readonly filter?: SubscriptionFilter;
}

export interface SubscribeToStreamOptions {
  /** Exclusive: the event at `fromRevision` itself is not delivered. */
  readonly fromRevision?: 'start' | 'end' | bigint;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Everything stored when the subscription reached the head has been delivered. */
  | { readonly kind: 'caughtUp' };

export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  /** Ends the subscription: a pending iteration step finishes with `done`. Idempotent. */
  unsubscribe(): Promise<void>;
}
