import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { lendableFields, type Projection, type SnapshotCodec } from './projection';

/**
 * Bumped when the snapshot envelope itself changes. 2: one section per read model, so a reader
 * can load only the models it needs (format 1 was one `v8.serialize` of everything). A model's
 * lendable field and its history have sections of their own (see partSection): which sections a
 * model has is its projection's affair, told by its version, so that did not change the
 * envelope. 3: the header names the last event folded (see SnapshotOrigin).
 */
const FORMAT = 3;
/** First bytes of a sectioned snapshot, ending with its format; a format 1 file starts with v8's own tag instead. */
const MAGIC = Buffer.from(`RMSNAP\u0000${String.fromCharCode(FORMAT)}`, 'latin1');
const HEADER_AT = MAGIC.length + 4;

export interface Snapshot {
  /** Global position of the last event folded into the models. */
  readonly position: bigint;
  /** Id of that event: the position alone does not say which log the models were folded from. */
  readonly lastEventId: string;
  /** The latest recordedAt of the events folded (see RECORDING_LAG_MS), so time travel can pick a snapshot by recorded instant. */
  readonly recordedAt: string | null;
  /** Version of each projection that built its model. */
  readonly versions: Readonly<Record<string, number>>;
  /** Every model of the snapshot, or only those asked for (see readSnapshot's `only`). */
  readonly models: Readonly<Record<string, unknown>>;
}

export type SnapshotLoad =
  | { readonly kind: 'loaded'; readonly snapshot: Snapshot }
  | { readonly kind: 'absent' }
  | { readonly kind: 'discarded'; readonly reason: string };

interface Header {
  readonly format: number;
  readonly position: bigint;
  readonly lastEventId: string;
  readonly recordedAt: string | null;
  readonly versions: Readonly<Record<string, number>>;
  /** Name and byte length of each section (a model's, or its lendable field's), in file order after the header. */
  readonly sections: ReadonlyArray<readonly [string, number]>;
}

const codecOf = (projections: readonly Projection<unknown>[], name: string) => projections.find((projection) => projection.name === name)?.snapshot;

/**
 * A lendable field's section, or its history's (see SnapshotCodec.lendable), is named after its
 * model and the field, `${model}/${field}`, and follows its model's section.
 */
const PART_SEPARATOR = '/';
const partSection = (model: string, field: string) => `${model}${PART_SEPARATOR}${field}`;
const modelOfSection = (section: string) => section.split(PART_SEPARATOR, 1)[0] as string;

const sectionOf = (value: unknown): Section => {
  const bytes = v8.serialize(value);
  return { length: bytes.length, writeTo: (descriptor) => fs.writeSync(descriptor, bytes) };
};

const encodeSections = (name: string, model: unknown, codec: SnapshotCodec<unknown> | undefined): Array<[string, Section]> => {
  // A name with the separator would be read back as a field of another model.
  if (name.includes(PART_SEPARATOR)) throw new Error(`a read model's name cannot contain ${PART_SEPARATOR}: ${name}`);
  if (!codec) return [[name, sectionOf(model)]];
  const encoded = codec.encode(model);
  const fields = lendableFields(codec);
  if (fields.length === 0) return [[name, sectionOf(encoded)]];
  if (typeof encoded !== 'object' || encoded === null || Object.getPrototypeOf(encoded) !== Object.prototype) {
    throw new Error(`the snapshot codec of ${name} lends a field, so it must encode a plain object`);
  }
  const rest: Record<string, unknown> = { ...(encoded as Record<string, unknown>) };
  const parts = fields.map((field): [string, Section] => {
    const part = rest[field];
    delete rest[field];
    return [partSection(name, field), sectionOf(part)];
  });
  return [[name, sectionOf(rest)], ...parts];
};

/**
 * Read models written with `v8.serialize` (it keeps Map, Set, bigint and typed arrays, which JSON
 * does not), one section per model after a small header (and one per lendable field, see partSection),
 * each model through its projection's codec if it has one. Written to a temporary file and
 * renamed, so a crash mid-write leaves the old snapshot.
 */
