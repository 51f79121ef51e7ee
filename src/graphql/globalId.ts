import { InvalidInputError } from '../shared/errors';

/** Types whose objects `node(id:)` can fetch. */
export const NODE_TYPES = ['Agreement', 'Entity', 'Counterpart', 'CounterpartCountry', 'PolicyVersion', 'AuditFinding'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * Global ids are base64url of `Type:localId`: opaque to clients (they must not build them), yet
 * decodable without a lookup table, and stable across rebuilds because local ids are.
 */
export const toGlobalId = (type: NodeType, localId: string | number): string => Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');

export interface DecodedGlobalId {
  readonly type: NodeType;
  readonly localId: string;
}

/** The type and local id of a global id; a malformed id is the caller's error, naming the argument. */
export const fromGlobalId = (globalId: string, path = 'id'): DecodedGlobalId => {
  const text = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const separator = text.indexOf(':');
  const type = text.slice(0, separator);
  const localId = text.slice(separator + 1);
  if (separator <= 0 || localId.length === 0 || !(NODE_TYPES as readonly string[]).includes(type)) {
    throw InvalidInputError.of(path, 'global-id', `${JSON.stringify(globalId)} is not a global id of this API: pass the \`id\` field of an object it returned.`);
  }
  return { type: type as NodeType, localId };
};

const withArticle = (type: string): string => `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;

/**
 * Arguments that name one kind of object accept its local id (what commands and events use) or
 * its global id, so clients can pass whichever they hold.
 */
export const localIdOf = (type: NodeType, value: string, path: string): string => {
  if (value.includes(':') || /^[0-9a-f]{8}-/i.test(value)) return value;
  let decoded: DecodedGlobalId;
  try {
    decoded = fromGlobalId(value, path);
  } catch {
    return value;
  }
  if (decoded.type !== type) {
    throw InvalidInputError.of(path, 'global-id-type', `${JSON.stringify(value)} is the id of ${withArticle(decoded.type)}, not of ${withArticle(type)}.`);
  }
  return decoded.localId;
};
