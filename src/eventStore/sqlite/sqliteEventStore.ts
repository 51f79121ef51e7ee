import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
  Subscription,
} from '../eventStore';
import { StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import {
  prepareAppend,
  validateMaxCount,
  validateStart,
  validateStreamName,
  type PreparedEvent,
} from '../validation';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './rows';
import { migrate } from './schema';
import { HeadWatcher } from './headWatcher';
import { catchUpSubscription, matchesFilter } from './subscription';

export interface SqliteEventStoreOptions {
  /** Directory holding the store file; created if missing. */
  readonly dataDir: string;
  /** File name inside `dataDir`. */
  readonly fileName?: string;
  /**
   * `full` (default) fsyncs every commit: an append is acknowledged only once it is on disk.
   * `normal` may lose the last commits on power loss; for throwaway stores only.
   */
  readonly durability?: 'full' | 'normal';
  /**
   * How often, while a subscription waits for new events, the store checks whether another
   * connection (another process on the same file: an import, the demo seeding) has committed.
   * Default 100 ms.
   */
  readonly foreignCommitPollMs?: number;
}

interface PendingAppend {
  readonly streamName: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly PreparedEvent[];
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/** Rows read per page: bounds the memory a read or a subscription holds at once. */
const PAGE_SIZE = 512;
const NO_STREAM = -1;
const FOREIGN_COMMIT_POLL_MS = 100;

/**
 * The embedded event store: one SQLite file in WAL mode.
 *
 * Appends are group-committed: every append that arrives while the event loop is busy joins
 * one transaction and one fsync, and each succeeds or is refused on its own (one append's wrong
 * expected revision never fails its neighbours). Acknowledgements are sent only after COMMIT
 * returns, i.e. after the WAL is synced to disk.
 *
 * Several processes may open the same file (the server and `npm run import`): SQLite serialises
 * their commits, positions stay in commit order, and subscriptions here also receive what the
 * other processes append (see watchForeignCommits).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly head: HeadWatcher;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly subscriptions = new Set<Subscription>();
  private readonly statements;
  private readonly foreignCommitPollMs: number;
  private foreignCommitPoll: NodeJS.Timeout | undefined;
  private dataVersion: number;

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, options.fileName ?? 'events.sqlite3');
    return new SqliteEventStore(new Database(file), options.durability ?? 'full', options.foreignCommitPollMs ?? FOREIGN_COMMIT_POLL_MS);
  }

  private constructor(db: Database.Database, durability: 'full' | 'normal', foreignCommitPollMs: number) {
    this.db = db;
    this.foreignCommitPollMs = foreignCommitPollMs;
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`SQLite refused WAL mode (got "${String(mode)}").`);
    db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('busy_timeout = 5000');
    migrate(db);
    this.statements = {
      streamRevision: db
        .prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
        .pluck(),
      insertEvent: db.prepare(
        'INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      idsFrom: db
        .prepare('SELECT id, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?')
        .raw(),
      // Scans one stream through its index: streams are short (one agreement each), and this
      // spares every append a global index on random UUIDs.
      revisionOfId: db.prepare('SELECT revision FROM events WHERE stream = ? AND id = ?').pluck(),
      headPosition: db.prepare('SELECT max(position) FROM events').pluck(),
      // Changes whenever another connection commits to the file; never for this connection's own commits.
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      streamForwards: db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`)
        .raw(),
      streamBackwards: db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`)
        .raw(),
      allForwards: db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`)
        .raw(),
      allBackwards: db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`)
        .raw(),
    };
    this.dataVersion = this.statements.dataVersion.get() as number;
    this.head = new HeadWatcher(BigInt((this.statements.headPosition.get() as number | null) ?? 0), () => this.watchForeignCommits());
  }

  /**
   * Appends made here advance the head as they commit; appends of another process on the same file
   * cannot. So while a subscription waits, a timer asks SQLite whether another connection has
   * committed (`data_version`, a read of the shared WAL index: no query on the events) and, if so,
   * moves the head to what is on disk, which wakes the subscriptions as a local append would. The
   * timer stops at its first tick with nobody waiting, and never keeps the process alive.
   */
  private watchForeignCommits(): void {
    if (this.foreignCommitPoll !== undefined || this.closed) return;
    this.foreignCommitPoll = setInterval(() => this.checkForeignCommits(), this.foreignCommitPollMs);
    this.foreignCommitPoll.unref();
  }

  private stopWatchingForeignCommits(): void {
    clearInterval(this.foreignCommitPoll);
    this.foreignCommitPoll = undefined;
  }

  private checkForeignCommits(): void {
    if (this.closed || !this.head.waiting) {
      this.stopWatchingForeignCommits();
      return;
    }
    try {
      const version = this.statements.dataVersion.get() as number;
      if (version === this.dataVersion) return;
      // Read before the head: a commit landing between the two is seen again at the next tick.
      this.dataVersion = version;
      this.head.advance(BigInt((this.statements.headPosition.get() as number | null) ?? 0));
    } catch {
      // The file is busy (another process is recovering the WAL): the next tick asks again. A
      // throw from a timer would end the process; the store's own reads and appends report real
      // failures to their callers.
    }
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamName, events, options);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ ...prepared, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate, not a microtask: appends issued by I/O callbacks of this loop turn
        // (other HTTP requests) join the same commit.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: Outcome[] = [];
    const created = Date.now();
    try {
      this.db
        .transaction(() => {
          for (const item of batch) {
            outcomes.push(this.apply(item, created));
          }
        })
        .immediate();
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is durable.
      const failure = new StoreUnavailableError(
        `The event store could not commit: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
      for (const item of batch) item.reject(failure);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) item.resolve(outcome.result);
      else item.reject(outcome.error);
    });
    this.head.advance(BigInt((this.statements.headPosition.get() as number | null) ?? 0));
  }

  /**
   * Checks the expected revision before writing anything, so a refused append has written
   * nothing and needs no savepoint; a throw from SQLite itself aborts the whole commit.
   */
  private apply(item: PendingAppend, created: number): Outcome {
    const { streamName, expectedRevision, events } = item;
    const current = (this.statements.streamRevision.get(streamName) as number | undefined) ?? NO_STREAM;
    const refused = (): Outcome => ({
      ok: false,
      error: new WrongExpectedRevisionError(streamName, expectedRevision, current === NO_STREAM ? 'no_stream' : BigInt(current)),
    });

    if (expectedRevision === 'no_stream' || typeof expectedRevision === 'bigint') {
      const expected = expectedRevision === 'no_stream' ? NO_STREAM : Number(expectedRevision);
      if (current !== expected) {
        const retry = current > expected ? this.retriedAppend(streamName, expected + 1, events) : undefined;
        return retry ? { ok: true, result: retry } : refused();
      }
    } else {
      if (expectedRevision === 'stream_exists' && current === NO_STREAM) return refused();
      // As EventStoreDB does for `any` and `stream_exists`: a batch whose first event id is
      // already in the stream is a retry, or refused if the rest does not match.
      const first = events[0];
      const at = first && (this.statements.revisionOfId.get(streamName, first.id) as number | undefined);
      if (at !== undefined) {
        const retry = this.retriedAppend(streamName, at, events);
        return retry ? { ok: true, result: retry } : refused();
      }
    }

    let revision = current;
    let position = 0n;
    for (const event of events) {
      revision += 1;
      const info = this.statements.insertEvent.run(
        streamName,
        revision,
        event.id,
        event.type,
        event.data,
        event.metadata,
        created,
      );
      position = BigInt(info.lastInsertRowid);
    }
    return { ok: true, result: { nextExpectedRevision: BigInt(revision), position } };
  }

  /**
   * An append whose events are already stored, in order, from `fromRevision` is a retry: it
   * gets the original result. A partial overlap returns undefined (the caller refuses it).
   */
  private retriedAppend(
    streamName: string,
    fromRevision: number,
    events: readonly PreparedEvent[],
  ): AppendResult | undefined {
    const stored = this.statements.idsFrom.all(streamName, fromRevision, events.length) as Array<[string, number]>;
    if (stored.length !== events.length) return undefined;
    if (!stored.every(([id], index) => id === events[index]?.id)) return undefined;
    const last = stored[stored.length - 1] as [string, number];
    return { nextExpectedRevision: BigInt(fromRevision + events.length - 1), position: BigInt(last[1]) };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.streamPages(streamName, options) };
  }

  private async *streamPages(streamName: string, options: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const name = validateStreamName(streamName);
    const maxCount = validateMaxCount(options.maxCount);
    const from = validateStart(options.fromRevision, 'fromRevision');
    const backwards = options.direction === 'backwards';
    const statement = backwards ? this.statements.streamBackwards : this.statements.streamForwards;
    const last = this.statements.streamRevision.get(name) as number | undefined;
    if (last === undefined) throw new StreamNotFoundError(name);
    let cursor = from === 'start' ? 0 : from === 'end' ? (backwards ? last : last + 1) : Number(from);
    let remaining = maxCount;
    while (remaining > 0) {
      this.assertOpen();
      const rows = statement.all(name, cursor, Math.min(PAGE_SIZE, remaining)) as EventRow[];
      for (const row of rows) yield toRecordedEvent(row);
      remaining -= rows.length;
      if (rows.length < PAGE_SIZE) return;
      const lastRow = rows[rows.length - 1] as EventRow;
      cursor = backwards ? lastRow[2] - 1 : lastRow[2] + 1;
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.allPages(options) };
  }

  private async *allPages(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const maxCount = validateMaxCount(options.maxCount);
    const from = validateStart(options.fromPosition, 'fromPosition');
    const backwards = options.direction === 'backwards';
    const statement = backwards ? this.statements.allBackwards : this.statements.allForwards;
    if (backwards && from === 'start') return;
    let cursor = from === 'start' ? 0 : from === 'end' ? Number.MAX_SAFE_INTEGER : Number(from);
    let remaining = maxCount;
    while (remaining > 0) {
      this.assertOpen();
      const rows = statement.all(cursor, Math.min(PAGE_SIZE, remaining)) as EventRow[];
      for (const row of rows) yield toRecordedEvent(row);
      remaining -= rows.length;
      if (rows.length < PAGE_SIZE) return;
      const lastRow = rows[rows.length - 1] as EventRow;
      cursor = backwards ? lastRow[0] - 1 : lastRow[0] + 1;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const from = validateStart(options.fromPosition, 'fromPosition');
    const filter = options.filter;
    const statement = this.statements.allForwards;
    return this.track(
      catchUpSubscription({
        head: this.head,
        start: from === 'start' ? 0 : from === 'end' ? Number(this.head.position) : Number(from),
        fetchAfter: (cursor) => statement.all(cursor + 1, PAGE_SIZE) as EventRow[],
        cursorOf: (row) => row[0],
        accept: (row) => filter === undefined || matchesFilter(filter, row[1], row[4]),
        pageSize: PAGE_SIZE,
      }),
    );
  }

  subscribeToStream(streamName: string, options: SubscribeToStreamOptions = {}): Subscription {
    this.assertOpen();
    const name = validateStreamName(streamName);
    const from = validateStart(options.fromRevision, 'fromRevision');
    const last = (this.statements.streamRevision.get(name) as number | undefined) ?? NO_STREAM;
    const statement = this.statements.streamForwards;
    return this.track(
      catchUpSubscription({
        head: this.head,
        start: from === 'start' ? NO_STREAM : from === 'end' ? last : Number(from),
        fetchAfter: (cursor) => statement.all(name, cursor + 1, PAGE_SIZE) as EventRow[],
        cursorOf: (row) => row[2],
        accept: () => true,
        pageSize: PAGE_SIZE,
      }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already accepted are committed, never dropped.
    this.flush();
    this.closed = true;
    this.stopWatchingForeignCommits();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    this.head.close();
    this.db.close();
  }

  private track(subscription: Subscription): Subscription {
    this.subscriptions.add(subscription);
    const unsubscribe = subscription.unsubscribe.bind(subscription);
    return Object.assign(subscription, {
      unsubscribe: async () => {
        this.subscriptions.delete(subscription);
        await unsubscribe();
      },
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed.');
  }
}
