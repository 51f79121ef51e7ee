import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readModelFiles } from '../../src/app/readModelFiles';
import { DEFAULT_HISTORY } from '../../src/config/config';
import { seedEmbeddedStore, StoreNotEmptyError, type DemoOptions } from '../../src/demo/demoRegistry';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import type { LegalDate } from '../../src/shared/time';

const OPTIONS: DemoOptions = { seed: 3, agreements: 15, from: '2000-01-01' as LegalDate, to: '2010-01-01' as LegalDate };

describe('seeding the embedded store with the demo', () => {
  let dataDir: string;
  const files = () => readModelFiles(dataDir, DEFAULT_HISTORY);
  const storedEvents = async () => {
    const store = SqliteEventStore.open({ dataDir });
    let count = 0;
    for await (const _ of store.readAll()) count++;
    await store.close();
    return count;
  };

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-seed-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('installs the whole history, over the leftovers of an interrupted attempt and stale read-model snapshots', async () => {
    fs.writeFileSync(path.join(dataDir, 'events.seeding.sqlite3'), 'half-written by a process that died');
    fs.mkdirSync(files().historyDirectory, { recursive: true });
    fs.writeFileSync(files().snapshotFile, 'a snapshot of some other store');
    const progress: number[] = [];
    const result = await seedEmbeddedStore(dataDir, OPTIONS, files(), (events) => progress.push(events));
    expect(result.agreements).toBe(15);
    expect(await storedEvents()).toBe(result.events);
    expect(progress[progress.length - 1]).toBe(result.events);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['events.sqlite3', 'read-models']);
    expect(fs.existsSync(files().snapshotFile)).toBe(false);
  }, 30_000);

  it('keeps what another process wrote to the store while the demo was prepared, and leaves the demo out', async () => {
    let written = false;
    // Another process's connection commits an event while the demo is being written.
    const seeding = seedEmbeddedStore(dataDir, OPTIONS, files(), () => {
      if (written) return;
      written = true;
      const other = new Database(path.join(dataDir, 'events.sqlite3'));
      other.prepare("INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES ('agreement-imported', 0, 'an-id', 'AgreementOpened', '{}', '{}', 0)").run();
      other.close();
    });

    await expect(seeding).rejects.toThrow(StoreNotEmptyError);
    expect(await storedEvents()).toBe(1);
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('events.seeding'))).toEqual([]);
  }, 30_000);

  it('refuses a store that holds events and leaves it as it was', async () => {
    const first = await seedEmbeddedStore(dataDir, OPTIONS, files());
    await expect(seedEmbeddedStore(dataDir, { ...OPTIONS, seed: 4 }, files())).rejects.toThrow(StoreNotEmptyError);
    expect(await storedEvents()).toBe(first.events);
  }, 30_000);
});