export const writeSnapshot = (file: string, snapshot: Snapshot, projections: readonly Projection<unknown>[] = []): void => {
  const sections = Object.entries(snapshot.models).flatMap(([name, model]) => encodeSections(name, model, codecOf(projections, name)));
  writeSections(file, snapshot, sections);
};

/** A section's bytes, written where the file is being written. */
interface Section {
  readonly length: number;
  readonly writeTo: (descriptor: number) => void;
}

const writeSections = (file: string, { position, lastEventId, recordedAt, versions }: Omit<Snapshot, 'models'>, sections: ReadonlyArray<readonly [string, Section]>): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const header: Header = { format: FORMAT, position, lastEventId, recordedAt, versions, sections: sections.map(([name, section]) => [name, section.length]) };
  const headerBytes = v8.serialize(header);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const temporary = `${file}.${process.pid}.tmp`;
  const descriptor = fs.openSync(temporary, 'w');
  try {
    try {
      for (const bytes of [MAGIC, length, headerBytes]) fs.writeSync(descriptor, bytes);
      for (const [, section] of sections) section.writeTo(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    // A part written to a full disk would stay there, hundreds of megabytes, under no name a
    // snapshot is looked for by.
    fs.rmSync(temporary, { force: true });
    throw error;
  }
};

const COPY_CHUNK = 8 * 2 ** 20;

/** The header of an open snapshot file, and each section as a copy from it (not read until written). */
const sectionsOf = (file: string, descriptor: number): { readonly header: Header; readonly sections: ReadonlyMap<string, Section> } => {
  const readAt = (length: number, position: number) => {
    const buffer = Buffer.allocUnsafe(length);
    if (fs.readSync(descriptor, buffer, 0, length, position) !== length) throw new Error(`${file} ends early`);
    return buffer;
  };
  const start = readAt(HEADER_AT, 0);
  if (!start.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${file} is not a snapshot of format ${FORMAT}`);
  const headerLength = start.readUInt32LE(MAGIC.length);
  const header = v8.deserialize(readAt(headerLength, HEADER_AT)) as Header;
  if (header.format !== FORMAT) throw new Error(`${file} is a snapshot of format ${String(header.format)}, expected ${FORMAT}`);
  const sections = new Map<string, Section>();
  let offset = HEADER_AT + headerLength;
  for (const [name, length] of header.sections) {
    const from = offset;
    sections.set(name, {
      length,
      // In chunks: a section of the largest model is hundreds of megabytes.
      writeTo: (target) => {
        for (let done = 0; done < length; done += COPY_CHUNK) fs.writeSync(target, readAt(Math.min(COPY_CHUNK, length - done), from + done));
      },
    });
    offset += length;
  }
  if (offset !== fs.fstatSync(descriptor).size) throw new Error(`${file} does not end where its sections do`);
  return { header, sections };
};

/**
 * Writes into `file` one snapshot made of `parts`, snapshots taken at the same position that each
 * hold other models (a rebuild's threads each write their own): sections are copied, not decoded,
 * in the order of `order` (the projections' names, as one runner would write them), with every
 * part's projection versions. The result is the file one runner folding every model would write.
 * @throws Error when the parts do not end at one event or share a model.
 */
export const mergeSnapshotFiles = (file: string, parts: readonly string[], order: readonly string[]): void => {
  const descriptors: number[] = [];
  try {
    const read = parts.map((part) => {
      const descriptor = fs.openSync(part, 'r');
      descriptors.push(descriptor);
      return sectionsOf(part, descriptor);
    });
    const first = read[0]?.header;
    if (first === undefined) throw new Error(`no parts to merge into ${file}`);
    const models = new Map<string, { readonly version: number; readonly section: Section }>();
    for (const { header, sections } of read) {
      if (header.position !== first.position || header.lastEventId !== first.lastEventId || header.recordedAt !== first.recordedAt) {
        throw new Error(`snapshot parts of ${file} end at different events (${first.lastEventId} at ${first.position}, ${header.lastEventId} at ${header.position})`);
      }
      for (const [name, section] of sections) {
        const version = header.versions[modelOfSection(name)];
        if (models.has(name) || version === undefined) throw new Error(`snapshot parts of ${file} disagree on model ${name}`);
        models.set(name, { version, section });
      }
    }
    // A lendable field's section stays after its model's (the sort is stable).
    const rank = (name: string) => (order.includes(modelOfSection(name)) ? order.indexOf(modelOfSection(name)) : order.length);
    const names = [...models.keys()].sort((a, b) => rank(a) - rank(b));
    const model = (name: string) => models.get(name) as { readonly version: number; readonly section: Section };
    writeSections(
      file,
      { position: first.position, lastEventId: first.lastEventId, recordedAt: first.recordedAt, versions: Object.fromEntries(names.map((name) => [modelOfSection(name), model(name).version])) },
      names.map((name) => [name, model(name).section]),
    );
  } finally {
    for (const descriptor of descriptors) fs.closeSync(descriptor);
  }
};

export interface ReadSnapshotOptions {
  /**
   * Load only these models (by projection name): time travel reads what a query needs. The
   * snapshot may then hold other models too; the versions of those asked for must still match.
   */
  readonly only?: readonly string[];
  /** The projections whose codecs decode their models (see Projection.snapshot). */
  readonly projections?: readonly Projection<unknown>[];
  /** Checks the snapshot was folded from the store's log; without it, it is taken on trust (diagnostics). */
  readonly origin?: SnapshotOrigin;
  /**
   * Leaves out each lendable field's history (SnapshotCodec.lendable.history): a model folded to
   * an instant is never written again, so it does not need what only its next snapshots carry.
   */
  readonly withoutHistory?: boolean;
}

/**
 * Whether the store's log holds, at a snapshot's position, the very event the snapshot ends with
 * (see logOrigin). A position alone does not name a log: another log (the other store kind, which
 * shares the data directory; a store emptied and written again) has other events at it, and its
 * snapshot loaded here would serve another registry's read models as this one's.
 */
export type SnapshotOrigin = (position: bigint, lastEventId: string) => Promise<boolean>;

/** Why a snapshot is not of the log `origin` checks against, if it is not (a check that fails counts as not). */
const originMismatch = async (origin: SnapshotOrigin | undefined, { position, lastEventId }: Header): Promise<NotLoaded | undefined> => {
  if (origin === undefined) return undefined;
  try {
    if (await origin(position, lastEventId)) return undefined;
    return { kind: 'discarded', reason: `the store has no event ${lastEventId} at position ${position}, the snapshot's last: it was folded from another log` };
  } catch (error) {
    return { kind: 'discarded', reason: `its last event could not be checked against the store (${error instanceof Error ? error.message : String(error)})` };
  }
};

/** Reads exactly `length` bytes at `position` on the thread pool (fs.promises), so the main thread is free meanwhile. */
const readExactly = async (handle: fs.promises.FileHandle, length: number, position: number): Promise<Buffer> => {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('the file ends early');
    done += bytesRead;
  }
  return buffer;
};

