import type { EventMetadata, Role } from '../eventSourcing/envelope';
import type { RecordedEvent } from '../eventStore/eventStore';
import type { Instant } from '../shared/time';

/** The three envelope fields every projection reads for every event. */
export interface EnvelopeFields {
  readonly recordedAt: Instant;
  readonly role: Role;
  readonly schemaVersion: number;
}

const CANONICAL_ROLES: ReadonlyMap<string, Role> = new Map(
  (['sre-legal', 'subnational', 'parliament', 'admin', 'system'] as const satisfies readonly Role[]).map((role) => [role, role]),
);

/** A JSON string without escapes (so without quotes), or null. */
const TEXT = String.raw`"[^"\\]*"`;
const TEXT_OR_NULL = `(?:null|${TEXT})`;
/**
 * The whole metadata text exactly as `JSON.stringify` writes an EventMetadata (src/eventSourcing/
 * envelope.ts), capturing the role, recordedAt and the schema version. Anchored at both ends and
 * with no escapes or nested objects allowed, so a match cannot take a value from anywhere else.
 */
const ENVELOPE = new RegExp(
  String.raw`^\{"actor":\{"id":${TEXT},"role":"([a-z-]+)","entityScope":\[[^\]{}\\]*\]\},` +
    String.raw`"correlationId":${TEXT},"causationId":${TEXT},"validAt":${TEXT_OR_NULL},` +
    String.raw`"recordedAt":"([^"\\]+)","schemaVersion":(\d{1,6}),"previousHash":${TEXT_OR_NULL},"hash":${TEXT}\}$`,
);

/**
 * The fields read straight from the metadata's JSON text, or undefined when the text is not laid
 * out as the registry writes an envelope (then the caller parses it whole).
 *
 * Why: parsing each event's metadata (about 400 bytes, mostly hashes and ids) cost a rebuild more
 * than parsing its data, and projections read three fields of it; one anchored regular expression
 * costs a fifth of the parse.
 */
const scan = (text: string): EnvelopeFields | undefined => {
  const match = ENVELOPE.exec(text);
  const role = CANONICAL_ROLES.get(match?.[1] ?? '');
  if (match === null || role === undefined) return undefined;
  // Re-read through JSON.parse so the model keeps a string of its own: a matched substring
  // would hold the whole metadata text in memory for as long as the model keeps the instant.
  return { recordedAt: JSON.parse(`"${match[2] as string}"`) as Instant, role, schemaVersion: Number(match[3]) };
};

const fromMetadata = (metadata: EventMetadata): EnvelopeFields => ({
  recordedAt: metadata.recordedAt,
  role: metadata.actor?.role ?? 'system',
  schemaVersion: metadata.schemaVersion ?? 1,
});

/** recordedAt, the actor's role and the schema version of a stored event's metadata. */
export const envelopeFieldsOf = (recorded: RecordedEvent): EnvelopeFields =>
  (recorded.metadataJson === undefined ? undefined : scan(recorded.metadataJson)) ?? fromMetadata(recorded.metadata as unknown as EventMetadata);
