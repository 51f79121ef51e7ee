import v8 from 'node:v8';

/** Cold records decoded for reading are kept, the most recently read ones: pages of answers are read again. */
const RECENT_READS = 4096;

/**
 * The copies read lately, in two generations of RECENT_READS / 2 at most: when the newer fills,
 * the older is dropped whole. Not one Map kept in order of use and evicting its first key: V8's
 * Map leaves a hole for each entry deleted at its front, and finding the first live key walks the
 * holes (1.4 µs per eviction measured, against 50 ns here; judging a past registry reads 45k).
 */
class RecentReads<T> {
  private newer = new Map<number, T>();
  private older = new Map<number, T>();

  get(index: number): T | undefined {
    const newer = this.newer.get(index);
    if (newer !== undefined) return newer;
    const older = this.older.get(index);
    if (older !== undefined) {
      this.older.delete(index);
      this.set(index, older);
    }
    return older;
  }

  has(index: number): boolean {
    return this.newer.has(index) || this.older.has(index);
  }

  set(index: number, record: T): void {
    this.newer.set(index, record);
    if (this.newer.size >= RECENT_READS / 2) {
      this.older = this.newer;
      this.newer = new Map();
    }
  }

  delete(index: number): void {
    this.newer.delete(index);
    this.older.delete(index);
  }

  clear(): void {
    this.newer = new Map();
    this.older = new Map();
  }
}

/**
 * The records of a read model by index (an agreement's view by its ordinal), each held as an
 * object once the projection has changed it and, until then, as its `v8.serialize` bytes in one
 * buffer shared by all.
 *
 * Why: a read model loaded from a snapshot used to be rebuilt object by object (tens of millions
 * of them at 100k agreements), which made loads slow, and held on the V8 heap, where every
 * young-generation collection walks each page of the old generation (docs/performance.md): the
 * heap's size set every request's tail latency. Bytes in a Buffer live outside the V8 heap and
 * a load decodes nothing. Reading a cold record decodes it (tens of µs) into a small cache of
 * recent reads, not into the store, so reads do not grow the heap back (changes waiting for a
 * cold record are applied to each copy read, see `update`); the projection's direct changes make
 * records objects until the next snapshot encodes them (see `encode`).
 */
export class EncodedRecords<T extends object> implements Iterable<T> {
  private objects: Array<T | undefined>;
  private readonly recent = new RecentReads<T>();
  /** Changes to cold records, in the order they were made, not yet applied (see `update`). */
  private readonly pending = new Map<number, Array<(record: T) => void>>();

  private constructor(
    private bytes: Buffer,
    /** Record i's bytes are bytes[offsets[i], offsets[i + 1]); only read for records held cold. */
    private offsets: Float64Array,
    objects: Array<T | undefined>,
  ) {
    this.objects = objects;
  }

  static empty<T extends object>(): EncodedRecords<T> {
    return new EncodedRecords<T>(Buffer.alloc(0), new Float64Array(1), []);
  }

  /** Records as `encode` wrote them, all cold. */
  static decoded<T extends object>(stored: EncodedRecordsData): EncodedRecords<T> {
    const count = stored.offsets.length - 1;
    if (count < 0 || stored.offsets[count] !== stored.bytes.length) throw new Error('encoded records: offsets do not match the bytes');
    return new EncodedRecords<T>(stored.bytes, stored.offsets, new Array<T | undefined>(count));
  }

  get length(): number {
    return this.objects.length;
  }

  /** The record at `index`, to read: not to be changed (a cold one is a decoded copy). */
  get(index: number): T {
    const object = this.objects[index];
    if (object !== undefined) return object;
    const cached = this.recent.get(index);
    if (cached !== undefined) return cached;
    const decoded = this.decode(index);
    // Changes waiting stay waiting: applied to this copy, and again to the next one decoded, so a
    // read does not keep the record on the heap (a past registry judged whole reads thousands).
    const changes = this.pending.get(index);
    if (changes !== undefined) for (const change of changes) change(decoded);
    this.recent.set(index, decoded);
    return decoded;
  }

  /** The record at `index`, to change in place: from now on it is held as an object. */
  mutable(index: number): T {
    let object = this.objects[index];
    if (object === undefined) {
      const changes = this.pending.get(index);
      this.pending.delete(index);
      const read = this.recent.get(index);
      if (read !== undefined) {
        // A copy read lately already has every waiting change (see get).
        object = read;
        this.recent.delete(index);
      } else {
        object = this.decode(index);
        if (changes !== undefined) for (const change of changes) change(object);
      }
      this.objects[index] = object;
    }
    return object;
  }