type NotLoaded = Exclude<SnapshotLoad, { kind: 'loaded' }>;

interface OpenedSnapshot {
  readonly kind: 'opened';
  /** Closed by whoever opened it. */
  readonly handle: fs.promises.FileHandle;
  readonly header: Header;
  /** Where the first section starts. */
  readonly firstSection: number;
}

const unreadable = (error: unknown): NotLoaded => ({ kind: 'discarded', reason: `unreadable (${error instanceof Error ? error.message : String(error)})` });

/** Opens a snapshot file and reads its header, or says why it cannot be used (and closes it). */
const openSnapshot = async (file: string): Promise<OpenedSnapshot | NotLoaded> => {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return unreadable(error);
  }
  let refused: NotLoaded;
  try {
    const start = await readExactly(handle, HEADER_AT, 0);
    if (!start.subarray(0, MAGIC.length).equals(MAGIC)) {
      refused = { kind: 'discarded', reason: `snapshot of an older format, expected ${FORMAT}` };
    } else {
      const headerLength = start.readUInt32LE(MAGIC.length);
      const header = v8.deserialize(await readExactly(handle, headerLength, HEADER_AT)) as Header;
      if (header.format === FORMAT) return { kind: 'opened', handle, header, firstSection: HEADER_AT + headerLength };
      refused = { kind: 'discarded', reason: `snapshot format ${String(header.format)}, expected ${FORMAT}` };
    }
  } catch (error) {
    refused = unreadable(error);
  }
  await handle.close();
  return refused;
};

