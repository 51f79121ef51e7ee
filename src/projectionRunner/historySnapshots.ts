import fs from 'node:fs';
import path from 'node:path';
import { readSnapshot, writeSnapshot, type Snapshot } from './snapshotFile';

interface Entry {
  readonly file: string;
  readonly position: bigint;
  /** recordedAt of the last event folded, as epoch milliseconds (for ordering and lookup). */
  readonly recordedAtMillis: number;
}

const NAME = /^at-(\d+)-(\d+)\.v8$/;

/**
 * Snapshots of the read models kept along the log, every N events, so that "the registry as of
 * an instant" loads the nearest earlier one and replays only what follows it. File names carry
 * the position and recorded instant, so finding one never opens the others.
 */
export class HistorySnapshots {
  constructor(private readonly directory: string) {}

  write(snapshot: Snapshot): void {
    if (snapshot.recordedAt === null) return;
    const millis = Date.parse(snapshot.recordedAt);
    if (Number.isNaN(millis)) return;
    writeSnapshot(path.join(this.directory, `at-${snapshot.position}-${millis}.v8`), snapshot);
  }

  /** The latest usable snapshot whose last event was recorded at or before `instantMillis`. */
  latestAtOrBefore(instantMillis: number, versions: Readonly<Record<string, number>>): Snapshot | undefined {
    const candidates = this.entries()
      .filter((entry) => entry.recordedAtMillis <= instantMillis)
      .sort((a, b) => (a.position < b.position ? 1 : -1));
    for (const candidate of candidates) {
      const load = readSnapshot(candidate.file, versions);
      if (load.kind === 'loaded') return load.snapshot;
    }
    return undefined;
  }

  /** Drops every snapshot: after a rebuild with new projection versions they are all stale. */
  clear(): void {
    for (const entry of this.entries()) fs.rmSync(entry.file, { force: true });
  }

  private entries(): Entry[] {
    if (!fs.existsSync(this.directory)) return [];
    return fs.readdirSync(this.directory).flatMap((name) => {
      const match = NAME.exec(name);
      return match ? [{ file: path.join(this.directory, name), position: BigInt(match[1] as string), recordedAtMillis: Number(match[2]) }] : [];
    });
  }
}
