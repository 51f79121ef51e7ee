/**
 * The API benchmark's baseline: the registry's executable schema, resolvers and per-request
 * context served by graphql-js `execute` over `node:http`, with no Apollo and no express. The
 * registry is started as usual (its services are what the resolvers need; its own Apollo endpoint
 * stays idle) and the bare endpoint listens on a second port, printed as `BARE_URL <url>`.
 * Configuration comes from the environment like the server's (DATA_DIR, LOG_LEVEL…).
 *
 * What Apollo adds and this leaves out: the document cache (each request is parsed and validated
 * again here), the depth/alias/cost limits, error masking and the read-your-writes extension.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { startRegistry } from '../../src/app/registry';
import { loadConfig } from '../../src/config/config';
import { createContext, viewerFromAuthorization } from '../../src/graphql/context';
import { buildRegistrySchema } from '../../src/graphql/schema';

const MAX_BODY_BYTES = 64 * 1024;

const readBody = (request: http.IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const send = (response: http.ServerResponse, status: number, body: ExecutionResult | { errors: { message: string }[] }): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
};

const main = async (): Promise<void> => {
  const config = loadConfig(process.env);
  const registry = await startRegistry(config);
  await registry.caughtUp;
  const { services } = registry;
  const schema = buildRegistrySchema();

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    if (request.method !== 'POST' || request.url !== '/graphql') return send(response, 404, { errors: [{ message: 'POST /graphql only.' }] });
    let payload: { query?: unknown; variables?: unknown; operationName?: unknown };
    let document: DocumentNode;
    try {
      payload = JSON.parse(await readBody(request)) as typeof payload;
      if (typeof payload.query !== 'string') throw new Error('"query" must be a string.');
      document = parse(payload.query);
    } catch (error) {
      return send(response, 400, { errors: [{ message: error instanceof Error ? error.message : String(error) }] });
    }
    const errors = validate(schema, document);
    if (errors.length > 0) return send(response, 400, { errors: errors.map((error) => ({ message: error.message })) });
    let viewer;
    try {
      viewer = await viewerFromAuthorization(request.headers.authorization, services.verifyToken);
    } catch (error) {
      return send(response, 401, { errors: [{ message: error instanceof Error ? error.message : 'Invalid token.' }] });
    }
    const result = await execute({
      schema,
      document,
      variableValues: (payload.variables ?? {}) as Record<string, unknown>,
      operationName: typeof payload.operationName === 'string' ? payload.operationName : null,
      contextValue: createContext(services, viewer),
    });
    send(response, 200, result);
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(`BARE_URL http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);

  const stop = () => {
    server.close();
    server.closeAllConnections();
    registry.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

main().catch((error: unknown) => {
  console.error('The bare GraphQL server could not start:', error);
  process.exit(1);
});
