import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws/client';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import { resolveTokenSettings } from '../../src/access/tokenSettings';
import { mintToken } from '../../src/access/tokens';
import type { AgreementCommand } from '../../src/agreements/agreementCommands';
import type { AgreementId } from '../../src/agreements/agreementTypes';
import { executeAgreementCommand } from '../../src/agreements/executeAgreementCommand';
import { startRegistry, type RunningRegistry } from '../../src/app/registry';
import { loadConfig, type Config } from '../../src/config/config';
import { SYSTEM_ACTOR } from '../../src/eventSourcing/systemActor';
import { liveFeedDiagnostics } from '../../src/graphql/live/liveFeed';
import { parseCommandId } from '../../src/shared/ids';
import { date, openedData, signedData } from '../agreements/agreementFixtures';

/*
 * The dashboard subscriptions (statisticsChanged, findingsChanged, agreementChanged) against a
 * real server: graphql-ws client over `ws`, commands recorded through the domain. Pacing is
 * shortened (updates at most every 300 ms, the clock read every 50 ms for a new day).
 */

const MIN_INTERVAL_MS = 300;
const STATISTICS = 'subscription { statisticsChanged { scope total signed position byStatus { status count } } }';
const FINDINGS = 'subscription ($filter: FindingsChangedFilter) { findingsChanged(filter: $filter) { asOf position resync open raised { findingId rule open agreementId } resolved { findingId rule resolvedOn } withdrawn } }';
const AGREEMENT = 'subscription ($id: ID!) { agreementChanged(id: $id) { agreementId title status published findings(open: true) { rule } } }';

interface Statistics {
  readonly scope: string;
  readonly total: number;
  readonly signed: number;
  readonly position: string | null;
}
interface FindingsUpdate {
  readonly asOf: string;
  readonly resync: boolean;
  readonly open: number;
  readonly raised: readonly { readonly findingId: string; readonly rule: string; readonly agreementId: string }[];
  readonly resolved: readonly { readonly rule: string; readonly resolvedOn: string }[];
  readonly withdrawn: readonly string[];
}
interface AgreementValue {
  readonly agreementId: string;
  readonly title: string;
  readonly status: string;
  readonly published: boolean;
  readonly findings: readonly { readonly rule: string }[] | null;
}

interface Recorder<T> {
  readonly values: T[];
  readonly errors: { readonly message: string; readonly extensions?: Record<string, unknown> }[];
  readonly completed: Promise<void>;
  /** Resolves once `count` values have arrived (rejects after a while). */
  reach(count: number, timeoutMs?: number): Promise<T[]>;
  unsubscribe(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(10);
  }
};

