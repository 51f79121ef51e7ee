import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

/** Bumped when the snapshot envelope itself changes. */
const FORMAT = 1;

export interface Snapshot {
  /** Global position of the last event folded into the models. */
  readonly position: bigint;
  /** recordedAt of that event, so time travel can pick a snapshot by recorded instant. */
  readonly recordedAt: string | null;
  /** Version of each projection that built its model. */
  readonly versions: Readonly<Record<string, number>>;
  readonly models: Readonly<Record<string, unknown>>;
}

export type SnapshotLoad =
  | { readonly kind: 'loaded'; readonly snapshot: Snapshot }
  | { readonly kind: 'absent' }
  | { readonly kind: 'discarded'; readonly reason: string };

/**
 * Read models written whole with `v8.serialize` (it keeps Map, Set and bigint, which JSON does
 * not). Written to a temporary file and renamed, so a crash mid-write leaves the old snapshot.
 */
export const writeSnapshot = (file: string, snapshot: Snapshot): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, v8.serialize({ format: FORMAT, ...snapshot }));
  fs.renameSync(temporary, file);
};

/**
 * Loads a snapshot only if every projection's version matches the running code: a model built by
 * other code is never loaded, it is discarded and rebuilt from the store.
 */
export const readSnapshot = (file: string, expectedVersions: Readonly<Record<string, number>>): SnapshotLoad => {
  if (!fs.existsSync(file)) return { kind: 'absent' };
  let stored: Snapshot & { format?: unknown };
  try {
    stored = v8.deserialize(fs.readFileSync(file)) as Snapshot & { format?: unknown };
  } catch (error) {
    return { kind: 'discarded', reason: `unreadable (${error instanceof Error ? error.message : String(error)})` };
  }
  if (stored.format !== FORMAT) return { kind: 'discarded', reason: `snapshot format ${String(stored.format)}, expected ${FORMAT}` };
  const mismatch = Object.entries(expectedVersions).find(([name, version]) => stored.versions?.[name] !== version);
  if (mismatch) {
    const [name, version] = mismatch;
    return { kind: 'discarded', reason: `projection ${name} is at version ${version}, the snapshot has ${String(stored.versions?.[name])}` };
  }
  const extra = Object.keys(stored.versions ?? {}).find((name) => !(name in expectedVersions));
  if (extra) return { kind: 'discarded', reason: `the snapshot holds projection ${extra}, which no longer exists` };
  return { kind: 'loaded', snapshot: { position: stored.position, recordedAt: stored.recordedAt, versions: stored.versions, models: stored.models } };
};
