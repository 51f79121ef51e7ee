/**
 * `Streams.Read` of the test double: reads of one stream or of `$all` (forwards and backwards,
 * with a count, optionally filtered) and catch-up subscriptions. It follows, in EventStore/EventStore
 * src/EventStore.Core:
 * - Services/Transport/Grpc/Streams.Read.cs for which option combinations are accepted and how
 *   events and control messages are encoded;
 * - Services/Transport/Enumerators/Enumerator.*.cs for the order of messages: a subscription
 *   sends its confirmation, then the events after its (exclusive) checkpoint, then `caught_up`,
 *   then live events; a subscription whose checkpoint is at or beyond the head goes live (and
 *   says `caught_up`) at once; a live subscription that falls more than 32 events behind
 *   (MaxLiveEventBufferCount) goes back to catching up and says `caught_up` again when it is
 *   done (FellBehind itself is not sent to clients). Filtered `$all` subscriptions also send a
 *   checkpoint when catch-up ends (live checkpoints are not implemented);
 * - Services/Storage/ReaderIndex/AllReader.cs for `$all` positions: forwards from a position
 *   includes the record at that position, backwards includes only records that end at or before
 *   it, i.e. it does NOT include the record that starts at the position;
 * - IndexReader.cs / StorageReaderWorker.cs for stream reads: a stream without events answers
 *   `stream_not_found`; forwards from `end` is an error (Ensure.Nonnegative on -1 gives
 *   ReadStreamResult.Error, sent as UNKNOWN); forwards past the last revision is empty;
 *   backwards from `start` is revision 0 and backwards from beyond the end starts at the last event;
 * - Services/Storage/ReaderIndex/EventFilter.cs for filters: prefixes or a regex on the stream
 *   name or the event type, combined for `$all` with the default `$all` filter.
 * Because the double serves reads and subscriptions from its log and awaits gRPC flow control
 * (`drain`) before each write, a client that stops reading never makes it buffer without bound.
 */
import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { DoubleLog, StoredEvent } from './log';
import {
  asRpcFailure,
  caughtUpMessage,
  checkpointMessage,
  confirmationMessage,
  eventMessage,
  RpcFailure,
  streamNameOf,
  streamNotFoundMessage,
} from './wire';

/** Enumerator.cs: MaxLiveEventBufferCount and ReadBatchSize. */
const MAX_LIVE_EVENT_BUFFER = 32;
const READ_BATCH_SIZE = 32;

const Options = ReadReq.Options;
type Filter = (event: StoredEvent) => boolean;

/** Writes responses in order, waiting for gRPC flow control; reports whether the call is still open. */
export class ResponseWriter {
  private closed = false;
  private readonly wakers = new Set<() => void>();

  constructor(private readonly call: ServerWritableStream<ReadReq, ReadResp>) {
    call.on('cancelled', () => this.close());
    call.on('error', () => this.close());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Ends waits and writes: the client cancelled or the double is stopping. */
  close(): void {
    this.closed = true;
    this.wakers.forEach((wake) => wake());
    this.wakers.clear();
  }

  async write(message: ReadResp): Promise<boolean> {
    if (this.closed) return false;
    if (!this.call.write(message)) {
      await this.until((wake) => {
        this.call.once('drain', wake);
        return () => this.call.off('drain', wake);
      });
    }
    return !this.closed;
  }

  /** Resolves when `register`'s callback fires or the call closes. */
  until(register: (wake: () => void) => () => void): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        this.wakers.delete(wake);
        unregister();
        resolve();
      };
      this.wakers.add(wake);
      const unregister = register(wake);
    });
  }

  end(): void {
    if (!this.closed) this.call.end();
  }

  fail(failure: RpcFailure): void {
    if (!this.closed) this.call.emit('error', failure.toServiceError());
  }
}

export const readHandler =
  (log: DoubleLog, writers: Set<ResponseWriter>) =>
  (call: ServerWritableStream<ReadReq, ReadResp>): void => {
    const writer = new ResponseWriter(call);
    writers.add(writer);
    void (async () => {
      try {
        await read(log, call.request, writer);
        writer.end();
      } catch (error) {
        writer.fail(asRpcFailure(error));
      } finally {
        writers.delete(writer);
      }
    })();
  };

