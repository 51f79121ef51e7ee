import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registryProjections } from '../../src/app/projections';
import { failIfSnapshotsUnwritten, partitionProjections, ReadModelRebuild, type ReadModelRebuildOptions } from '../../src/app/readModelRebuild';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory } from '../../src/generator/generateHistory';
import { writeHistory } from '../../src/generator/writeHistory';
import { HistorySnapshots } from '../../src/projectionRunner/historySnapshots';
import { readSnapshot, readSnapshotParts } from '../../src/projectionRunner/snapshotFile';
import { logOrigin } from '../../src/projectionRunner/snapshotOrigin';
import type { LegalDate } from '../../src/shared/time';
import { plainModel } from '../support/plainModel';

const versions = Object.fromEntries(registryProjections.map((projection) => [projection.name, projection.version]));

describe('rebuilding read models on worker threads', () => {
  let dataDir: string;
  let firstRecordedAt = 0;
  let lastRecordedAt = 0;
  const rebuild = (name: string, options: Partial<ReadModelRebuildOptions> = {}) => {
    const directory = path.join(dataDir, name);
    // A history snapshot every 250 events: more than the 8 kept, so thinning applies.
    const files = { snapshotFile: path.join(directory, 'latest.v8'), historyDirectory: path.join(directory, 'history'), snapshotEveryEvents: 50_000, historyEveryEvents: 250, checkpointEveryEvents: 25, historyKeep: 8 };
    const run = new ReadModelRebuild({ store: { kind: 'sqlite', dataDir }, files, writeSnapshots: true, threads: 1, ...options });
    return { files, result: run.run() };
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-parallel-rebuild-'));
    const store = SqliteEventStore.open({ dataDir, durability: 'normal' });
    await writeHistory(store, generateHistory({ seed: 5, agreements: 120, to: '2026-11-24' as LegalDate }), { concurrency: 64 });
    for await (const event of store.readAll({ maxCount: 1 })) firstRecordedAt = Date.parse(event.metadata['recordedAt'] as string);
    for await (const event of store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })) lastRecordedAt = Date.parse(event.metadata['recordedAt'] as string);
    await store.close();
  }, 60_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('splits the projections between threads, each once', () => {
    const names = registryProjections.map((projection) => projection.name);
    const groups = partitionProjections(names, 2);
    expect(groups).toHaveLength(2);
    expect(groups.flat().sort()).toEqual([...names].sort());
    expect(partitionProjections(names, 1)).toEqual([names]);
  });

  it('fails when a snapshot it was asked to write could not be written, which the live service only logs', () => {
    expect(() => failIfSnapshotsUnwritten({ snapshotWriteFailedLast: null })).not.toThrow();
    expect(() => failIfSnapshotsUnwritten({ snapshotWriteFailedLast: { position: 7n, message: 'ENOSPC: no space left on device' } })).toThrow(
      'A read-model snapshot could not be written (at position 7): ENOSPC: no space left on device',
    );
  });

  it('writes, on two threads, the same snapshot and history snapshots as on one, and they load the same models', async () => {
    const one = rebuild('one');
    const two = rebuild('two', { threads: 2 });
    const [oneResult, twoResult] = await Promise.all([one.result, two.result]);
    expect(twoResult).toEqual(oneResult);
    expect(oneResult.failures).toEqual([]);
    expect(oneResult.eventsApplied).toBeGreaterThan(2_000);

    // The same files, holding the same models. Not compared byte for byte: under load, runs that
    // loaded equal models wrote different bytes now and then (v8.serialize writes each string as
    // the engine holds it at that moment, one-byte or two-byte).
    const historyOne = fs.readdirSync(one.files.historyDirectory).sort();
    expect(fs.readdirSync(two.files.historyDirectory).sort()).toEqual(historyOne);
    expect(historyOne).toHaveLength(8);
    for (const name of historyOne) {
      const [pastOne, pastTwo] = await Promise.all(
        [one, two].map(({ files }) => readSnapshot(path.join(files.historyDirectory, name), versions, { projections: registryProjections })),
      );
      if (pastOne?.kind !== 'loaded' || pastTwo?.kind !== 'loaded') throw new Error(`history snapshot ${name} not loaded`);
      expect(pastTwo.snapshot.position).toBe(pastOne.snapshot.position);
      expect(plainModel(pastTwo.snapshot.models)).toEqual(plainModel(pastOne.snapshot.models));
    }
    // No part files are left behind.
    expect(fs.readdirSync(path.dirname(two.files.snapshotFile)).sort()).toEqual(['history', 'latest.v8']);

    // Merged from the threads' parts, the snapshots still name the store's event at their position.
    const store = SqliteEventStore.open({ dataDir });
    try {
      const origin = logOrigin(store);
      const [latestOne, latestTwo] = await Promise.all([one, two].map(({ files }) => readSnapshot(files.snapshotFile, versions, { projections: registryProjections, origin })));
      expect(latestTwo?.kind).toBe('loaded');
      if (latestOne?.kind !== 'loaded' || latestTwo?.kind !== 'loaded') throw new Error('snapshots not loaded');
      expect(latestTwo.snapshot.position).toBe(oneResult.position);
      for (const projection of registryProjections) {
        expect(plainModel(latestTwo.snapshot.models[projection.name])).toEqual(plainModel(latestOne.snapshot.models[projection.name]));
      }
      const midway = firstRecordedAt + (lastRecordedAt - firstRecordedAt) / 2;
      const [pastOne, pastTwo] = await Promise.all(
        [one, two].map(({ files }) => new HistorySnapshots(files.historyDirectory, files.historyKeep).latestAtOrBefore(midway, registryProjections, origin)),
      );
      expect(pastTwo?.position).toBeDefined();
      expect(pastTwo?.position).toBe(pastOne?.position);
      expect(plainModel(pastTwo?.models)).toEqual(plainModel(pastOne?.models));
      // The audit's judgements were checkpointed between history snapshots, on either thread count.
      const audit = registryProjections.find((projection) => projection.name === 'auditFindings')!;
      for (const { files } of [one, two]) {
        const last = path.join(files.historyDirectory, historyOne[historyOne.length - 1] as string);
        const part = await readSnapshotParts(last, audit.name, audit.version, ['checkpoints'], origin);
        expect(part.kind === 'loaded' && (part.values['checkpoints'] as { list: unknown[] }).list.length).toBeGreaterThan(0);
      }
    } finally {
      await store.close();
    }
  }, 120_000);

  it('reports a projection that throws in a thread as one thread does: which event, why, and no snapshot after it', async () => {
    const projectionsModule = { path: require.resolve('../support/fragileProjections'), exportName: 'withFragileProjection' };
    const one = rebuild('fragile-one', { projectionsModule });
    const two = rebuild('fragile-two', { projectionsModule, threads: 2 });
    const [oneResult, twoResult] = await Promise.all([one.result, two.result]);
    expect(twoResult.failures).toEqual([
      expect.objectContaining({ projection: 'fragile', eventType: 'AgreementSigned', message: 'cannot read property signedOn' }),
    ]);
    expect(twoResult).toEqual(oneResult);
    expect(fs.existsSync(two.files.snapshotFile)).toBe(false);
    // History snapshots up to the failure only, as on one thread.
    const historyOne = fs.readdirSync(one.files.historyDirectory).sort();
    expect(historyOne.length).toBeGreaterThan(0);
    expect(historyOne.length).toBeLessThan(8);
    expect(fs.readdirSync(two.files.historyDirectory).sort()).toEqual(historyOne);
  }, 120_000);
});
