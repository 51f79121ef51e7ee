import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registryUpcasters } from '../../src/app/upcasters';
import { createLogger } from '../../src/observability/logger';
import type { Projection } from '../../src/projectionRunner/projection';
import { HistorySnapshots } from '../../src/projectionRunner/historySnapshots';
import { ProjectionRunner } from '../../src/projectionRunner/projectionRunner';
import type { EventStore, SubscribeToAllOptions, Subscription } from '../../src/eventStore/eventStore';
import { StoreUnavailableError } from '../../src/eventStore/errors';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { openedData, signedData } from '../agreements/agreementFixtures';

/** Counts events by type: enough to see what a runner fed, and how many times. */
const counting = (name: string, version = 1): Projection<Map<string, number>> => ({
  name,
  version,
  create: () => new Map(),
  apply: (model, { event }) => void model.set(event.type, (model.get(event.type) ?? 0) + 1),
});

/** Throws on signatures: stands for a projection with a bug. */
const failingOnSignature: Projection<{ applied: number }> = {
  name: 'fragile',
  version: 1,
  create: () => ({ applied: 0 }),
  apply: (model, { event }) => {
    if (event.type === 'AgreementSigned') throw new Error('cannot read property signedOn');
    model.applied++;
  },
};

describe('projection runner on the embedded store', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  const runners: ProjectionRunner[] = [];
  const snapshotFile = () => path.join(dataDir, 'read-models.snapshot');
  const start = async (projections: Projection<unknown>[], extra: Partial<ConstructorParameters<typeof ProjectionRunner>[0]> = {}) => {
    const runner = new ProjectionRunner({ store, projections, upcasters: registryUpcasters, ...extra });
    runners.push(runner);
    await runner.start();
    return runner;
  };
  const append = (type: 'AgreementOpened' | 'AgreementSigned' | 'ForeignEvent', stream = `agreement-${randomUUID()}`) =>
    store.appendToStream(stream, [
      { id: randomUUID(), type, data: (type === 'AgreementSigned' ? signedData() : openedData()) as never, metadata: { recordedAt: '2025-01-01T00:00:00.000Z' } },
    ]);

  /** Writes the snapshot of one opened agreement, by a runner stopped afterwards. */
  const snapshotOfOneEvent = async (projections: Projection<unknown>[]) => {
    const first = await start(projections, { snapshotFile: snapshotFile() });
    const { position } = await append('AgreementOpened');
    await first.waitFor(position, 2_000);
    await first.stop();
    runners.splice(runners.indexOf(first), 1);
  };

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-runner-'));
    store = SqliteEventStore.open({ dataDir });
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('folds what is stored, reports caught up, then folds live events in order', async () => {
    await append('AgreementOpened');
    await append('AgreementOpened');
    const projection = counting('counts');
    const runner = await start([projection]);
    expect(runner.health()).toMatchObject({ phase: 'live', failures: [] });
    expect(runner.model(projection).get('AgreementOpened')).toBe(2);

    const { position } = await append('AgreementSigned');
    await expect(runner.waitFor(position, 2_000)).resolves.toBe(true);
    expect(runner.position).toBe(position);
    expect(runner.model(projection).get('AgreementSigned')).toBe(1);
  });

  it('lets a query wait, bounded, for a position not yet applied', async () => {
    const runner = await start([counting('counts')]);
    const { position } = await append('AgreementOpened');
    await expect(runner.waitFor(position + 1_000n, 50)).resolves.toBe(false);
    await expect(runner.waitFor(position, 1_000)).resolves.toBe(true);
  });

  it('advances past events that are not the registry’s without feeding them to projections', async () => {
    const projection = counting('counts');
    const runner = await start([projection]);
    const { position } = await append('ForeignEvent', 'other-app-stream');
    await expect(runner.waitFor(position, 1_000)).resolves.toBe(true);
    expect([...runner.model(projection).keys()]).toEqual([]);
  });

  it('stops only the projection that throws, says which event and why, and keeps the others serving', async () => {
    const healthy = counting('counts');
    const lines: string[] = [];
    const runner = await start([healthy, failingOnSignature], { logger: createLogger({ level: 'info', sink: (line) => lines.push(line) }) });
    await append('AgreementOpened');
    const signature = await append('AgreementSigned');
    const { position } = await append('AgreementOpened');
    await runner.waitFor(position, 2_000);

    expect(runner.health().failures).toEqual([
      { projection: 'fragile', eventId: expect.any(String), position: signature.position, eventType: 'AgreementSigned', message: 'cannot read property signedOn' },
    ]);
    expect(runner.model(failingOnSignature).applied).toBe(1);
    expect(runner.model(healthy).get('AgreementOpened')).toBe(2);
    // Read-your-writes: the runner went past the signature, the failed model did not.
    expect(runner.position).toBe(position);
    expect(runner.hasApplied(signature.position - 1n)).toBe(true);
    expect(runner.hasApplied(signature.position)).toBe(false);
    expect(runner.hasApplied(position)).toBe(false);

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ level: 'info', message: 'Projection runner live', phase: 'live', previousPhase: 'catching-up' }));
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        projection: 'fragile',
        eventType: 'AgreementSigned',
        position: signature.position.toString(),
        error: expect.objectContaining({ message: 'cannot read property signedOn', stack: expect.any(String) }),
      }),
    );
  });

  describe('when reading the store fails', () => {
    /** The store, but the first subscription fails after its first event, as a dropped connection does. */
    const droppingOnce = (): { store: EventStore; subscriptions: Array<SubscribeToAllOptions | undefined> } => {
      const subscriptions: Array<SubscribeToAllOptions | undefined> = [];
      const dropping = new Proxy(store, {
        get(target, property, receiver) {
          if (property !== 'subscribeToAll') {
            const value = Reflect.get(target, property, receiver) as unknown;
            return typeof value === 'function' ? value.bind(target) : value;
          }
          return (options?: SubscribeToAllOptions): Subscription => {
            subscriptions.push(options);
            const real = target.subscribeToAll(options);
            if (subscriptions.length > 1) return real;
            return {
              unsubscribe: () => real.unsubscribe(),
              async *[Symbol.asyncIterator]() {
                for await (const message of real) {
                  yield message;
                  if (message.kind === 'event') throw new StoreUnavailableError('14 UNAVAILABLE: Connection dropped');
                }
              },
            };
          };
        },
      });
      return { store: dropping, subscriptions };
    };

    it('subscribes again from the last event applied, folds every event once, and says why it waited', async () => {
      const first = await append('AgreementOpened');
      await append('AgreementSigned');
      const { store: dropping, subscriptions } = droppingOnce();
      const projection = counting('counts');
      const lines: string[] = [];
      const runner = await start([projection], { store: dropping, resubscribeAfterMs: [20], logger: createLogger({ level: 'info', sink: (line) => lines.push(line) }) });
      const { position } = await append('AgreementOpened');

      await expect(runner.waitFor(position, 2_000)).resolves.toBe(true);
      expect(Object.fromEntries(runner.model(projection))).toEqual({ AgreementOpened: 2, AgreementSigned: 1 });
      expect(subscriptions.map((options) => options?.fromPosition)).toEqual(['start', first.position]);
      expect(runner.health()).toMatchObject({ phase: 'live', readFailure: null });
      const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Projection runner lost the store; subscribing again in 20 ms', attempts: 1 }));
      expect(logged).toContainEqual(expect.objectContaining({ level: 'info', message: 'Projection runner reads the store again' }));
    });

    it('stops, and its start returns, while the store stays unreachable', async () => {
      const unreachable = new Proxy(store, {
        get(target, property, receiver) {
          if (property !== 'subscribeToAll') {
            const value = Reflect.get(target, property, receiver) as unknown;
            return typeof value === 'function' ? value.bind(target) : value;
          }
          return (): Subscription => ({
            unsubscribe: async () => undefined,
            [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new StoreUnavailableError('14 UNAVAILABLE: No connection established')) }),
          });
        },
      });
      const runner = new ProjectionRunner({ store: unreachable, projections: [counting('counts')], upcasters: registryUpcasters, resubscribeAfterMs: [20] });
      const started = runner.start();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(runner.health()).toMatchObject({ phase: 'catching-up', readFailure: { message: '14 UNAVAILABLE: No connection established' } });

      await runner.stop();
      await expect(started).resolves.toBeUndefined();
      expect(runner.health().phase).toBe('stopped');
    });

    it('stops, saying why, when it is not told to subscribe again (a rebuild)', async () => {
      await append('AgreementOpened');
      await append('AgreementSigned');
      const runner = await start([counting('counts')], { store: droppingOnce().store });

      expect(runner.health()).toMatchObject({ phase: 'stopped', readFailure: { attempts: 1, message: '14 UNAVAILABLE: Connection dropped' } });
    });
  });

  it('stops every projection at an event none can read (a schema version without upcaster), and goes on reading', async () => {
    const healthy = counting('counts');
    const runner = await start([healthy, counting('others')]);
    const unreadable = await store.appendToStream(`agreement-${randomUUID()}`, [
      { id: randomUUID(), type: 'CooperationMilestoneRecorded', data: { milestoneId: 'm-1' }, metadata: { recordedAt: '2025-01-01T00:00:00.000Z', schemaVersion: 0 } },
    ]);
    const { position } = await append('AgreementOpened');

    await expect(runner.waitFor(position, 2_000)).resolves.toBe(true);
    expect(runner.health().failures).toEqual([
      expect.objectContaining({ projection: 'counts', position: unreadable.position, eventType: 'CooperationMilestoneRecorded' }),
      expect.objectContaining({ projection: 'others', position: unreadable.position, eventType: 'CooperationMilestoneRecorded' }),
    ]);
    expect(runner.health().phase).toBe('live');
  });

  it('restarts from its snapshot instead of folding everything again', async () => {
    const projection = counting('counts');
    const first = await start([projection], { snapshotFile: snapshotFile() });
    await append('AgreementOpened');
    const { position } = await append('AgreementOpened');
    await first.waitFor(position, 2_000);
    await first.stop();
    runners.splice(runners.indexOf(first), 1);
    await append('AgreementSigned');

    const second = await start([projection], { snapshotFile: snapshotFile() });

    expect(second.health().snapshot).toBe('loaded');
    expect(Object.fromEntries(second.model(projection))).toEqual({ AgreementOpened: 2, AgreementSigned: 1 });
  });

  it('stays stopped when stopped while its snapshot is still loading', async () => {
    const projection = counting('counts');
    await snapshotOfOneEvent([projection]);

    const second = new ProjectionRunner({ store, projections: [projection], upcasters: registryUpcasters, snapshotFile: snapshotFile() });
    const starting = second.start();
    await second.stop();
    await starting;
    await append('AgreementSigned');

    expect(second.health().phase).toBe('stopped');
    expect(Object.fromEntries(second.model(projection))).toEqual({ AgreementOpened: 1 });
  });

  it('discards a snapshot written by another projection version and rebuilds', async () => {
    await snapshotOfOneEvent([counting('counts', 1)]);

    const upgraded = counting('counts', 2);
    const logs: string[] = [];
    const logger = createLogger({ level: 'debug', sink: (line) => logs.push(line) });
    const second = await start([upgraded], { snapshotFile: snapshotFile(), logger });

    expect(second.health().snapshot).toBe('discarded');
    expect(logs.join('\n')).toMatch(/projection counts is at version 2, the snapshot has 1/);
    expect(Object.fromEntries(second.model(upgraded))).toEqual({ AgreementOpened: 1 });
  });

  it('discards a snapshot folded from another log, whose positions hold other events, and rebuilds', async () => {
    // Another store writes the snapshot: its positions are those this store will use.
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-runner-other-'));
    const other = SqliteEventStore.open({ dataDir: otherDir });
    const projection = counting('counts');
    try {
      const foreign = new ProjectionRunner({ store: other, projections: [projection], upcasters: registryUpcasters, snapshotFile: snapshotFile() });
      await foreign.start();
      await other.appendToStream(`agreement-${randomUUID()}`, [{ id: randomUUID(), type: 'AgreementSigned', data: signedData() as never }]);
      const { position } = await other.appendToStream(`agreement-${randomUUID()}`, [{ id: randomUUID(), type: 'AgreementSigned', data: signedData() as never }]);
      await foreign.waitFor(position, 2_000);
      await foreign.stop();
    } finally {
      await other.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
    await append('AgreementOpened');
    const { position } = await append('AgreementOpened');
    const logs: string[] = [];
    const logger = createLogger({ level: 'debug', sink: (line) => logs.push(line) });
    const runner = await start([projection], { snapshotFile: snapshotFile(), logger });

    expect(runner.health().snapshot).toBe('discarded');
    expect(logs.join('\n')).toMatch(/the store has no event [0-9a-f-]+ at position \d+, the snapshot's last: it was folded from another log/);
    expect(Object.fromEntries(runner.model(projection))).toEqual({ AgreementOpened: 2 });
    expect(runner.position).toBe(position);
  });

  it('checkpoints lendable caches every so many events but on a history snapshot\'s, keeping as many as fit between two; one that throws is logged and skipped, a failed projection is not checkpointed', async () => {
    /** Its cache is the count of events folded; a checkpoint keeps it, the `keep` latest. */
    const caching = (name: string, failAt?: number): Projection<{ folded: number; checkpoints: number[] }> => ({
      name,
      version: 1,
      create: () => ({ folded: 0, checkpoints: [] }),
      apply: (model) => void model.folded++,
      snapshot: {
        encode: (model) => model,
        decode: (stored) => stored as { folded: number; checkpoints: number[] },
        lendable: {
          field: 'checkpoints',
          lend: () => undefined,
          checkpoint: (model, keep) => {
            if (model.folded === failAt) throw new Error('no room');
            model.checkpoints = [...model.checkpoints, model.folded].slice(-keep);
          },
        },
      },
    });
    const kept = caching('kept');
    const failing = caching('failing', 4);
    /** Stops (throws) at the fifth event it folds. */
    const stopped: Projection<{ folded: number; checkpoints: number[] }> = {
      ...caching('stopped'),
      apply: (model) => {
        if (model.folded === 4) throw new Error('bug');
        model.folded++;
      },
    };
    const written: number[] = [];
    const lines: string[] = [];
    const runner = await start([kept, failing, stopped], {
      history: { snapshots: { write: (snapshot) => void written.push(Number(snapshot.position)) }, everyEvents: 6, checkpointEveryEvents: 2 },
      logger: createLogger({ level: 'info', sink: (line) => lines.push(line) }),
    });
    let last = 0n;
    for (let event = 0; event < 9; event++) last = (await append('AgreementOpened')).position;
    await runner.waitFor(last, 2_000);

    // Every 2 events but the sixth, which a history snapshot stands for; 6 / 2 - 1 kept.
    expect(runner.model(kept).checkpoints).toEqual([4, 8]);
    expect(runner.model(failing).checkpoints).toEqual([2, 8]);
    expect(runner.model(stopped).checkpoints).toEqual([2, 4]);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'Checkpoint of projection failing skipped', projection: 'failing', error: expect.objectContaining({ message: 'no room' }) }),
    );
    // Due on the sixth event, the history snapshot is not written: a projection has failed.
    expect(written).toEqual([]);
  });

  it('keeps its snapshot when the store cannot say at first whether it holds the snapshot\'s last event', async () => {
    const projection = counting('counts');
    await snapshotOfOneEvent([projection]);
    // The store refuses two reads (an EventStoreDB cluster electing its leader, say), then answers.
    let refusals = 2;
    const coming: EventStore = {
      appendToStream: (...args) => store.appendToStream(...args),
      readStream: (...args) => store.readStream(...args),
      // As the port says, a read's error surfaces on iteration.
      readAll: (options) =>
        refusals-- > 0
          ? {
              [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('unavailable')) }),
            }
          : store.readAll(options),
      subscribeToAll: (options) => store.subscribeToAll(options),
      subscribeToStream: (...args) => store.subscribeToStream(...args),
      close: () => store.close(),
    };
    const second = new ProjectionRunner({ store: coming, projections: [projection], upcasters: registryUpcasters, snapshotFile: snapshotFile() });
    runners.push(second);
    await second.start();

    expect(second.health().snapshot).toBe('loaded');
    expect(refusals).toBe(-1);
    expect(Object.fromEntries(second.model(projection))).toEqual({ AgreementOpened: 1 });
  });

  it('writes no snapshot while a projection has failed, so the next start rebuilds it', async () => {
    const runner = await start([failingOnSignature], { snapshotFile: snapshotFile() });
    const { position } = await append('AgreementSigned');
    await runner.waitFor(position, 2_000);
    await runner.stop();
    runners.splice(runners.indexOf(runner), 1);
    expect(fs.existsSync(snapshotFile())).toBe(false);
  });

  it('goes on folding when a snapshot cannot be written, shows why in health, and leaves no partial file behind', async () => {
    // A directory where the history and the latest snapshot should be files: every write fails.
    const blocked = path.join(dataDir, 'blocked');
    fs.mkdirSync(path.join(blocked, 'latest.v8'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'history-is-a-file'), '');
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', sink: (line) => lines.push(line) });
    const history = { snapshots: new HistorySnapshots(path.join(dataDir, 'history-is-a-file'), 4), everyEvents: 2 };
    const runner = await start([counting('count')], { snapshotFile: path.join(blocked, 'latest.v8'), snapshotEveryEvents: 2, history, logger });
    await append('AgreementOpened');
    const { position } = await append('AgreementOpened');
    expect(await runner.waitFor(position, 2_000)).toBe(true);

    const later = await append('AgreementSigned');
    expect(await runner.waitFor(later.position, 2_000)).toBe(true);
    expect(runner.model(counting('count'))).toEqual(new Map([['AgreementOpened', 2], ['AgreementSigned', 1]]));
    expect(runner.health()).toMatchObject({ phase: 'live', snapshotWriteFailure: { position: expect.any(BigInt), message: expect.any(String) } });
    expect(lines.some((line) => line.includes('snapshot not written'))).toBe(true);
    expect(fs.readdirSync(blocked)).toEqual(['latest.v8']);
    // Stopping writes the snapshot once more: it fails the same way, and the runner still stops.
    await runner.stop();
    runners.splice(runners.indexOf(runner), 1);
    expect(runner.health().phase).toBe('stopped');
  });

  it('keeps showing a history snapshot that cannot be written after the latest one is written again', async () => {
    fs.writeFileSync(path.join(dataDir, 'history-is-a-file'), '');
    const history = { snapshots: new HistorySnapshots(path.join(dataDir, 'history-is-a-file'), 4), everyEvents: 2 };
    const runner = await start([counting('count')], { snapshotFile: snapshotFile(), snapshotEveryEvents: 1, history, logger: createLogger({ level: 'error', sink: () => undefined }) });
    await append('AgreementOpened');
    const { position } = await append('AgreementOpened');
    await runner.waitFor(position, 2_000);
    await runner.stop();
    runners.splice(runners.indexOf(runner), 1);

    expect(fs.existsSync(snapshotFile())).toBe(true);
    expect(runner.health().snapshotWriteFailure).toMatchObject({ message: expect.any(String) });
    expect(runner.snapshotWriteFailedLast).toMatchObject({ message: expect.any(String) });
  });
});
