import path from 'node:path';

/** Where read-model snapshots live under the data directory; shared by the service and scripts. */
export const readModelFiles = (dataDir: string) => ({
  snapshotFile: path.join(dataDir, 'read-models', 'latest.v8'),
  historyDirectory: path.join(dataDir, 'read-models', 'history'),
  /** A history snapshot every this many events: registry-as-of replays at most this many. */
  historyEveryEvents: 50_000,
  /**
   * History snapshots kept (see HistorySnapshots): 24 keeps every one up to 1.2M events, so an
   * as-of replays at most 50k events there; beyond, thinning doubles some gaps. At 1M events the
   * twenty files take about 6 GB (the event store itself, 0.9 GB): disk bought for speed.
   */
  historyKeep: 24,
});
