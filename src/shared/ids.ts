import { createHash } from 'node:crypto';
import type { Brand } from './brand';
import { InvalidInputError } from './errors';
import { describeGiven } from './inputReader';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A client-chosen id for one command: retrying with the same id never writes twice. */
export type CommandId = Brand<string, 'CommandId'>;

export const parseUuid = <T extends string>(raw: unknown, path: string, what: string): T => {
  if (typeof raw !== 'string' || !UUID.test(raw)) {
    throw InvalidInputError.of(path, 'uuid-format', `${what} must be a UUID such as 3f1c2b8a-5d1f-4c1a-9e59-0b0c7c1e9d10; got ${describeGiven(raw)}.`);
  }
  return raw.toLowerCase() as T;
};

export const parseCommandId = (raw: unknown, path = 'commandId'): CommandId => parseUuid<CommandId>(raw, path, 'A command id');

/**
 * A UUID derived from a name (RFC 9562 version 8 layout over SHA-256): the same command always
 * yields the same event ids, which is what makes a retried command idempotent in the store.
 */
export const deterministicUuid = (name: string): string => {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
