/** Numbers by index, as readers see a NumberColumn. */
export interface ReadonlyNumberColumn extends Iterable<number> {
  readonly length: number;
  /** The number at `index`; undefined past the end. */
  get(index: number): number | undefined;
}


/**
 * Numbers by index, appended as events arrive (a read model's per-event columns), held in a typed
 * array that doubles as it fills.
 *
 * Why not a plain array: a snapshot stores these columns as typed arrays, and turning 800k
 * numbers back into a plain array, ten columns of them, took about 45 ms of every load, and plain
 * arrays of numbers live on the V8 heap, where the collector visits them. A typed array comes out
 * of the snapshot as it is, lives outside the heap, and grows by one copy of its memory (the
 * first event after a load doubles it).
 */
export class NumberColumn<Values extends Int32Array | Float64Array> implements ReadonlyNumberColumn {
  private constructor(
    private values: Values,
    private count: number,
  ) {}

  /** An empty column of 32-bit integers (codes, dates as YYYYMMDD, indexes). */
  static ofIntegers(): NumberColumn<Int32Array> {
    return new NumberColumn(new Int32Array(1024), 0);
  }

  /** An empty column of doubles (positions, instants in milliseconds). */
  static ofDoubles(): NumberColumn<Float64Array> {
    return new NumberColumn(new Float64Array(1024), 0);
  }

  /** The column `stored` holds (as `stored` gave it), taking it over rather than copying it. */
  static of<Values extends Int32Array | Float64Array>(stored: Values): NumberColumn<Values> {
    return new NumberColumn(stored, stored.length);
  }

  get length(): number {
    return this.count;
  }

  get(index: number): number | undefined {
    return index >= 0 && index < this.count ? this.values[index] : undefined;
  }

  set(index: number, value: number): void {
    if (!(index >= 0 && index < this.count)) throw new RangeError(`no number ${index} (${this.count} held)`);
    this.values[index] = value;
  }

  push(value: number): void {
    if (this.count === this.values.length) {
      const grown = new (this.values.constructor as new (length: number) => Values)(Math.max(1024, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count] = value;
    this.count += 1;
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (let index = 0; index < this.count; index += 1) yield this.values[index] as number;
  }

  /** The numbers held, for a snapshot: a view of them, not a copy (v8.serialize copies it). */
  stored(): Values {
    return this.values.subarray(0, this.count) as Values;
  }
}
