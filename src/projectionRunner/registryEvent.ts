import type { AgreementEvent } from '../agreements/agreementEvents';
import { AGREEMENT_STREAM_PREFIX, type AgreementId } from '../agreements/agreementTypes';
import { AGREEMENT_EVENT_TYPES } from '../agreements/agreementEvents';
import type { RegistryNumberEvent } from '../agreements/registryNumber';
import type { EntityProfileEvent } from '../entities/entityProfileEvents';
import { ENTITY_PROFILE_EVENT_TYPES } from '../entities/entityProfileEvents';
import type { EventMetadata, Role } from '../eventSourcing/envelope';
import { upcast, type UpcasterRegistry } from '../eventSourcing/upcasting';
import type { RecordedEvent } from '../eventStore/eventStore';
import type { PolicyEvent } from '../policy/policyEvents';
import { POLICY_EVENT_TYPES } from '../policy/policyEvents';
import type { Instant } from '../shared/time';
import { envelopeFieldsOf } from './envelopeFields';

/** Every domain event of the registry; type names are unique across modules. */
export type RegistryEvent = AgreementEvent | PolicyEvent | EntityProfileEvent | RegistryNumberEvent;

const KNOWN_TYPES: ReadonlySet<string> = new Set<string>([
  ...AGREEMENT_EVENT_TYPES,
  ...POLICY_EVENT_TYPES,
  ...ENTITY_PROFILE_EVENT_TYPES,
  'RegistryNumberAssigned',
  'RegistryNumberReleased',
]);

/** An event as projections see it: upcast to today's schema, typed, with where and when it was recorded. */
export interface ProjectedEvent {
  readonly id: string;
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly event: RegistryEvent;
  /**
   * The agreement the event is about (its stream's id, see agreementIdOfStream), null for other
   * streams. One string for every projection: V8 keeps a string's hash once computed, so each
   * projection's lookup by id no longer slices and hashes the stream name again (0.5 µs a time).
   */
  readonly agreementId: AgreementId | null;
  /** metadata.recordedAt and metadata.actor.role, read without parsing the whole metadata. */
  readonly recordedAt: Instant;
  readonly role: Role;
  /** Parsed on first read where the store allows it: projections should read the fields above. */
  readonly metadata: EventMetadata;
}

/** The agreement id of an agreement stream's name; null for any other stream. */
export const agreementIdOfStream = (streamName: string): AgreementId | null =>
  streamName.startsWith(AGREEMENT_STREAM_PREFIX) ? (streamName.slice(AGREEMENT_STREAM_PREFIX.length) as AgreementId) : null;

class StoredProjectedEvent implements ProjectedEvent {
  readonly id: string;
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly event: RegistryEvent;
  readonly agreementId: AgreementId | null;
  readonly recordedAt: Instant;
  readonly role: Role;
  readonly #recorded: RecordedEvent;

  constructor(recorded: RecordedEvent, upcasters: UpcasterRegistry) {
    const envelope = envelopeFieldsOf(recorded);
    this.id = recorded.id;
    this.streamName = recorded.streamName;
    this.agreementId = agreementIdOfStream(recorded.streamName);
    this.revision = recorded.revision;
    this.position = recorded.position;
    this.event = { type: recorded.type, data: upcast(upcasters, recorded.type, envelope.schemaVersion, recorded.data) } as RegistryEvent;
    this.recordedAt = envelope.recordedAt;
    this.role = envelope.role;
    this.#recorded = recorded;
  }

  get metadata(): EventMetadata {
    return this.#recorded.metadata as unknown as EventMetadata;
  }
}

/**
 * Turns a stored event into what projections consume, or undefined for events that are not the
 * registry's (a shared EventStoreDB may hold other applications' streams).
 */
export const toProjectedEvent = (recorded: RecordedEvent, upcasters: UpcasterRegistry): ProjectedEvent | undefined => {
  if (!KNOWN_TYPES.has(recorded.type)) return undefined;
  return new StoredProjectedEvent(recorded, upcasters);
};
