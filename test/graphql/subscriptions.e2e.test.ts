import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws/client';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import { resolveTokenSettings } from '../../src/access/tokenSettings';
import { mintToken } from '../../src/access/tokens';
import type { AgreementId } from '../../src/agreements/agreementTypes';
import { executeAgreementCommand } from '../../src/agreements/executeAgreementCommand';
import { registryUpcasters } from '../../src/app/upcasters';
import { startRegistry, type RunningRegistry } from '../../src/app/registry';
import { loadConfig, type Config } from '../../src/config/config';
import type { CommandHandlerDeps } from '../../src/eventSourcing/commandHandler';
import { SYSTEM_ACTOR } from '../../src/eventSourcing/systemActor';
import { readHeadPosition } from '../../src/eventStore/headPosition';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory } from '../../src/generator/generateHistory';
import { writeHistory } from '../../src/generator/writeHistory';
import { parseCommandId } from '../../src/shared/ids';
import type { LegalDate } from '../../src/shared/time';
import { openedData } from '../agreements/agreementFixtures';

interface Notice {
  readonly cursor: string;
  readonly type: string;
  readonly agreementId: string | null;
}

const QUERY = 'subscription ($after: Position) { registryEvents(after: $after) { cursor type agreementId } }';
const clock = () => DateTime.utc(2025, 6, 15, 18);