describe('dashboard subscriptions over WebSocket', () => {
  let dataDir: string;
  let config: Config;
  let registry: RunningRegistry;
  let now: DateTime;
  const clients: Client[] = [];

  const token = async (role: 'sre-legal' | 'subnational', entities?: readonly string[]) => {
    const settings = resolveTokenSettings(config.auth);
    if (settings.key.kind !== 'secret') throw new Error('expected a development secret');
    return `Bearer ${await mintToken({ ...settings, key: settings.key }, { sub: `${role}-tester`, role, ...(entities ? { entities } : {}) })}`;
  };

  const run = (command: AgreementCommand) => executeAgreementCommand(registry.commandDeps, command, { commandId: parseCommandId(randomUUID()), actor: SYSTEM_ACTOR });
  const open = async (title: string): Promise<AgreementId> => {
    const agreementId = randomUUID() as AgreementId;
    await run({ type: 'OpenAgreement', agreementId, data: openedData({ agreementId, title }) });
    return agreementId;
  };
  const sign = (agreementId: AgreementId, on: string) => run({ type: 'SignAgreement', agreementId, data: signedData(on) });
  const register = (agreementId: AgreementId, on: string) =>
    run({ type: 'RegisterAgreement', agreementId, data: { registryNumber: `RAI-${agreementId.slice(0, 8)}`, registeredOn: date(on) } });

  const client = (authorization?: string): Client => {
    const created = createClient({
      url: `${registry.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      ...(authorization ? { connectionParams: { authorization } } : {}),
    });
    clients.push(created);
    return created;
  };

  const subscribe = <T>(field: string, query: string, variables: Record<string, unknown>, authorization?: string, on: Client = client(authorization)): Recorder<T> => {
    const values: T[] = [];
    const errors: Recorder<T>['errors'] = [];
    const waiters = new Set<() => void>();
    let done!: () => void;
    const completed = new Promise<void>((resolve) => (done = resolve));
    const unsubscribe = on.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) errors.push(...(result.errors as unknown as Recorder<T>['errors']));
          const value = result.data?.[field];
          if (value !== undefined && value !== null) values.push(value);
          for (const waiter of waiters) waiter();
        },
        error: (error) => {
          errors.push({ message: String(error) });
          done();
        },
        complete: () => done(),
      },
    );
    return {
      values,
      errors,
      completed,
      unsubscribe,
      reach: async (count, timeoutMs = 5_000) => {
        await until(() => values.length >= count, timeoutMs, `${count} ${field} values (have ${values.length}: ${JSON.stringify(values.at(-1))})`);
        return values;
      },
    };
  };

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-dashboard-'));
    config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
    // 18:00 UTC is noon in Mexico City (UTC-6): the legal date is 2025-06-15.
    now = DateTime.utc(2025, 6, 15, 18);
    registry = await startRegistry(config, {
      clock: () => now,
      log: () => undefined,
      subscriberStallLimitMs: 2_000,
      liveFeeds: { minIntervalMs: MIN_INTERVAL_MS, settleMs: 10, dayCheckMs: 50 },
    });
    await registry.caughtUp;
  });
  afterEach(async () => {
    for (const created of clients.splice(0)) await created.dispose();
    await registry.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('statisticsChanged', () => {
    it('sends the current figures at once, then again when events change them, each caller its own scope', async () => {
      const sre = subscribe<Statistics>('statisticsChanged', STATISTICS, {}, await token('sre-legal'));
      const anonymous = subscribe<Statistics>('statisticsChanged', STATISTICS, {});
      await sre.reach(1);
      await anonymous.reach(1);
      expect(sre.values[0]).toMatchObject({ scope: 'ALL', total: 0 });
      expect(anonymous.values[0]).toMatchObject({ scope: 'PUBLISHED', total: 0 });

      // A draft: the SRE counts it, the public does not see it and gets no update.
      const draft = await open('Borrador');
      await sre.reach(2);
      expect(sre.values[1]).toMatchObject({ total: 1, signed: 0 });

      // Signed and inscribed in the Registro: now published, the public counts it.
      const published = await open('Publicado');
      await sign(published, '2025-06-01');
      await register(published, '2025-06-10');
      await anonymous.reach(2);
      // Updates are coalesced: on a busy machine the one for the signature may come before the
      // one for the registration, so wait for the figures as of the last event.
      await until(() => BigInt(sre.values.at(-1)?.position ?? '0') === registry.runner.position, 5_000, 'the SRE figures as of the last event');
      expect(anonymous.values[1]).toMatchObject({ scope: 'PUBLISHED', total: 1, signed: 1 });
      expect(sre.values.at(-1)).toMatchObject({ total: 2, signed: 1 });

      // An event that changes no figure the public sees sends it nothing.
      await sign(draft, '2025-06-02');
      await until(() => sre.values.at(-1)?.signed === 2, 5_000, 'the SRE to count the signature');
      await sleep(MIN_INTERVAL_MS + 200);
      expect(anonymous.values).toHaveLength(2);
    }, 30_000);

    it('coalesces a burst of events into fewer updates, the last one with the final figures', async () => {
      const sre = subscribe<Statistics>('statisticsChanged', STATISTICS, {}, await token('sre-legal'));
      await sre.reach(1);
      const started = Date.now();
      // Spaced wider than the settling delay (10 ms): only the interval between updates groups them.
      for (let index = 0; index < 12; index++) {
        await open(`Convenio ${index}`);
        await sleep(40);
      }
      await until(() => sre.values.at(-1)?.total === 12, 5_000, 'the final figures');
      const elapsed = Date.now() - started;
      await sleep(MIN_INTERVAL_MS + 200);
      const updates = sre.values.length - 1;
      expect(sre.values.at(-1)).toMatchObject({ total: 12 });
      expect(updates).toBeLessThan(6);
      expect(updates).toBeLessThanOrEqual(Math.ceil(elapsed / MIN_INTERVAL_MS) + 1);
      // Figures only grow through the burst: no update is older than the one before it.
      const totals = sre.values.map((value) => value.total);
      expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    }, 30_000);
  });

  describe('agreementChanged', () => {
    it('sends the agreement at once, then its latest state after events of its stream, coalesced', async () => {
      const id = await open('Hermanamiento Guadalajara–Kioto');
      const other = await open('Otro');
      const sre = subscribe<AgreementValue>('agreementChanged', AGREEMENT, { id }, await token('sre-legal'));
      await sre.reach(1);
      expect(sre.values[0]).toMatchObject({ agreementId: id, status: 'DRAFT', published: false });

      // Another agreement's events are not this one's updates.
      await sign(other, '2025-06-01');
      await sleep(MIN_INTERVAL_MS + 200);
      expect(sre.values).toHaveLength(1);

      // Three facts in quick succession: fewer than three updates, the last one REGISTERED.
      await run({ type: 'SubmitTextToSre', agreementId: id, data: { submittedOn: date('2025-05-01') } });
      await sleep(40);
      await sign(id, '2025-06-01');
      await sleep(40);
      await register(id, '2025-06-10');
      await until(() => sre.values.at(-1)?.status === 'REGISTERED', 5_000, 'the registered state');
      await sleep(MIN_INTERVAL_MS + 200);
      expect(sre.values.length - 1).toBeLessThan(3);
      expect(sre.values.at(-1)).toMatchObject({ status: 'REGISTERED', published: true });
    }, 30_000);

    it('answers NOT_FOUND where the agreement query answers null: unknown id, or not the caller’s to see', async () => {
      const draft = await open('Borrador');
      const anonymous = subscribe<AgreementValue>('agreementChanged', AGREEMENT, { id: draft });
      await anonymous.completed;
      expect(anonymous.values).toEqual([]);
      expect(anonymous.errors.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);

      const unknown = subscribe<AgreementValue>('agreementChanged', AGREEMENT, { id: randomUUID() }, await token('sre-legal'));
      await unknown.completed;
      expect(unknown.errors.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);

      // A party's own user sees its draft; another state's user does not.
      const own = subscribe<AgreementValue>('agreementChanged', AGREEMENT, { id: draft }, await token('subnational', ['14039']));
      const stranger = subscribe<AgreementValue>('agreementChanged', AGREEMENT, { id: draft }, await token('subnational', ['19039']));
      await own.reach(1);
      await stranger.completed;
      expect(own.values[0]).toMatchObject({ agreementId: draft, status: 'DRAFT' });
      expect(stranger.errors.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
    }, 30_000);
  });

  describe('findingsChanged', () => {
    it('refuses anonymous callers', async () => {
      const anonymous = subscribe<FindingsUpdate>('findingsChanged', FINDINGS, {});
      await anonymous.completed;
      expect(anonymous.values).toEqual([]);
      expect(anonymous.errors.map((error) => error.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    }, 30_000);

    it('starts with a resync, then lists findings raised and resolved by events', async () => {
      const id = await open('Sin dictamen');
      const sre = subscribe<FindingsUpdate>('findingsChanged', FINDINGS, { filter: { rules: ['SIGNED_WITHOUT_OPINION'] } }, await token('sre-legal'));
      await sre.reach(1);
      expect(sre.values[0]).toMatchObject({ resync: true, open: 0, raised: [], resolved: [], withdrawn: [], asOf: '2025-06-15' });

      // Signed with no SRE opinion (dictamen): a legal breach is raised.
      await sign(id, '2025-06-01');
      const [, raised] = await sre.reach(2);
      expect(raised).toMatchObject({ resync: false, open: 1, resolved: [], withdrawn: [] });
      expect(raised?.raised).toEqual([expect.objectContaining({ rule: 'SIGNED_WITHOUT_OPINION', agreementId: id, open: true })]);
    }, 30_000);

    it('gives each subscriber the findings of its own scope and filter, however many share an update', async () => {
      const id = await open('Sin dictamen, vista por varios');
      await sign(id, '2025-06-01');
      const rules = { filter: { rules: ['SIGNED_WITHOUT_OPINION'], agreements: [id] } };
      const sre = subscribe<FindingsUpdate>('findingsChanged', FINDINGS, rules, await token('sre-legal'));
      const sreOtherRule = subscribe<FindingsUpdate>('findingsChanged', FINDINGS, { filter: { rules: ['REGISTRATION_OVERDUE'], agreements: [id] } }, await token('sre-legal'));
      const party = subscribe<FindingsUpdate>('findingsChanged', FINDINGS, rules, await token('subnational', ['14039']));
      const stranger = subscribe<FindingsUpdate>('findingsChanged', FINDINGS, rules, await token('subnational', ['19039']));
      await Promise.all([sre.reach(1), sreOtherRule.reach(1), party.reach(1), stranger.reach(1)]);
      expect([sre, sreOtherRule, party, stranger].map((feed) => feed.values[0]?.open)).toEqual([1, 0, 1, 0]);
    }, 30_000);

    it('raises a time-dependent finding when the day passes the deadline, with no new event', async () => {
      const id = await open('Registro tardío');
      await sign(id, '2025-06-01');
      const sre = await token('sre-legal');
      const findings = subscribe<FindingsUpdate>('findingsChanged', FINDINGS, { filter: { rules: ['REGISTRATION_OVERDUE'], agreements: [id] } }, sre);
      const agreement = subscribe<AgreementValue>('agreementChanged', AGREEMENT, { id }, sre);
      await findings.reach(1);
      await agreement.reach(1);
      expect(findings.values[0]).toMatchObject({ resync: true, open: 0 });
      expect(agreement.values[0]?.findings?.map((finding) => finding.rule)).not.toContain('REGISTRATION_OVERDUE');

      // The seed policy gives 30 days: due 2025-07-01, overdue from 2025-07-02 (Mexico City).
      const position = registry.runner.position;
      now = DateTime.utc(2025, 7, 1, 18);
      await sleep(MIN_INTERVAL_MS + 200);
      expect(findings.values).toHaveLength(1);
      now = DateTime.utc(2025, 7, 2, 6, 30); // 00:30 on 2 July in Mexico City
      const [, overdue] = await findings.reach(2);
      expect(registry.runner.position).toBe(position);
      expect(overdue).toMatchObject({ resync: false, open: 1, asOf: '2025-07-02' });
      expect(overdue?.raised.map((finding) => finding.rule)).toEqual(['REGISTRATION_OVERDUE']);
      // The agreement is judged anew on the new day too, with loaders built for that day.
      await until(() => agreement.values.at(-1)?.findings?.some((finding) => finding.rule === 'REGISTRATION_OVERDUE') === true, 5_000, 'the agreement’s overdue finding');

      // Registered late: the finding is resolved on the registration date.
      await register(id, '2025-07-02');
      const [, , resolved] = await findings.reach(3);
      expect(resolved).toMatchObject({ open: 0, raised: [], resolved: [{ rule: 'REGISTRATION_OVERDUE', resolvedOn: '2025-07-02' }] });
    }, 30_000);

    it('collapses a delta larger than one update carries into a resync', async () => {
      await registry.stop();
      registry = await startRegistry(config, {
        clock: () => now,
        log: () => undefined,
        liveFeeds: { minIntervalMs: MIN_INTERVAL_MS, settleMs: 10, dayCheckMs: 50, maxFindingsPerUpdate: 2 },
      });
      await registry.caughtUp;
      const ids = [await open('A'), await open('B'), await open('C')];
      const sre = subscribe<FindingsUpdate>('findingsChanged', FINDINGS, { filter: { rules: ['SIGNED_WITHOUT_OPINION'] } }, await token('sre-legal'));
      await sre.reach(1);
      // Three findings raised within one coalescing interval: more than 2, so a resync.
      await Promise.all(ids.map((id) => sign(id, '2025-06-01')));
      await until(() => sre.values.at(-1)?.open === 3, 5_000, 'three open findings');
      expect(sre.values.at(-1)).toMatchObject({ resync: true, raised: [], open: 3 });
    }, 30_000);
  });

  it('holds at most one pending update for a client that stops reading, however many events happen', async () => {
    const socket = new WebSocket(`${registry.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.on('open', resolve));
    const messages: { type: string; payload?: { data?: { statisticsChanged?: Statistics } } }[] = [];
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as (typeof messages)[number]));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: await token('sre-legal') } }));
    await until(() => messages.some((message) => message.type === 'connection_ack'));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: STATISTICS } }));
    await until(() => messages.some((message) => message.type === 'next'));

    // Stop reading, then record many events.
    const raw = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const started = Date.now();
    let mostPending = 0;
    for (let index = 0; index < 40; index++) {
      await open(`Convenio ${index}`);
      for (const feed of liveFeedDiagnostics(registry.runner)) mostPending = Math.max(mostPending, feed.pending);
    }
    await sleep(MIN_INTERVAL_MS + 200);
    const elapsed = Date.now() - started;
    const [feed] = liveFeedDiagnostics(registry.runner);
    expect(feed).toBeDefined();
    expect(feed?.eventsSeen).toBe(40);
    expect(mostPending).toBeLessThanOrEqual(1);
    // Updates are computed when due, never one per event: at most one per interval, plus the first.
    expect(feed?.delivered).toBeLessThanOrEqual(Math.ceil(elapsed / MIN_INTERVAL_MS) + 2);

    // Reading again, the client gets the figures as they are now, not a backlog of each event.
    raw.resume();
    await until(() => messages.filter((message) => message.type === 'next').at(-1)?.payload?.data?.statisticsChanged?.total === 40, 5_000, 'the latest figures');
    socket.close();
  }, 30_000);

  it('removes its runner listener and timers when the client unsubscribes, or disconnects, even with no event coming', async () => {
    const before = registry.runner.appliedListenerCount;
    const id = await open('Escuchado');
    const sre = await token('sre-legal');
    const shared = client(sre);
    const statistics = subscribe<Statistics>('statisticsChanged', STATISTICS, {}, sre, shared);
    const findings = subscribe<FindingsUpdate>('findingsChanged', FINDINGS, {}, sre, shared);
    const agreement = subscribe<AgreementValue>('agreementChanged', AGREEMENT, { id }, sre, shared);
    const elsewhere = subscribe<Statistics>('statisticsChanged', STATISTICS, {}, sre);
    await Promise.all([statistics.reach(1), findings.reach(1), agreement.reach(1), elsewhere.reach(1)]);
    expect(registry.runner.appliedListenerCount).toBe(before + 4);
    expect(liveFeedDiagnostics(registry.runner)).toHaveLength(4);

    // The client completes its subscriptions while the feeds wait for an event.
    statistics.unsubscribe();
    findings.unsubscribe();
    agreement.unsubscribe();
    await until(() => registry.runner.appliedListenerCount === before + 1, 2_000, 'the listeners to go');
    expect(liveFeedDiagnostics(registry.runner).map((feed) => feed.name)).toEqual(['statistics']);

    // A client that goes away without completing.
    await clients.at(-1)?.dispose();
    await until(() => registry.runner.appliedListenerCount === before, 2_000, 'the last listener to go');
    expect(liveFeedDiagnostics(registry.runner)).toEqual([]);

    // Nothing is delivered to them afterwards.
    await open('Después');
    await sleep(MIN_INTERVAL_MS + 200);
    expect(statistics.values).toHaveLength(1);
    expect(elsewhere.values).toHaveLength(1);
  }, 30_000);
});
