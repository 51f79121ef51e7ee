import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws/client';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import { resolveTokenSettings } from '../../src/access/tokenSettings';
import { mintToken } from '../../src/access/tokens';
import { startRegistry, type RunningRegistry } from '../../src/app/registry';
import { loadConfig, type Config } from '../../src/config/config';

describe('the GraphQL endpoint (HTTP and WebSocket)', () => {
  let dataDir: string;
  let config: Config;
  let registry: RunningRegistry;
  let endpoint: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-graphql-'));
    config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
    registry = await startRegistry(config, { clock: () => DateTime.utc(2025, 6, 15, 18), log: () => undefined });
    await registry.caughtUp;
    endpoint = `${registry.url}/graphql`;
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await registry.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const token = async (role: 'parliament' | 'subnational', entities?: string[]) => {
    const settings = resolveTokenSettings(config.auth);
    if (settings.key.kind !== 'secret') throw new Error('expected a development secret');
    return mintToken({ ...settings, key: settings.key }, { sub: `${role}-tester`, role, ...(entities ? { entities } : {}) });
  };
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
  };
  const webSocket = (authorization?: string) => {
    const client = createClient({
      url: endpoint.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      ...(authorization ? { connectionParams: { authorization } } : {}),
    });
    clients.push(client);
    return client;
  };
  const once = (client: Client, query: string) =>
    new Promise<{ data?: unknown; errors?: unknown }>((resolve, reject) => {
      let result: { data?: unknown; errors?: unknown } = {};
      client.subscribe({ query }, { next: (value) => (result = value as typeof result), error: reject, complete: () => resolve(result) });
    });

  it('answers an anonymous query', async () => {
    await expect(post({ query: '{ registryStatus { caughtUp today } }' })).resolves.toEqual({
      status: 200,
      body: { data: { registryStatus: { caughtUp: true, today: '2025-06-15' } } },
    });
  });

  it('sends no ETag with an answer (nobody revalidates a POST; hashing every answer is wasted work)', async () => {
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ registryStatus { caughtUp } }' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
  });

  it('names the caller of a valid token and refuses an invalid one with 401 and the reason', async () => {
    const subnational = await token('subnational', ['14039']);
    await expect(post({ query: 'mutation { whoAmI { id role entities } }' }, { authorization: `Bearer ${subnational}` })).resolves.toMatchObject({
      body: { data: { whoAmI: { id: 'subnational-tester', role: 'subnational', entities: ['14039'] } } },
    });
    const refused = await post({ query: '{ registryStatus { today } }' }, { authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/malformed/), extensions: { code: 'UNAUTHENTICATED' } });
  });

  it.each([
    ['a body that is not JSON', '{"query": "{ registryStatus ', 400, 'BAD_REQUEST'],
    ['a batch of operations', [{ query: '{ registryStatus { today } }' }, { query: '{ registryStatus { today } }' }], 400, 'BAD_REQUEST'],
    ['a syntax error', { query: '{ registryStatus { today }' }, 400, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', { query: '{ registryStatus { tomorrow } }' }, 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['too many aliases', { query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: registryStatus { today }`).join(' ')} }` }, 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['too many tokens', { query: `{ ${'registryStatus { today } '.repeat(1_500)} }` }, 400, 'GRAPHQL_PARSE_FAILED'],
    ['a subscription over HTTP', { query: 'subscription { statisticsChanged { __typename } }' }, 400, 'BAD_REQUEST'],
    ['a persisted query of an unknown version', { query: '{ registryStatus { today } }', extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }, 400, 'BAD_REQUEST'],
    ['a persisted query whose hash is not its text', { query: '{ registryStatus { today } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }, 400, 'BAD_REQUEST'],
  ])('answers %s with a 4xx and a clear code, never a 500', async (_label, body, status, code) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe(code);
  });

  it('answers a variable with more than 50 invalid values as BAD_USER_INPUT throughout, with no internal error', async () => {
    const response = await post({
      query: 'query Kinds($kinds: [AgreementKind!]) { agreements(filter: { kinds: $kinds }) { totalCount } }',
      variables: { kinds: Array.from({ length: 60 }, () => 'TREATY') },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(51);
    expect(response.body.errors?.[0]?.message).toMatch(/at "kinds\[0\]".*"TREATY" does not exist/);
    expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(Array(51).fill('BAD_USER_INPUT'));
    expect(response.body.errors?.[50]?.message).toMatch(/More than 50 values .* invalid/);
  });

  /** Agreements → parties → entity → agreements …: a path that nests as deep as a client asks. */
  const nested = (levels: number, size: string): string => {
    let inner = 'title';
    for (let level = 0; level < levels; level++) inner = `title parties { entity { agreements(first: ${size}) { edges { node { ${inner} } } } } }`;
    return `agreements(first: ${size}) { edges { node { ${inner} } } }`;
  };

  it('refuses a query nested deeper than the limit with a 400', async () => {
    const response = await post({ query: `{ ${nested(4, '1')} }` });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/depth/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('prices page sizes given as variables, refusing what would cost too much', async () => {
    const query = `query Wide($n: Int) { ${nested(1, '$n')} }`;
    const affordable = await post({ query, variables: { n: 5 } });
    expect(affordable.status).toBe(200);
    const tooWide = await post({ query, variables: { n: 100 } });
    expect(tooWide.status).toBe(400);
    expect(tooWide.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', maxCost: 20_000 } });
  });

  it('refuses a body over the size limit with 413, saying the limit', async () => {
    const response = await post({ query: '{ registryStatus { today } }', variables: { padding: 'x'.repeat(100_000) } });
    expect(response.status).toBe(413);
    expect(response.body.errors?.[0]?.message).toMatch(/larger than this endpoint takes \(64 KB\)/);
  });

  it('says what is wrong with a body that is JSON but not an object, or does not decompress', async () => {
    for (const body of ['5', 'null', '"query"']) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.message).toBe('The request body must be a JSON object, e.g. {"query": "…", "variables": {…}}.');
    }
    expect((await post('{"query": ')).body.errors?.[0]?.message).toBe('The request body is not valid JSON.');
    const garbled = await post('not gzip', { 'content-encoding': 'gzip' });
    expect(garbled.status).toBe(400);
    expect(garbled.body.errors?.[0]?.message).toMatch(/could not be decompressed/);
  });

  it('locates a bad date written in the query text, as it does a bad variable', async () => {
    const response = await post({ query: '{ agreements(filter: { signedBetween: { from: "2020-02-30" } }) { totalCount } }' });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/2020-02-30/), locations: [{ line: 1, column: 47 }] });
  });

  it('refuses a municipalities state that is not a state code, as the filters do', async () => {
    const response = await post({ query: '{ municipalities(state: "99") { code } }' });
    expect(response.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/99/) });
    expect((await post({ query: '{ municipalities(state: "14") { code } }' })).body.data).toMatchObject({ municipalities: expect.arrayContaining([expect.objectContaining({ code: '14039' })]) });
  });

  it('blocks a simple GET that could be a cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${endpoint}?query=${encodeURIComponent('{ registryStatus { today } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('serves the same schema over WebSocket, with the caller from connection params', async () => {
    const parliament = await token('parliament');
    await expect(once(webSocket(`Bearer ${parliament}`), 'mutation { whoAmI { role } }')).resolves.toEqual({ data: { whoAmI: { role: 'parliament' } } });
  });

  it('applies the same validation limits over WebSocket', async () => {
    const hostile = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: registryStatus { today }`).join(' ')} }`;
    await expect(once(webSocket(), hostile)).rejects.toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  });

  it('refuses variables that do not coerce over WebSocket as BAD_USER_INPUT, as over HTTP', async () => {
    const parliament = await token('parliament');
    const subscribe = (query: string, variables: Record<string, unknown>) =>
      new Promise<unknown>((resolve, reject) => {
        webSocket(`Bearer ${parliament}`).subscribe({ query, variables }, { next: () => undefined, error: resolve, complete: () => reject(new Error('completed without an error')) });
      });
    await expect(subscribe('subscription Changed($id: ID!) { agreementChanged(id: $id) { id } }', { id: null })).resolves.toEqual([
      expect.objectContaining({ message: expect.stringMatching(/"\$id" of non-null type "ID!" must not be null/), extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
    await expect(subscribe('subscription Findings($filter: FindingsChangedFilter) { findingsChanged(filter: $filter) { open } }', { filter: { rules: ['NOPE'] } })).resolves.toEqual([
      expect.objectContaining({ message: expect.stringMatching(/at "filter.rules\[0\]"/), extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
  });

  it('asks which operation to run over WebSocket when a document holds several and none is named', async () => {
    const twoOperations = 'subscription A { statisticsChanged { __typename } } subscription B { statisticsChanged { __typename } }';
    await expect(once(webSocket(), twoOperations)).rejects.toEqual([
      expect.objectContaining({ message: expect.stringMatching(/several operations: say which one to run with operationName/), extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }),
    ]);
  });

  it('says what a Position is when a cursor or consistentWith is not one', async () => {
    const response = await post({ query: 'query Status($at: Position) { registryStatus(consistentWith: $at) { today } }', variables: { at: '-1' } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/"\$at" got invalid value "-1"; Position: must be a position of the event log written as a decimal string, e\.g\. "1234"/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('closes a WebSocket whose token is invalid with 4401 and why, which the client does not retry', async () => {
    await expect(once(webSocket('Bearer forged'), '{ registryStatus { today } }')).rejects.toMatchObject({ code: 4401, reason: expect.stringMatching(/token/i) });
  });

  it('closes a WebSocket whose authorization is not a string with 4400, rather than serving it as anonymous', async () => {
    const client = createClient({ url: endpoint.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: 123 } });
    clients.push(client);
    await expect(once(client, '{ registryStatus { today } }')).rejects.toMatchObject({ code: 4400, reason: expect.stringContaining('authorization must be a string') });
  });
});

describe('the rate limit per caller (RATE_LIMIT_PER_SECOND)', () => {
  /** 130 requests at once from one caller (a forged token: refused with 401 when not throttled). */
  const burstStatuses = async (rateLimit: string): Promise<number[]> => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-rate-'));
    const registry = await startRegistry(loadConfig({ PORT: '0', DATA_DIR: dataDir, RATE_LIMIT_PER_SECOND: rateLimit }), { log: () => undefined });
    try {
      await registry.caughtUp;
      return await Promise.all(
        Array.from({ length: 130 }, () =>
          fetch(`${registry.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer rate-test' },
            body: JSON.stringify({ query: '{ registryStatus { today } }' }),
          }).then((response) => response.status),
        ),
      );
    } finally {
      await registry.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };

  // A low limit, so the outcome does not depend on how fast a loaded machine sends the burst.
  it('answers 429 beyond the limit', async () => {
    const statuses = await burstStatuses('1');
    expect(statuses).toContain(429);
    expect(statuses).toContain(401);
  });

  it('does not limit at all with 0 (load tests)', async () => {
    const statuses = await burstStatuses('0');
    // Every request reached the API, which refused the forged token.
    expect(new Set(statuses)).toEqual(new Set([401]));
  });
});