describe('live registry events over WebSocket', () => {
  let dataDir: string;
  let config: Config;
  let registry: RunningRegistry | undefined;
  const clients: Client[] = [];

  /** A short stall limit only where a test exercises it: under load a slow test runner could trip it. */
  const start = async (subscriberStallLimitMs = 15_000) => {
    registry = await startRegistry(config, { clock, log: () => undefined, subscriberStallLimitMs });
    await registry.caughtUp;
    return registry;
  };
  const sreToken = async () => {
    const settings = resolveTokenSettings(config.auth);
    if (settings.key.kind !== 'secret') throw new Error('expected a development secret');
    return `Bearer ${await mintToken({ ...settings, key: settings.key }, { sub: 'sre-tester', role: 'sre-legal' })}`;
  };
  const openAgreement = async (deps: CommandHandlerDeps, title: string) => {
    const agreementId = randomUUID() as AgreementId;
    await executeAgreementCommand(deps, { type: 'OpenAgreement', agreementId, data: openedData({ agreementId, title }) }, { commandId: parseCommandId(randomUUID()), actor: SYSTEM_ACTOR });
    return agreementId;
  };
  /** Subscribes and resolves with the first `count` notices (then unsubscribes). */
  const collect = (url: string, after: string | null, count: number, authorization: string) => {
    const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization } });
    clients.push(client);
    const notices: Notice[] = [];
    let subscribed!: () => void;
    const ready = new Promise<void>((resolve) => (subscribed = resolve));
    const done = new Promise<Notice[]>((resolve, reject) => {
      const unsubscribe = client.subscribe<{ registryEvents: Notice }>({ query: QUERY, variables: { after } }, {
        next: (value) => {
          if (value.data) notices.push(value.data.registryEvents);
          if (notices.length === count) {
            unsubscribe();
            resolve(notices);
          }
        },
        error: reject,
        complete: () => resolve(notices),
      });
    });
    // graphql-ws has no "subscribed" acknowledgement: the connection being open is close enough
    // for a live subscription that starts at the end of the log; give the server a moment.
    client.on('connected', () => setTimeout(subscribed, 150));
    return { ready, done };
  };

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-live-'));
    config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    await registry?.stop();
    registry = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers new events live, then resumes from the last cursor after a restart with no gap and no duplicate', async () => {
    const first = await start();
    const live = collect(first.url, null, 2, await sreToken());
    await live.ready;
    const a = await openAgreement(first.commandDeps, 'A');
    const b = await openAgreement(first.commandDeps, 'B');
    const received = await live.done;
    expect(received.map((notice) => [notice.type, notice.agreementId])).toEqual([
      ['AgreementOpened', a],
      ['AgreementOpened', b],
    ]);
    const lastCursor = received[1]!.cursor;

    // The server stops; one agreement is recorded while it is down, one after it restarts.
    await first.stop();
    registry = undefined;
    const store = SqliteEventStore.open({ dataDir });
    const c = await openAgreement({ store, clock, upcasters: registryUpcasters }, 'C');
    await store.close();
    const second = await start();
    const d = await openAgreement(second.commandDeps, 'D');

    const resumed = await collect(second.url, lastCursor, 2, await sreToken()).done;
    expect(resumed.map((notice) => notice.agreementId)).toEqual([c, d]);
    expect(BigInt(resumed[0]!.cursor)).toBeGreaterThan(BigInt(lastCursor));
  }, 30_000);

  it('refuses a cursor past the end of the log instead of waiting in silence, and accepts the last one', async () => {
    const running = await start();
    await openAgreement(running.commandDeps, 'A');
    const head = (await readHeadPosition(running.commandDeps.store)) as bigint;
    const client = createClient({ url: `${running.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: await sreToken() } });
    clients.push(client);
    const firstAnswer = new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: QUERY, variables: { after: String(head + 1_000_000n) } }, { next: resolve, error: reject, complete: () => reject(new Error('completed without an answer')) });
    });
    await expect(firstAnswer).resolves.toEqual({
      errors: [
        expect.objectContaining({
          message: expect.stringContaining(`${head + 1_000_000n} is past the end of the registry's log (its last position is ${head})`),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ],
    });
    const fromHead = collect(running.url, String(head), 1, await sreToken());
    await fromHead.ready;
    const b = await openAgreement(running.commandDeps, 'B');
    await expect(fromHead.done).resolves.toEqual([expect.objectContaining({ type: 'AgreementOpened', agreementId: b })]);
  });

  /** The first answer of one subscription on `client`: an error list, or its first notice. */
  const firstAnswer = (client: Client, query: string, variables: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      client.subscribe({ query, variables }, { next: resolve, error: resolve, complete: () => resolve('completed') });
    });
  const socket = (url: string, authorization?: string) => {
    const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, ...(authorization ? { connectionParams: { authorization } } : {}) });
    clients.push(client);
    return client;
  };

  it('refuses filters that name nothing: unknown types, ids that are not agreements, codes of no state or municipality, over-long lists', async () => {
    const running = await start();
    const client = socket(running.url);
    const filtered = (filter: Record<string, unknown>) => firstAnswer(client, 'subscription ($filter: RegistryEventFilter) { registryEvents(filter: $filter) { cursor } }', { filter });
    const answer = (await filtered({ types: ['FactCorected', 'FACT_CORRECTED'], agreementIds: ['garbage'], entityCodes: ['ZZ', '14'] })) as { errors: Array<{ extensions: { code: string; issues: Array<{ path: string; rule: string }> } }> };
    expect(answer.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.errors[0]?.extensions.issues.map(({ path, rule }) => `${path} ${rule}`)).toEqual([
      'filter.types[0] unknown-event-type',
      'filter.entityCodes[0] invalid-code',
      'filter.agreementIds[0] uuid-format',
    ]);
    const tooMany = (await filtered({ types: Array.from({ length: 101 }, () => 'AgreementSigned') })) as { errors: Array<{ extensions: { issues: Array<{ rule: string }> } }> };
    expect(tooMany.errors[0]?.extensions.issues).toEqual([expect.objectContaining({ rule: 'too-many-values' })]);
  });

  it('holds at most 20 subscriptions on one connection, and takes another once one completes', async () => {
    const running = await start();
    // SRE legal staff see the draft opened below.
    const client = socket(running.url, await sreToken());
    const unsubscribes = Array.from({ length: 20 }, () => client.subscribe({ query: QUERY, variables: {} }, { next: () => undefined, error: () => undefined, complete: () => undefined }));
    const refused = (await firstAnswer(client, QUERY)) as Array<{ message: string; extensions: { code: string } }>;
    expect(refused).toEqual([expect.objectContaining({ message: expect.stringContaining('already holds 20 subscriptions'), extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) })]);
    unsubscribes[0]?.();
    // Another connection is not affected, and this one takes a new subscription once one ended.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const taken = firstAnswer(client, QUERY);
    const opened = await openAgreement(running.commandDeps, 'after the limit');
    expect(await taken).toEqual({ data: { registryEvents: expect.objectContaining({ agreementId: opened }) } });
    for (const unsubscribe of unsubscribes) unsubscribe();
  }, 30_000);

  it('closes the connection when its token expires, so a subscription stops delivering what only the token may see', async () => {
    const running = await start();
    const settings = resolveTokenSettings(config.auth);
    if (settings.key.kind !== 'secret') throw new Error('expected a development secret');
    const shortLived = `Bearer ${await mintToken({ ...settings, key: settings.key }, { sub: 'sre-tester', role: 'sre-legal' }, '2s')}`;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      const client = createClient({
        url: `${running.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        // The close is what the test waits for: not an error to print.
        onNonLazyError: () => undefined,
        connectionParams: { authorization: shortLived },
        on: { closed: (event) => resolve(event as { code: number; reason: string }) },
      });
      clients.push(client);
      client.subscribe({ query: QUERY, variables: {} }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    const started = Date.now();
    expect(await closed).toMatchObject({ code: 4401, reason: 'The token has expired: connect again with a new one.' });
    expect(Date.now() - started).toBeLessThan(4_000);
  }, 15_000);

  it('shows the public only published agreements', async () => {
    const running = await start();
    const anonymous = createClient({ url: `${running.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(anonymous);
    const seen: Notice[] = [];
    anonymous.subscribe<{ registryEvents: Notice }>({ query: QUERY, variables: { after: '0' } }, { next: (value) => value.data && seen.push(value.data.registryEvents), error: () => undefined, complete: () => undefined });
    await openAgreement(running.commandDeps, 'A draft, not published');
    const sre = collect(running.url, '0', 2, await sreToken());
    const all = await sre.done;
    expect(all.map((notice) => notice.type)).toEqual(['PolicyVersionPublished', 'AgreementOpened']);
    expect(seen.map((notice) => notice.type)).toEqual(['PolicyVersionPublished']);
  }, 30_000);

  it('disconnects a subscriber that stops reading, with a reason, instead of buffering for it', async () => {
    const store = SqliteEventStore.open({ dataDir });
    await writeHistory(store, generateHistory({ seed: 5, agreements: 800, to: '2025-06-15' as LegalDate }), { pipelineSameStream: true });
    await store.close();
    const running = await start(1_000);
    const socket = new WebSocket(`${running.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: await sreToken() } }));
    await new Promise((resolve) => socket.once('message', resolve));
    // Stop reading: what the server sends from now on piles up on its side of the connection.
    const raw = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    // With each event's data: many MB in all, more than the kernel's socket buffers absorb.
    const heavy = 'subscription { registryEvents(after: "0") { cursor type agreementId recordedAt actorId correlationId data } }';
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: heavy } }));
    setTimeout(() => raw.resume(), 5_000);

    await expect(closed).resolves.toEqual({ code: 4429, reason: expect.stringMatching(/resume from the last cursor/) });
  }, 30_000);
});