const read = async (log: DoubleLog, request: ReadReq, writer: ResponseWriter): Promise<void> => {
  const options = request.getOptions();
  const uuidOption = options?.getUuidOption();
  if (options === undefined || uuidOption === undefined) {
    throw new RpcFailure(status.INVALID_ARGUMENT, ' `uuidOption` is a required argument of type UUIDOption');
  }
  const backwards = options.getReadDirection() === Options.ReadDirection.BACKWARDS;
  const streamCase = options.getStreamOptionCase();
  const countCase = options.getCountOptionCase();
  const filterCase = options.getFilterOptionCase();
  const filter = filterCase === Options.FilterOptionCase.FILTER ? filterOf(options.getFilter()) : undefined;
  const send = (event: StoredEvent) => writer.write(eventMessage(event, uuidOption));

  if (countCase === Options.CountOptionCase.COUNT && filterCase !== Options.FilterOptionCase.FILTER_OPTION_NOT_SET) {
    const count = BigInt(options.getCount());
    if (streamCase === Options.StreamOptionCase.STREAM && filter === undefined) {
      return readStream(log, options.getStream() as ReadReq.Options.StreamOptions, backwards, count, send, writer);
    }
    if (streamCase === Options.StreamOptionCase.ALL) {
      return readAll(log, options.getAll() as ReadReq.Options.AllOptions, backwards, count, filter, send);
    }
  }
  if (countCase === Options.CountOptionCase.SUBSCRIPTION && !backwards) {
    if (streamCase === Options.StreamOptionCase.STREAM && filterCase === Options.FilterOptionCase.NO_FILTER) {
      return subscribe(log, streamSource(log, options.getStream() as ReadReq.Options.StreamOptions), send, writer);
    }
    if (streamCase === Options.StreamOptionCase.ALL && filterCase !== Options.FilterOptionCase.FILTER_OPTION_NOT_SET) {
      return subscribe(log, allSource(log, options.getAll() as ReadReq.Options.AllOptions, filter), send, writer);
    }
  }
  throw new RpcFailure(
    status.INVALID_ARGUMENT,
    `The combination of (${streamCase}, ${countCase}, ${backwards ? 'Backwards' : 'Forwards'}, ${filterCase}) is invalid.`,
  );
};

const readStream = async (
  log: DoubleLog,
  options: ReadReq.Options.StreamOptions,
  backwards: boolean,
  count: bigint,
  send: (event: StoredEvent) => Promise<boolean>,
  writer: ResponseWriter,
): Promise<void> => {
  const name = streamNameOf(options.getStreamIdentifier());
  const revisionCase = options.getRevisionOptionCase();
  const End = Options.StreamOptions.RevisionOptionCase.END;
  if (!backwards && revisionCase === End) {
    throw new RpcFailure(status.UNKNOWN, 'Unexpected ReadStreamResult: Error');
  }
  const events = log.streamEvents(name);
  if (events === undefined) {
    await writer.write(streamNotFoundMessage(name));
    return;
  }
  const last = BigInt(events.length - 1);
  const from =
    revisionCase === Options.StreamOptions.RevisionOptionCase.REVISION
      ? BigInt(options.getRevision())
      : revisionCase === End
        ? last
        : 0n;
  let sent = 0n;
  if (backwards) {
    for (let revision = from > last ? last : from; revision >= 0n && sent < count; revision--, sent++) {
      if (!(await send(events[Number(revision)] as StoredEvent))) return;
    }
  } else {
    for (let revision = from; revision <= last && sent < count; revision++, sent++) {
      if (!(await send(events[Number(revision)] as StoredEvent))) return;
    }
  }
};

/**
 * AllOptions to a log position: `start` is 0, `end` the writer checkpoint (HeadOfTf). Only the
 * commit position is used: every record of the double has commit == prepare.
 */
