import { randomUUID } from 'node:crypto';
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

/*
 * Health and operations through the real server: /metrics, the request and command counters, the
 * projection gauges, WebSocket gauges, and the JSON log lines (collected through the log sink).
 */

type Entry = Record<string, unknown>;

const GUADALAJARA = '14039';
const OPEN_AGREEMENT = `mutation Open($commandId: ID!, $agreementId: ID!, $input: OpenAgreementInput!) {
  openAgreement(commandId: $commandId, agreementId: $agreementId, input: $input) { agreementId replayed }
}`;
const openInput = {
  kind: 'TWINNING',
  title: 'Hermanamiento Guadalajara–Kioto',
  objectives: ['Intercambio cultural'],
  themes: ['culture', 'tourism'],
  sdgs: [11],
  languages: ['es', 'ja'],
  parties: [{ level: 'MUNICIPALITY', code: GUADALAJARA, agency: 'Ayuntamiento de Guadalajara' }],
  counterparts: [{ kind: 'FOREIGN_LOCAL_GOVERNMENT', name: 'Kioto', country: 'JP', parentSubdivision: 'JP-26' }],
  validity: { startsOn: '2024-05-02', automaticRenewal: false },
  openedOn: '2024-01-10',
};

/**
 * Checks the Prometheus text format 0.0.4 line by line: HELP and TYPE comments, samples of a
 * declared family with well-formed labels and a numeric value. Returns the problems found.
 */
const expositionProblems = (text: string): string[] => {
  const problems: string[] = [];
  const types = new Map<string, string>();
  const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const LABELS = `\\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\["\\\\n])*",?)*\\}`;
  // Prometheus parses values with Go's ParseFloat, which ignores case: prom-client writes `Nan`.
  const VALUE = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[Nn][Aa][Nn]|[+-]Inf)';
  const sampleLine = new RegExp(`^(${NAME})(${LABELS})? ${VALUE}(?: -?\\d+)?$`);
  if (!text.endsWith('\n')) problems.push('does not end with a newline');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (comment) {
      if (comment[1] === 'TYPE') {
        if (!/^(counter|gauge|histogram|summary|untyped)$/.test(comment[3] ?? '')) problems.push(`bad type: ${line}`);
        types.set(comment[2] ?? '', comment[3] ?? '');
      }
      continue;
    }
    const sample = sampleLine.exec(line);
    if (!sample) {
      problems.push(`not a sample: ${line}`);
      continue;
    }
    const name = sample[1] ?? '';
    const family = [name, name.replace(/_(bucket|sum|count|total|created)$/, '')].find((candidate) => types.has(candidate));
    if (!family) problems.push(`sample of an undeclared family: ${line}`);
  }
  return problems;
};

/** The value of one series (exact name and labels, as the exposition writes them), 0 when absent. */
const valueOf = (text: string, series: string): number => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
};

const eventually = async (check: () => Promise<void>, timeoutMs = 3_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
};

const tokenFor = async (config: Config, role: 'subnational' | 'parliament' | 'sre-legal', entities?: string[]) => {
  const settings = resolveTokenSettings(config.auth);
  if (settings.key.kind !== 'secret') throw new Error('expected a development secret');
  return mintToken({ ...settings, key: settings.key }, { sub: `${role}-tester`, role, ...(entities ? { entities } : {}) });
};

