/**
 * Event store benchmark on the embedded SQLite store (durable: synchronous=FULL).
 * Prints figures; it is not a test. Usage: npm run bench:store [-- --seconds 3 --events 300000]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { wholeNumberOption } from '../../src/cli/command';
import { benchOptions, machineDescription, printTable } from './benchSupport';

const options = benchOptions({
  usage: 'npm run bench:store -- [--seconds N] [--events N]',
  description: 'Durable append rates (1 to 32 concurrent writers) and read rates on a fresh embedded store in the temporary directory; prints figures.',
  options: {
    seconds: { type: 'string', valueName: 'N', description: 'how long each append case runs (default 3)' },
    events: { type: 'string', valueName: 'N', description: 'events written, then read through $all and a subscription (default 300000)' },
  },
});
const seconds = wholeNumberOption(options.seconds, 'seconds', 3, 1);
const readEvents = wholeNumberOption(options.events, 'events', 300_000, 1);

const event = (n: number) => ({
  id: randomUUID(),
  type: 'CooperationMilestoneRecorded',
  data: { agreementId: 'agr-000123', kind: 'visit', date: '2024-05-17', description: `Visita técnica ${n}`, themes: ['culture', 'tourism'] },
  metadata: { actor: 'sre-legal:ana', correlationId: randomUUID(), validAt: '2024-05-17', schemaVersion: 1 },
});

const concurrentAppends = async (store: SqliteEventStore, writers: number): Promise<number> => {
  const deadline = Date.now() + seconds * 1000;
  let appended = 0;
  const writer = async (index: number) => {
    const stream = `bench-${writers}-${index}-${randomUUID()}`;
    for (let revision = -1n; Date.now() < deadline; revision++) {
      await store.appendToStream(stream, [event(appended)], {
        expectedRevision: revision < 0n ? 'no_stream' : revision,
      });
      appended++;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: writers }, (_, i) => writer(i)));
  return appended / (Number(process.hrtime.bigint() - started) / 1e9);
};

const timed = async (work: () => Promise<number>): Promise<number> => {
  const started = process.hrtime.bigint();
  const count = await work();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
};

const main = async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-'));
  const store = SqliteEventStore.open({ dataDir });
  try {
    const rows: Array<[string, string]> = [];
    rows.push(['durable appends/s, 1 writer', (await concurrentAppends(store, 1)).toFixed(0)]);
    rows.push(['durable appends/s, 32 writers (distinct streams)', (await concurrentAppends(store, 32)).toFixed(0)]);

    // Fill up to `readEvents` with batched appends so the read figures are over a known size.
    let total = 0;
    for await (const _ of store.readAll()) total++;
    for (let stream = 0; total < readEvents; stream++) {
      const batch = Array.from({ length: Math.min(500, readEvents - total) }, (_, i) => event(total + i));
      await store.appendToStream(`fill-${stream}`, batch);
      total += batch.length;
    }

    rows.push([
      `read $all events/s (${total} events)`,
      (await timed(async () => {
        let n = 0;
        for await (const _ of store.readAll()) n++;
        return n;
      })).toFixed(0),
    ]);
    rows.push([
      `subscription catch-up events/s (${total} events)`,
      (await timed(async () => {
        let n = 0;
        const subscription = store.subscribeToAll();
        for await (const message of subscription) {
          if (message.kind === 'caughtUp') break;
          n++;
        }
        await subscription.unsubscribe();
        return n;
      })).toFixed(0),
    ]);
    console.log(machineDescription());
    printTable(['measure', 'figure'], rows);
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
