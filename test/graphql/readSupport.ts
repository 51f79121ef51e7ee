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
import type { Actor } from '../../src/eventSourcing/envelope';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory } from '../../src/generator';
import { parseCommandId } from '../../src/shared/ids';
import type { LegalDate } from '../../src/shared/time';
import { loadAgreementHistory } from '../../src/timeTravel/agreementHistory';
import { KYOTO_CITY, TEXAS, date, openedData, signedData } from '../agreements/agreementFixtures';

/*
 * A real registry for the read-side e2e tests: a generated history (written to the store before
 * the service starts) plus a few hand-made agreements whose every fact and instant the tests
 * know, recorded through the command handler while the service runs.
 */

export const GDL: Actor = { id: 'enlace@guadalajara.gob.mx', role: 'subnational', entityScope: ['14039'] };
export const NL: Actor = { id: 'enlace@nl.gob.mx', role: 'subnational', entityScope: ['19'] };
export const SRE: Actor = { id: 'ana.lopez@sre.gob.mx', role: 'sre-legal', entityScope: [] };

/** Recorded instants of the hand-made facts (the clock is set to each before recording it). */
export const AT = {
  opened: DateTime.utc(2025, 6, 10, 15),
  opinion: DateTime.utc(2025, 6, 11, 15),
  signed: DateTime.utc(2025, 6, 12, 15),
  registered: DateTime.utc(2025, 6, 13, 15),
  corrected: DateTime.utc(2025, 6, 14, 15),
  /** The clock while the tests query: today is 2025-06-15 in Mexico City. */
  now: DateTime.utc(2025, 6, 15, 18),
};

export interface HandMade {
  /** Guadalajara–Kyoto twinning: signed, corrected, registered, in force, one milestone (published). */
  readonly published: AgreementId;
  /** Guadalajara–Texas cooperation agreement: opened only (not published). */
  readonly gdlDraft: AgreementId;
  /** Nuevo León–Texas agreement submitted to the SRE (not published). */
  readonly nlDraft: AgreementId;
  /** Position of the last hand-made event. */
  readonly lastPosition: bigint;
}

export interface ReadRegistry {
  readonly registry: RunningRegistry;
  /** The data directory of the embedded store (its file is `events.sqlite3`). */
  readonly dataDir: string;
  readonly endpoint: string;
  readonly handMade: HandMade;
  readonly setClock: (instant: DateTime) => void;
  readonly run: (at: DateTime, actor: Actor, command: AgreementCommand) => Promise<bigint>;
  readonly token: (role: 'parliament' | 'subnational' | 'sre-legal' | 'admin', entities?: readonly string[]) => Promise<string>;
  readonly post: <Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, authorization?: string, headers?: Record<string, string>) => Promise<GraphQLResponse<Data>>;
  readonly webSocket: <Data = Record<string, unknown>>(query: string, authorization?: string) => Promise<GraphQLResponse<Data>>;
  readonly stop: () => Promise<void>;
}

export interface GraphQLResponse<Data> {
  readonly status: number;
  readonly data?: Data;
  readonly errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  readonly extensions?: Record<string, unknown>;
}

const HISTORY = { seed: 7, agreements: 150, to: '2025-06-01' as LegalDate };

