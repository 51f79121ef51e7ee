import { packStrings, type PackedStrings } from './packedColumns';

/**
 * Strings by index, appended only (a read model's event ids). Those loaded from a snapshot stay
 * in the few large texts the snapshot packed them into and are sliced out when read; only those
 * appended since are held one by one. A million strings of an object heap would be that many
 * objects in ordinary heap pages, which every young-generation collection walks (see
 * docs/performance.md); a large text is one object of its own, and the offsets are typed arrays
 * outside the V8 heap.
 */
export class StringColumn implements Iterable<string> {
  private readonly appended: string[] = [];

  private constructor(
    private readonly packed: PackedStrings,
    /** Of each packed string: its chunk and where it starts in it. */
    private readonly chunkOf: Uint16Array,
    private readonly startOf: Float64Array,
  ) {}

  static empty(): StringColumn {
    return StringColumn.fromPacked(packStrings([]));
  }

  /** The strings of a PackedStrings (as packStrings wrote them; none may be null). */
  static fromPacked(packed: PackedStrings): StringColumn {
    const { chunks, lengths } = packed;
    const chunkOf = new Uint16Array(lengths.length);
    const startOf = new Float64Array(lengths.length);
    // As packStrings packed them: a string that does not fit what is left of a chunk starts the next.
    let chunk = 0;
    let at = 0;
    for (let index = 0; index < lengths.length; index += 1) {
      const length = lengths[index] as number;
      if (length < 0) throw new Error(`string column: no string at ${index}`);
      if (at + length > (chunks[chunk] ?? '').length && length > 0) {
        chunk += 1;
        at = 0;
      }
      chunkOf[index] = chunk;
      startOf[index] = at;
      at += length;
    }
    return new StringColumn(packed, chunkOf, startOf);
  }

  get length(): number {
    return this.packed.lengths.length + this.appended.length;
  }

  get(index: number): string {
    const packedCount = this.packed.lengths.length;
    if (index >= packedCount) {
      const value = this.appended[index - packedCount];
      if (value === undefined) throw new RangeError(`no string ${index} (${this.length} held)`);
      return value;
    }
    if (index < 0) throw new RangeError(`no string ${index} (${this.length} held)`);
    const start = this.startOf[index] as number;
    return (this.packed.chunks[this.chunkOf[index] as number] ?? '').slice(start, start + (this.packed.lengths[index] as number));
  }

  push(value: string): void {
    this.appended.push(value);
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (let index = 0; index < this.length; index += 1) yield this.get(index);
  }

  /** Every string packed, for a snapshot: the loaded chunks as they are, the appended ones packed after them. */
  toPacked(): PackedStrings {
    if (this.appended.length === 0) return this.packed;
    const tail = packStrings(this.appended);
    const lengths = new Int32Array(this.length);
    lengths.set(this.packed.lengths);
    lengths.set(tail.lengths, this.packed.lengths.length);
    return { chunks: [...this.packed.chunks, ...tail.chunks], lengths };
  }
}
