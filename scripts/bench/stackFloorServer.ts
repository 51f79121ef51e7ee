/**
 * The servers of the stack-floor benchmark (stackFloor.ts): what the fixed stack costs before the
 * registry adds anything. Each answers POST /graphql with a constant result:
 *   raw            node:http, fixed body
 *   express        express 5 with express.json(), fixed body
 *   apollo         Apollo Server 5 over express 5 (@as-integrations/express5), a one-field schema
 *   apollo-cluster the same in two processes sharing the port (node:cluster), one per core
 * Prints `FLOOR_URL <url>` once listening.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

const KINDS = ['raw', 'express', 'apollo', 'apollo-cluster'] as const;
type Kind = (typeof KINDS)[number];

const handlerFor = async (kind: Exclude<Kind, 'apollo-cluster'>): Promise<http.RequestListener> => {
  switch (kind) {
    case 'raw':
      return (request, response) => {
        request.resume();
        request.on('end', () => {
          response.setHeader('content-type', 'application/json');
          response.end('{"data":{"__typename":"Query"}}');
        });
      };
    case 'express': {
      const app = express();
      app.post('/graphql', express.json(), (_request, response) => {
        response.json({ data: { __typename: 'Query' } });
      });
      return app;
    }
    case 'apollo': {
      const server = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hi' } } });
      await server.start();
      const app = express();
      app.use('/graphql', express.json(), expressMiddleware(server));
      return app;
    }
    default: {
      const unexpected: never = kind;
      throw new Error(`unknown server ${String(unexpected)}`);
    }
  }
};

const listen = async (kind: Exclude<Kind, 'apollo-cluster'>, port: number): Promise<number> => {
  const server = http.createServer(await handlerFor(kind));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

const main = async (): Promise<void> => {
  const kind = process.argv[2] as Kind;
  if (!KINDS.includes(kind)) throw new Error(`usage: stackFloorServer.ts ${KINDS.join('|')}`);
  if (kind !== 'apollo-cluster') {
    process.stdout.write(`FLOOR_URL http://127.0.0.1:${await listen(kind, 0)}/graphql\n`);
    return;
  }
  if (cluster.isPrimary) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const workers = [cluster.fork({ FLOOR_PORT: String(port) }), cluster.fork({ FLOOR_PORT: String(port) })];
    await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('listening', resolve))));
    process.stdout.write(`FLOOR_URL http://127.0.0.1:${port}/graphql\n`);
    return;
  }
  await listen('apollo', Number(process.env.FLOOR_PORT));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
