import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  START,
  streamNameFilter,
  type Filter,
  type JSONType,
  type ReadPosition,
} from '@eventstore/db-client';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
  Subscription,
  SubscriptionFilter,
} from '../eventStore';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { prepareAppend, validateMaxCount, validateStart, validateStreamName } from '../validation';
import { toStoreError, type ErrorContext } from './clientErrors';
import { commitPositionOf, isSystemEvent, toRecordedEvent, type ClientResolvedEvent } from './recordedEvent';
import { EsdbSubscription } from './subscription';

/** A read as the client returns it: a readable stream of results whose call can be cancelled. */
interface ClientRead {
  iterator(options: { destroyOnReturn: boolean }): AsyncIterable<unknown>;
  resume(): unknown;
  destroy(error?: Error): unknown;
  cancel(): Promise<void>;
}

const at = (position: bigint) => ({ commit: position, prepare: position });

/**
 * The event store port over EventStoreDB (gRPC, `@eventstore/db-client`). Needs EventStoreDB
 * 23.10 or later (subscriptions' caught-up signal). Where EventStoreDB's own behaviour differs
 * from the port, the adapter bridges it (each place says how); everything else is passed through.
 */
export class EsdbEventStore implements EventStore {
  private closed = false;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly reads = new Set<ClientRead>();

