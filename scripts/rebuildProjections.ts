/**
 * Rebuilds every read model from the start of the store, reporting events/s and peak memory, then
 * writes a fresh snapshot (and history snapshots) for the service. Stop the service first: the
 * embedded store has one owner. Usage: npm run rebuild -- --help
 */
import fs from 'node:fs';
import path from 'node:path';
import { openEventStore } from '../src/app/openEventStore';
import { registryProjections } from '../src/app/projections';
import { registryUpcasters } from '../src/app/upcasters';
import { ConfigError, loadConfig } from '../src/config/config';
import { HistorySnapshots } from '../src/projectionRunner/historySnapshots';
import { ProjectionRunner } from '../src/projectionRunner/projectionRunner';
import { readModelFiles } from '../src/app/readModelFiles';

const HELP = `Rebuilds every read model from the start of the event store.

  npm run rebuild [-- --no-snapshot]

Reads the same configuration as the server (DATA_DIR, EVENT_STORE, EVENTSTORE_CONNECTION_STRING).
Prints events/s and peak memory; unless --no-snapshot, replaces the service's read-model snapshot
and its history snapshots with the rebuilt ones. Stop the service before running it.`;

const main = async (): Promise<void> => {
  if (process.argv.includes('--help')) {
    console.log(HELP);
    return;
  }
  const config = loadConfig(process.env);
  const files = readModelFiles(config.store.dataDir);
  const writeSnapshots = !process.argv.includes('--no-snapshot');
  const store = openEventStore(config.store);
  const history = new HistorySnapshots(files.historyDirectory);
  if (writeSnapshots) {
    history.clear();
    fs.rmSync(files.snapshotFile, { force: true });
  }
  const runner = new ProjectionRunner({
    store,
    projections: registryProjections,
    upcasters: registryUpcasters,
    ...(writeSnapshots ? { snapshotFile: files.snapshotFile, history: { snapshots: history, everyEvents: files.historyEveryEvents } } : {}),
  });
  let peakRss = 0;
  let peakHeap = 0;
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  };
  const progress = setInterval(() => {
    sample();
    process.stderr.write(`\r  ${runner.eventsApplied.toLocaleString('en')} events, ${(runner.eventsApplied / elapsed()).toFixed(0)} events/s…`);
  }, 500);
  try {
    await runner.start();
  } finally {
    clearInterval(progress);
  }
  const seconds = elapsed();
  sample();
  process.stderr.write('\n');
  const failures = runner.health().failures;
  await runner.stop();
  await store.close();
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  console.log(`Rebuilt ${registryProjections.length} read models from ${runner.eventsApplied.toLocaleString('en')} events in ${seconds.toFixed(2)} s`);
  console.log(`  ${(runner.eventsApplied / seconds).toFixed(0)} events/s; peak memory ${mib(peakRss)} RSS, ${mib(peakHeap)} heap`);
  if (writeSnapshots) console.log(`  snapshot written to ${path.relative(process.cwd(), files.snapshotFile) || files.snapshotFile}`);
  for (const failure of failures) console.log(`  FAILED ${failure.projection} at event ${failure.eventId} (${failure.eventType}): ${failure.message}`);
  if (failures.length > 0) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
