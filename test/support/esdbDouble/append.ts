/**
 * `Streams.Append` of the test double, following Streams.Append.cs (EventStore/EventStore,
 * src/EventStore.Core/Services/Transport/Grpc): the first message carries the options, every
 * following one a proposed event; `type` and `content-type` metadata are required; the running
 * size (data + metadata + 2 x type length, `Event.SizeOnDisk`) may not exceed MaxAppendSize
 * (1 MiB by default); a wrong expected version is a normal response (not a gRPC error) carrying
 * the expected and the current revision, or `current_no_stream`.
 */
import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { AppendReq, AppendResp, type BatchAppendReq } from '@eventstore/db-client/generated/streams_pb';
import type { DoubleLog, ExpectedRevision, ProposedEvent } from './log';
import { asRpcFailure, empty, RpcFailure, streamNameOf, uuidFromDto } from './wire';

/** EventStoreDB's default MaxAppendSize, in bytes. */
export const MAX_APPEND_SIZE = 1_048_576;

export const appendHandler =
  (log: DoubleLog) =>
  (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    void (async () => {
      try {
        callback(null, await append(log, call));
      } catch (error) {
        callback(asRpcFailure(error).toServiceError());
      }
    })();
  };

const append = async (log: DoubleLog, call: AsyncIterable<AppendReq>): Promise<AppendResp> => {
  let options: AppendReq.Options | undefined;
  const events: ProposedEvent[] = [];
  let size = 0;
  for await (const message of call) {
    if (options === undefined) {
      if (!message.hasOptions()) throw new Error('The first append message must carry the options.');
      options = message.getOptions() as AppendReq.Options;
      continue;
    }
    const proposed = message.getProposedMessage();
    if (proposed === undefined) throw new Error('Every append message after the options must be a proposed message.');
    const event = proposedEventOf(proposed);
    size += sizeOnDisk(event);
    if (size > MAX_APPEND_SIZE) {
      throw new RpcFailure(status.INVALID_ARGUMENT, `Maximum Append Size of ${MAX_APPEND_SIZE} Exceeded.`, {
        exception: 'maximum-append-size-exceeded',
        'maximum-append-size': String(MAX_APPEND_SIZE),
      });
    }
    events.push(event);
  }
  if (options === undefined) throw new Error('An append without options.');

  const stream = streamNameOf(options.getStreamIdentifier());
  const expected = expectedRevisionOf(options);
  const outcome = log.append(stream, expected, events);

  const response = new AppendResp();
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.revision < 0n) success.setNoStream(empty());
    else success.setCurrentRevision(outcome.revision.toString());
    if (outcome.position === undefined) success.setNoPosition(empty());
    else {
      const position = outcome.position.toString();
      success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
    }
    return response.setSuccess(success);
  }

  // Only the current fields; the deprecated "2060" ones (for clients of 20.6) are left out.
  const wrong = new AppendResp.WrongExpectedVersion();
  if (expected === 'any') wrong.setExpectedAny(empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(empty());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(empty());
  else wrong.setExpectedRevision(expected.toString());
  if (outcome.current < 0n) wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(outcome.current.toString());
  return response.setWrongExpectedVersion(wrong);
};

/** A proposed message of either append call, as the log takes it (`type` and `content-type` required). */
export const proposedEventOf = (proposed: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent => {
  const metadata = proposed.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  const missing = type === undefined ? 'type' : contentType === undefined ? 'content-type' : undefined;
  if (missing !== undefined || type === undefined || contentType === undefined) {
    throw new RpcFailure(status.INVALID_ARGUMENT, `Required Metadata Property '${missing}' is missing`, {
      exception: 'missing-required-metadata-property',
      'required-metadata-properties': 'type,content-type',
    });
  }
  return {
    id: uuidFromDto(proposed.getId()),
    type,
    // the server keeps only "is JSON"; anything else reads back as octet-stream
    contentType: contentType === 'application/json' ? contentType : 'application/octet-stream',
    data: proposed.getData_asU8(),
    metadata: proposed.getCustomMetadata_asU8(),
  };
};

/** `Event.SizeOnDisk`, what MaxAppendSize counts: data, metadata and twice the type's length. */
export const sizeOnDisk = (event: ProposedEvent): number => event.data.length + event.metadata.length + event.type.length * 2;

const expectedRevisionOf = (options: AppendReq.Options): ExpectedRevision => {
  switch (options.getExpectedStreamRevisionCase()) {
    case AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return BigInt(options.getRevision());
    case AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return 'no_stream';
    case AppendReq.Options.ExpectedStreamRevisionCase.ANY:
      return 'any';
    case AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      throw new RpcFailure(status.INVALID_ARGUMENT, "'ExpectedStreamRevisionNotSet' is not a valid ExpectedStreamRevisionOneofCase");
  }
};
