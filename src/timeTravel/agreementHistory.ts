import type { DateTime } from 'luxon';
import { agreementsProjection, type AgreementView } from '../../projections/agreements';
import { agreementStreamName, type AgreementId } from '../agreements/agreementTypes';
import type { Actor } from '../eventSourcing/envelope';
import type { UpcasterRegistry } from '../eventSourcing/upcasting';
import type { EventStore } from '../eventStore/eventStore';
import { StreamNotFoundError } from '../eventStore/errors';
import { toProjectedEvent, type ProjectedEvent, type RegistryEvent } from '../projectionRunner/registryEvent';
import { NotFoundError } from '../shared/errors';
import type { Instant, LegalDate } from '../shared/time';

/** One recorded fact of an agreement: what, when it happened, when and by whom it was recorded, and why. */
export interface HistoryEntry {
  readonly eventId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: RegistryEvent['type'];
  readonly data: RegistryEvent['data'];
  /** Valid time: the legal date the fact refers to. */
  readonly validAt: LegalDate | null;
  /** Recorded time: when the registry learned it. */
  readonly recordedAt: Instant;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  readonly hash: string;
  readonly previousHash: string | null;
}

export interface AgreementHistory {
  readonly agreementId: AgreementId;
  readonly entries: readonly HistoryEntry[];
  /** The events themselves, to fold the agreement as of any instant. */
  readonly events: readonly ProjectedEvent[];
}

export const loadAgreementHistory = async (
  deps: { readonly store: EventStore; readonly upcasters: UpcasterRegistry },
  agreementId: AgreementId,
): Promise<AgreementHistory> => {
  const events: ProjectedEvent[] = [];
  try {
    for await (const recorded of deps.store.readStream(agreementStreamName(agreementId))) {
      const projected = toProjectedEvent(recorded, deps.upcasters);
      if (projected) events.push(projected);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) throw new NotFoundError('Agreement', agreementId);
    throw error;
  }
  const entries = events.map(({ id, revision, position, event, metadata }) => ({
    eventId: id,
    revision,
    position,
    type: event.type,
    data: event.data,
    validAt: metadata.validAt,
    recordedAt: metadata.recordedAt,
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    hash: metadata.hash,
    previousHash: metadata.previousHash,
  }));
  return { agreementId, entries, events };
};

/**
 * The agreement as the registry knew it at an instant (recorded time): its events recorded up to
 * then, folded by the same projection as the live view, so both have the same shape. Undefined
 * when the registry did not know the agreement yet.
 */
export const agreementAsOf = (history: AgreementHistory, instant: DateTime): AgreementView | undefined => {
  const model = agreementsProjection.create();
  const limit = instant.toMillis();
  // Skipped, not the end: a stream's events are appended in about the order they were stamped,
  // not exactly (see RECORDING_LAG_MS).
  for (const event of history.events) if (Date.parse(event.recordedAt) <= limit) agreementsProjection.apply(model, event);
  return model.agreements.get(history.agreementId);
};

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Fields that are bookkeeping, not facts about the agreement. */
const NOT_COMPARED = new Set(['factLog', 'titleKey', 'lastEventPosition', 'revision', 'lastRecordedAt']);

/** What changed in the agreement between two of its states, field by field (top level). */
export const diffAgreement = (before: AgreementView | undefined, after: AgreementView | undefined): readonly FieldChange[] => {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of [...fields].sort()) {
    if (NOT_COMPARED.has(field)) continue;
    const was = (before as Record<string, unknown> | undefined)?.[field];
    const is = (after as Record<string, unknown> | undefined)?.[field];
    if (!sameValue(was, is)) changes.push({ field, before: was, after: is });
  }
  return changes;
};

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
};
