import path from 'node:path';
import type { HistoryConfig } from '../config/config';

/** Where read-model snapshots live under the data directory, and how history snapshots are kept; shared by the service and scripts. */
export const readModelFiles = (dataDir: string, history: HistoryConfig) => ({
  snapshotFile: path.join(dataDir, 'read-models', 'latest.v8'),
  /**
   * The latest snapshot, what a restart loads, is written every this many events (and at shutdown),
   * whatever the history's spacing: each write at a million events takes about a second.
   */
  snapshotEveryEvents: 50_000,
  historyDirectory: path.join(dataDir, 'read-models', 'history'),
  /** A history snapshot every this many events: registry-as-of replays at most this many. */
  historyEveryEvents: history.everyEvents,
  /**
   * The lendable caches (the audit's judged findings) are checkpointed every tenth of the history
   * spacing, nine times between two history snapshots: an as-of query then borrows judgements made
   * within a tenth of the spacing after its instant, while the history is as written (thinning
   * widens the gaps; see SnapshotCodec.lendable). Each costs judging what changed since the last.
   */
  checkpointEveryEvents: Math.max(1, Math.floor(history.everyEvents / 10)),
  /** History snapshots kept (see HistorySnapshots). */
  historyKeep: history.keep,
});