const versionMismatch = (header: Header, expectedVersions: Readonly<Record<string, number>>): NotLoaded | undefined => {
  const mismatch = Object.entries(expectedVersions).find(([name, version]) => header.versions?.[name] !== version);
  if (!mismatch) return undefined;
  const [name, version] = mismatch;
  return { kind: 'discarded', reason: `projection ${name} is at version ${version}, the snapshot has ${String(header.versions?.[name])}` };
};

/**
 * Loads a snapshot only if every projection's version matches the running code: a model built by
 * other code is never loaded, it is discarded and rebuilt from the store.
 *
 * Every wanted section is read at once on the thread pool, and each is deserialised as soon as it
 * is in, whichever comes first: reading the large sections overlaps deserialising the others,
 * which is all main-thread work. A model is decoded once all its sections are in.
 */
export const readSnapshot = async (file: string, expectedVersions: Readonly<Record<string, number>>, options: ReadSnapshotOptions = {}): Promise<SnapshotLoad> => {
  const opened = await openSnapshot(file);
  if (opened.kind !== 'opened') return opened;
  const { handle, header } = opened;
  try {
    // Before any section is read: one event read, where a foreign snapshot is hundreds of megabytes.
    const mismatch = versionMismatch(header, expectedVersions) ?? (await originMismatch(options.origin, header));
    if (mismatch) return mismatch;
    const wanted = options.only === undefined ? undefined : new Set(options.only);
    if (wanted === undefined) {
      const extra = Object.keys(header.versions ?? {}).find((name) => !(name in expectedVersions));
      if (extra) return { kind: 'discarded', reason: `the snapshot holds projection ${extra}, which no longer exists` };
    }
    const reads = new Map<string, Promise<{ readonly name: string; readonly bytes: Buffer }>>();
    /** Sections not yet in, by model. */
    const pending = new Map<string, number>();
    let offset = opened.firstSection;
    const leftOut = new Set(
      options.withoutHistory
        ? (options.projections ?? []).flatMap(({ name, snapshot }) => (snapshot?.lendable?.history === undefined ? [] : [partSection(name, snapshot.lendable.history)]))
        : [],
    );
    for (const [name, length] of header.sections) {
      const model = modelOfSection(name);
      if ((wanted === undefined || wanted.has(model)) && !leftOut.has(name)) {
        reads.set(name, readExactly(handle, length, offset).then((bytes) => ({ name, bytes })));
        pending.set(model, (pending.get(model) ?? 0) + 1);
      }
      offset += length;
    }
    // Every read is awaited, even after one failed, so none is left running on a closed file.
    const settled = [...reads.values()].map((read) => read.then(() => undefined, () => undefined));
    const stored = new Map<string, unknown>();
    const parts = new Map<string, Array<readonly [string, unknown]>>();
    const models: Record<string, unknown> = {};
    try {
      // In the order the reads finish: small sections are decoded while a large one is still read.
      while (reads.size > 0) {
        const { name, bytes } = await Promise.race(reads.values());
        // Each section's bytes are let go once decoded: only those not yet decoded are held.
        reads.delete(name);
        const model = modelOfSection(name);
        const value = v8.deserialize(bytes);
        if (name === model) stored.set(model, value);
        else parts.set(model, [...(parts.get(model) ?? []), [name.slice(model.length + PART_SEPARATOR.length), value]]);
        const left = (pending.get(model) as number) - 1;
        pending.set(model, left);
        if (left === 0 && stored.has(model)) models[model] = decodeModel(model, stored.get(model), parts.get(model) ?? [], options);
      }
    } catch (error) {
      return unreadable(error);
    } finally {
      await Promise.all(settled);
    }
    const missing = [...(wanted ?? Object.keys(expectedVersions))].find((name) => !(name in models));
    if (missing) return { kind: 'discarded', reason: `the snapshot has no model for projection ${missing}` };
    return { kind: 'loaded', snapshot: { position: header.position, lastEventId: header.lastEventId, recordedAt: header.recordedAt, versions: header.versions, models } };
  } finally {
    await handle.close();
  }
};