const positionOf = (log: DoubleLog, options: ReadReq.Options.AllOptions): bigint => {
  switch (options.getAllOptionCase()) {
    case Options.AllOptions.AllOptionCase.POSITION: {
      const position = BigInt((options.getPosition() as ReadReq.Options.Position).getCommitPosition());
      // As the server (TFChunkReadSide): a position inside the log must be where a record starts.
      if (position !== 0n && position < log.endPosition && log.records[log.indexAtOrAfter(position)]?.position !== position) {
        throw new RpcFailure(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.');
      }
      return position;
    }
    case Options.AllOptions.AllOptionCase.END:
      return log.endPosition;
    default:
      return 0n;
  }
};

const readAll = async (
  log: DoubleLog,
  options: ReadReq.Options.AllOptions,
  backwards: boolean,
  count: bigint,
  filter: Filter | undefined,
  send: (event: StoredEvent) => Promise<boolean>,
): Promise<void> => {
  const position = positionOf(log, options);
  const accept = filter ?? defaultAllFilter;
  let sent = 0n;
  if (backwards) {
    // Only records that end at or before the position: the one starting there is excluded.
    for (let index = log.records.length - 1; index >= 0 && sent < count; index--) {
      const record = log.records[index] as StoredEvent;
      if (record.postPosition > position || !accept(record)) continue;
      if (!(await send(record))) return;
      sent++;
    }
  } else {
    for (let index = log.indexAtOrAfter(position); index < log.records.length && sent < count; index++) {
      const record = log.records[index] as StoredEvent;
      if (!accept(record)) continue;
      if (!(await send(record))) return;
      sent++;
    }
  }
};

/** What a subscription reads: a cursor per record (revision or position), -1 before the first. */
interface SubscriptionSource {
  /** The exclusive start cursor; `end` resolves to the head when the subscription starts. */
  readonly start: bigint | 'end';
  /** The cursor of the last record now stored (the confirmation's last event number / position). */
  head(): bigint;
  /** Up to `limit` matching records after `cursor`, and the cursor of the last record considered. */
  after(cursor: bigint, limit: number): { readonly events: StoredEvent[]; readonly considered: bigint };
  cursorOf(event: StoredEvent): bigint;
  /** Filtered `$all` subscriptions send a checkpoint when catch-up ends. */
  readonly sendsCheckpoints: boolean;
}

const streamSource = (log: DoubleLog, options: ReadReq.Options.StreamOptions): SubscriptionSource => {
  const name = streamNameOf(options.getStreamIdentifier());
  const revisionCase = options.getRevisionOptionCase();
  return {
    start:
      revisionCase === Options.StreamOptions.RevisionOptionCase.REVISION
        ? BigInt(options.getRevision())
        : revisionCase === Options.StreamOptions.RevisionOptionCase.END
          ? 'end'
          : -1n,
    head: () => log.lastRevision(name),
    after: (cursor, limit) => {
      const events = (log.streamEvents(name) ?? []).slice(Number(cursor + 1n), Number(cursor + 1n) + limit);
      return { events, considered: events.at(-1)?.revision ?? cursor };
    },
    cursorOf: (event) => event.revision,
    sendsCheckpoints: false,
  };
};

const allSource = (log: DoubleLog, options: ReadReq.Options.AllOptions, filter: Filter | undefined): SubscriptionSource => {
  const accept = filter ?? defaultAllFilter;
  const startCase = options.getAllOptionCase();
  return {
    start:
      startCase === Options.AllOptions.AllOptionCase.POSITION
        ? positionOf(log, options)
        : startCase === Options.AllOptions.AllOptionCase.END
          ? 'end'
          : -1n,
    head: () => log.lastPosition,
    after: (cursor, limit) => {
      const events: StoredEvent[] = [];
      let considered = cursor;
      for (let index = log.indexAtOrAfter(cursor + 1n); index < log.records.length && events.length < limit; index++) {
        const record = log.records[index] as StoredEvent;
        considered = record.position;
        if (accept(record)) events.push(record);
      }
      return { events, considered };
    },
    cursorOf: (event) => event.position,
    sendsCheckpoints: filter !== undefined,
  };
};

const subscribe = async (
  log: DoubleLog,
  source: SubscriptionSource,
  send: (event: StoredEvent) => Promise<boolean>,
  writer: ResponseWriter,
): Promise<void> => {
  if (!(await writer.write(confirmationMessage(randomUUID())))) return;
  let cursor = source.start === 'end' ? source.head() : source.start;
  let live = cursor >= source.head();
  if (live && !(await writer.write(caughtUpMessage()))) return;

  while (!writer.isClosed) {
    const { events, considered } = source.after(cursor, MAX_LIVE_EVENT_BUFFER + 1);
    if (events.length === 0) {
      if (!live) {
        if (source.sendsCheckpoints) {
          if (considered > cursor) cursor = considered;
          if (cursor >= 0n && !(await writer.write(checkpointMessage(cursor)))) return;
        }
        if (!(await writer.write(caughtUpMessage()))) return;
        live = true;
        continue;
      }
      // Nothing new: sleep until the next append (or until the call closes).
      await writer.until((wake) => log.onAppend(wake));
      continue;
    }
    // More than the live buffer holds: the server would have dropped live events and gone back
    // to reading the log; it says caught_up again once it reaches the head.
    if (live && events.length > MAX_LIVE_EVENT_BUFFER) live = false;
    for (const event of events.slice(0, READ_BATCH_SIZE)) {
      if (!(await send(event))) return;
      cursor = source.cursorOf(event);
    }
  }
};

/** EventFilter.DefaultAllFilter: user streams and most system streams, not epochs nor `$all` subscription bookkeeping. */
const defaultAllFilter: Filter = (event) =>
  !event.stream.startsWith('$') ||
  !(
    event.stream === '$epoch-information' ||
    (event.stream.startsWith('$persistentsubscription-$all::') &&
      (event.stream.endsWith('-checkpoint') || event.stream.endsWith('-parked')))
  );

/** EventFilter strategies: a regex wins over prefixes; an empty prefix list matches nothing. */
const filterOf = (options: ReadReq.Options.FilterOptions | undefined): Filter => {
  const onStream = options?.getFilterCase() === Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? options?.getStreamIdentifier() : options?.getEventType();
  if (options === undefined || expression === undefined) {
    throw new RpcFailure(status.INVALID_ARGUMENT, "'FilterOptions' is not a valid filter");
  }
  const regex = expression.getRegex();
  const prefixes = expression.getPrefixList();
  const matches =
    regex !== ''
      ? (value: string) => new RegExp(regex).test(value)
      : (value: string) => prefixes.some((prefix) => value.startsWith(prefix));
  return (event) => defaultAllFilter(event) && matches(onStream ? event.stream : event.type);
};
