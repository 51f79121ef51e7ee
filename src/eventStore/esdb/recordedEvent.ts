import { DateTime } from 'luxon';
import type { RecordedEvent } from '../eventStore';
import { isJsonObject, type JsonObject } from '../json';

/** The part of the client's recorded event the adapter reads (JSON or binary). */
export interface ClientRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly isJson: boolean;
  readonly revision: bigint;
  readonly type: string;
  readonly created: Date;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: { readonly commit: bigint; readonly prepare: bigint } | undefined;
}

export interface ClientResolvedEvent {
  readonly event?: ClientRecordedEvent | undefined;
  readonly commitPosition?: bigint | undefined;
}

/**
 * System records: EventStoreDB's own streams (`$settings`, `$users`, `$stats-…`, `$$…` metadata,
 * projection output such as `$ce-…`) and its own event types (`$>` links, `$metadata`, …).
 * The port's `$all` never shows them.
 */
export const isSystemEvent = (event: Pick<ClientRecordedEvent, 'streamId' | 'type'>): boolean =>
  event.streamId.startsWith('$') || event.type.startsWith('$');

/** The commit position of a record; stream reads carry it since EventStoreDB 22.6. */
export const commitPositionOf = (resolved: ClientResolvedEvent): bigint => {
  const position = resolved.event?.position?.commit ?? resolved.commitPosition;
  if (position === undefined) {
    throw new Error(
      'EventStoreDB returned an event without its position in $all; the registry needs EventStoreDB 23.10 or later.',
    );
  }
  return position;
};

const jsonObjectOf = (value: unknown, field: string, event: ClientRecordedEvent): JsonObject => {
  let parsed: unknown = value;
  if (value instanceof Uint8Array) {
    try {
      parsed = JSON.parse(Buffer.from(value).toString('utf8'));
    } catch {
      parsed = undefined;
    }
  }
  if (!isJsonObject(parsed)) {
    throw new Error(
      `Event ${event.id} (stream "${event.streamId}", revision ${event.revision}) has ${field} that is not a ` +
        'JSON object; it was not written by the registry and cannot be read through the event store port.',
    );
  }
  return parsed;
};

export const toRecordedEvent = (resolved: ClientResolvedEvent): RecordedEvent => {
  const event = resolved.event;
  if (event === undefined) throw new Error('EventStoreDB returned a read result without an event.');
  return {
    id: event.id.toLowerCase(),
    type: event.type,
    data: jsonObjectOf(event.data, 'data', event),
    metadata: event.metadata === undefined ? {} : jsonObjectOf(event.metadata, 'metadata', event),
    streamName: event.streamId,
    revision: event.revision,
    position: commitPositionOf(resolved),
    created: DateTime.fromJSDate(event.created, { zone: 'utc' }),
  };
};
