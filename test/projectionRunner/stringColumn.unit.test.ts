import { packStrings, type PackedStrings } from '../../src/projectionRunner/packedColumns';
import { StringColumn } from '../../src/projectionRunner/stringColumn';

/** The strings a PackedStrings holds, read back through a new column. */
const unpacked = (packed: PackedStrings): string[] => [...StringColumn.fromPacked(packed)];

describe('StringColumn', () => {
  it('reads strings packed over several chunks, as packStrings splits them', () => {
    // Chunks as packStrings makes them when a string does not fit what is left of a chunk.
    const column = StringColumn.fromPacked({ chunks: ['abcde', 'fg', ''], lengths: Int32Array.from([2, 3, 0, 2, 0]) });
    expect(column.length).toBe(5);
    expect([...column]).toEqual(['ab', 'cde', '', 'fg', '']);
    expect(column.get(3)).toBe('fg');
  });

  it('appends after the packed strings, and packs all of them again for a snapshot', () => {
    const column = StringColumn.fromPacked(packStrings(['e-1', 'e-2']));
    column.push('e-3');
    column.push('é-4');
    expect(column.length).toBe(4);
    expect(column.get(2)).toBe('e-3');
    const packed = column.toPacked();
    expect(packed.lengths).toEqual(Int32Array.from([3, 3, 3, 3]));
    expect(unpacked(packed)).toEqual(['e-1', 'e-2', 'e-3', 'é-4']);
  });

  it('gives back the packed strings as they came when nothing was appended', () => {
    const packed = packStrings(['a', 'b']);
    expect(StringColumn.fromPacked(packed).toPacked()).toBe(packed);
    expect(unpacked(StringColumn.empty().toPacked())).toEqual([]);
  });

  it('refuses an index it does not hold, and a packed null', () => {
    const column = StringColumn.fromPacked(packStrings(['a']));
    expect(() => column.get(1)).toThrow(RangeError);
    expect(() => column.get(-1)).toThrow(RangeError);
    expect(() => StringColumn.fromPacked(packStrings(['a', null]))).toThrow('no string at 1');
  });
});
