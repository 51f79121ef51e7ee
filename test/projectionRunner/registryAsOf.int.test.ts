import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { registryUpcasters } from '../../src/app/upcasters';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { HistorySnapshots } from '../../src/projectionRunner/historySnapshots';
import type { Projection } from '../../src/projectionRunner/projection';
import { ProjectionRunner } from '../../src/projectionRunner/projectionRunner';
import { fromPastModelKey, loadPastModels, pastModelKey, registryAsOf } from '../../src/projectionRunner/registryAsOf';
import type { SnapshotOrigin } from '../../src/projectionRunner/snapshotFile';
import { openedData } from '../agreements/agreementFixtures';

/** Titles of opened agreements in log order: shows exactly which events a model has folded. */
const titles: Projection<string[]> = {
  name: 'titles',
  version: 1,
  create: () => [],
  apply: (model, { event }) => {
    if (event.type === 'AgreementOpened') model.push(event.data.title);
  },
};

describe('the registry as of a recorded instant', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let history: HistorySnapshots;
  const recordedAt = (day: number) => DateTime.utc(2024, 1, day, 12);

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-asof-'));
    store = SqliteEventStore.open({ dataDir });
    history = new HistorySnapshots(path.join(dataDir, 'history'), 8);
    // Ten agreements, one recorded per day from 1 to 10 January 2024.
    for (let day = 1; day <= 10; day++) {
      await store.appendToStream(`agreement-${randomUUID()}`, [
        { id: randomUUID(), type: 'AgreementOpened', data: openedData({ title: `day ${day}` }) as never, metadata: { recordedAt: recordedAt(day).toISO() } },
      ]);
    }
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const deps = () => ({ store, projections: [titles] as Projection<unknown>[], upcasters: registryUpcasters, history });
  /** Opens an agreement titled `title`, its event stamped `at`, appended now (after any stamped later). */
  const append = (title: string, at: DateTime) =>
    store.appendToStream(`agreement-${randomUUID()}`, [
      { id: randomUUID(), type: 'AgreementOpened', data: openedData({ title }) as never, metadata: { recordedAt: at.toISO() } },
    ]);

  it('loads past models by instant and model: only the models asked for, one fold per instant in a batch', async () => {
    let folds = 0;
    const counting: Projection<number> = { name: 'count', version: 1, create: () => (folds++, 0), apply: (model) => model + 0 };
    const other: Projection<string[]> = { ...titles, name: 'untouched', create: () => { throw new Error('never built'); } };
    const projections = [titles, counting, other] as Projection<unknown>[];
    const fourth = recordedAt(4).plus({ hours: 1 }).toISO() as string;
    const sixth = recordedAt(6).plus({ hours: 1 }).toISO() as string;
    const keys = [pastModelKey(fourth, 'titles'), pastModelKey(fourth, 'count'), pastModelKey(sixth, 'titles'), pastModelKey(fourth, 'nothing')].map(fromPastModelKey);
    let builds = 0;
    const loaded = await loadPastModels({ ...deps(), projections }, keys, (instant) => DateTime.fromISO(instant, { zone: 'utc' }), (build) => (builds++, build()));
    // One build, so one slot of the service's limit, per instant: two here.
    expect(builds).toBe(2);
    expect(loaded[0]).toMatchObject({ model: ['day 1', 'day 2', 'day 3', 'day 4'] });
    expect(loaded[2]).toMatchObject({ model: ['day 1', 'day 2', 'day 3', 'day 4', 'day 5', 'day 6'] });
    expect((loaded[2] as { position: bigint }).position).toBeGreaterThan((loaded[0] as { position: bigint }).position);
    expect(loaded[1]).toEqual({ model: 0, position: (loaded[0] as { position: bigint }).position });
    expect(folds).toBe(1);
    expect(loaded[3]).toEqual(new Error('No read model is named nothing.'));
  });

  it('folds exactly the events recorded up to the instant', async () => {
    const asOf = await registryAsOf(deps(), recordedAt(4).plus({ hours: 1 }));
    expect(asOf.models.get('titles')).toEqual(['day 1', 'day 2', 'day 3', 'day 4']);
    expect(await registryAsOf(deps(), DateTime.utc(2023, 12, 31))).toMatchObject({ position: null, models: new Map([['titles', []]]) });
  });

  it('folds an event recorded before the instant but appended after one recorded later, as an import in flight does', async () => {
    // Day 11 at noon, then two stamped earlier (11:00 and 11:59:30) appended after it; then one 61 s past noon.
    const noon = recordedAt(11);
    await append('noon', noon);
    await append('eleven', noon.minus({ hours: 1 }));
    await append('half a minute to noon', noon.minus({ seconds: 30 }));
    await append('past the lag', noon.plus({ seconds: 61 }));
    await append('late, stamped before noon', noon.minus({ minutes: 5 }));

    const beforeNoon = await registryAsOf(deps(), noon.minus({ seconds: 1 }));

    expect((beforeNoon.models.get('titles') as string[]).slice(10)).toEqual(['eleven', 'half a minute to noon']);
  });

  it('names a history snapshot by the latest instant it folded, so a fold to an earlier one never starts from it', async () => {
    const noon = recordedAt(11);
    await append('noon', noon);
    await append('45 s before noon', noon.minus({ seconds: 45 }));
    const runner = new ProjectionRunner({ store, projections: [titles], upcasters: registryUpcasters, history: { snapshots: history, everyEvents: 12 } });
    await runner.start();
    await runner.stop();
    expect(fs.readdirSync(path.join(dataDir, 'history'))).toEqual([expect.stringMatching(new RegExp(`-${noon.toMillis()}\\.v8$`))]);

    // Named by its last event's instant, the snapshot would serve this fold, with noon in it.
    const beforeNoon = await registryAsOf(deps(), noon.minus({ seconds: 30 }));

    expect((beforeNoon.models.get('titles') as string[]).slice(10)).toEqual(['45 s before noon']);
  });

  it('starts from the nearest earlier history snapshot and replays only the remainder, with the same result', async () => {
    const runner = new ProjectionRunner({ store, projections: [titles], upcasters: registryUpcasters, history: { snapshots: history, everyEvents: 3 } });
    await runner.start();
    await runner.stop();
    const withoutHistory = await registryAsOf({ ...deps(), history: new HistorySnapshots(path.join(dataDir, 'none'), 8) }, recordedAt(8));

    const withHistory = await registryAsOf(deps(), recordedAt(8));

    expect(withHistory.models).toEqual(withoutHistory.models);
    expect(withHistory.position).toBe(withoutHistory.position);
    expect(withoutHistory.replayed).toBe(8);
    // Snapshots were taken after events 3, 6 and 9: the one after 6 serves day 8.
    expect(withHistory.replayed).toBe(2);
  });

  it('passes over history snapshots folded from another log', async () => {
    // Another store's registry, written in the same days, keeps its history where this one does.
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-asof-other-'));
    const other = SqliteEventStore.open({ dataDir: otherDir });
    try {
      for (let day = 1; day <= 10; day++) {
        await other.appendToStream(`agreement-${randomUUID()}`, [
          { id: randomUUID(), type: 'AgreementOpened', data: openedData({ title: `other day ${day}` }) as never, metadata: { recordedAt: recordedAt(day).toISO() } },
        ]);
      }
      const runner = new ProjectionRunner({ store: other, projections: [titles], upcasters: registryUpcasters, history: { snapshots: history, everyEvents: 3 } });
      await runner.start();
      await runner.stop();
    } finally {
      await other.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
    expect(fs.readdirSync(path.join(dataDir, 'history'))).toHaveLength(3);

    const asOf = await registryAsOf(deps(), recordedAt(8));

    expect(asOf.models.get('titles')).toEqual(['day 1', 'day 2', 'day 3', 'day 4', 'day 5', 'day 6', 'day 7', 'day 8']);
    expect(asOf.replayed).toBe(8);
  });

  it('keeps in the history a copy of the latest snapshot when both fall due on the same event', async () => {
    const snapshotFile = path.join(dataDir, 'latest.v8');
    const runner = new ProjectionRunner({
      store,
      projections: [titles],
      upcasters: registryUpcasters,
      snapshotFile,
      snapshotEveryEvents: 3,
      history: { snapshots: history, everyEvents: 3 },
    });
    await runner.start();
    await runner.stop();

    expect(fs.readdirSync(path.join(dataDir, 'history')).filter((name) => name.endsWith('.v8'))).toHaveLength(3);
    // Each copy holds the models as of its own position: day 8 is served by the one after day 6.
    const withHistory = await registryAsOf(deps(), recordedAt(8));
    expect(withHistory.models.get('titles')).toEqual(['day 1', 'day 2', 'day 3', 'day 4', 'day 5', 'day 6', 'day 7', 'day 8']);
    expect(withHistory.replayed).toBe(2);
  });

  it('builds only the read models asked for, from history snapshots that hold more', async () => {
    const lengths: Projection<number[]> = {
      name: 'lengths',
      version: 1,
      create: () => [],
      apply: (model, { event }) => {
        if (event.type === 'AgreementOpened') model.push(event.data.title.length);
      },
    };
    const runner = new ProjectionRunner({ store, projections: [titles, lengths], upcasters: registryUpcasters, history: { snapshots: history, everyEvents: 3 } });
    await runner.start();
    await runner.stop();

    const asOf = await registryAsOf(deps(), recordedAt(8));

    expect([...asOf.models.keys()]).toEqual(['titles']);
    expect(asOf.models.get('titles')).toEqual(['day 1', 'day 2', 'day 3', 'day 4', 'day 5', 'day 6', 'day 7', 'day 8']);
    expect(asOf.replayed).toBe(2);
  });
});