  /**
   * Applies `change` to the record at `index`: at once if it is held as an object or was read
   * lately, otherwise to each copy a read decodes, and for good when the record is next changed or
   * encoded. So it may run several times, each on another copy: it must read only the record and
   * what it captured, so that applying it later gives what applying it now would; it must not
   * change what it captured (objects it puts into the record are shared by every copy, and must
   * not be changed later either); it must not throw (it may run inside a query or a snapshot
   * write, where no projection failure can be reported); and it should capture values, not whole
   * events, which it would keep alive.
   *
   * Why: two thirds of all events (milestones, work plans, revisions, amendments) change a few
   * fields of a view. Replaying 69k events after a history snapshot at 1M events touched some 20k
   * views, and decoding each (about 20 µs, then collecting it) cost more than the rest of the
   * replay, while the registry as of that instant reads only a page of them.
   */
  update(index: number, change: (record: T) => void): void {
    if (this.objects[index] !== undefined || this.recent.has(index)) {
      change(this.mutable(index));
      return;
    }
    if (!Number.isInteger(index) || index < 0 || index >= this.objects.length) throw new RangeError(`no record ${index} (${this.objects.length} held)`);
    const changes = this.pending.get(index);
    if (changes === undefined) this.pending.set(index, [change]);
    else changes.push(change);
  }

  push(record: T): void {
    this.objects.push(record);
  }

  /** Replaces the record at `index` (one past the last appends), dropping any change waiting for it. */
  set(index: number, record: T): void {
    if (!Number.isInteger(index) || index < 0 || index > this.objects.length) throw new RangeError(`no record ${index} (${this.objects.length} held)`);
    this.objects[index] = record;
    this.pending.delete(index);
    this.recent.delete(index);
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let index = 0; index < this.objects.length; index += 1) yield this.get(index);
  }

  /**
   * Every record as bytes, for a snapshot: cold ones are copied as they are, without decoding.
   * The store then holds every record as these bytes and lets go of its objects (a view an
   * earlier `get` returned stays readable, as a copy): so the heap a rebuild or a long live run
   * built up goes back off the V8 heap at each snapshot, and the next snapshot encodes only the
   * records changed since.
   */
  encode(): EncodedRecordsData {
    for (const index of [...this.pending.keys()]) this.mutable(index);
    const parts: Buffer[] = [];
    const offsets = new Float64Array(this.objects.length + 1);
    let length = 0;
    for (let index = 0; index < this.objects.length; index += 1) {
      const object = this.objects[index];
      const part = object === undefined ? this.bytes.subarray(this.offsets[index] as number, this.offsets[index + 1] as number) : v8.serialize(object);
      parts.push(part);
      length += part.length;
      offsets[index + 1] = length;
    }
    const encoded = { bytes: Buffer.concat(parts, length), offsets };
    this.bytes = encoded.bytes;
    this.offsets = offsets;
    this.objects = new Array<T | undefined>(this.objects.length);
    this.recent.clear();
    return encoded;
  }

  private decode(index: number): T {
    if (index < 0 || index >= this.objects.length) throw new RangeError(`no record ${index} (${this.objects.length} held)`);
    return v8.deserialize(this.bytes.subarray(this.offsets[index] as number, this.offsets[index + 1] as number)) as T;
  }
}

/** What EncodedRecords.encode gives and EncodedRecords.decoded takes (plain data for v8.serialize). */
export interface EncodedRecordsData {
  readonly bytes: Buffer;
  readonly offsets: Float64Array;
}

/** Records by index, as RecordsByKey reads them (an EncodedRecords, or a model's view list). */
export interface RecordsByIndex<T> {
  get(index: number): T;
}

/**
 * A read-only map from keys to records by their index: what a model exposes as `Map<id, record>`
 * while its records are held encoded (reads decode as EncodedRecords.get does). With `shown`, only
 * the records whose index it accepts are seen: a reader's restricted view of the same records,
 * answered without decoding any (`size` then counts them, unless given).
 */
export class RecordsByKey<K, T> implements ReadonlyMap<K, T> {
  constructor(
    private readonly indexes: ReadonlyMap<K, number>,
    private readonly records: RecordsByIndex<T>,
    private readonly shown?: { readonly index: (index: number) => boolean; readonly size: number },
  ) {}

  get size(): number {
    return this.shown?.size ?? this.indexes.size;
  }

  get(key: K): T | undefined {
    const index = this.indexOf(key);
    return index === undefined ? undefined : this.records.get(index);
  }

  has(key: K): boolean {
    return this.indexOf(key) !== undefined;
  }

  *entries(): IterableIterator<[K, T]> {
    for (const [key, index] of this.indexes) if (this.shown === undefined || this.shown.index(index)) yield [key, this.records.get(index)];
  }

  *keys(): IterableIterator<K> {
    for (const [key, index] of this.indexes) if (this.shown === undefined || this.shown.index(index)) yield key;
  }

  *values(): IterableIterator<T> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: T, key: K, map: ReadonlyMap<K, T>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): IterableIterator<[K, T]> {
    return this.entries();
  }

  private indexOf(key: K): number | undefined {
    const index = this.indexes.get(key);
    return index === undefined || (this.shown !== undefined && !this.shown.index(index)) ? undefined : index;
  }
}