  /** `connectionString` as EventStoreDB documents it, e.g. `esdb://host:2113?tls=false`. */
  static connect(connectionString: string): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  constructor(private readonly client: EventStoreDBClient) {}

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    // Refused input never reaches the server; ids are sent lowercased, as validated.
    const prepared = prepareAppend(streamName, events, options);
    const context: ErrorContext = { streamName: prepared.streamName, expected: prepared.expectedRevision };
    const proposed = prepared.events.map((event, index) => {
      const original = events[index] as EventToAppend;
      return jsonEvent({
        id: event.id,
        type: event.type,
        data: original.data as JSONType,
        ...(original.metadata === undefined ? {} : { metadata: original.metadata as JSONType }),
      });
    });
    let result;
    try {
      // 'any' | 'no_stream' | 'stream_exists' | bigint are the client's own values.
      result = await this.client.appendToStream(prepared.streamName, proposed, {
        expectedRevision: prepared.expectedRevision,
      });
    } catch (error) {
      throw toStoreError(error, context);
    }
    if (!result.success) {
      // Only with `throwOnAppendFailure=false` in the connection string, which the configuration
      // refuses: on BatchAppend the client then reports a wrong actual revision.
      const actual = result.nextExpectedRevision < 0n ? 'no_stream' : result.nextExpectedRevision;
      throw new WrongExpectedRevisionError(prepared.streamName, prepared.expectedRevision, actual);
    }
    if (result.position === undefined) {
      throw new Error(`EventStoreDB acknowledged the append to "${prepared.streamName}" without a position.`);
    }
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position.commit };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.streamEvents(streamName, options) };
  }

  private async *streamEvents(streamName: string, options: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const name = validateStreamName(streamName);
    const maxCount = validateMaxCount(options.maxCount);
    const from = validateStart(options.fromRevision, 'fromRevision');
    const backwards = options.direction === 'backwards';
    const context: ErrorContext = { streamName: name };

    if (!backwards && from === 'end') {
      // EventStoreDB answers a forwards read from the end with an error (it reads from revision
      // -1). Nothing comes after the end, but a missing stream must still be reported.
      for await (const _ of this.results(this.client.readStream(name, { fromRevision: END, direction: BACKWARDS, maxCount: 1 }), context)) {
        // the stream exists
      }
      return;
    }
    const read = this.client.readStream(name, {
      fromRevision: from === 'start' ? START : from === 'end' ? END : from,
      direction: backwards ? BACKWARDS : FORWARDS,
      ...(Number.isFinite(maxCount) ? { maxCount } : {}),
    });
    for await (const resolved of this.results(read, context)) {
      yield toRecordedEvent(resolved);
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.allEvents(options) };
  }

  /**
   * `$all` without system records, at most `maxCount` of ours. The client cannot filter reads of
   * `$all` on the server, so system records are skipped here; with a `maxCount` the read goes on
   * from the last record seen until enough of ours have come or `$all` ends.
   */
  private async *allEvents(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const maxCount = validateMaxCount(options.maxCount);
    const from = validateStart(options.fromPosition, 'fromPosition');
    const backwards = options.direction === 'backwards';
    let remaining = maxCount;

    if (backwards && typeof from === 'bigint') {
      // EventStoreDB reads `$all` backwards from the record *before* a position (AllReader keeps
      // records that end at or before it); the port includes the record at the position.
      for await (const resolved of this.results(this.client.readAll({ fromPosition: at(from), maxCount: 1 }))) {
        if (commitPositionOf(resolved) !== from || resolved.event === undefined || isSystemEvent(resolved.event)) continue;
        yield toRecordedEvent(resolved);
        remaining -= 1;
      }
    }

    let cursor: ReadPosition = from === 'start' ? START : from === 'end' ? END : at(from);
    let last: bigint | undefined;
    while (remaining > 0) {
      // Going on forwards re-reads the last record seen (the start is included): ask for one more.
      const request = Number.isFinite(remaining) ? remaining + (last !== undefined && !backwards ? 1 : 0) : undefined;
      const read = this.client.readAll({
        fromPosition: cursor,
        direction: backwards ? BACKWARDS : FORWARDS,
        ...(request === undefined ? {} : { maxCount: request }),
      });
      const seenBefore = last;
      let received = 0;
      for await (const resolved of this.results(read)) {
        received += 1;
        const position = commitPositionOf(resolved);
        if (seenBefore !== undefined && (backwards ? position >= seenBefore : position <= seenBefore)) continue;
        last = position;
        if (resolved.event === undefined || isSystemEvent(resolved.event)) continue;
        yield toRecordedEvent(resolved);
        remaining -= 1;
        if (remaining === 0) return;
      }
      if (request === undefined || received < request || last === undefined) return;
      cursor = at(last);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const from = validateStart(options.fromPosition, 'fromPosition');
    return this.track(
      (stopped) =>
        new EsdbSubscription(
          this.client.subscribeToAll({
            fromPosition: from === 'start' ? START : from === 'end' ? END : at(from),
            filter: serverFilter(options.filter),
          }),
          {},
          stopped,
        ),
    );
  }

  subscribeToStream(streamName: string, options: SubscribeToStreamOptions = {}): Subscription {
    this.assertOpen();
    const name = validateStreamName(streamName);
    const from = validateStart(options.fromRevision, 'fromRevision');
    return this.track(
      (stopped) =>
        new EsdbSubscription(
          this.client.subscribeToStream(name, {
            fromRevision: from === 'start' ? START : from === 'end' ? END : from,
          }),
          { streamName: name },
          stopped,
        ),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // The client ignores the cancellation of its own calls, so a read in progress would never
    // end: fail it instead.
    for (const read of this.reads) read.destroy(new StoreUnavailableError('The event store was closed during the read.'));
    await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    await this.client.dispose();
  }

  /**
   * Iterates a client read and translates its errors. When the consumer stops early the call is
   * cancelled and what is already buffered is drained: a call whose last messages sit unread
   * never completes, and the client's dispose() would wait for it forever.
   */
  private async *results(read: ClientRead, context: ErrorContext = {}): AsyncGenerator<ClientResolvedEvent> {
    let finished = false;
    this.reads.add(read);
    try {
      for await (const resolved of read.iterator({ destroyOnReturn: false })) yield resolved as ClientResolvedEvent;
      finished = true;
    } catch (error) {
      finished = true;
      throw toStoreError(error, context);
    } finally {
      this.reads.delete(read);
      if (!finished) {
        read.resume();
        await read.cancel().catch(() => undefined);
      }
    }
  }

  private track(open: (stopped: (subscription: EsdbSubscription) => void) => EsdbSubscription): Subscription {
    const subscription = open((stopped) => this.subscriptions.delete(stopped));
    this.subscriptions.add(subscription);
    return subscription;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed.');
  }
}

/**
 * The port's filters as EventStoreDB server-side filters. Without one, `$all` is subscribed with
 * `excludeSystemEvents` (event types not starting with `$`); records of system streams with other
 * types are still skipped by the subscription itself.
 */
const serverFilter = (filter: SubscriptionFilter | undefined): Filter =>
  filter === undefined
    ? excludeSystemEvents()
    : 'streamNamePrefixes' in filter
      ? streamNameFilter({ prefixes: [...filter.streamNamePrefixes] })
      : eventTypeFilter({ prefixes: [...filter.eventTypePrefixes] });
