import type { StoreConfig } from '../config/config';
import type { ProjectionFailure } from '../projectionRunner/projectionRunner';

/** A module that exports a list of projections (functions cannot be posted to a thread). */
export interface ProjectionsModule {
  /** Absolute path, as `require.resolve` gives it. */
  readonly path: string;
  readonly exportName: string;
}

/** What a rebuild thread is given (see rebuildWorker.ts). */
export interface RebuildWorkerData {
  readonly store: StoreConfig;
  readonly projectionsModule: ProjectionsModule;
  /** The projections this thread folds, by name. */
  readonly names: readonly string[];
  /** Where the thread writes its parts of the snapshots; null: no snapshots. */
  readonly partDirectory: string | null;
  readonly historyEveryEvents: number;
  readonly checkpointEveryEvents: number;
}

/** What a rebuild thread posts back, in this order: progress and history parts, then done once. */
export type RebuildWorkerMessage =
  | { readonly kind: 'progress'; readonly position: bigint | null; readonly eventsApplied: number; readonly heapUsed: number }
  /** Its part of the history snapshot kept as `name` (HistorySnapshots.fileName) is in `file`. */
  | { readonly kind: 'history'; readonly name: string; readonly file: string }
  | {
      readonly kind: 'done';
      readonly position: bigint | null;
      readonly eventsApplied: number;
      readonly heapUsed: number;
      readonly failures: readonly ProjectionFailure[];
      /** Its part of the latest snapshot; null when none was written (a projection failed). */
      readonly latest: string | null;
    };