const decodeModel = (name: string, stored: unknown, parts: ReadonlyArray<readonly [string, unknown]>, options: ReadSnapshotOptions): unknown => {
  const codec = codecOf(options.projections ?? [], name);
  const needed = lendableFields(codec).filter((field) => !(options.withoutHistory && field === codec?.lendable?.history));
  const missing = needed.find((field) => !parts.some(([part]) => part === field));
  if (missing !== undefined) throw new Error(`the snapshot has no section ${partSection(name, missing)}`);
  if (parts.length > 0) {
    if (typeof stored !== 'object' || stored === null) throw new Error(`the section of ${name} is not an object its parts can join`);
    for (const [field, value] of parts) (stored as Record<string, unknown>)[field] = value;
  }
  return codec ? codec.decode(stored) : stored;
};

export type SnapshotPartLoad = { readonly kind: 'loaded'; readonly values: Readonly<Record<string, unknown>> } | NotLoaded;

/**
 * Reads only the sections of some of a model's lendable fields (see SnapshotCodec.lendable), as
 * stored, if the snapshot's model is of `version` and was folded from `origin`'s log: tens of
 * megabytes where the model is hundreds.
 */
export const readSnapshotParts = async (file: string, projection: string, version: number, fields: readonly string[], origin: SnapshotOrigin): Promise<SnapshotPartLoad> => {
  const opened = await openSnapshot(file);
  if (opened.kind !== 'opened') return opened;
  const { handle, header } = opened;
  try {
    const mismatch = versionMismatch(header, { [projection]: version }) ?? (await originMismatch(origin, header));
    if (mismatch) return mismatch;
    const offsets = new Map<string, readonly [number, number]>();
    let offset = opened.firstSection;
    for (const [name, length] of header.sections) {
      offsets.set(name, [offset, length]);
      offset += length;
    }
    const missing = fields.find((field) => !offsets.has(partSection(projection, field)));
    if (missing !== undefined) return { kind: 'discarded', reason: `the snapshot has no section ${partSection(projection, missing)}` };
    try {
      const read = fields.map(async (field) => {
        const [at, length] = offsets.get(partSection(projection, field)) as readonly [number, number];
        return [field, v8.deserialize(await readExactly(handle, length, at))] as const;
      });
      // Every read is awaited, even after one failed, so none is left running on a closed file.
      const settled = await Promise.allSettled(read);
      const values: Record<string, unknown> = {};
      for (const result of settled) {
        if (result.status === 'rejected') throw result.reason;
        values[result.value[0]] = result.value[1];
      }
      return { kind: 'loaded', values };
    } catch (error) {
      return unreadable(error);
    }
  } finally {
    await handle.close();
  }
};

/** `${target}.${pid}.tmp`: what writeSnapshot (and HistorySnapshots) write before renaming. */
const TEMPORARY_FILE = /\.(\d+)\.tmp$/;

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the snapshot files a process killed mid-write left in `directory` (each hundreds of
 * megabytes on a large registry, under no name a snapshot is looked for by). Files of another
 * process still running (a rebuild writing beside the service) are left alone. Call it before this
 * process writes a snapshot. Returns what it removed.
 */
export const removeAbandonedSnapshotFiles = (directory: string): string[] => {
  let names: string[];
  try {
    names = fs.readdirSync(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMPORARY_FILE.exec(name)?.[1];
    // This process's own pid is a previous process's (a container's node is always pid 1): this
    // runs at start-up, before this process writes any snapshot.
    if (pid === undefined || (Number(pid) !== process.pid && isRunning(Number(pid)))) continue;
    fs.rmSync(path.join(directory, name), { force: true });
    removed.push(name);
  }
  return removed;
};
