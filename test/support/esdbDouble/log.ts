/**
 * The in-memory state of the EventStoreDB test double: a transaction log of event records, a
 * per-stream index and the committed-event-id lookup used for idempotent appends.
 *
 * What it follows (EventStore/EventStore, src/EventStore.Core):
 * - Each appended event is one self-committed prepare record, so its commit and prepare
 *   positions are both its own log position (Services/Storage/ReaderIndex/AllReader.cs,
 *   Data/ResolvedEvent.cs `IsSelfCommitted`). Positions are byte offsets in the log: strictly
 *   increasing and not contiguous. An append reports the position of its last record
 *   (Services/Storage/StorageChaser.cs: the CommitAck carries the TransactionEnd prepare's position).
 * - Expected-revision checks and idempotency follow IndexWriter.CheckCommit
 *   (Services/Storage/ReaderIndex/IndexWriter.cs), summarised on `append` below.
 * - A fresh database already holds system records before any user event, so the log starts with
 *   two `$`-prefixed events, and `$all` reads see them as they would on a real server.
 */

import { randomUUID } from 'node:crypto';

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface ProposedEvent {
  /** Lowercase canonical UUID, as the server's `Guid.ToString()` writes it back. */
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  readonly stream: string;
  readonly revision: bigint;
  /** Pre-position of the record: commit == prepare == this. */
  readonly position: bigint;
  /** Where the next record starts; backwards reads of `$all` compare this (AllReader.cs). */
  readonly postPosition: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server sends metadata `created`. */
  readonly created: bigint;
}

export type AppendOutcome =
  | { readonly kind: 'success'; readonly revision: bigint; readonly position: bigint | undefined }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint };

/** `ExpectedVersion.NoStream` / the current revision of a stream that has no events. */
export const NO_STREAM = -1n;

const TICKS_PER_MILLISECOND = 10_000n;
/**
 * Approximate fixed part of a v2 prepare record (length prefix and suffix, flags, positions,
 * expected version, event and correlation ids, timestamp, length fields). Only its effect
 * matters: positions grow by more than one per event, as on a real server.
 */
const PREPARE_RECORD_OVERHEAD = 88n;

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

export class DoubleLog {
  /** Every record in log order; positions strictly increase. */
  readonly records: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  /**
   * The server's `_committedEvents` cache (event id -> stream and revision), which the `any` and
   * `stream_exists` idempotency check consults. The real cache is bounded (8 MiB,
   * ESConsts.CommitedEventsMemCacheLimit) and starts empty after a restart; this one forgets nothing.
   */
  private readonly committedIds = new Map<string, StoredEvent>();
  private readonly appendListeners = new Set<() => void>();
  private nextPosition = 0n;

  constructor() {
    const now = BigInt(Date.now()) * TICKS_PER_MILLISECOND;
    this.write('$settings', [systemEvent('$settings')], now);
    this.write('$users', [systemEvent('$UserCreated')], now);
  }

  /** Last revision of a stream, or NO_STREAM. */
  lastRevision(stream: string): bigint {
    const events = this.streams.get(stream);
    return events === undefined ? NO_STREAM : BigInt(events.length - 1);
  }

  streamEvents(stream: string): readonly StoredEvent[] | undefined {
    return this.streams.get(stream);
  }

  /** Where the next record will be written (the writer checkpoint). */
  get endPosition(): bigint {
    return this.nextPosition;
  }

  /** Position of the last record, or -1 on an empty log (the subscription's "last indexed position"). */
  get lastPosition(): bigint {
    return this.records.at(-1)?.position ?? -1n;
  }

  /** Index of the first record at or after `position` (binary search). */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.records[mid] as StoredEvent).position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /**
   * IndexWriter.CheckCommit, then the write:
   * - `stream_exists` on a stream without events: wrong expected version.
   * - `any` / `stream_exists`: if the first event id is unknown (or known in another stream) the
   *   batch is new and is written; if every id is known in this stream it is a retry and gets the
   *   revision (and position) of the last of them; if the first is known and a later one is not,
   *   the retry is "corrupted": wrong expected version.
   * - an exact revision or `no_stream` (-1) below the current revision: the ids must match the
   *   events stored right after the expected revision, in order; all matching is a retry (result
   *   of the last one), a mismatch on the first event is wrong expected version and a later
   *   mismatch (partial overlap) is wrong expected version too.
   * - above the current revision: wrong expected version; equal: written.
   */
  append(stream: string, expected: ExpectedRevision, events: readonly ProposedEvent[]): AppendOutcome {
    const current = this.lastRevision(stream);
    const wrong = (): AppendOutcome => ({ kind: 'wrong_expected_version', current });

    if (expected === 'stream_exists' && current === NO_STREAM) return wrong();

    if (expected === 'any' || expected === 'stream_exists') {
      const known = events.map((event) => this.committedIds.get(event.id));
      const [first] = known;
      if (first !== undefined && first.stream === stream) {
        if (known.some((record) => record === undefined || record.stream !== stream)) return wrong();
        return this.retried(known[known.length - 1] as StoredEvent);
      }
    } else {
      const expectedRevision = expected === 'no_stream' ? NO_STREAM : expected;
      if (expectedRevision > current) return wrong();
      if (expectedRevision < current) {
        if (events.length === 0) return wrong();
        const stored = this.streams.get(stream) ?? [];
        const overlap = events.map((_, index) => stored[Number(expectedRevision) + 1 + index]);
        if (!overlap.every((record, index) => record !== undefined && record.id === events[index]?.id)) return wrong();
        return this.retried(overlap[overlap.length - 1] as StoredEvent);
      }
    }

    if (events.length === 0) {
      return { kind: 'success', revision: current, position: undefined };
    }
    const written = this.write(stream, events, BigInt(Date.now()) * TICKS_PER_MILLISECOND);
    const last = written[written.length - 1] as StoredEvent;
    this.appendListeners.forEach((listener) => listener());
    return { kind: 'success', revision: last.revision, position: last.position };
  }

  private retried(last: StoredEvent): AppendOutcome {
    // RequestManagerBase.ReturnCommitAt: the original last event's revision and log position.
    return { kind: 'success', revision: last.revision, position: last.position };
  }

  private write(stream: string, events: readonly ProposedEvent[], created: bigint): StoredEvent[] {
    const streamEvents = this.streams.get(stream) ?? [];
    this.streams.set(stream, streamEvents);
    return events.map((event) => {
      const size =
        PREPARE_RECORD_OVERHEAD +
        BigInt(utf8(stream).length + utf8(event.type).length + event.data.length + event.metadata.length);
      const record: StoredEvent = {
        ...event,
        stream,
        revision: BigInt(streamEvents.length),
        position: this.nextPosition,
        postPosition: this.nextPosition + size,
        created,
      };
      this.nextPosition = record.postPosition;
      streamEvents.push(record);
      this.records.push(record);
      this.committedIds.set(record.id, record);
      return record;
    });
  }
}

const systemEvent = (type: string): ProposedEvent => ({
  id: randomUUID(),
  type,
  contentType: 'application/json',
  data: utf8('{}'),
  metadata: new Uint8Array(),
});
