import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { resolveTokenSettings } from '../../../src/access/tokenSettings';
import { mintToken, TOKEN_ROLES } from '../../../src/access/tokens';
import type { AgreementCommand } from '../../../src/agreements/agreementCommands';
import { executeAgreementCommand } from '../../../src/agreements/executeAgreementCommand';
import { startRegistry, type RunningRegistry } from '../../../src/app/registry';
import { registryUpcasters } from '../../../src/app/upcasters';
import { loadConfig, type Config } from '../../../src/config/config';
import type { Actor } from '../../../src/eventSourcing/envelope';
import { SqliteEventStore } from '../../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory } from '../../../src/generator';
import { parseCommandId } from '../../../src/shared/ids';
import type { LegalDate } from '../../../src/shared/time';

/*
 * The real registry service for the browser tests: a generated history of a few hundred
 * agreements written to a temporary DATA_DIR before the service starts, a fixed clock (so the
 * figures and screenshots do not depend on the day the tests run), and tokens minted with the
 * development secret the service verifies with.
 */

/** The registry's "now" while the browser tests run: today is 15 June 2025 in Mexico City. */
export const NOW = DateTime.utc(2025, 6, 15, 18);
const HISTORY = { seed: 2025, agreements: 360, to: '2025-06-01' as LegalDate };

type Role = (typeof TOKEN_ROLES)[number];

export interface BrowserRegistry {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: () => string;
  /** A raw JWT (no "Bearer "), as the dashboard takes it from `#token=`. */
  readonly token: (role: Role, sub: string, entities?: readonly string[], expiresIn?: string) => Promise<string>;
  /** POST /graphql; throws on any GraphQL error. */
  readonly graphql: <Data>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<Data>;
  /**
   * Stops the service, records a command straight into its store while it is down (what live
   * clients miss while disconnected), and starts it again on the same port and data.
   */
  readonly restartRecording: (actor: Actor, command: AgreementCommand) => Promise<void>;
  readonly stop: () => Promise<void>;
}

export const startBrowserRegistry = async (): Promise<BrowserRegistry> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-browser-'));
  const store = SqliteEventStore.open({ dataDir });
  await writeHistory(store, generateHistory(HISTORY), { concurrency: 64 });
  await store.close();

  const start = async (port: number): Promise<RunningRegistry> => {
    const config: Config = loadConfig({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const registry = await startRegistry(config, { clock: () => NOW, log: () => undefined, processMetrics: false });
    await registry.caughtUp;
    return registry;
  };
  let registry = await start(0);
  const port = Number(new URL(registry.url).port);

  const settings = resolveTokenSettings(loadConfig({ DATA_DIR: dataDir }).auth);
  if (settings.key.kind !== 'secret') throw new Error('expected the development secret');
  const secret = { ...settings, key: settings.key };

  const graphql = async <Data>(query: string, variables?: Record<string, unknown>, token?: string): Promise<Data> => {
    const response = await fetch(`${registry.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    });
    const body = (await response.json()) as { data?: Data; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as Data;
  };

  return {
    url: () => registry.url,
    token: (role, sub, entities, expiresIn = '2h') => mintToken(secret, { sub, role, ...(entities ? { entities } : {}) }, expiresIn),
    graphql,
    restartRecording: async (actor, command) => {
      await registry.stop();
      const offline = SqliteEventStore.open({ dataDir });
      try {
        await executeAgreementCommand({ store: offline, clock: () => NOW, upcasters: registryUpcasters }, command, { commandId: parseCommandId(randomUUID()), actor });
      } finally {
        await offline.close();
      }
      registry = await start(port);
    },
    stop: async () => {
      await registry.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
