import path from 'node:path';
import Database from 'better-sqlite3';
import { dataOf, startReadRegistry, type ReadRegistry } from './readSupport';

interface Report {
  readonly intact: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  readonly breaks: ReadonlyArray<{ stream: string; revision: string; eventId: string; position: string; reason: string }>;
}

const REPORT = 'intact streamsChecked eventsChecked breaks { stream revision eventId position reason }';
const REGISTRY = `{ registryIntegrity { ${REPORT} } }`;
const AGREEMENT = `query($id: ID!) { agreement(id: $id) { history { eventId } integrity { ${REPORT} } } }`;

/** The hash-chain check over GraphQL, against a store whose file is then altered behind the registry's back. */
describe('integrity checks over GraphQL', () => {
  let r: ReadRegistry;
  let parliament: string;
  beforeAll(async () => {
    r = await startReadRegistry('integrity-');
    parliament = await r.token('parliament');
  }, 60_000);
  afterAll(() => r.stop());

  /** Runs SQL on the store file directly, as someone with access to the disk could. */
  const tamper = (sql: string, ...params: unknown[]) => {
    const db = new Database(path.join(r.dataDir, 'events.sqlite3'));
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
  };

  it('checks every stream of an intact registry for privileged roles', async () => {
    const report = dataOf(await r.post<{ registryIntegrity: Report }>(REGISTRY, undefined, parliament)).registryIntegrity;
    expect(report.intact).toBe(true);
    expect(report.breaks).toEqual([]);
    const db = new Database(path.join(r.dataDir, 'events.sqlite3'), { readonly: true });
    const counts = db.prepare('SELECT count(*) AS events, count(DISTINCT stream) AS streams FROM events').get() as { events: number; streams: number };
    db.close();
    expect({ events: report.eventsChecked, streams: report.streamsChecked }).toEqual(counts);
  });

  it('refuses the whole-registry check to anonymous callers and to subnational users, saying what to do', async () => {
    const anonymous = await r.post(REGISTRY);
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const subnational = await r.post(REGISTRY, undefined, await r.token('subnational', ['14039']));
    expect(subnational.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(subnational.errors?.[0]?.message).toContain('agreement(id) { integrity }');
  });

  it("checks one published agreement's stream for anyone who may see it", async () => {
    const agreement = dataOf(await r.post<{ agreement: { history: unknown[]; integrity: Report } }>(AGREEMENT, { id: r.handMade.published })).agreement;
    expect(agreement.integrity).toEqual({ intact: true, streamsChecked: 1, eventsChecked: agreement.history.length, breaks: [] });
  });

  it('finds an event altered in the file and names its stream, revision, id and position', async () => {
    const stream = `agreement-${r.handMade.published}`;
    const db = new Database(path.join(r.dataDir, 'events.sqlite3'), { readonly: true });
    const signed = db.prepare(`SELECT position, revision, id FROM events WHERE stream = ? AND type = 'AgreementSigned'`).get(stream) as { position: number; revision: number; id: string };
    db.close();
    tamper(`UPDATE events SET data = json_set(data, '$.place', 'Otro lugar') WHERE position = ?`, signed.position);

    const expected = { stream, revision: String(signed.revision), eventId: signed.id, position: String(signed.position), reason: 'HASH_MISMATCH' };
    const one = dataOf(await r.post<{ agreement: { integrity: Report } }>(AGREEMENT, { id: r.handMade.published }, parliament)).agreement.integrity;
    expect(one.intact).toBe(false);
    expect(one.breaks).toEqual([expected]);
    const all = dataOf(await r.post<{ registryIntegrity: Report }>(REGISTRY, undefined, parliament)).registryIntegrity;
    expect(all.intact).toBe(false);
    expect(all.breaks).toEqual([expected]);
  });
});