describe('history snapshots on disk', () => {
  it('keeps at most the configured number, spread along the log', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-history-'));
    const history = new HistorySnapshots(directory, 3);
    for (let position = 1n; position <= 6n; position++) {
      history.write({ position: position * 10n, lastEventId: randomUUID(), recordedAt: DateTime.utc(2024, 1, Number(position)).toISO(), versions: { titles: 1 }, models: { titles: [] } });
    }
    const kept = fs.readdirSync(directory).map((name) => Number(/^at-(\d+)-/.exec(name)?.[1])).sort((a, b) => a - b);
    expect(kept).toHaveLength(3);
    expect(kept[kept.length - 1]).toBe(60);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('lends from the usable snapshot of lowest position recorded after the instant', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-history-'));
    const history = new HistorySnapshots(directory, 10);
    /** Lends the position it was written at. */
    const lending = (version: number): Projection<{ at: number }> => ({
      name: 'lending',
      version,
      create: () => ({ at: 0 }),
      apply: () => undefined,
      snapshot: { encode: (model) => ({ at: model.at }), decode: (stored) => stored as { at: number }, lendable: { field: 'at', lend: () => undefined } },
    });
    const write = (day: number, version: number) =>
      history.write({ position: BigInt(day), lastEventId: `event-${day}`, recordedAt: DateTime.utc(2024, 1, day).toISO(), versions: { lending: version }, models: { lending: { at: day } } }, [lending(version)]);
    write(2, 1);
    write(4, 2);
    write(5, 1);
    write(7, 1);
    const instant = DateTime.utc(2024, 1, 3).toMillis();
    /** A log holding each day's event at the day's position, but for the days listed. */
    const logWithout =
      (...days: number[]): SnapshotOrigin =>
      async (position, lastEventId) =>
        lastEventId === `event-${position}` && !days.includes(Number(position));
    // Day 2 is before the instant, day 4 of another version: day 5's is lent.
    await expect(history.lendableAfter(instant, lending(1), logWithout())).resolves.toEqual({ stored: 5, history: undefined });
    await expect(history.lendableAfter(instant, lending(2), logWithout())).resolves.toEqual({ stored: 4, history: undefined });
    await expect(history.lendableAfter(DateTime.utc(2024, 1, 7).toMillis(), lending(1), logWithout())).resolves.toBeUndefined();
    await expect(history.lendableAfter(instant, titles, logWithout())).resolves.toBeUndefined();
    // Day 5's snapshot was folded from another log: day 7's lends.
    await expect(history.lendableAfter(instant, lending(1), logWithout(5))).resolves.toEqual({ stored: 7, history: undefined });
    fs.rmSync(directory, { recursive: true, force: true });
  });
});