describe('operations: metrics and structured logs of the running registry', () => {
  let dataDir: string;
  let config: Config;
  let registry: RunningRegistry;
  const lines: string[] = [];
  const entries = (): Entry[] => lines.map((line) => JSON.parse(line) as Entry);
  const clients: Client[] = [];

  const metrics = async () => {
    const response = await fetch(`${registry.url}/metrics`);
    expect(response.status).toBe(200);
    return { contentType: response.headers.get('content-type'), text: await response.text() };
  };
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${registry.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions?: Entry }> } };
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-observability-'));
    config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
    registry = await startRegistry(config, { clock: () => DateTime.utc(2025, 6, 15, 18), log: (line) => lines.push(line) });
    await registry.caughtUp;
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await registry.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves valid Prometheus text with process, projection and store metrics', async () => {
    const { contentType, text } = await metrics();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(expositionProblems(text)).toEqual([]);
    for (const family of [
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
      'registry_http_request_duration_seconds',
      'registry_graphql_operations_total',
      'registry_commands_total',
      'registry_command_duration_seconds',
      'registry_graphql_subscriptions_open',
      'registry_websocket_connections_open',
      'registry_projection_lag',
      'registry_projection_applied_position',
      'registry_projection_events_applied_total',
      'registry_projections_failed',
    ]) {
      expect(text).toContain(`# TYPE ${family} `);
    }
    // Caught up on the seed policy: its event applied, nothing behind, nothing failed.
    expect(valueOf(text, 'registry_event_store_up')).toBe(1);
    expect(valueOf(text, 'registry_projection_lag')).toBe(0);
    expect(valueOf(text, 'registry_projection_applied_position')).toBeGreaterThan(0);
    expect(valueOf(text, 'registry_projection_applied_position')).toBe(valueOf(text, 'registry_event_store_head_position'));
    expect(valueOf(text, 'registry_projection_events_applied_total')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'registry_projections_failed')).toBe(0);
    expect(valueOf(text, 'registry_projection_runner_phase{phase="live"}')).toBe(1);
  });

  it('counts a query and logs its request line under the correlation id the caller sent', async () => {
    const QUERY_OK = 'registry_graphql_operations_total{transport="http",operation_type="query",code="OK"}';
    const LATENCY = 'registry_http_request_duration_seconds_count{method="POST",route="/graphql",operation_type="query",status_class="2xx"}';
    const before = (await metrics()).text;
    const correlationId = `query-${randomUUID()}`;
    const response = await post({ query: 'query Status { registryStatus { caughtUp } }', operationName: 'Status' }, { 'x-correlation-id': correlationId });
    expect(response.body).toEqual({ data: { registryStatus: { caughtUp: true } } });
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const requestId = response.headers.get('x-request-id');

    const after = (await metrics()).text;
    expect(valueOf(after, QUERY_OK) - valueOf(before, QUERY_OK)).toBe(1);
    expect(valueOf(after, LATENCY) - valueOf(before, LATENCY)).toBe(1);
    expect(entries()).toContainEqual({
      level: 'info',
      time: expect.any(String),
      message: 'HTTP request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      durationMs: expect.any(Number),
      requestId,
      correlationId,
      role: 'anonymous',
      operationType: 'query',
      operationName: 'Status',
      graphqlCode: 'OK',
    });
  });

  it('counts command outcomes by type, logs them with the caller\'s role, and never logs the token', async () => {
    const outcome = (name: string) => `registry_commands_total{command_type="OpenAgreement",outcome="${name}"}`;
    const token = await tokenFor(config, 'subnational', [GUADALAJARA]);
    const parliament = await tokenFor(config, 'parliament');
    const before = (await metrics()).text;

    const variables = { commandId: randomUUID(), agreementId: randomUUID(), input: openInput };
    const correlationId = `command-${randomUUID()}`;
    const first = await post({ query: OPEN_AGREEMENT, variables }, { authorization: `Bearer ${token}`, 'x-correlation-id': correlationId });
    expect(first.body.data).toEqual({ openAgreement: { agreementId: variables.agreementId, replayed: false } });
    const retried = await post({ query: OPEN_AGREEMENT, variables }, { authorization: `Bearer ${token}` });
    expect(retried.body.data).toEqual({ openAgreement: { agreementId: variables.agreementId, replayed: true } });
    const forbidden = await post({ query: OPEN_AGREEMENT, variables: { ...variables, commandId: randomUUID() } }, { authorization: `Bearer ${parliament}` });
    expect(forbidden.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const after = (await metrics()).text;
    expect(valueOf(after, outcome('ok')) - valueOf(before, outcome('ok'))).toBe(1);
    expect(valueOf(after, outcome('replayed')) - valueOf(before, outcome('replayed'))).toBe(1);
    expect(valueOf(after, outcome('forbidden')) - valueOf(before, outcome('forbidden'))).toBe(1);
    expect(valueOf(after, 'registry_command_duration_seconds_count{command_type="OpenAgreement"}')).toBeGreaterThanOrEqual(3);
    expect(valueOf(after, 'registry_graphql_operations_total{transport="http",operation_type="mutation",code="FORBIDDEN"}')).toBeGreaterThanOrEqual(1);
    // The read models applied the new agreement: the lag is back to nothing.
    await eventually(async () => expect(valueOf((await metrics()).text, 'registry_projection_lag')).toBe(0));

    expect(entries()).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'Command handled',
        commandType: 'OpenAgreement',
        outcome: 'ok',
        durationMs: expect.any(Number),
        correlationId,
        commandId: variables.commandId,
        role: 'subnational',
        events: 1,
      }),
    );
    expect(entries()).toContainEqual(expect.objectContaining({ message: 'Command handled', outcome: 'forbidden', role: 'parliament' }));
    expect(entries()).toContainEqual(expect.objectContaining({ message: 'HTTP request', correlationId, operationType: 'mutation', role: 'subnational', graphqlCode: 'OK' }));
    const everything = lines.join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(parliament);
  });

  it('counts a request refused before any operation ran', async () => {
    const SERIES = 'registry_graphql_operations_total{transport="http",operation_type="unknown",code="UNAUTHENTICATED"}';
    const before = (await metrics()).text;
    expect((await post({ query: '{ registryStatus { caughtUp } }' }, { authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect(valueOf((await metrics()).text, SERIES) - valueOf(before, SERIES)).toBe(1);
    expect(entries()).toContainEqual(expect.objectContaining({ message: 'HTTP request', status: 401 }));
    expect(lines.join('\n')).not.toContain('not-a-token');
  });

  it('tracks WebSocket connections and subscriptions in gauges, and logs the close code', async () => {
    const CONNECTIONS = 'registry_websocket_connections_open';
    const SUBSCRIPTIONS = 'registry_graphql_subscriptions_open{field="registryEvents"}';
    const token = await tokenFor(config, 'sre-legal');
    const client = createClient({
      url: `${registry.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    clients.push(client);
    await new Promise<void>((resolve) => client.on('connected', () => resolve()));
    await eventually(async () => expect(valueOf((await metrics()).text, CONNECTIONS)).toBe(1));

    const unsubscribe = client.subscribe({ query: 'subscription { registryEvents { cursor type } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await eventually(async () => expect(valueOf((await metrics()).text, SUBSCRIPTIONS)).toBe(1));
    unsubscribe();
    await eventually(async () => expect(valueOf((await metrics()).text, SUBSCRIPTIONS)).toBe(0));
    await eventually(async () =>
      expect(valueOf((await metrics()).text, 'registry_graphql_operations_total{transport="ws",operation_type="subscription",code="OK"}')).toBe(1),
    );

    await client.dispose();
    await eventually(async () => expect(valueOf((await metrics()).text, CONNECTIONS)).toBe(0));
    expect(valueOf((await metrics()).text, 'registry_websocket_connections_total')).toBe(1);
    const opened = entries().find((entry) => entry['message'] === 'WebSocket connection opened');
    expect(opened).toMatchObject({ level: 'info', connectionId: expect.any(String), path: '/graphql' });
    expect(entries()).toContainEqual(
      expect.objectContaining({ message: 'WebSocket connection closed', connectionId: opened?.['connectionId'], code: 1000, role: 'sre-legal', durationMs: expect.any(Number) }),
    );
    expect(lines.join('\n')).not.toContain(token);
  });

  it('logs probes at debug level only', async () => {
    await fetch(`${registry.url}/healthz`);
    expect(entries()).toContainEqual(expect.objectContaining({ level: 'debug', message: 'HTTP request', path: '/healthz', status: 200 }));
  });
});

describe('operations: a masked internal error', () => {
  it('logs the error id, the caller\'s correlation id and the stack, and reports the command as an error', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-observability-'));
    const lines: string[] = [];
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
    const registry = await startRegistry(config, { clock: () => DateTime.utc(2025, 6, 15, 18), log: (line) => lines.push(line), processMetrics: false });
    try {
      await registry.caughtUp;
      const token = await tokenFor(config, 'subnational', [GUADALAJARA]);
      // A store that went away under a running server: the command cannot read its stream.
      await registry.store.close();
      const correlationId = `masked-${randomUUID()}`;
      const response = await fetch(`${registry.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-correlation-id': correlationId },
        body: JSON.stringify({ query: OPEN_AGREEMENT, variables: { commandId: randomUUID(), agreementId: randomUUID(), input: openInput } }),
      });
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: Entry }> };
      const [error] = body.errors;
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String), correlationId });
      expect(error?.message).not.toMatch(/closed/);

      const entries = lines.map((line) => JSON.parse(line) as Entry);
      expect(entries).toContainEqual(
        expect.objectContaining({
          level: 'error',
          errorId: error?.extensions['errorId'],
          correlationId,
          error: expect.objectContaining({ message: 'The event store is closed.', stack: expect.stringContaining('StoreUnavailableError') }),
        }),
      );
      expect(entries).toContainEqual(expect.objectContaining({ message: 'Command handled', commandType: 'OpenAgreement', outcome: 'error', correlationId }));
      expect(entries).toContainEqual(expect.objectContaining({ message: 'HTTP request', correlationId, graphqlCode: 'INTERNAL_SERVER_ERROR' }));

      const metrics = await (await fetch(`${registry.url}/metrics`)).text();
      expect(valueOf(metrics, 'registry_commands_total{command_type="OpenAgreement",outcome="error"}')).toBe(1);
      expect(valueOf(metrics, 'registry_event_store_up')).toBe(0);
      expect(metrics).not.toContain('registry_projection_lag ');
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await registry.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
