import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { agreementsProjection } from '../../projections/agreements';
import { resolveTokenSettings } from '../../src/access/tokenSettings';
import { mintToken } from '../../src/access/tokens';
import { startRegistry, type RunningRegistry } from '../../src/app/registry';
import { loadConfig } from '../../src/config/config';
import { readHeadPosition } from '../../src/eventStore/headPosition';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory } from '../../src/generator';
import { importAgreements } from '../../src/importExport/importAgreements';
import { jsonRows } from '../../src/importExport/jsonRows';
import { importedAgreementId } from '../../src/importExport/rowCommands';
import type { LegalDate } from '../../src/shared/time';
import { NOW, OPERATOR, csv, csvText, sample, twinning } from './importSupport';

/*
 * The HTTP export over a running registry: a generated history (recorded before June 2025) plus
 * the import sample (recorded at NOW, 2025-06-15T18:00Z), so "as of" 2025-06-10 has none of it.
 */

interface Json {
  readonly export: string;
  readonly role: string;
  readonly items: Record<string, unknown>[];
  readonly count: number;
}

describe('GET /export/…', () => {
  let dataDir: string;
  let registry: RunningRegistry;
  let token: (role: 'parliament' | 'subnational', entities?: string[]) => Promise<string>;

  const get = (pathAndQuery: string, authorization?: string) => fetch(`${registry.url}${pathAndQuery}`, { headers: authorization ? { authorization } : {} });
  const json = async (pathAndQuery: string, authorization?: string): Promise<Json> => {
    const response = await get(pathAndQuery, authorization);
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-export-'));
    const store = SqliteEventStore.open({ dataDir });
    await writeHistory(store, generateHistory({ seed: 11, agreements: 80, to: '2025-06-01' as LegalDate }), { concurrency: 64 });
    await store.close();
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
    registry = await startRegistry(config, { clock: () => NOW, log: () => undefined });
    await registry.caughtUp;
    const report = await importAgreements(registry.commandDeps, jsonRows(sample('agreements-sample.json')), { actor: OPERATOR });
    expect(report.rejected).toEqual([]);
    await registry.runner.waitFor((await readHeadPosition(registry.store)) as bigint, 5_000);
    const settings = resolveTokenSettings(config.auth);
    if (settings.key.kind !== 'secret') throw new Error('expected a development secret');
    const secret = { ...settings, key: settings.key };
    token = async (role, entities) => `Bearer ${await mintToken(secret, { sub: `${role}-tester`, role, ...(entities ? { entities } : {}) })}`;
  }, 60_000);

  afterAll(async () => {
    await registry.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives anonymous callers the published agreements only, as CSV with a byte-order mark, without SRE observations', async () => {
    const response = await get('/export/agreements.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="agreements-2025-06-15.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    const published = [...registry.runner.model(agreementsProjection).agreements.values()].filter((view) => view.registration !== undefined);
    expect(rows).toHaveLength(published.length);
    const column = (name: string) => (header ?? []).indexOf(name);
    expect(rows.every((row) => row[column('registryNumber')] !== '')).toBe(true);
    expect(rows.every((row) => row[column('opinionObservations')] === '' && row[column('openFindings')] === '')).toBe(true);
    expect(rows.map((row) => row[column('title')])).toContain('Hermanamiento Guadalajara–Kioto');
  });

  it('gives Parliament everything, filtered like the API, with observations and open findings', async () => {
    const parliament = await token('parliament');
    const nuevoLeon = await json('/export/agreements.json?state=19', parliament);
    const expected = [...registry.runner.model(agreementsProjection).agreements.values()].filter((view) => view.parties.some((party) => party.stateCode === '19'));
    expect(nuevoLeon).toMatchObject({ export: 'agreements', role: 'parliament', count: expected.length });
    expect(nuevoLeon.items.every((item) => (item['states'] as string[]).includes('19'))).toBe(true);
    const imported = nuevoLeon.items.find((item) => item['id'] === importedAgreementId('NL-2008-014'));
    expect(imported).toMatchObject({ status: 'expired', opinionObservations: expect.stringContaining('cláusula sexta') });
    const puebla = await json(`/export/agreements.json?municipality=21114&text=toledo`, parliament);
    expect(puebla.items).toEqual([expect.objectContaining({ id: importedAgreementId('PUE-2019-021'), openFindings: expect.arrayContaining(['REGISTRATION_OVERDUE']) })]);
    // Each agreement's open findings are exactly those the findings export lists as open.
    const openRules = new Map<string, string[]>();
    for (const finding of (await json('/export/findings.json?state=19&open=true', parliament)).items) {
      openRules.set(finding['agreementId'] as string, [...(openRules.get(finding['agreementId'] as string) ?? []), finding['rule'] as string]);
    }
    expect([...openRules.values()].flat().length).toBeGreaterThan(0);
    for (const item of nuevoLeon.items) expect([...(item['openFindings'] as string[])].sort()).toEqual((openRules.get(item['id'] as string) ?? []).sort());
  });

  it('refuses findings and history to anonymous callers (401) and a bad token, like the API', async () => {
    for (const file of ['findings.csv', 'history.json']) {
      const response = await get(`/export/${file}`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ errors: [{ message: expect.stringContaining('signed-in'), extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    expect((await get('/export/agreements.csv', 'Bearer not-a-token')).status).toBe(401);
  });

  it('exports findings with their own criteria', async () => {
    const all = parse(await (await get('/export/findings.csv', await token('parliament'))).text(), { bom: true, columns: true }) as Record<string, string>[];
    const overdue = parse(await (await get('/export/findings.csv?rule=REGISTRATION_OVERDUE&open=true', await token('parliament'))).text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(all.length);
    expect(overdue.every((row) => row['rule'] === 'REGISTRATION_OVERDUE' && row['open'] === 'true')).toBe(true);
    expect(overdue.map((row) => row['agreementId'])).toContain(importedAgreementId('PUE-2019-021'));
  });

  it('answers bad filters with 400 and every issue, and unknown exports with 404', async () => {
    const response = await get('/export/agreements.csv?state=33&sdg=40&signedFrom=2019-13-01&rule=DORMANT');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; issues: { path: string }[] } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]?.extensions.issues.map((issue) => issue.path).sort()).toEqual(['rule', 'sdg', 'signedFrom', 'state']);
    expect((await get('/export/agreements.xlsx')).status).toBe(404);
    expect((await get('/export/agreements.csv?delimiter=tab')).status).toBe(400);
  });

  it('exports the registry as of an instant: before the import, none of its agreements or events', async () => {
    const parliament = await token('parliament');
    const ids = new Set(['JAL-GDL-1995-001', 'NL-2008-014', 'GTO-LEON-2017-005'].map(importedAgreementId));
    const before = await json('/export/history.json?asOf=2025-06-10&state=14,19,11', parliament);
    const now = await json('/export/history.json?state=14,19,11', parliament);
    expect(before.items.some((item) => ids.has(item['agreementId'] as never))).toBe(false);
    const importedEvents = now.items.filter((item) => ids.has(item['agreementId'] as never));
    expect(importedEvents.length).toBeGreaterThan(10);
    expect(importedEvents[0]).toMatchObject({ type: 'AgreementOpened', actorRole: 'system', actorId: 'import-operator', summary: expect.stringContaining('Apertura') });
    const beforeAgreements = await json('/export/agreements.json?asOf=2025-06-10T00:00:00Z', parliament);
    expect(beforeAgreements.items.some((item) => ids.has(item['id'] as never))).toBe(false);
    expect(beforeAgreements.items.some((item) => (item['openFindings'] as string[]).length > 0)).toBe(true);
    const beforeFindings = await json('/export/findings.json?asOf=2025-06-10T00:00:00Z', parliament);
    expect(beforeFindings.count).toBeGreaterThan(0);
    expect(beforeFindings.items.some((item) => ids.has(item['agreementId'] as never))).toBe(false);
    expect((await json('/export/findings.json', parliament)).items.some((item) => ids.has(item['agreementId'] as never))).toBe(true);
  });

  it('refuses an asOf after now, but takes today’s date as now (the clock reads 2025-06-15T18:00Z)', async () => {
    const parliament = await token('parliament');
    const future = await get('/export/agreements.json?asOf=2025-06-16', parliament);
    expect(future.status).toBe(400);
    const body = (await future.json()) as { errors: { extensions: { issues: { path: string; rule: string; message: string }[] } }[] };
    expect(body.errors[0]?.extensions.issues).toEqual([{ path: 'asOf', rule: 'instant-in-future', message: expect.stringContaining('is after now (2025-06-15T18:00:00.000Z)') }]);
    expect((await get('/export/agreements.json?asOf=2025-06-15T18:00:01Z', parliament)).status).toBe(400);
    const today = await json('/export/agreements.json?asOf=2025-06-15', parliament);
    expect(today.count).toBe((await json('/export/agreements.json', parliament)).count);
  });

  it('refuses a registry as of an instant while the builds of past registries are all taken, 503 with Retry-After, and GraphQL as UNAVAILABLE', async () => {
    const parliament = await token('parliament');
    // Two builds running and eight waiting, none finishing until released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = Array.from({ length: 10 }, () => registry.services.pastBuilds.run(() => held));
    try {
      const refused = await get('/export/agreements.json?asOf=2025-06-01', parliament);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAVAILABLE');
      const graphql = await fetch(`${registry.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: parliament },
        body: JSON.stringify({ query: '{ registryAsOf(instant: "2025-06-02T00:00:00Z") { statistics { total } } }' }),
      });
      const body = (await graphql.json()) as { errors?: { extensions: Record<string, unknown> }[] };
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 5 });
    } finally {
      release();
      await Promise.all(holding);
    }
    expect((await get('/export/agreements.json?asOf=2025-06-01', parliament)).status).toBe(200);
  });

  it('takes one build of a past registry per instant asked for, however many one request asks for at once', async () => {
    const aliases = Array.from({ length: 12 }, (_, index) => `a${index}: registryAsOf(instant: "2025-05-${String(index + 10).padStart(2, '0')}T12:00:00Z") { statistics { total } }`);
    const response = await fetch(`${registry.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await token('parliament') },
      body: JSON.stringify({ query: `{ ${aliases.join(' ')} }` }),
    });
    const body = (await response.json()) as { errors?: { path: string[]; extensions: Record<string, unknown> }[] };
    // Two build and eight wait: the eleventh instant is refused, as an eleventh request would be.
    expect(body.errors?.[0]).toMatchObject({ path: ['a10', 'statistics'], extensions: { code: 'UNAVAILABLE', retryAfterSeconds: 5 } });
  });

  it("lists in a finding's related agreements only those the reader may see, as the API does", async () => {
    const counterpart = { counterpartName: 'Ciudad Secreta de Prueba', counterpartCountry: 'FR' };
    const report = await importAgreements(
      registry.commandDeps,
      csvText(csv(twinning('DUP-A', { ...counterpart, parties: '14:Gobierno de Jalisco', signedOn: '2020-03-01' }), twinning('DUP-B', { ...counterpart, parties: '14039:Ayuntamiento de Guadalajara|14:Gobierno de Jalisco', signedOn: '2020-04-01' }))),
      { actor: OPERATOR },
    );
    await registry.runner.waitFor(report.position as bigint, 5_000);
    const [hidden, shown] = [importedAgreementId('DUP-A'), importedAgreementId('DUP-B')];
    const duplicates = async (authorization: string) =>
      (await json('/export/findings.json?rule=DUPLICATE_TWINNING', authorization)).items.filter((item) => item['agreementId'] === shown);

    expect((await duplicates(await token('parliament'))).map((item) => item['relatedAgreementIds'])).toEqual([[hidden]]);
    const guadalajara = await duplicates(await token('subnational', ['14039']));
    expect(guadalajara.map((item) => item['relatedAgreementIds'])).toEqual([[]]);
    expect(JSON.stringify(guadalajara)).not.toContain(hidden);
  });

  it('gives a subnational user its own agreements’ history in full and the others’ in their public form', async () => {
    const guadalajara = await json('/export/history.json?state=14', await token('subnational', ['14039']));
    const own = guadalajara.items.filter((item) => item['agreementId'] === importedAgreementId('JAL-GDL-1995-001'));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((item) => item['actorId'] === 'import-operator')).toBe(true);
    const views = registry.runner.model(agreementsProjection).agreements;
    const others = guadalajara.items.filter((item) => !views.get(item['agreementId'] as never)?.parties.some((party) => party.code === '14039'));
    expect(others.every((item) => item['actorId'] === null)).toBe(true);
  });
});
