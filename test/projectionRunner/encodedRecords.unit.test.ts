import v8 from 'node:v8';
import { EncodedRecords, RecordsByKey, type EncodedRecordsData } from '../../src/projectionRunner/encodedRecords';

interface Row {
  id: string;
  count: number;
  position: bigint;
  tags: string[];
  note: string | undefined;
}

const row = (id: string, count = 0): Row => ({ id, count, position: BigInt(count) * 10n, tags: [`t${count}`], note: undefined });

/** Through v8.serialize, as a snapshot file stores it. */
const roundTrip = (data: EncodedRecordsData): EncodedRecordsData => v8.deserialize(v8.serialize(data)) as EncodedRecordsData;

describe('EncodedRecords', () => {
  it('gives back what was pushed, before and after a snapshot round trip', () => {
    const records = EncodedRecords.empty<Row>();
    records.push(row('a', 1));
    records.push(row('b', 2));
    expect(records.length).toBe(2);
    expect(records.get(1)).toEqual(row('b', 2));

    const restored = EncodedRecords.decoded<Row>(roundTrip(records.encode()));
    expect(restored.length).toBe(2);
    expect(restored.get(0)).toEqual(row('a', 1));
    expect([...restored]).toEqual([row('a', 1), row('b', 2)]);
    // The encoded store still answers the same.
    expect([...records]).toEqual([row('a', 1), row('b', 2)]);
  });

  it('keeps changes made through mutable, and writes them into the next snapshot', () => {
    const restored = EncodedRecords.decoded<Row>(roundTrip(encodedOf([row('a', 1), row('b', 2), row('c', 3)])));
    const b = restored.mutable(1);
    b.count = 20;
    b.tags.push('changed');
    expect(restored.get(1)).toBe(b);
    expect(restored.mutable(1)).toBe(b);

    const again = EncodedRecords.decoded<Row>(roundTrip(restored.encode()));
    expect([...again]).toEqual([row('a', 1), { ...row('b', 2), count: 20, tags: ['t2', 'changed'] }, row('c', 3)]);
    // After encoding, the store holds the bytes it wrote: a change needs mutable again.
    const changedAgain = restored.mutable(1);
    expect(changedAgain).not.toBe(b);
    expect(changedAgain).toEqual({ ...row('b', 2), count: 20, tags: ['t2', 'changed'] });
  });

  it('reads an untouched record as a copy: changing what get returned changes nothing stored', () => {
    const restored = EncodedRecords.decoded<Row>(roundTrip(encodedOf([row('a', 1)])));
    const copy = restored.get(0);
    copy.count = 99;
    const stored = EncodedRecords.decoded<Row>(roundTrip(restored.encode()));
    expect(stored.get(0)).toEqual(row('a', 1));
  });

  it('appends after records loaded cold, and encodes both kinds together', () => {
    const restored = EncodedRecords.decoded<Row>(roundTrip(encodedOf([row('a', 1)])));
    restored.push(row('b', 2));
    expect([...EncodedRecords.decoded<Row>(roundTrip(restored.encode()))]).toEqual([row('a', 1), row('b', 2)]);
  });

  it('applies updates to a cold record in order when it is next read, changed or encoded', () => {
    const stored = roundTrip(encodedOf([row('a', 1), row('b', 2), row('c', 3)]));
    const tag = (name: string) => (record: Row) => {
      record.count += 1;
      record.tags.push(`${name}:${record.count}`);
    };
    const read = EncodedRecords.decoded<Row>(stored);
    read.update(0, tag('x'));
    read.update(0, tag('y'));
    expect(read.get(0)).toEqual({ ...row('a', 1), count: 3, tags: ['t1', 'x:2', 'y:3'] });
    expect(read.get(0)).toBe(read.mutable(0));

    const changed = EncodedRecords.decoded<Row>(stored);
    changed.update(1, tag('x'));
    changed.mutable(1).note = 'then changed';
    expect(changed.get(1)).toEqual({ ...row('b', 2), count: 3, tags: ['t2', 'x:3'], note: 'then changed' });

    const encoded = EncodedRecords.decoded<Row>(stored);
    encoded.update(2, tag('x'));
    expect([...EncodedRecords.decoded<Row>(roundTrip(encoded.encode()))]).toEqual([row('a', 1), row('b', 2), { ...row('c', 3), count: 4, tags: ['t3', 'x:4'] }]);
  });

  it('applies waiting changes to each copy a read decodes, once, without holding the record; then for good when changed', () => {
    // More records than the cache of recent reads holds, so that reading them all evicts the first.
    const rows = Array.from({ length: 5000 }, (_, index) => row(`r${index}`, index));
    const records = EncodedRecords.decoded<Row>(roundTrip(encodedOf(rows)));
    const bump = (record: Row) => {
      record.count += 1000;
    };
    records.update(0, bump);
    const first = records.get(0);
    expect(first.count).toBe(1000);
    for (let index = 1; index < rows.length; index += 1) records.get(index);
    const second = records.get(0);
    expect(second).not.toBe(first);
    expect(second.count).toBe(1000);
    records.update(0, bump);
    expect(second.count).toBe(2000);
    expect(records.mutable(0)).toBe(second);
    expect(records.mutable(0).count).toBe(2000);
    expect(EncodedRecords.decoded<Row>(roundTrip(records.encode())).get(0).count).toBe(2000);
  });

  it('applies an update at once to a record held as an object or read lately', () => {
    const records = EncodedRecords.decoded<Row>(roundTrip(encodedOf([row('a', 1), row('b', 2)])));
    const held = records.mutable(0);
    records.update(0, (record) => (record.count = 10));
    expect(held.count).toBe(10);
    const copy = records.get(1);
    records.update(1, (record) => (record.count = 20));
    expect(copy.count).toBe(20);
    expect(records.get(1)).toBe(copy);
  });

  it('replaces a record, cold or not, dropping changes waiting for it, and appends one past the last', () => {
    const restored = EncodedRecords.decoded<Row>(roundTrip(encodedOf([row('a', 1), row('b', 2)])));
    restored.update(0, (record) => {
      record.count = 100;
    });
    restored.set(0, row('x', 9));
    restored.set(2, row('c', 3));
    expect([...restored]).toEqual([row('x', 9), row('b', 2), row('c', 3)]);
    expect([...EncodedRecords.decoded<Row>(roundTrip(restored.encode()))]).toEqual([row('x', 9), row('b', 2), row('c', 3)]);
    // Now cold again: the dropped change must not come back on the next copy read.
    expect(restored.get(0)).toEqual(row('x', 9));
    expect(() => restored.set(4, row('d'))).toThrow(RangeError);
  });

  it('refuses an index it does not hold, and bytes that do not match their offsets', () => {
    const restored = EncodedRecords.decoded<Row>(roundTrip(encodedOf([row('a', 1)])));
    expect(() => restored.get(1)).toThrow(RangeError);
    expect(() => restored.mutable(-1)).toThrow(RangeError);
    expect(() => restored.update(1, () => undefined)).toThrow(RangeError);
    const data = encodedOf([row('a', 1)]);
    expect(() => EncodedRecords.decoded({ bytes: data.bytes.subarray(1), offsets: data.offsets })).toThrow('offsets do not match the bytes');
  });
});

