/**
 * One thread of a parallel rebuild (see readModelRebuild.ts): folds the whole log into some of the
 * read models, over its own store connection, and writes their sections of each snapshot for the
 * main thread to merge. Runs only as a worker_threads entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { HistorySnapshots } from '../projectionRunner/historySnapshots';
import type { Projection } from '../projectionRunner/projection';
import { ProjectionRunner } from '../projectionRunner/projectionRunner';
import { failIfSnapshotsUnwritten } from './readModelRebuild';
import { writeSnapshot } from '../projectionRunner/snapshotFile';
import { openEventStore } from './openEventStore';
import { registryUpcasters } from './upcasters';
import type { RebuildWorkerData, RebuildWorkerMessage } from './rebuildWorkerProtocol';

const PROGRESS_EVERY_MS = 200;

const run = async (data: RebuildWorkerData, post: (message: RebuildWorkerMessage) => void): Promise<void> => {
  // Projections are functions, which cannot be posted to a thread: it is told where to load them.
  const all = require(data.projectionsModule.path)[data.projectionsModule.exportName] as readonly Projection<unknown>[];
  const projections = data.names.map((name) => {
    const projection = all.find((candidate) => candidate.name === name);
    if (!projection) throw new Error(`No projection ${name} in ${data.projectionsModule.path}`);
    return projection;
  });
  const { partDirectory } = data;
  const latest = partDirectory === null ? undefined : path.join(partDirectory, 'latest.v8');
  const store = openEventStore(data.store);
  try {
    const runner = new ProjectionRunner({
      store,
      projections,
      upcasters: registryUpcasters,
      ...(partDirectory === null || latest === undefined
        ? {}
        : {
            snapshotFile: latest,
            history: {
              everyEvents: data.historyEveryEvents,
              checkpointEveryEvents: data.checkpointEveryEvents,
              snapshots: {
                write: (snapshot, models) => {
                  const name = HistorySnapshots.fileName(snapshot);
                  if (name === undefined) return;
                  const file = path.join(partDirectory, name);
                  writeSnapshot(file, snapshot, models);
                  post({ kind: 'history', name, file });
                },
              },
            },
          }),
    });
    const progress = setInterval(
      () => post({ kind: 'progress', position: runner.position, eventsApplied: runner.eventsApplied, heapUsed: process.memoryUsage().heapUsed }),
      PROGRESS_EVERY_MS,
    );
    try {
      await runner.start();
    } finally {
      clearInterval(progress);
    }
    const { failures } = runner.health();
    const { position, eventsApplied } = runner;
    const { heapUsed } = process.memoryUsage();
    // Writes this thread's part of the latest snapshot, unless a projection failed.
    await runner.stop();
    failIfSnapshotsUnwritten(runner);
    post({ kind: 'done', position, eventsApplied, heapUsed, failures, latest: latest !== undefined && fs.existsSync(latest) ? latest : null });
  } finally {
    await store.close();
  }
};

if (parentPort === null) throw new Error('rebuildWorker runs only as a worker thread (see readModelRebuild.ts).');
const port = parentPort;
run(workerData as RebuildWorkerData, (message) => port.postMessage(message)).catch((error: unknown) => {
  // Rethrown outside the promise: the worker ends with an 'error' event carrying it.
  setImmediate(() => {
    throw error;
  });
});
