import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import type { Projection } from '../../src/projectionRunner/projection';
import { mergeSnapshotFiles, readSnapshot, readSnapshotParts, removeAbandonedSnapshotFiles, writeSnapshot, type Snapshot, type SnapshotOrigin } from '../../src/projectionRunner/snapshotFile';

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
/** A model with a lendable field and its history: each written in a section of its own, and readable alone. */
const cached: Projection<{ total: number; cache: Map<string, string>; log: string[] }> = {
  name: 'cached',
  version: 2,
  create: () => ({ total: 0, cache: new Map(), log: [] }),
  apply: () => undefined,
  snapshot: {
    encode: (model) => ({ total: model.total, cache: [...model.cache], log: model.log }),
    decode: (stored) => {
      const { total, cache, log } = stored as { total: number; cache: Array<[string, string]>; log?: string[] };
      return { total, cache: new Map(cache), log: log ?? [] };
    },
    lendable: { field: 'cache', history: 'log', lend: () => undefined },
  },
};
const projections = [pairs, plain, cached];

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
    lastEventId: '0b4f8a52-6c1e-4f0e-9a57-2f1d3c9e8b10',
    recordedAt: '2024-05-17T10:00:00.000Z',
    versions: { pairs: 3, plain: 1, cached: 2 },
    models: { pairs: new Map([['a', 1.5], ['b', -2]]), plain: { items: ['x', 'y'], at: 7n }, cached: { total: 2, cache: new Map([['k', 'v']]), log: ['seen'] } },
  };
  const versions = { pairs: 3, plain: 1, cached: 2 };
  /** A log holding the snapshot's last event at its position. */
  const ownLog: SnapshotOrigin = async (position, lastEventId) => position === snapshot.position && lastEventId === snapshot.lastEventId;
  const otherLog: SnapshotOrigin = async () => false;

  it('gives back every model, through its projection codec where it has one', async () => {
    writeSnapshot(file, snapshot, projections);
    const load = await readSnapshot(file, versions, { projections, origin: ownLog });
    expect(load).toEqual({ kind: 'loaded', snapshot });
  });

  it('discards a snapshot whose last event the store does not hold at its position, or cannot be asked about', async () => {
    writeSnapshot(file, snapshot, projections);
    // Nothing of a foreign snapshot is decoded.
    let decoded = 0;
    const counting = projections.map((projection) => ({ ...projection, snapshot: { ...projection.snapshot!, decode: (stored: unknown) => (decoded++, projection.snapshot!.decode(stored)) } }));
    await expect(readSnapshot(file, { pairs: 3, cached: 2 }, { only: ['pairs', 'cached'], projections: [counting[0]!, counting[2]!], origin: otherLog })).resolves.toMatchObject({ kind: 'discarded' });
    expect(decoded).toBe(0);
    await expect(readSnapshot(file, versions, { projections, origin: otherLog })).resolves.toEqual({
      kind: 'discarded',
      reason: "the store has no event 0b4f8a52-6c1e-4f0e-9a57-2f1d3c9e8b10 at position 42, the snapshot's last: it was folded from another log",
    });
    const unreachable: SnapshotOrigin = async () => {
      throw new Error('connection refused');
    };
    await expect(readSnapshot(file, versions, { projections, origin: unreachable })).resolves.toEqual({
      kind: 'discarded',
      reason: 'its last event could not be checked against the store (connection refused)',
    });
    await expect(readSnapshotParts(file, 'cached', 2, ['cache'], otherLog)).resolves.toMatchObject({ kind: 'discarded', reason: expect.stringContaining('another log') });
  });

  it('merges parts holding other models of one position into the file one writer makes', async () => {
    writeSnapshot(file, snapshot, projections);
    const part = (name: 'pairs' | 'plain' | 'cached') => {
      const partFile = path.join(directory, `${name}.part`);
      writeSnapshot(partFile, { ...snapshot, versions: { [name]: versions[name] }, models: { [name]: snapshot.models[name] } }, projections);
      return partFile;
    };
    const merged = path.join(directory, 'merged.v8');
    mergeSnapshotFiles(merged, [part('cached'), part('plain'), part('pairs')], ['pairs', 'plain', 'cached']);
    expect(fs.readFileSync(merged).equals(fs.readFileSync(file))).toBe(true);
    expect(await readSnapshot(merged, versions, { projections })).toEqual({ kind: 'loaded', snapshot });
  });

  it('refuses to merge parts of different positions or last events, or parts holding the same model', () => {
    const first = path.join(directory, 'first.part');
    const later = path.join(directory, 'later.part');
    const otherEvent = path.join(directory, 'other-event.part');
    writeSnapshot(first, { ...snapshot, versions: { plain: 1 }, models: { plain: snapshot.models['plain'] } });
    writeSnapshot(later, { ...snapshot, position: 43n, versions: { pairs: 3 }, models: { pairs: snapshot.models['pairs'] } }, [pairs]);
    writeSnapshot(otherEvent, { ...snapshot, lastEventId: 'another', versions: { pairs: 3 }, models: { pairs: snapshot.models['pairs'] } }, [pairs]);
    expect(() => mergeSnapshotFiles(file, [first, later], ['pairs', 'plain'])).toThrow('end at different events');
    expect(() => mergeSnapshotFiles(file, [first, otherEvent], ['pairs', 'plain'])).toThrow('end at different events');
    expect(() => mergeSnapshotFiles(file, [first, first], ['pairs', 'plain'])).toThrow('disagree on model plain');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('loads only the models asked for, checking only their versions', async () => {
    writeSnapshot(file, snapshot, projections);
    const load = await readSnapshot(file, { plain: 1 }, { only: ['plain'], projections });
    expect(load).toEqual({ kind: 'loaded', snapshot: { ...snapshot, models: { plain: snapshot.models['plain'] } } });
    // A model with a lendable field is read from all its sections; to be folded to an instant, without its history.
    const withPart = await readSnapshot(file, { cached: 2 }, { only: ['cached'], projections });
    expect(withPart).toEqual({ kind: 'loaded', snapshot: { ...snapshot, models: { cached: snapshot.models['cached'] } } });
    const withoutHistory = await readSnapshot(file, { cached: 2 }, { only: ['cached'], projections, withoutHistory: true });
    expect(withoutHistory).toEqual({ kind: 'loaded', snapshot: { ...snapshot, models: { cached: { total: 2, cache: new Map([['k', 'v']]), log: [] } } } });
    await expect(readSnapshot(file, { plain: 2 }, { only: ['plain'] })).resolves.toEqual({ kind: 'discarded', reason: 'projection plain is at version 2, the snapshot has 1' });
    await expect(readSnapshot(file, { other: 1 }, { only: ['other'] })).resolves.toMatchObject({ kind: 'discarded' });
  });

  it('reads lendable fields alone, as stored, from a snapshot of their model\'s version', async () => {
    writeSnapshot(file, snapshot, projections);
    await expect(readSnapshotParts(file, 'cached', 2, ['cache', 'log'], ownLog)).resolves.toEqual({ kind: 'loaded', values: { cache: [['k', 'v']], log: ['seen'] } });
    await expect(readSnapshotParts(file, 'cached', 3, ['cache'], ownLog)).resolves.toEqual({ kind: 'discarded', reason: 'projection cached is at version 3, the snapshot has 2' });
    await expect(readSnapshotParts(file, 'pairs', 3, ['keys'], ownLog)).resolves.toEqual({ kind: 'discarded', reason: 'the snapshot has no section pairs/keys' });
    await expect(readSnapshotParts(path.join(directory, 'none.v8'), 'cached', 2, ['cache'], ownLog)).resolves.toEqual({ kind: 'absent' });
  });

  it('refuses a model without its lendable field\'s section, and a model name that would read as a field', async () => {
    // Written by a codec that did not lend the field: its section is missing.
    const { lendable: _lendable, ...withoutLending } = cached.snapshot!;
    writeSnapshot(file, snapshot, [pairs, plain, { ...cached, snapshot: withoutLending }]);
    await expect(readSnapshot(file, versions, { projections })).resolves.toEqual({ kind: 'discarded', reason: 'unreadable (the snapshot has no section cached/cache)' });
    // Written without the field's history: refused unless loaded without it.
    writeSnapshot(file, snapshot, [pairs, plain, { ...cached, snapshot: { ...cached.snapshot!, lendable: { field: 'cache', lend: () => undefined } } }]);
    await expect(readSnapshot(file, versions, { projections })).resolves.toEqual({ kind: 'discarded', reason: 'unreadable (the snapshot has no section cached/log)' });
    await expect(readSnapshot(file, versions, { projections, withoutHistory: true })).resolves.toMatchObject({ kind: 'loaded' });
    expect(() => writeSnapshot(file, { ...snapshot, models: { 'cached/cache': 1 } })).toThrow("a read model's name cannot contain /");
  });

  it('discards a whole load when a projection is gone, and files of older formats', async () => {
    writeSnapshot(file, snapshot, projections);
    await expect(readSnapshot(file, { plain: 1, cached: 2 })).resolves.toEqual({ kind: 'discarded', reason: 'the snapshot holds projection pairs, which no longer exists' });
    // Format 2 ended its magic with 2, and its header named no last event.
    const bytes = fs.readFileSync(file);
    bytes[7] = 2;
    fs.writeFileSync(file, bytes);
    await expect(readSnapshot(file, versions)).resolves.toEqual({ kind: 'discarded', reason: 'snapshot of an older format, expected 3' });
    fs.writeFileSync(file, v8.serialize({ format: 1, ...snapshot }));
    await expect(readSnapshot(file, versions)).resolves.toEqual({ kind: 'discarded', reason: 'snapshot of an older format, expected 3' });
  });

  it('discards a truncated file as unreadable', async () => {
    writeSnapshot(file, snapshot, projections);
    fs.truncateSync(file, fs.statSync(file).size - 3);
    await expect(readSnapshot(file, versions, { projections })).resolves.toMatchObject({ kind: 'discarded', reason: expect.stringMatching(/^unreadable/) });
    await expect(readSnapshot(path.join(directory, 'none.v8'), versions)).resolves.toEqual({ kind: 'absent' });
  });
});

describe('snapshot files abandoned by a process killed mid-write', () => {
  it('are removed, while those of another running process and every other file stay', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-abandoned-'));
    try {
      // The highest pid Linux hands out is 4194304: one above it never runs.
      const names = ['latest.v8', 'latest.v8.4194305.tmp', `latest.v8.${process.pid}.tmp`, 'at-50000-1.v8.4194306.tmp', `at-50000-1.v8.${process.ppid}.tmp`, 'notes.tmp'];
      for (const name of names) fs.writeFileSync(path.join(directory, name), 'x');

      // This process's pid names a previous process's file (in a container node is always pid 1).
      expect(removeAbandonedSnapshotFiles(directory).sort()).toEqual(['at-50000-1.v8.4194306.tmp', 'latest.v8.4194305.tmp', `latest.v8.${process.pid}.tmp`].sort());
      expect(fs.readdirSync(directory).sort()).toEqual([`at-50000-1.v8.${process.ppid}.tmp`, 'latest.v8', 'notes.tmp'].sort());
      expect(removeAbandonedSnapshotFiles(path.join(directory, 'absent'))).toEqual([]);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