describe('RecordsByKey', () => {
  const records = EncodedRecords.decoded<Row>(roundTrip(encodedOf([row('a', 1), row('b', 2), row('c', 3)])));
  const indexes = new Map([
    ['a', 0],
    ['b', 1],
    ['c', 2],
  ]);

  it('is a read-only map from key to record', () => {
    const byKey = new RecordsByKey(indexes, records);
    expect(byKey.size).toBe(3);
    expect(byKey.get('b')).toEqual(row('b', 2));
    expect(byKey.get('z')).toBeUndefined();
    expect(byKey.has('c')).toBe(true);
    expect([...byKey.keys()]).toEqual(['a', 'b', 'c']);
    expect([...byKey.values()].map((value) => value.id)).toEqual(['a', 'b', 'c']);
  });

  it('shows only the records a restriction accepts, with the size it is given', () => {
    const byKey = new RecordsByKey(indexes, records, { index: (index) => index !== 1, size: 2 });
    expect(byKey.size).toBe(2);
    expect(byKey.get('b')).toBeUndefined();
    expect(byKey.has('b')).toBe(false);
    expect([...byKey].map(([key]) => key)).toEqual(['a', 'c']);
    const seen: string[] = [];
    byKey.forEach((value, key) => seen.push(`${key}:${value.count}`));
    expect(seen).toEqual(['a:1', 'c:3']);
  });
});

function encodedOf(rows: readonly Row[]): EncodedRecordsData {
  const records = EncodedRecords.empty<Row>();
  for (const each of rows) records.push(each);
  return records.encode();
}
