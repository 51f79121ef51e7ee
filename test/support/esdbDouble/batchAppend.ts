/**
 * `Streams.BatchAppend` of the test double, following Streams.BatchAppend.cs and Status.cs
 * (EventStore/EventStore, src/EventStore.Core/Services/Transport/Grpc): the path the client takes
 * against a real server, which lists BatchAppend among its features. One duplex call carries many
 * appends, each a run of requests sharing a correlation id: the first with the options, the last
 * marked final. Each append is answered on its own with that correlation id: success (revision
 * and position), or an error as a google.rpc.Status whose details pack the reason
 * (WrongExpectedVersion with code ALREADY_EXISTS, MaximumAppendSizeExceeded and BadRequest with
 * INVALID_ARGUMENT), which the client unpacks by type name.
 */
import type { ServerDuplexStream } from '@grpc/grpc-js';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AllStreamPosition, BadRequest, MaximumAppendSizeExceeded, WrongExpectedVersion, type StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { MAX_APPEND_SIZE, proposedEventOf, sizeOnDisk } from './append';
import type { DoubleLog, ExpectedRevision, ProposedEvent } from './log';
import { streamNameOf, uuidFromDto } from './wire';

/** google.rpc.Code values the server uses here. */
const INVALID_ARGUMENT = 3;
const ALREADY_EXISTS = 6;

interface PendingAppend {
  readonly identifier: StreamIdentifier | undefined;
  readonly expected: ExpectedRevision;
  readonly events: ProposedEvent[];
  size: number;
}

const packed = (message: { serializeBinary(): Uint8Array }, typeName: string): Any => {
  const any = new Any();
  any.pack(message.serializeBinary(), typeName);
  return any;
};

const failure = (code: number, message: string, details: Any): Status => new Status().setCode(code).setMessage(message).setDetails(details);

export const batchAppendHandler =
  (log: DoubleLog) =>
  (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, PendingAppend>();
    const answer = (request: BatchAppendReq, identifier: StreamIdentifier | undefined, fill: (response: BatchAppendResp) => void): void => {
      const response = new BatchAppendResp();
      const correlation = request.getCorrelationId();
      if (correlation !== undefined) response.setCorrelationId(correlation);
      if (identifier !== undefined) response.setStreamIdentifier(identifier);
      fill(response);
      call.write(response);
    };
    call.on('data', (request: BatchAppendReq) => {
      let identifier: StreamIdentifier | undefined;
      try {
        const key = uuidFromDto(request.getCorrelationId());
        const options = request.getOptions();
        if (options !== undefined) {
          identifier = options.getStreamIdentifier();
          if (!pending.has(key)) pending.set(key, { identifier, expected: expectedRevisionOf(options), events: [], size: 0 });
        }
        const write = pending.get(key);
        if (write === undefined) return;
        identifier = write.identifier;
        for (const proposed of request.getProposedMessagesList()) {
          const event = proposedEventOf(proposed);
          write.events.push(event);
          write.size += sizeOnDisk(event);
        }
        if (write.size > MAX_APPEND_SIZE) {
          pending.delete(key);
          const details = packed(new MaximumAppendSizeExceeded().setMaxappendsize(MAX_APPEND_SIZE), 'event_store.client.MaximumAppendSizeExceeded');
          answer(request, identifier, (response) => response.setError(failure(INVALID_ARGUMENT, 'MaximumAppendSizeExceeded', details)));
          return;
        }
        if (!request.getIsFinal()) return;
        pending.delete(key);
        const outcome = log.append(streamNameOf(write.identifier), write.expected, write.events);
        if (outcome.kind === 'success') {
          const success = new BatchAppendResp.Success();
          if (outcome.revision < 0n) success.setNoStream(new Empty());
          else success.setCurrentRevision(outcome.revision.toString());
          if (outcome.position === undefined) success.setNoPosition(new Empty());
          else success.setPosition(new AllStreamPosition().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
          answer(request, identifier, (response) => response.setSuccess(success));
          return;
        }
        // WrongExpectedVersion.Create: the current revision (or no stream) and what was expected.
        const wrong = new WrongExpectedVersion();
        if (outcome.current < 0n) wrong.setCurrentNoStream(new Empty());
        else wrong.setCurrentStreamRevision(outcome.current.toString());
        const expected = write.expected;
        if (expected === 'any') wrong.setExpectedAny(new Empty());
        else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
        else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
        else wrong.setExpectedStreamPosition(expected.toString());
        answer(request, identifier, (response) =>
          response.setError(failure(ALREADY_EXISTS, 'WrongExpectedVersion', packed(wrong, 'event_store.client.WrongExpectedVersion'))),
        );
      } catch (error) {
        // Receive's catch: anything thrown answers that request with a BadRequest.
        const message = error instanceof Error ? error.message : String(error);
        answer(request, identifier, (response) =>
          response.setError(failure(INVALID_ARGUMENT, 'BadRequest', packed(new BadRequest().setMessage(message), 'event_store.client.BadRequest'))),
        );
      }
    });
    call.on('end', () => call.end());
    call.on('error', () => undefined);
  };

const expectedRevisionOf = (options: BatchAppendReq.Options): ExpectedRevision => {
  switch (options.getExpectedStreamPositionCase()) {
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case BatchAppendReq.Options.ExpectedStreamPositionCase.NO_STREAM:
      return 'no_stream';
    case BatchAppendReq.Options.ExpectedStreamPositionCase.ANY:
      return 'any';
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      throw new Error(`'${String(options.getExpectedStreamPositionCase())}' is not a valid ExpectedStreamPositionOneofCase`);
  }
};
