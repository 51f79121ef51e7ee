import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StoreConfig } from '../config/config';
import { HistorySnapshots } from '../projectionRunner/historySnapshots';
import type { Projection } from '../projectionRunner/projection';
import { ProjectionRunner, type ProjectionFailure } from '../projectionRunner/projectionRunner';
import { mergeSnapshotFiles } from '../projectionRunner/snapshotFile';
import { openEventStore } from './openEventStore';
import type { readModelFiles } from './readModelFiles';
import type { ProjectionsModule, RebuildWorkerData, RebuildWorkerMessage } from './rebuildWorkerProtocol';
import { registryUpcasters } from './upcasters';

export type { ProjectionsModule } from './rebuildWorkerProtocol';

export interface ReadModelRebuildOptions {
  readonly store: StoreConfig;
  readonly files: ReturnType<typeof readModelFiles>;
  /** Replace the latest snapshot and the history snapshots with rebuilt ones. */
  readonly writeSnapshots: boolean;
  /** 1 folds every model on this thread; more splits the models among that many worker threads. */
  readonly threads: number;
  /** The projections to rebuild; the registry's (src/app/projections.ts) unless told. */
  readonly projectionsModule?: ProjectionsModule;
}

export interface ReadModelRebuildResult {
  readonly position: bigint | null;
  /** Events read from the store (each thread reads them all). */
  readonly eventsApplied: number;
  /** As ProjectionRunner reports them, in the order one runner would have met them. */
  readonly failures: readonly ProjectionFailure[];
}

/** Two threads (the read models split in two balanced halves), one on a one-core machine. */
export const defaultRebuildThreads = (): number => Math.min(2, os.availableParallelism());

export const REGISTRY_PROJECTIONS: ProjectionsModule = { path: require.resolve('./projections'), exportName: 'registryProjections' };

/**
 * Seconds each projection adds to a one-thread rebuild of the 1M-event generated history (each
 * folded alone, less the 4.1 s of reading the log alone; 2026-11-24, fifth session). Only their
 * ratios matter: they balance the threads. A projection not listed counts as a light one.
 */
const MEASURED_COST: Readonly<Record<string, number>> = {
  agreements: 4.0,
  auditFindings: 2.9,
  timeline: 1.7,
  counterparts: 0.3,
  entities: 0.1,
  policy: 0.1,
};
const UNMEASURED_COST = 1;

/**
 * Splits projections among `threads` so that the slowest thread has as little as possible to do:
 * the costliest first, each to the thread with the least so far. Each group keeps the projections'
 * own order.
 */
export const partitionProjections = (names: readonly string[], threads: number): string[][] => {
  const cost = (name: string) => MEASURED_COST[name] ?? UNMEASURED_COST;
  const groups = Array.from({ length: Math.min(threads, names.length) }, () => ({ names: new Set<string>(), cost: 0 }));
  for (const name of [...names].sort((a, b) => cost(b) - cost(a))) {
    const lightest = groups.reduce((best, group) => (group.cost < best.cost ? group : best));
    lightest.names.add(name);
    lightest.cost += cost(name);
  }
  return groups.map((group) => names.filter((name) => group.names.has(name)));
};

/** The service goes on without a snapshot it could not write (see ProjectionRunner); a rebuild asked to write them fails. */
export const failIfSnapshotsUnwritten = (runner: Pick<ProjectionRunner, 'snapshotWriteFailedLast'>): void => {
  const failure = runner.snapshotWriteFailedLast;
  if (failure !== null) throw new Error(`A read-model snapshot could not be written (at position ${failure.position}): ${failure.message}`);
};

const HEAP_SAMPLE_MS = 200;
const PART_DIRECTORY_PREFIX = 'rebuild-part-';

/**
 * Rebuilds read models from the start of the store. The projections are independent (each folds
 * the log alone), so with several threads each worker folds the whole log into its share of them
 * over its own store connection, and writes its models' sections of every snapshot; this thread
 * merges the sections of each position into one file: the sections one runner would have written.
 * Stop the service first: every thread must read the same log.
 *
 * V8 flags (`--max-semi-space-size`, `--initial-old-space-size`) are the process's, so the workers'
 * heaps are sized as this one's.
 */
