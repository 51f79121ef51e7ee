import { DateTime } from 'luxon';
import type { JsonObject } from '../json';
import type { RecordedEvent } from '../eventStore';

/** Column order of every event query; rows are read in raw (array) mode for speed. */
export const EVENT_COLUMNS = 'position, stream, revision, id, type, data, metadata, created';

export type EventRow = [number, string, number, string, string, string, string, number];

/**
 * `created` and `metadata` are built on first access: converting to a luxon DateTime costs about
 * a third of reading a row, and parsing the metadata more than parsing the data, while
 * projections read only three fields of the metadata (see envelopeFields) and not `created`.
 */
class StoredEvent implements RecordedEvent {
  readonly position: bigint;
  readonly streamName: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadataJson: string;
  readonly #createdMillis: number;
  #metadata: JsonObject | undefined;
  #created: DateTime | undefined;

  constructor(row: EventRow) {
    this.position = BigInt(row[0]);
    this.streamName = row[1];
    this.revision = BigInt(row[2]);
    this.id = row[3];
    this.type = row[4];
    this.data = JSON.parse(row[5]);
    this.metadataJson = row[6];
    this.#createdMillis = row[7];
  }

  get metadata(): JsonObject {
    return (this.#metadata ??= JSON.parse(this.metadataJson) as JsonObject);
  }

  get created(): DateTime {
    return (this.#created ??= DateTime.fromMillis(this.#createdMillis, { zone: 'utc' }));
  }
}

export const toRecordedEvent = (row: EventRow): RecordedEvent => new StoredEvent(row);
