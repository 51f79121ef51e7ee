import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RecordedEvent, Subscription, SubscriptionMessage } from '../../../src/eventStore/eventStore';
import { SqliteEventStore } from '../../../src/eventStore/sqlite/sqliteEventStore';

/*
 * Several connections on one store file: the server and `npm run import` (or the demo seeding)
 * in another process. What one appends must reach the other's subscriptions, in order, once.
 */

const SUPPORT = path.join(__dirname, '..', '..', 'support');

const event = (n: number) => ({ id: randomUUID(), type: 'Appended', data: { n } });

const collect = async (store: SqliteEventStore): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const recorded of store.readAll()) all.push(recorded);
  return all;
};

/** Reads a subscription in the background; `until` waits (bounded) for a condition on what arrived. */
const reading = (subscription: Subscription) => {
  const messages: SubscriptionMessage[] = [];
  let failure: unknown;
  const done = (async () => {
    try {
      for await (const message of subscription) messages.push(message);
    } catch (error) {
      failure = error;
    }
  })();
  const events = () => messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
  return {
    events,
    done,
    until: async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (failure !== undefined) throw failure;
        if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; received ${messages.length} message(s)`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
};

const idsOf = (events: readonly RecordedEvent[]) => events.map((recorded) => recorded.id);

describe('embedded SQLite store shared by several connections', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-shared-'));
  });
  afterEach(() => {
    jest.useRealTimers();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("delivers another connection's appends to live subscriptions, in commit order, with no gap or duplicate", async () => {
    const reader = SqliteEventStore.open({ dataDir });
    const writer = SqliteEventStore.open({ dataDir });
    try {
      await writer.appendToStream('before-1', [event(0)]);
      const all = reading(reader.subscribeToAll());
      const oneStream = reading(reader.subscribeToStream('shared-0'));
      await all.until(() => all.events().length === 1);
      // Group commits of the other connection interleaved with this connection's own appends.
      for (let round = 0; round < 5; round++) {
        await reader.appendToStream(`local-${round}`, [event(round)]);
        await Promise.all(Array.from({ length: 20 }, (_, index) => writer.appendToStream(`shared-${index}`, [event(round), event(round)])));
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      const stored = await collect(reader);
      expect(stored).toHaveLength(1 + 5 * (20 * 2 + 1));
      await all.until(() => all.events().length === stored.length);
      expect(idsOf(all.events())).toEqual(idsOf(stored));
      await oneStream.until(() => oneStream.events().length === 10);
      expect(oneStream.events().map((recorded) => recorded.revision)).toEqual(Array.from({ length: 10 }, (_, index) => BigInt(index)));
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it("keeps delivering a killed writer process's appends, exactly what it committed", async () => {
    const reader = SqliteEventStore.open({ dataDir });
    try {
      const all = reading(reader.subscribeToAll());
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(SUPPORT, 'crashWriter.ts'), dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let acknowledged = 0;
      child.stdout.on('data', (chunk: Buffer) => (acknowledged += chunk.toString().split('\n').length - 1));
      const exited = new Promise((resolve) => child.on('close', resolve));
      try {
        // The subscription follows the other process while it writes, not only after it is gone.
        await all.until(() => all.events().length >= 500, 30_000);
        expect(acknowledged).toBeGreaterThan(0);
      } finally {
        child.kill('SIGKILL');
        await exited;
      }
      const stored = await collect(reader);
      await all.until(() => all.events().length === stored.length);
      expect(idsOf(all.events())).toEqual(idsOf(stored));
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged);
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('watches for other connections only while a subscription waits, on a timer that close stops', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const reader = SqliteEventStore.open({ dataDir, foreignCommitPollMs: 200 });
    const writer = SqliteEventStore.open({ dataDir });
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    try {
      expect(jest.getTimerCount()).toBe(0);
      const subscription = reader.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      expect(await iterator.next()).toEqual({ done: false, value: { kind: 'caughtUp' } });
      const next = iterator.next();
      await settle();
      expect(jest.getTimerCount()).toBe(1);

      const appended = event(1);
      await writer.appendToStream('other', [appended]);
      let delivered: IteratorResult<SubscriptionMessage> | undefined;
      void next.then((result) => (delivered = result));
      await settle();
      expect(delivered).toBeUndefined();
      jest.advanceTimersByTime(200);
      await settle();
      expect(delivered?.value).toMatchObject({ kind: 'event', event: { id: appended.id } });

      // Nobody waiting: the timer stops at its next tick.
      await subscription.unsubscribe();
      jest.advanceTimersByTime(200);
      expect(jest.getTimerCount()).toBe(0);

      // Waiting again starts it again; closing the store stops it.
      const again = reader.subscribeToAll({ fromPosition: 'end' })[Symbol.asyncIterator]();
      expect((await again.next()).value).toEqual({ kind: 'caughtUp' });
      const pending = again.next();
      await settle();
      expect(jest.getTimerCount()).toBe(1);
      await reader.close();
      expect(jest.getTimerCount()).toBe(0);
      expect(await pending).toEqual({ done: true, value: undefined });
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('does not keep a process alive while its subscription waits', async () => {
    const writer = SqliteEventStore.open({ dataDir });
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', path.join(SUPPORT, 'idleSubscriber.ts'), dataDir]);
    try {
      let output = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      const until = async (condition: () => boolean) => {
        const deadline = Date.now() + 20_000;
        while (!condition()) {
          if (Date.now() > deadline) throw new Error(`child said ${JSON.stringify(output)}; stderr ${stderr}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await until(() => output.includes('waiting\n'));
      const appended = event(1);
      await writer.appendToStream('from-parent', [appended]);
      await until(() => output.includes(`event ${appended.id}\n`));
      // Its subscription is still waiting, the poll timer running: closing stdin must be enough.
      child.stdin.end();
      expect(await exit).toBe(0);
    } finally {
      child.kill();
      await writer.close();
    }
  }, 40_000);
});