export class ReadModelRebuild {
  private readonly projections: readonly Projection<unknown>[];
  /** How far each thread is (its runner, or what its worker last posted). */
  private readonly progress: Array<Pick<ProjectionRunner, 'position' | 'eventsApplied'>> = [];
  /** Heap in use by each thread, as last sampled. */
  private readonly heapUsed: number[] = [];
  private peakHeap = 0;

  constructor(private readonly options: ReadModelRebuildOptions) {
    const module = options.projectionsModule ?? REGISTRY_PROJECTIONS;
    // Loaded as the workers load it, so that both see the same list.
    this.projections = require(module.path)[module.exportName] as readonly Projection<unknown>[];
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new Error(`threads must be a whole number from 1, not ${options.threads}`);
  }

  /** The position every thread has reached (for progress). */
  get position(): bigint | null {
    let least: bigint | null = null;
    for (const { position } of this.progress) {
      if (position === null) return null;
      if (least === null || position < least) least = position;
    }
    return least;
  }

  get projectionCount(): number {
    return this.projections.length;
  }

  /** The most heap in use at once, by every thread together, as sampled every few hundred ms. */
  get peakHeapBytes(): number {
    return this.peakHeap;
  }

  private sampleHeap(thread: number, heapUsed: number): void {
    this.heapUsed[thread] = heapUsed;
    this.peakHeap = Math.max(this.peakHeap, this.heapUsed.reduce((sum, used) => sum + used, process.memoryUsage().heapUsed));
  }

  get eventsApplied(): number {
    return this.progress.length === 0 ? 0 : Math.min(...this.progress.map(({ eventsApplied }) => eventsApplied));
  }

  async run(): Promise<ReadModelRebuildResult> {
    const { files, writeSnapshots } = this.options;
    const history = new HistorySnapshots(files.historyDirectory, files.historyKeep);
    if (writeSnapshots) {
      history.clear();
      fs.rmSync(files.snapshotFile, { force: true });
    }
    return this.options.threads === 1 ? this.runHere(history) : this.runInWorkers(history);
  }

  private async runHere(history: HistorySnapshots): Promise<ReadModelRebuildResult> {
    const { files, writeSnapshots } = this.options;
    const store = openEventStore(this.options.store);
    try {
      const runner = new ProjectionRunner({
        store,
        projections: this.projections,
        upcasters: registryUpcasters,
        ...(writeSnapshots ? { snapshotFile: files.snapshotFile, history: { snapshots: history, everyEvents: files.historyEveryEvents, checkpointEveryEvents: files.checkpointEveryEvents } } : {}),
      });
      this.progress[0] = runner;
      const sampler = setInterval(() => this.sampleHeap(0, 0), HEAP_SAMPLE_MS);
      try {
        await runner.start();
      } finally {
        clearInterval(sampler);
        this.sampleHeap(0, 0);
      }
      const result = { position: runner.position, eventsApplied: runner.eventsApplied, failures: runner.health().failures };
      this.progress[0] = { ...result };
      await runner.stop();
      failIfSnapshotsUnwritten(runner);
      return result;
    } finally {
      await store.close();
    }
  }

