/*
 * Helpers for snapshot codecs (see Projection.snapshot): columns of a read model written as a few
 * large values rather than millions of small ones. `v8.deserialize` builds one heap object per
 * string and per number that does not fit a small integer, and every one of them survives, so
 * loading a million-entry column costs young-generation collections that copy it all again.
 * A typed array loads as one copy of bytes; strings packed into one text come back as slices of
 * it, which V8 makes without copying characters.
 */

/** Strings (or nulls) as one text per chunk plus each one's length (-1 for null). */
export interface PackedStrings {
  readonly chunks: readonly string[];
  readonly lengths: Int32Array;
}

/** Chunks stay far below V8's longest string (about 2^29 characters). */
const CHUNK_CHARACTERS = 2 ** 26;

export const packStrings = (values: readonly (string | null | undefined)[]): PackedStrings => {
  const lengths = new Int32Array(values.length);
  const chunks: string[] = [];
  let parts: string[] = [];
  let size = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined) {
      lengths[index] = -1;
      continue;
    }
    if (size + value.length > CHUNK_CHARACTERS && parts.length > 0) {
      chunks.push(parts.join(''));
      parts = [];
      size = 0;
    }
    lengths[index] = value.length;
    parts.push(value);
    size += value.length;
  }
  chunks.push(parts.join(''));
  return { chunks, lengths };
};

/** Strings (or nulls) with few distinct values: each distinct one once, and a code per value (-1 for null). */
export interface InternedStrings {
  readonly table: readonly string[];
  readonly codes: Int32Array;
}

export const internStrings = (values: readonly (string | null | undefined)[]): InternedStrings => {
  const codeOf = new Map<string, number>();
  const table: string[] = [];
  const codes = new Int32Array(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined) {
      codes[index] = -1;
      continue;
    }
    let code = codeOf.get(value);
    if (code === undefined) {
      code = table.length;
      table.push(value);
      codeOf.set(value, code);
    }
    codes[index] = code;
  }
  return { table, codes };
};

/** The values back; equal values share one string. */
export const uninternStrings = (interned: InternedStrings): (string | null)[] => {
  const { table, codes } = interned;
  const values = withRoomToGrow<string | null>(codes.length, null);
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index] as number;
    values[index] = code < 0 ? null : (table[code] as string);
  }
  values.length = codes.length;
  return values;
};

/**
 * An array for `length` values, filled with `filler`, with room for a sixteenth more: a column a
 * snapshot restores grows by push with every event, and an array exactly full copies all its
 * values at the first push (4 ms for 800k values). Filled first: V8 makes a large `new Array(n)` a
 * dictionary of holes, which assigning by index then converts as it goes. V8 keeps the room when
 * the length is then set back (it trims only far larger excesses).
 */
const withRoomToGrow = <T>(length: number, filler: T): T[] => new Array<T>(length + Math.max(1024, length >>> 4)).fill(filler);
