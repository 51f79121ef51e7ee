/**
 * Protobuf and gRPC-status helpers for the EventStoreDB test double. Messages are built with the
 * classes the client package generates from EventStoreDB's own .proto files (streams.proto,
 * shared.proto), so what goes over the wire is exactly what the client decodes.
 */
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './log';

/** A failure the double answers with a gRPC status, as the server's RpcExceptions do. */
export class RpcFailure extends Error {
  constructor(
    readonly code: status,
    readonly details: string,
    readonly trailers: Readonly<Record<string, string>> = {},
  ) {
    super(details);
  }

  toServiceError(): Partial<ServiceError> {
    const metadata = new Metadata();
    for (const [key, value] of Object.entries(this.trailers)) metadata.set(key, value);
    return { code: this.code, details: this.details, metadata };
  }
}

/** Anything else thrown by a handler: ASP.NET Core gRPC answers UNKNOWN. */
export const asRpcFailure = (error: unknown): RpcFailure =>
  error instanceof RpcFailure
    ? error
    : new RpcFailure(status.UNKNOWN, `Exception was thrown by handler. ${error instanceof Error ? error.message : String(error)}`);

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** EventStore's `Uuid.FromDto`: either the canonical string or two big-endian 64-bit halves. */
export const uuidFromDto = (uuid: UUID | undefined): string => {
  if (uuid?.hasStructured()) {
    const structured = uuid.getStructured() as UUID.Structured;
    const half = (value: string) => BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0');
    const hex = half(structured.getMostSignificantBits()) + half(structured.getLeastSignificantBits());
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  const text = uuid?.getString() ?? '';
  if (!UUID_PATTERN.test(text)) throw new Error(`Unrecognized Guid format: "${text}".`);
  return text.toLowerCase();
};

const uuidToDto = (id: string, structured: boolean): UUID => {
  const uuid = new UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const half = (part: string) => BigInt.asIntN(64, BigInt(`0x${part}`)).toString(10);
  return uuid.setStructured(
    new UUID.Structured().setMostSignificantBits(half(hex.slice(0, 16))).setLeastSignificantBits(half(hex.slice(16))),
  );
};

export const streamNameOf = (identifier: StreamIdentifier | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

const streamIdentifier = (name: string): StreamIdentifier =>
  new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));

/**
 * Streams.Read.cs ConvertToRecordedEvent / ConvertToReadEvent: system metadata `type`,
 * `created` (ticks since the Unix epoch) and `content-type`; the event's own position; the
 * read event's commit position.
 */
export const eventMessage = (event: StoredEvent, uuidOption: ReadReq.Options.UUIDOption): ReadResp => {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidToDto(event.id, uuidOption.hasStructured()))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('created', event.created.toString())
    .set('content-type', event.contentType);
  return new ReadResp().setEvent(
    new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString()),
  );
};

export const confirmationMessage = (subscriptionId: string): ReadResp =>
  new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));

export const caughtUpMessage = (): ReadResp => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

export const checkpointMessage = (position: bigint): ReadResp =>
  new ReadResp().setCheckpoint(
    new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );

export const streamNotFoundMessage = (stream: string): ReadResp =>
  new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(stream)));

export const empty = (): Empty => new Empty();