  private async runInWorkers(history: HistorySnapshots): Promise<ReadModelRebuildResult> {
    const { files, writeSnapshots } = this.options;
    const order = this.projections.map((projection) => projection.name);
    const groups = partitionProjections(order, this.options.threads);
    const partDirectories = groups.map((_, index) => path.join(path.dirname(files.snapshotFile), `${PART_DIRECTORY_PREFIX}${index}`));
    const removeParts = () => {
      for (const directory of partDirectories) fs.rmSync(directory, { recursive: true, force: true });
    };
    removeParts();
    const workers: Worker[] = [];
    // History parts by file name, then by thread: merged once every thread has written its part.
    const historyParts = new Map<string, Map<number, string>>();
    try {
      const results = await new Promise<Array<Extract<RebuildWorkerMessage, { kind: 'done' }>>>((resolve, reject) => {
        const done: Array<Extract<RebuildWorkerMessage, { kind: 'done' }>> = [];
        let finished = 0;
        let failed = false;
        // The other threads are stopped before their parts are removed (see finally).
        const fail = (error: unknown) => {
          if (failed) return;
          failed = true;
          void Promise.allSettled(workers.map((worker) => worker.terminate())).then(() => reject(error));
        };
        groups.forEach((names, index) => {
          this.progress[index] = { position: null, eventsApplied: 0 };
          const data: RebuildWorkerData = {
            store: this.options.store,
            projectionsModule: this.options.projectionsModule ?? REGISTRY_PROJECTIONS,
            names,
            partDirectory: writeSnapshots ? (partDirectories[index] as string) : null,
            historyEveryEvents: files.historyEveryEvents,
            checkpointEveryEvents: files.checkpointEveryEvents,
          };
          const worker = new Worker(WORKER_FILE, { workerData: data, ...workerExecArgv() });
          workers.push(worker);
          worker.on('message', (message: RebuildWorkerMessage) => {
            try {
              switch (message.kind) {
                case 'progress':
                  this.progress[index] = { position: message.position, eventsApplied: message.eventsApplied };
                  this.sampleHeap(index, message.heapUsed);
                  break;
                case 'history': {
                  const parts = historyParts.get(message.name) ?? new Map<number, string>();
                  historyParts.set(message.name, parts.set(index, message.file));
                  if (parts.size === groups.length) {
                    const files = groups.map((_, thread) => parts.get(thread) as string);
                    history.merge(message.name, files, order);
                    for (const file of files) fs.rmSync(file, { force: true });
                    historyParts.delete(message.name);
                  }
                  break;
                }
                case 'done':
                  this.progress[index] = { position: message.position, eventsApplied: message.eventsApplied };
                  this.sampleHeap(index, message.heapUsed);
                  done[index] = message;
                  break;
                default: {
                  const unknown: never = message;
                  throw new Error(`Unknown message from a rebuild thread: ${JSON.stringify(unknown)}`);
                }
              }
            } catch (error) {
              fail(error);
            }
          });
          worker.on('error', fail);
          worker.on('exit', (code) => {
            if (done[index] === undefined) return fail(new Error(`A rebuild thread stopped (exit code ${code}) before it was done.`));
            if (++finished === groups.length) resolve(done);
          });
        });
      });
      const [first] = results as [Extract<RebuildWorkerMessage, { kind: 'done' }>];
      if (results.some((result) => result.position !== first.position || result.eventsApplied !== first.eventsApplied)) {
        throw new Error(
          `The store changed during the rebuild (its threads stopped at positions ${results.map((result) => String(result.position)).join(', ')}): stop the service and run the rebuild again.`,
        );
      }
      const latestParts = results.map((result) => result.latest);
      if (writeSnapshots && latestParts.every((part): part is string => part !== null)) mergeSnapshotFiles(files.snapshotFile, latestParts, order);
      const rank = (failure: ProjectionFailure) => order.indexOf(failure.projection);
      const failures = results
        .flatMap((result) => result.failures)
        .sort((a, b) => (a.position === b.position ? rank(a) - rank(b) : a.position < b.position ? -1 : 1));
      return { position: first.position, eventsApplied: first.eventsApplied, failures };
    } finally {
      removeParts();
    }
  }
}

/** Next to this module, with its extension: `.ts` under tsx or jest, `.js` once compiled (dist/). */
const WORKER_FILE = path.join(__dirname, `rebuildWorker${path.extname(__filename)}`);

/**
 * A `.ts` worker needs TypeScript loaded in its thread: `--import tsx` of the main thread does not
 * reach workers on Node 20, so the worker gets tsx's CommonJS hook (the project compiles to
 * CommonJS). Compiled `.js` workers inherit the process's options.
 */
const workerExecArgv = (): { execArgv?: string[] } => (path.extname(WORKER_FILE) === '.ts' ? { execArgv: ['--require', require.resolve('tsx/cjs')] } : {});
