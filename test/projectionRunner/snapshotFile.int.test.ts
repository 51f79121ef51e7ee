import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import type { Projection } from '../../src/projectionRunner/projection';
import { mergeSnapshotFiles, readSnapshot, writeSnapshot, type Snapshot } from '../../src/projectionRunner/snapshotFile';

/** A model kept as a Map in memory and written as pairs: shows that the codec runs both ways. */
const pairs: Projection<Map<string, number>> = {
  name: 'pairs',
  version: 3,
  create: () => new Map(),
  apply: () => undefined,
  snapshot: {
    encode: (model) => ({ keys: [...model.keys()], values: Float64Array.from(model.values()) }),
    decode: (stored) => {
      const { keys, values } = stored as { keys: string[]; values: Float64Array };
      return new Map(keys.map((key, index) => [key, values[index] as number]));
    },
  },
};
const plain: Projection<{ items: string[]; at: bigint }> = { name: 'plain', version: 1, create: () => ({ items: [], at: 0n }), apply: () => undefined };

describe('read-model snapshot files', () => {
  let directory: string;
  let file: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-file-'));
    file = path.join(directory, 'latest.v8');
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  const snapshot: Snapshot = {
    position: 42n,
    recordedAt: '2024-05-17T10:00:00.000Z',
    versions: { pairs: 3, plain: 1 },
    models: { pairs: new Map([['a', 1.5], ['b', -2]]), plain: { items: ['x', 'y'], at: 7n } },
  };
  const versions = { pairs: 3, plain: 1 };

  it('gives back every model, through its projection codec where it has one', async () => {
    writeSnapshot(file, snapshot, [pairs, plain]);
    const load = await readSnapshot(file, versions, { projections: [pairs, plain] });
    expect(load).toEqual({ kind: 'loaded', snapshot });
  });

  it('merges parts holding other models of one position into the file one writer makes', async () => {
    writeSnapshot(file, snapshot, [pairs, plain]);
    const part = (name: 'pairs' | 'plain') => {
      const partFile = path.join(directory, `${name}.part`);
      writeSnapshot(partFile, { ...snapshot, versions: { [name]: versions[name] }, models: { [name]: snapshot.models[name] } }, [pairs, plain]);
      return partFile;
    };
    const merged = path.join(directory, 'merged.v8');
    mergeSnapshotFiles(merged, [part('plain'), part('pairs')], ['pairs', 'plain']);
    expect(fs.readFileSync(merged).equals(fs.readFileSync(file))).toBe(true);
    expect(await readSnapshot(merged, versions, { projections: [pairs, plain] })).toEqual({ kind: 'loaded', snapshot });
  });

  it('refuses to merge parts of different positions, or parts holding the same model', () => {
    const first = path.join(directory, 'first.part');
    const later = path.join(directory, 'later.part');
    writeSnapshot(first, { ...snapshot, versions: { plain: 1 }, models: { plain: snapshot.models['plain'] } });
    writeSnapshot(later, { ...snapshot, position: 43n, versions: { pairs: 3 }, models: { pairs: snapshot.models['pairs'] } }, [pairs]);
    expect(() => mergeSnapshotFiles(file, [first, later], ['pairs', 'plain'])).toThrow('different positions');
    expect(() => mergeSnapshotFiles(file, [first, first], ['pairs', 'plain'])).toThrow('disagree on model plain');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('loads only the models asked for, checking only their versions', async () => {
    writeSnapshot(file, snapshot, [pairs, plain]);
    const load = await readSnapshot(file, { plain: 1 }, { only: ['plain'], projections: [pairs, plain] });
    expect(load).toEqual({ kind: 'loaded', snapshot: { ...snapshot, models: { plain: snapshot.models['plain'] } } });
    await expect(readSnapshot(file, { plain: 2 }, { only: ['plain'] })).resolves.toEqual({ kind: 'discarded', reason: 'projection plain is at version 2, the snapshot has 1' });
    await expect(readSnapshot(file, { other: 1 }, { only: ['other'] })).resolves.toMatchObject({ kind: 'discarded' });
  });

  it('discards a whole load when a projection is gone, and a file of the older whole-file format', async () => {
    writeSnapshot(file, snapshot, [pairs, plain]);
    await expect(readSnapshot(file, { plain: 1 })).resolves.toEqual({ kind: 'discarded', reason: 'the snapshot holds projection pairs, which no longer exists' });
    fs.writeFileSync(file, v8.serialize({ format: 1, ...snapshot }));
    await expect(readSnapshot(file, versions)).resolves.toEqual({ kind: 'discarded', reason: 'snapshot of an older format, expected 2' });
  });

  it('discards a truncated file as unreadable', async () => {
    writeSnapshot(file, snapshot, [pairs, plain]);
    fs.truncateSync(file, fs.statSync(file).size - 3);
    await expect(readSnapshot(file, versions, { projections: [pairs, plain] })).resolves.toMatchObject({ kind: 'discarded', reason: expect.stringMatching(/^unreadable/) });
    await expect(readSnapshot(path.join(directory, 'none.v8'), versions)).resolves.toEqual({ kind: 'absent' });
  });
});
