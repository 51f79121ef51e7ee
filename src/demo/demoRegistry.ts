import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { EventStore } from '../eventStore/eventStore';
import { SqliteEventStore } from '../eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory, type WriteHistoryResult } from '../generator';
import type { LegalDate } from '../shared/time';

/**
 * The demo registry: the generator's history with a fixed seed. 3,000 agreements (about 67,000
 * events) over 2000 to today: enough for every state, nearly every catalogued municipality, a
 * hundred-odd countries and every audit finding many times over, and loaded in well under a
 * minute.
 */
export const DEMO_DEFAULTS = { seed: 1, agreements: 3_000, from: '2000-01-01' as LegalDate } as const;

export interface DemoOptions {
  readonly seed: number;
  readonly agreements: number;
  readonly from: LegalDate;
  /** Exclusive end, usually today in Mexico City (the generator reads no clock). */
  readonly to: LegalDate;
}

/** Events written so far and a running estimate of the total (it settles as generation goes). */
export type SeedProgress = (events: number, estimatedTotal: number) => void;

export interface SeedResult extends WriteHistoryResult {
  readonly agreements: number;
}

/** The store's file inside DATA_DIR, as SqliteEventStore names it. */
const STORE_FILE = 'events.sqlite3';
/** The demo is written here first and copied into the store whole (see seedEmbeddedStore). */
const SEEDING_FILE = 'events.seeding.sqlite3';

export const storeIsEmpty = async (store: EventStore): Promise<boolean> => {
  for await (const _ of store.readAll({ maxCount: 1 })) return false;
  return true;
};

const write = async (store: EventStore, options: DemoOptions, pipeline: boolean, onProgress?: SeedProgress): Promise<SeedResult> => {
  const history = generateHistory(options);
  const result = await writeHistory(store, history, {
    pipelineSameStream: pipeline,
    ...(onProgress
      ? {
          onProgress: ({ steps, events }) => {
            // The generator estimates steps (commands); scale to events, which is what is shown.
            const estimatedSteps = Math.max(history.progress().estimatedTotalSteps, steps);
            onProgress(events, steps === 0 ? events : Math.round((events * estimatedSteps) / steps));
          },
        }
      : {}),
  });
  return { ...result, agreements: result.eventsByType['AgreementOpened'] ?? 0 };
};

/**
 * Writes the demo into any empty store with full durability, one append per stream in flight
 * (EventStoreDB does not order concurrent appends to one stream). Refuses a store holding events.
 */
export const seedStore = async (store: EventStore, options: DemoOptions, onProgress?: SeedProgress): Promise<SeedResult> => {
  if (!(await storeIsEmpty(store))) throw new StoreNotEmptyError('The store');
  return write(store, options, false, onProgress);
};

export class StoreNotEmptyError extends Error {
  override readonly name = 'StoreNotEmptyError';
  constructor(whereOrMessage: string) {
    super(
      whereOrMessage.endsWith('.')
        ? whereOrMessage
        : `${whereOrMessage} already holds events: a generated history goes into an empty store only. Choose an empty one, or remove this one if its data can go.`,
    );
  }
}

/**
 * Writes the demo into the embedded store of `dataDir`, which must hold no events, all or nothing.
 *
 * Fast and still safe: the history goes into a separate file with `synchronous=NORMAL` (no fsync
 * per commit) and pipelined appends (the embedded store applies them in submission order), about
 * three times faster than the durable path. It is then copied into the store in one exclusive
 * transaction that first checks the store is still empty: another process may have opened the
 * store meanwhile (`npm run import` while the service seeds), and its events are kept, the demo
 * left out. The store's file is never replaced, so a process that has it open keeps writing to
 * the file everyone reads. A crash leaves the empty store (the half-written file is removed on
 * the next attempt) or the whole demo. Read-model snapshots are removed too: none can belong to a
 * store that was empty.
 */
export const seedEmbeddedStore = async (
  dataDir: string,
  options: DemoOptions,
  snapshotPaths: { readonly snapshotFile: string; readonly historyDirectory: string },
  onProgress?: SeedProgress,
): Promise<SeedResult> => {
  const existing = SqliteEventStore.open({ dataDir });
  try {
    if (!(await storeIsEmpty(existing))) throw new StoreNotEmptyError(`The embedded store in ${dataDir}`);
  } finally {
    await existing.close();
  }
  const seeding = path.join(dataDir, SEEDING_FILE);
  removeSqliteFiles(seeding);
  const store = SqliteEventStore.open({ dataDir, fileName: SEEDING_FILE, durability: 'normal' });
  let result: SeedResult;
  try {
    try {
      result = await write(store, options, true, onProgress);
    } finally {
      await store.close();
    }
    installInto(path.join(dataDir, STORE_FILE), seeding, dataDir);
  } finally {
    removeSqliteFiles(seeding);
  }
  fs.rmSync(snapshotPaths.snapshotFile, { force: true });
  fs.rmSync(snapshotPaths.historyDirectory, { recursive: true, force: true });
  return result;
};

/** How long the copy waits for another process's write to finish before giving up. */
const INSTALL_BUSY_TIMEOUT_MS = 30_000;

/** Copies every event of `seeding` into the store file, in one transaction, if the store is still empty. */
const installInto = (storeFile: string, seeding: string, dataDir: string): void => {
  const db = new Database(storeFile);
  try {
    db.pragma(`busy_timeout = ${INSTALL_BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = FULL');
    db.prepare('ATTACH DATABASE ? AS seeding').run(seeding);
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM main.events LIMIT 1').get() !== undefined) {
        throw new StoreNotEmptyError(`The embedded store in ${dataDir} received events while the demo was being prepared (another process wrote to it): they are kept, and the demo is not installed.`);
      }
      db.exec('INSERT INTO main.events SELECT * FROM seeding.events ORDER BY position');
    }).exclusive();
    db.exec('DETACH DATABASE seeding');
  } finally {
    db.close();
  }
};

const removeSqliteFiles = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
};

