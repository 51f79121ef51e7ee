/**
 * Rebuilds every read model from the start of the store, reporting events/s and peak memory, then
 * writes a fresh snapshot (and history snapshots) for the service. Stop the service first: the
 * embedded store has one owner. Usage: npm run rebuild -- --help
 */
import path from 'node:path';
import { openEventStore } from '../src/app/openEventStore';
import { readModelFiles } from '../src/app/readModelFiles';
import { defaultRebuildThreads, ReadModelRebuild } from '../src/app/readModelRebuild';
import { runCommand, wholeNumberOption } from '../src/cli/command';
import { createProgress } from '../src/cli/progress';
import { loadConfig } from '../src/config/config';
import { showCatchUpProgress } from '../src/projectionRunner/catchUpProgress';

runCommand(
  {
    usage: 'npm run rebuild [-- --no-snapshot] [-- --threads N]',
    description:
      'Rebuilds every read model from the start of the event store and prints events/s and peak memory. Unless --no-snapshot, ' +
      "replaces the service's read-model snapshot and its history snapshots with the rebuilt ones. Stop the service before " +
      'running it. Exit code 1 if a projection failed.',
    options: {
      'no-snapshot': { type: 'boolean', description: 'only measure: leave the snapshots as they are' },
      threads: {
        type: 'string',
        valueName: 'N',
        description: 'fold the read models on N threads, each reading the whole store for its share of them (default: 2, or 1 on a one-core machine)',
      },
    },
    epilogue: 'Reads the same configuration as the server (DATA_DIR, EVENT_STORE, EVENTSTORE_CONNECTION_STRING, HISTORY_SNAPSHOT_EVERY, HISTORY_SNAPSHOTS_KEPT).',
  },
  async ({ values }) => {
    const threads = wholeNumberOption(values.threads, 'threads', defaultRebuildThreads(), 1);
    const config = loadConfig(process.env);
    const files = readModelFiles(config.store.dataDir, config.history);
    const writeSnapshots = values['no-snapshot'] !== true;
    const rebuild = new ReadModelRebuild({ store: config.store, files, writeSnapshots, threads });
    // Its own connection, to read the head for the progress line.
    const store = openEventStore(config.store);
    const started = process.hrtime.bigint();
    const running = rebuild.run();
    let result;
    try {
      await showCatchUpProgress(rebuild, store, running.then(() => undefined), () => createProgress({ label: 'Rebuilding read models', unit: 'events' }), { quietMs: 0 });
      result = await running;
    } finally {
      await store.close();
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The kernel's high-water mark of the whole process, worker threads included.
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const mebibytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    const { eventsApplied, failures } = result;
    console.log(`Rebuilt ${rebuild.projectionCount} read models from ${eventsApplied.toLocaleString('en')} events in ${seconds.toFixed(2)} s on ${threads} thread${threads === 1 ? '' : 's'}`);
    console.log(`  ${(eventsApplied / seconds).toFixed(0)} events/s; peak memory ${mebibytes(peakRss)} RSS (whole process), ${mebibytes(rebuild.peakHeapBytes)} heap (all threads)`);
    if (writeSnapshots) console.log(`  snapshot written to ${path.relative(process.cwd(), files.snapshotFile) || files.snapshotFile}`);
    for (const failure of failures) console.log(`  FAILED ${failure.projection} at event ${failure.eventId} (${failure.eventType}): ${failure.message}`);
    if (failures.length > 0) process.exitCode = 1;
  },
);
