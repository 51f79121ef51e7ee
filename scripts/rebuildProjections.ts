/**
 * Rebuilds every read model from the start of the store, reporting events/s and peak memory, then
 * writes a fresh snapshot (and history snapshots) for the service. Stop the service first: the
 * embedded store has one owner. Usage: npm run rebuild -- --help
 */
import fs from 'node:fs';
import path from 'node:path';
import { openEventStore } from '../src/app/openEventStore';
import { registryProjections } from '../src/app/projections';
import { readModelFiles } from '../src/app/readModelFiles';
import { registryUpcasters } from '../src/app/upcasters';
import { runCommand } from '../src/cli/command';
import { createProgress } from '../src/cli/progress';
import { loadConfig } from '../src/config/config';
import { showCatchUpProgress } from '../src/projectionRunner/catchUpProgress';
import { HistorySnapshots } from '../src/projectionRunner/historySnapshots';
import { ProjectionRunner } from '../src/projectionRunner/projectionRunner';

runCommand(
  {
    usage: 'npm run rebuild [-- --no-snapshot]',
    description:
      'Rebuilds every read model from the start of the event store and prints events/s and peak memory. Unless --no-snapshot, ' +
      "replaces the service's read-model snapshot and its history snapshots with the rebuilt ones. Stop the service before " +
      'running it. Exit code 1 if a projection failed.',
    options: { 'no-snapshot': { type: 'boolean', description: 'only measure: leave the snapshots as they are' } },
    epilogue: 'Reads the same configuration as the server (DATA_DIR, EVENT_STORE, EVENTSTORE_CONNECTION_STRING).',
  },
  async ({ values }) => {
    const config = loadConfig(process.env);
    const files = readModelFiles(config.store.dataDir);
    const writeSnapshots = values['no-snapshot'] !== true;
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
    const sample = () => {
      const { rss, heapUsed } = process.memoryUsage();
      peakRss = Math.max(peakRss, rss);
      peakHeap = Math.max(peakHeap, heapUsed);
    };
    const sampler = setInterval(sample, 500);
    const started = process.hrtime.bigint();
    try {
      await showCatchUpProgress(runner, store, runner.start(), () => createProgress({ label: 'Rebuilding read models', unit: 'events' }), { quietMs: 0 });
    } finally {
      clearInterval(sampler);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    sample();
    const failures = runner.health().failures;
    await runner.stop();
    await store.close();
    const mebibytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    console.log(`Rebuilt ${registryProjections.length} read models from ${runner.eventsApplied.toLocaleString('en')} events in ${seconds.toFixed(2)} s`);
    console.log(`  ${(runner.eventsApplied / seconds).toFixed(0)} events/s; peak memory ${mebibytes(peakRss)} RSS, ${mebibytes(peakHeap)} heap`);
    if (writeSnapshots) console.log(`  snapshot written to ${path.relative(process.cwd(), files.snapshotFile) || files.snapshotFile}`);
    for (const failure of failures) console.log(`  FAILED ${failure.projection} at event ${failure.eventId} (${failure.eventType}): ${failure.message}`);
    if (failures.length > 0) process.exitCode = 1;
  },
);
