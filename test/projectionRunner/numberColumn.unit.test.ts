import v8 from 'node:v8';
import { NumberColumn } from '../../src/projectionRunner/numberColumn';

describe('NumberColumn', () => {
  it('appends past its first capacity and reads back every number, nothing past the end', () => {
    const column = NumberColumn.ofDoubles();
    for (let index = 0; index < 5000; index += 1) column.push(index * 1.5 + 1e12);
    expect(column.length).toBe(5000);
    expect(column.get(0)).toBe(1e12);
    expect(column.get(4999)).toBe(4999 * 1.5 + 1e12);
    expect(column.get(5000)).toBeUndefined();
    expect(column.get(-1)).toBeUndefined();
    expect([...column]).toHaveLength(5000);
  });

  it('comes back equal through a snapshot, and keeps growing from what it restored', () => {
    const column = NumberColumn.ofIntegers();
    for (const value of [3, -1, 20240301]) column.push(value);
    const restored = NumberColumn.of(v8.deserialize(v8.serialize(column.stored())) as Int32Array);
    expect([...restored]).toEqual([3, -1, 20240301]);
    restored.push(7);
    restored.set(1, 9);
    expect([...restored]).toEqual([3, 9, 20240301, 7]);
    expect([...column]).toEqual([3, -1, 20240301]);
  });

  it('refuses to set a number it does not hold', () => {
    const column = NumberColumn.ofIntegers();
    column.push(1);
    expect(() => column.set(1, 2)).toThrow(RangeError);
    expect(() => column.set(-1, 2)).toThrow(RangeError);
  });
});
