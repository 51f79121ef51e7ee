/**
 * graphql-js hands resolvers input objects with a null prototype, and an explicit `null` for a
 * field the client set to null. The boundary parsers expect plain JSON where "not given" is
 * absent: a null left in place would count as a field given, so a counterpart sending
 * `subdivision: null` for a national government would be refused as an unknown field.
 */
export const plainInput = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(plainInput);
  if (value === null || typeof value !== 'object') return value;
  const plain: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null && field !== undefined) plain[key] = plainInput(field);
  }
  return plain;
};
