import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { startRegistry, type RunningRegistry } from '../../src/app/registry';
import { loadConfig } from '../../src/config/config';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory } from '../../src/generator/generateHistory';
import { writeHistory } from '../../src/generator/writeHistory';
import type { LegalDate } from '../../src/shared/time';

describe('the registry service', () => {
  let dataDir: string;
  let registry: RunningRegistry | undefined;
  const start = async (env: Record<string, string> = {}) => {
    registry = await startRegistry(loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env }), { clock: () => DateTime.utc(2025, 6, 15), log: () => undefined });
    await registry.caughtUp;
    return registry;
  };
  const get = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-service-'));
  });
  afterEach(async () => {
    await registry?.stop();
    registry = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on an empty data directory, seeds the policy and reports ready with its read models', async () => {
    const { url } = await start();
    await expect(get(`${url}/healthz`)).resolves.toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await get(`${url}/readyz`);
    expect(ready).toMatchObject({
      status: 200,
      body: { status: 'ready', store: { reachable: true }, projections: { phase: 'live', lag: '0', snapshot: 'absent', failures: [] } },
    });
  });

  it('answers a request no route takes with a JSON 404 that says where the API is', async () => {
    const { url } = await start();
    for (const [method, route] of [['POST', '/healthz'], ['DELETE', '/import/agreements'], ['GET', '/no-such-thing/x.json']] as const) {
      const response = await fetch(`${url}${route}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        errors: [{ message: expect.stringContaining(`Nothing here answers ${method} ${route}. The API is GraphQL at /graphql`), extensions: { code: 'NOT_FOUND' } }],
      });
    }
  });

  it('writes and keeps history snapshots as HISTORY_SNAPSHOT_EVERY and HISTORY_SNAPSHOTS_KEPT say', async () => {
    const store = SqliteEventStore.open({ dataDir });
    await writeHistory(store, generateHistory({ seed: 5, agreements: 150, to: '2020-01-01' as LegalDate }));
    let events = 0;
    for await (const _ of store.readAll()) events++;
    await store.close();
    expect(events).toBeGreaterThan(3_000);
    await start({ HISTORY_SNAPSHOT_EVERY: '1000', HISTORY_SNAPSHOTS_KEPT: '2' });
    const kept = fs.readdirSync(path.join(dataDir, 'read-models', 'history'));
    expect(kept).toHaveLength(2);
    for (const name of kept) expect(name).toMatch(/^at-\d+-\d+\.v8$/);
  }, 30_000);

  it('restarts from the read-model snapshot it wrote on stop', async () => {
    await (await start()).stop();
    const { url } = await start();
    expect((await get(`${url}/readyz`)).body).toMatchObject({ projections: { snapshot: 'loaded', lag: '0' } });
  });
});
