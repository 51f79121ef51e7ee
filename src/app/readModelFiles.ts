import path from 'node:path';

/** Where read-model snapshots live under the data directory; shared by the service and scripts. */
export const readModelFiles = (dataDir: string) => ({
  snapshotFile: path.join(dataDir, 'read-models', 'latest.v8'),
  historyDirectory: path.join(dataDir, 'read-models', 'history'),
  /** A history snapshot every this many events: registry-as-of replays at most this many. */
  historyEveryEvents: 100_000,
  /**
   * History snapshots kept (see HistorySnapshots): 12 keeps every one up to 1.2M events, so an
   * as-of replays at most 100k events there; beyond, thinning doubles some gaps. At 1M events the
   * ten files take about 3.4 GB.
   */
  historyKeep: 12,
});
