import path from 'node:path';

/** Where read-model snapshots live under the data directory; shared by the service and scripts. */
export const readModelFiles = (dataDir: string) => ({
  snapshotFile: path.join(dataDir, 'read-models', 'latest.v8'),
  historyDirectory: path.join(dataDir, 'read-models', 'history'),
  /** A history snapshot every this many events: registry-as-of replays at most this many. */
  historyEveryEvents: 100_000,
});
