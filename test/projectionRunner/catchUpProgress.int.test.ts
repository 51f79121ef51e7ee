import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registryProjections } from '../../src/app/projections';
import { registryUpcasters } from '../../src/app/upcasters';
import type { Progress } from '../../src/cli/progress';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory } from '../../src/generator';
import { showCatchUpProgress } from '../../src/projectionRunner/catchUpProgress';
import { ProjectionRunner } from '../../src/projectionRunner/projectionRunner';
import type { LegalDate } from '../../src/shared/time';

describe('progress while the read models catch up', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let events: number;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'catch-up-'));
    store = SqliteEventStore.open({ dataDir, durability: 'normal' });
    ({ events } = await writeHistory(store, generateHistory({ seed: 5, agreements: 150, to: '2020-01-01' as LegalDate }), { pipelineSameStream: true }));
  }, 60_000);
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const recorder = () => {
    const updates: { done: number; total: number | undefined }[] = [];
    const finished: number[] = [];
    const progress: Progress = { update: (done, total) => void updates.push({ done, total }), finish: (done) => void finished.push(done) };
    return { updates, finished, progress };
  };

  it('reports applied events against the store head while reading, then the total', async () => {
    expect(events).toBeGreaterThan(3 * 512);
    const runner = new ProjectionRunner({ store, projections: registryProjections, upcasters: registryUpcasters });
    const { updates, finished, progress } = recorder();
    await showCatchUpProgress(runner, store, runner.start(), () => progress, { quietMs: 0, everyMs: 1 });
    // The embedded store's positions count events, so the estimate is exact.
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((update) => update.done < events && update.total === events)).toBe(true);
    expect(finished).toEqual([events]);
    await runner.stop();
  }, 60_000);

  it('shows nothing when catching up is quicker than the quiet period', async () => {
    const runner = new ProjectionRunner({ store, projections: registryProjections, upcasters: registryUpcasters });
    const { updates, finished, progress } = recorder();
    await showCatchUpProgress(runner, store, runner.start(), () => progress, { quietMs: 60_000 });
    expect(updates).toEqual([]);
    expect(finished).toEqual([]);
    await runner.stop();
  }, 60_000);
});
