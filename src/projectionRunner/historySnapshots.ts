import fs from 'node:fs';
import path from 'node:path';
import { lendableFields, type Projection } from './projection';
import { mergeSnapshotFiles, readSnapshot, readSnapshotParts, writeSnapshot, type Snapshot, type SnapshotOrigin } from './snapshotFile';

interface Entry {
  readonly file: string;
  readonly position: bigint;
  /** The latest recordedAt of the events folded, as epoch milliseconds (for ordering and lookup). */
  readonly recordedAtMillis: number;
}

const NAME = /^at-(\d+)-(\d+)\.v8$/;

/**
 * Snapshots of the read models kept along the log, every N events, so that "the registry as of
 * an instant" loads the nearest earlier one and replays only what follows it. File names carry
 * the position and recorded instant, so finding one never opens the others.
 */
export class HistorySnapshots {
  /**
   * @param keep at most this many snapshots: each holds every read model whole, so their number,
   * not their spacing, bounds the disk they take. When one too many exists, the one closest to its
   * predecessor goes, which keeps the rest spread along the log.
   */
  constructor(
    private readonly directory: string,
    private readonly keep: number,
  ) {}

  /** The file name a snapshot is kept under; undefined (not kept) without a recorded instant. */
  static fileName(snapshot: Snapshot): string | undefined {
    if (snapshot.recordedAt === null) return undefined;
    const millis = Date.parse(snapshot.recordedAt);
    return Number.isNaN(millis) ? undefined : `at-${snapshot.position}-${millis}.v8`;
  }

  write(snapshot: Snapshot, projections: readonly Projection<unknown>[] = []): void {
    const name = HistorySnapshots.fileName(snapshot);
    if (name === undefined) return;
    writeSnapshot(path.join(this.directory, name), snapshot, projections);
    this.thin();
  }

  /**
   * Keeps a copy of `file`, a snapshot file just written for `snapshot`: what `write` would write,
   * without encoding every model a second time (seconds at 1M events, against a file copy).
   */
  copy(file: string, snapshot: Snapshot): void {
    const name = HistorySnapshots.fileName(snapshot);
    if (name === undefined) return;
    const target = path.join(this.directory, name);
    fs.mkdirSync(this.directory, { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      fs.copyFileSync(file, temporary);
      fs.renameSync(temporary, target);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
    this.thin();
  }

  /**
   * Keeps, under `name` (see fileName), the snapshot written in `parts` that each hold some of the
   * models (by a rebuild's threads), merged into one file as `write` would have written it.
   */
  merge(name: string, parts: readonly string[], order: readonly string[]): void {
    if (!NAME.test(name)) throw new Error(`${name} is not the name of a history snapshot`);
    mergeSnapshotFiles(path.join(this.directory, name), parts, order);
    this.thin();
  }

  private thin(): void {
    const entries = this.entries().sort((a, b) => (a.position < b.position ? -1 : 1));
    while (entries.length > this.keep) {
      // Never the newest; among the others, the one with the smallest gap to its predecessor.
      let victim = 1;
      for (let index = 2; index < entries.length - 1; index++) {
        const gap = (entries[index] as Entry).position - (entries[index - 1] as Entry).position;
        const best = (entries[victim] as Entry).position - (entries[victim - 1] as Entry).position;
        if (gap < best) victim = index;
      }
      fs.rmSync((entries[victim] as Entry).file, { force: true });
      entries.splice(victim, 1);
    }
  }

  /**
   * The latest usable snapshot whose events were all recorded at or before `instantMillis`, with
   * the models of `projections` only (at their versions), decoded by their codecs, to be folded
   * to that instant (without their lendable fields' history). Usable: folded from the log `origin`
   * checks against.
   */
  async latestAtOrBefore(instantMillis: number, projections: readonly Projection<unknown>[], origin: SnapshotOrigin): Promise<Snapshot | undefined> {
    const versions = Object.fromEntries(projections.map((projection) => [projection.name, projection.version]));
    const only = projections.map((projection) => projection.name);
    const candidates = this.entries()
      .filter((entry) => entry.recordedAtMillis <= instantMillis)
      .sort((a, b) => (a.position < b.position ? 1 : -1));
    for (const candidate of candidates) {
      const load = await readSnapshot(candidate.file, versions, { only, projections, origin, withoutHistory: true });
      if (load.kind === 'loaded') return load.snapshot;
    }
    return undefined;
  }

  /**
   * The lendable field of `projection`'s model and its history (see SnapshotCodec.lendable), as
   * stored, in the usable snapshot of lowest position that folded an event recorded after
   * `instantMillis`: what a model folded to that instant may borrow. Any snapshot would be right
   * to borrow from (what is lent says which state it is valid for); the nearest has the fewest
   * changes since the instant, so it lends the most. Undefined when the projection lends nothing
   * or no later snapshot has it.
   */
  async lendableAfter(instantMillis: number, projection: Projection<unknown>, origin: SnapshotOrigin): Promise<{ readonly stored: unknown; readonly history: unknown } | undefined> {
    const lendable = projection.snapshot?.lendable;
    if (lendable === undefined) return undefined;
    const fields = lendableFields(projection.snapshot);
    const candidates = this.entries()
      .filter((entry) => entry.recordedAtMillis > instantMillis)
      .sort((a, b) => (a.position < b.position ? -1 : 1));
    for (const candidate of candidates) {
      const load = await readSnapshotParts(candidate.file, projection.name, projection.version, fields, origin).catch(() => undefined);
      if (load?.kind === 'loaded') return { stored: load.values[lendable.field], history: lendable.history === undefined ? undefined : load.values[lendable.history] };
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
