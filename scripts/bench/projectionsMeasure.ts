/**
 * One measurement of the read models on an existing data directory, printed as JSON. Run by
 * scripts/bench/projections.ts in a fresh process each time, so memory figures are its own.
 *   rebuild <dataDir>   fold every event from the start; writes the snapshot and history snapshots
 *   startup <dataDir>   start from the snapshot the rebuild wrote
 *   asof <dataDir>      registry as of several recorded instants
 */
import fs from 'node:fs';
import { DateTime } from 'luxon';
import { registryProjections } from '../../src/app/projections';
import { readModelFiles } from '../../src/app/readModelFiles';
import { registryUpcasters } from '../../src/app/upcasters';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { HistorySnapshots } from '../../src/projectionRunner/historySnapshots';
import { ProjectionRunner } from '../../src/projectionRunner/projectionRunner';
import { registryAsOf } from '../../src/projectionRunner/registryAsOf';

const [mode, dataDir] = process.argv.slice(2);
if (!mode || !dataDir) throw new Error('usage: projectionsMeasure <rebuild|startup|asof> <dataDir>');

/** Peak resident memory of this process so far (the kernel's own high-water mark). */
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

const main = async () => {
  const files = readModelFiles(dataDir);
  const store = SqliteEventStore.open({ dataDir });
  const history = new HistorySnapshots(files.historyDirectory);
  const runner = (withSnapshots: boolean) =>
    new ProjectionRunner({
      store,
      projections: registryProjections,
      upcasters: registryUpcasters,
      ...(withSnapshots ? { snapshotFile: files.snapshotFile, history: { snapshots: history, everyEvents: files.historyEveryEvents } } : {}),
    });
  const result: Record<string, unknown> = { mode };
  if (mode === 'rebuild') {
    // Fold alone first (what the target is about), then once more writing snapshots for the next steps.
    const plain = runner(false);
    let started = process.hrtime.bigint();
    await plain.start();
    result['seconds'] = seconds(started);
    result['events'] = plain.eventsApplied;
    result['failures'] = plain.health().failures;
    await plain.stop();
    result['peakRssMiB'] = peakRssMiB();
    // The second pass must fold from the start, not restore an earlier run's snapshot.
    history.clear();
    fs.rmSync(files.snapshotFile, { force: true });
    const writing = runner(true);
    started = process.hrtime.bigint();
    await writing.start();
    await writing.stop();
    result['secondsWithSnapshots'] = seconds(started);
  } else if (mode === 'startup') {
    const started = process.hrtime.bigint();
    const restored = runner(true);
    await restored.start();
    result['seconds'] = seconds(started);
    result['snapshot'] = restored.health().snapshot;
    result['eventsAfterSnapshot'] = restored.eventsApplied;
    result['peakRssMiB'] = peakRssMiB();
  } else if (mode === 'asof') {
    let first: string | undefined;
    let last: string | undefined;
    for await (const event of store.readAll({ maxCount: 1 })) first = event.metadata['recordedAt'] as string;
    for await (const event of store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })) last = event.metadata['recordedAt'] as string;
    if (!first || !last) throw new Error('empty store');
    const from = DateTime.fromISO(first).toMillis();
    const span = DateTime.fromISO(last).toMillis() - from;
    // Every read model (what the GraphQL registryAsOf field builds today), and only those the
    // agreement queries and statistics read (agreements and the policy for regions).
    const sets = { all: registryProjections, agreements: registryProjections.filter((projection) => projection.name === 'agreements' || projection.name === 'policy') };
    for (const [name, projections] of Object.entries(sets)) {
      const timings: Array<{ at: string; ms: number; replayed: number }> = [];
      for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9, 0.97]) {
        const at = DateTime.fromMillis(from + span * fraction, { zone: 'utc' });
        const started = process.hrtime.bigint();
        const asOf = await registryAsOf({ store, projections, upcasters: registryUpcasters, history }, at);
        timings.push({ at: at.toISO() ?? '', ms: Math.round(seconds(started) * 1000), replayed: asOf.replayed });
      }
      result[name === 'all' ? 'timings' : 'timingsAgreements'] = timings;
    }
    result['peakRssMiB'] = peakRssMiB();
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await store.close();
  console.log(JSON.stringify(result));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
