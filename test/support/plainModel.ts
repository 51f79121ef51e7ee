import { RecordsByKey } from '../../src/projectionRunner/encodedRecords';

/**
 * A read model as a plain tree (Map and Set become tagged arrays, bigint a tagged string), so
 * that models from another realm (`v8.deserialize` builds Node's own Maps, not the test sandbox's)
 * can be compared with jest's matchers. Map and Set keep their insertion order. Records held
 * encoded (EncodedRecords, RecordsByKey) are compared by what they hold, decoded.
 */
export const plainModel = (value: unknown): unknown => {
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Map]' || value instanceof RecordsByKey) {
    return { map: [...(value as ReadonlyMap<unknown, unknown>)].map(([k, v]) => [plainModel(k), plainModel(v)]) };
  }
  if (tag === '[object Set]') return { set: [...(value as Set<unknown>)].map(plainModel) };
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return value.map(plainModel);
  if (value !== null && typeof value === 'object' && Symbol.iterator in value) return [...(value as Iterable<unknown>)].map(plainModel);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainModel(item)]));
  }
  return value;
};
