/**
 * A wire-protocol TEST DOUBLE of EventStoreDB for the adapter's tests: an in-process gRPC
 * service on 127.0.0.1 (ephemeral port, no TLS) that answers the calls `@eventstore/db-client`
 * makes, with the service definitions the client package generates from EventStoreDB's .proto
 * files. State lives in memory and disappears with the double. It is not EventStoreDB: see
 * log.ts, append.ts and read.ts for which server behaviour each part follows and where it is
 * simplified.
 *
 * Implemented: ServerFeatures.GetSupportedMethods, Streams.BatchAppend (which the client uses
 * when the server lists it, as a real server does), Streams.Append (what the client falls back
 * to otherwise: `startEsdbDouble({ batchAppend: false })` leaves BatchAppend out of the list),
 * Streams.Read (stream and `$all` reads, filtered `$all` reads, catch-up subscriptions to a
 * stream and to `$all`, with or without a filter). Not implemented (UNIMPLEMENTED): Delete,
 * Tombstone, persistent subscriptions, projections, users, operations, gossip; also no
 * authentication, stream metadata ($maxCount, ACLs), link resolution or deleted streams.
 */
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append';
import { batchAppendHandler } from './batchAppend';
import { DoubleLog } from './log';
import { readHandler, type ResponseWriter } from './read';

export interface EsdbDouble {
  /** `esdb://127.0.0.1:PORT?tls=false` */
  readonly connectionString: string;
  /** Ends open calls (subscriptions) and stops listening. */
  stop(): Promise<void>;
}

export const startEsdbDouble = async ({ batchAppend = true }: { readonly batchAppend?: boolean } = {}): Promise<EsdbDouble> => {
  const log = new DoubleLog();
  const openReads = new Set<ResponseWriter>();
  const server = new Server();
  server.addService(StreamsService, {
    read: readHandler(log, openReads),
    append: appendHandler(log),
    batchAppend: batchAppendHandler(log),
  });
  server.addService(ServerFeaturesService, { getSupportedMethods: supportedMethods(batchAppend) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  let stopped: Promise<void> | undefined;
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        openReads.forEach((writer) => writer.close());
        server.forceShutdown();
        resolve();
      });
      return stopped;
    },
  };
};

/**
 * ServerFeatures.cs lists every client-facing method, lowercased, with features for reads
 * ("position", "events"). The double lists what it implements; without BatchAppend the client
 * falls back to Streams.Append.
 */
const supportedMethods =
  (batchAppend: boolean) =>
  (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void => {
    const method = (service: string, name: string, features: string[] = []) =>
      new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
    callback(
      null,
      new SupportedMethods()
        .setEventStoreServerVersion('0.0.0-test-double')
        .setMethodsList([
          method('event_store.client.streams.streams', 'read', ['position', 'events']),
          method('event_store.client.streams.streams', 'append'),
          ...(batchAppend ? [method('event_store.client.streams.streams', 'batchappend')] : []),
          method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
        ]),
    );
  };