const seedHandMade = async (run: ReadRegistry['run'], registry: RunningRegistry): Promise<HandMade> => {
  const published = randomUUID() as AgreementId;
  const gdlDraft = randomUUID() as AgreementId;
  const nlDraft = randomUUID() as AgreementId;
  const gdl = (at: DateTime, command: AgreementCommand) => run(at, GDL, command);
  await gdl(AT.opened, { type: 'OpenAgreement', agreementId: published, data: openedData({ agreementId: published, title: 'Hermanamiento Guadalajara–Kioto (prueba)' }) });
  await gdl(AT.opened, { type: 'SubmitTextToSre', agreementId: published, data: { submittedOn: date('2024-02-01') } });
  await run(AT.opinion, SRE, {
    type: 'IssueSreOpinion',
    agreementId: published,
    data: { opinionNumber: 'DGCP-2024-9001', outcome: 'favourable-with-observations', issuedOn: date('2024-03-01'), observations: 'Observación interna: revisar la cláusula 5.' },
  });
  await gdl(AT.signed, { type: 'SignAgreement', agreementId: published, data: signedData('2024-04-01') });
  await run(AT.registered, SRE, { type: 'RegisterAgreement', agreementId: published, data: { registryNumber: 'RAI-2024-9001', registeredOn: date('2024-05-01') } });
  await gdl(AT.registered, { type: 'EnterIntoForce', agreementId: published, data: { mode: 'in-force', effectiveOn: date('2024-05-15') } });
  await gdl(AT.registered, {
    type: 'RecordCooperationMilestone',
    agreementId: published,
    data: { milestoneId: 'm-1', kind: 'visit', occurredOn: date('2024-06-01'), description: 'Visita de la delegación de Kioto', themes: ['culture'], sdgs: [11] },
  });
  const { entries } = await loadAgreementHistory(registry.commandDeps, published);
  const signature = entries.find((entry) => entry.type === 'AgreementSigned');
  await run(AT.corrected, SRE, {
    type: 'CorrectFact',
    agreementId: published,
    data: { correctedEventId: signature!.eventId, correctedType: 'AgreementSigned', correctedData: signedData('2024-04-02'), reason: 'Fecha mal capturada' },
  });
  await gdl(AT.corrected, {
    type: 'OpenAgreement',
    agreementId: gdlDraft,
    data: openedData({ agreementId: gdlDraft, kind: 'cooperation-agreement', title: 'Borrador Guadalajara–Texas (prueba)', counterparts: [TEXAS], openedOn: date('2025-05-01') }),
  });
  await run(AT.corrected, NL, {
    type: 'OpenAgreement',
    agreementId: nlDraft,
    data: openedData({
      agreementId: nlDraft,
      kind: 'cooperation-agreement',
      title: 'Acuerdo Nuevo León–Texas (prueba)',
      parties: [{ level: 'state', code: '19' as never, agency: 'Secretaría de Economía de Nuevo León' }],
      counterparts: [TEXAS, KYOTO_CITY],
      openedOn: date('2025-04-01'),
    }),
  });
  const lastPosition = await run(AT.corrected, NL, { type: 'SubmitTextToSre', agreementId: nlDraft, data: { submittedOn: date('2025-04-15') } });
  return { published, gdlDraft, nlDraft, lastPosition };
};

export const startReadRegistry = async (prefix: string): Promise<ReadRegistry> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = SqliteEventStore.open({ dataDir });
  await writeHistory(store, generateHistory(HISTORY), { concurrency: 64 });
  await store.close();

  let now: DateTime = AT.now;
  const config: Config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
  const registry = await startRegistry(config, { clock: () => now, log: () => undefined });
  await registry.caughtUp;
  const endpoint = `${registry.url}/graphql`;
  const run: ReadRegistry['run'] = async (at, actor, command) => {
    now = at;
    const result = await executeAgreementCommand(registry.commandDeps, command, { commandId: parseCommandId(randomUUID()), actor });
    now = AT.now;
    return result.position as bigint;
  };
  const handMade = await seedHandMade(run, registry);
  await registry.runner.waitFor(handMade.lastPosition, 5_000);

  const settings = resolveTokenSettings(config.auth);
  if (settings.key.kind !== 'secret') throw new Error('expected a development secret');
  const secretSettings = { ...settings, key: settings.key };
  const token: ReadRegistry['token'] = async (role, entities) =>
    `Bearer ${await mintToken(secretSettings, { sub: `${role}-${(entities ?? []).join('-') || 'tester'}`, role, ...(entities ? { entities } : {}) })}`;

  const post: ReadRegistry['post'] = async (query, variables, authorization, headers = {}) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...headers },
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    });
    return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse<never>;
  };

  const clients: Client[] = [];
  const webSocket: ReadRegistry['webSocket'] = (query, authorization) => {
    const client = createClient({ url: endpoint.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, ...(authorization ? { connectionParams: { authorization } } : {}) });
    clients.push(client);
    return new Promise((resolve, reject) => {
      let result = {} as GraphQLResponse<never>;
      client.subscribe({ query }, { next: (value) => (result = { status: 200, ...(value as object) } as GraphQLResponse<never>), error: reject, complete: () => resolve(result) });
    });
  };

  return {
    registry,
    dataDir,
    endpoint,
    handMade,
    setClock: (instant) => (now = instant),
    run,
    token,
    post,
    webSocket,
    stop: async () => {
      for (const client of clients) await client.dispose();
      await registry.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** The `data` of a response that must have no errors. */
export const dataOf = <Data>(response: GraphQLResponse<Data>): Data => {
  if (response.errors !== undefined) throw new Error(`Unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data as Data;
};
