import { agreementsProjection, type AgreementView } from '../../projections/agreements';
import { dataOf, startReadRegistry, type ReadRegistry } from './readSupport';

/*
 * The access rules, role by role, over HTTP and WebSocket (which must answer identically):
 * anonymous → published agreements in their public form, no findings, no profiles;
 * subnational → everything about its own entities' agreements and profiles, the public form of
 * the rest; parliament, SRE legal staff, administrators → everything.
 */

type Role = 'anonymous' | 'gdl' | 'nl' | 'parliament' | 'sre-legal' | 'admin';
const ROLES: readonly Role[] = ['anonymous', 'gdl', 'nl', 'parliament', 'sre-legal', 'admin'];

const MATRIX = `query Matrix($published: ID!, $gdlDraft: ID!, $nlDraft: ID!) {
  published: agreement(id: $published) {
    title
    opinions { observations }
    history { actor { id role } data }
    findings { rule }
    findingsCount
  }
  gdlDraft: agreement(id: $gdlDraft) { title history { actor { id } } }
  nlDraft: agreement(id: $nlDraft) { title }
  statistics { total scope }
  agreements(first: 0) { totalCount }
  guadalajara: entity(code: "14039") { agreementCount objectives { objective } networks { current { networkId } } }
  nuevoLeon: entity(code: "19") { agreementCount objectives { objective } }
  texas: counterpart(key: "foreign-subnational-government|US-TX|texas") { agreementCount }
  draftTimeline: timeline(filter: { agreements: [$gdlDraft] }) { totalCount }
  pastStatistics: registryAsOf(instant: "2025-06-15T18:00:00Z") { statistics { total scope } }
}`;

type Matrix = {
  published: { title: string; opinions: Array<{ observations: string | null }>; history: Array<{ actor: { id: string | null; role: string }; data: Record<string, unknown> }>; findings: unknown[] | null; findingsCount: number | null } | null;
  gdlDraft: { title: string; history: Array<{ actor: { id: string | null } }> } | null;
  nlDraft: { title: string } | null;
  statistics: { total: number; scope: string };
  agreements: { totalCount: number };
  guadalajara: { agreementCount: number; objectives: unknown[] | null; networks: unknown | null };
  nuevoLeon: { agreementCount: number; objectives: unknown[] | null };
  texas: { agreementCount: number } | null;
  draftTimeline: { totalCount: number };
  pastStatistics: { statistics: { total: number; scope: string } };
};

describe('visibility by role (HTTP and WebSocket alike)', () => {
  let r: ReadRegistry;
  let views: AgreementView[];
  const tokens = new Map<Role, string | undefined>();
  const answers = new Map<Role, Matrix>();

  const published = (view: AgreementView) => view.registration !== undefined;
  const partyOf = (code: string) => (view: AgreementView) => view.parties.some((party) => party.code === code);
  const count = (predicate: (view: AgreementView) => boolean) => views.filter(predicate).length;

  beforeAll(async () => {
    r = await startReadRegistry('registry-read-visibility-');
    views = [...r.registry.runner.model(agreementsProjection).agreements.values()];
    tokens.set('anonymous', undefined);
    tokens.set('gdl', await r.token('subnational', ['14039']));
    tokens.set('nl', await r.token('subnational', ['19']));
    tokens.set('parliament', await r.token('parliament'));
    tokens.set('sre-legal', await r.token('sre-legal'));
    tokens.set('admin', await r.token('admin'));
    const variables = { published: r.handMade.published, gdlDraft: r.handMade.gdlDraft, nlDraft: r.handMade.nlDraft };
    for (const role of ROLES) answers.set(role, dataOf(await r.post<Matrix>(MATRIX, variables, tokens.get(role))));
  }, 60_000);
  afterAll(() => r.stop());

  const answer = (role: Role): Matrix => answers.get(role) as Matrix;

  it.each(ROLES)('answers %s identically over WebSocket', async (role) => {
    const query = MATRIX.replace('query Matrix($published: ID!, $gdlDraft: ID!, $nlDraft: ID!)', 'query Matrix')
      .replaceAll('$published', `"${r.handMade.published}"`)
      .replaceAll('$gdlDraft', `"${r.handMade.gdlDraft}"`)
      .replaceAll('$nlDraft', `"${r.handMade.nlDraft}"`);
    const overSocket = await r.webSocket<Matrix>(query, tokens.get(role));
    expect(overSocket.errors).toBeUndefined();
    expect(JSON.parse(JSON.stringify(overSocket.data))).toEqual(JSON.parse(JSON.stringify(answer(role))));
  });

  it('anonymous: published agreements only, in their public form; figures over published agreements; no findings, no profiles', () => {
    const seen = answer('anonymous');
    expect(seen.published?.opinions).toEqual([{ observations: null }]);
    expect(seen.published?.history.every((event) => event.actor.id === null && event.actor.role.length > 0)).toBe(true);
    expect(seen.published?.history.some((event) => 'observations' in event.data)).toBe(false);
    expect(seen.published).toMatchObject({ findings: null, findingsCount: null });
    expect(seen.gdlDraft).toBeNull();
    expect(seen.nlDraft).toBeNull();
    expect(seen.statistics).toEqual({ total: count(published), scope: 'PUBLISHED' });
    expect(seen.agreements.totalCount).toBe(count(published));
    expect(seen.pastStatistics.statistics).toEqual(seen.statistics);
    expect(seen.guadalajara).toMatchObject({ agreementCount: count((view) => published(view) && partyOf('14039')(view)), objectives: null, networks: null });
    expect(seen.nuevoLeon.objectives).toBeNull();
    const texas = views.filter((view) => published(view) && view.counterparts.some((counterpart) => counterpart.counterpart.name === 'Texas'));
    expect(seen.texas === null ? 0 : seen.texas.agreementCount).toBe(texas.length);
    expect(seen.draftTimeline.totalCount).toBe(0);
  });

  it('subnational: everything about its own entities’ agreements, the public form of the others, its own profile only', () => {
    const gdl = answer('gdl');
    const own = partyOf('14039');
    expect(gdl.published?.opinions).toEqual([{ observations: 'Observación interna: revisar la cláusula 5.' }]);
    expect(gdl.published?.history.every((event) => event.actor.id !== null)).toBe(true);
    expect(Array.isArray(gdl.published?.findings)).toBe(true);
    expect(gdl.gdlDraft).toMatchObject({ title: 'Borrador Guadalajara–Texas (prueba)', history: [{ actor: { id: 'enlace@guadalajara.gob.mx' } }] });
    expect(gdl.nlDraft).toBeNull();
    expect(gdl.statistics).toEqual({ total: count((view) => published(view) || own(view)), scope: 'PUBLISHED_AND_OWN' });
    expect(gdl.agreements.totalCount).toBe(gdl.statistics.total);
    expect(gdl.guadalajara.objectives).toHaveLength(6);
    expect(gdl.guadalajara.agreementCount).toBe(count(own));
    expect(gdl.nuevoLeon.objectives).toBeNull();
    expect(gdl.draftTimeline.totalCount).toBe(1);

    const nl = answer('nl');
    expect(nl.published?.opinions).toEqual([{ observations: null }]);
    expect(nl.published?.history.every((event) => event.actor.id === null)).toBe(true);
    expect(nl.published).toMatchObject({ findings: null, findingsCount: null });
    expect(nl.gdlDraft).toBeNull();
    expect(nl.nlDraft).toEqual({ title: 'Acuerdo Nuevo León–Texas (prueba)' });
    expect(nl.statistics).toEqual({ total: count((view) => published(view) || partyOf('19')(view)), scope: 'PUBLISHED_AND_OWN' });
    expect(nl.nuevoLeon.objectives).toHaveLength(6);
    expect(nl.guadalajara.objectives).toBeNull();
    expect(nl.draftTimeline.totalCount).toBe(0);
  });

  it.each(['parliament', 'sre-legal', 'admin'] as const)('%s: everything, history identities and findings included', (role) => {
    const seen = answer(role);
    expect(seen.published?.opinions).toEqual([{ observations: 'Observación interna: revisar la cláusula 5.' }]);
    expect(seen.published?.history.every((event) => event.actor.id !== null)).toBe(true);
    expect(seen.published?.history.some((event) => event.data['observations'] === 'Observación interna: revisar la cláusula 5.')).toBe(true);
    expect(Array.isArray(seen.published?.findings)).toBe(true);
    expect(seen.gdlDraft).not.toBeNull();
    expect(seen.nlDraft).not.toBeNull();
    expect(seen.statistics).toEqual({ total: views.length, scope: 'ALL' });
    expect(seen.guadalajara.objectives).toHaveLength(6);
    expect(seen.nuevoLeon.objectives).toHaveLength(6);
    expect(seen.texas?.agreementCount).toBe(views.filter((view) => view.counterparts.some((counterpart) => counterpart.counterpart.name === 'Texas')).length);
  });

  describe('audit findings', () => {
    const FINDINGS = '{ auditFindings(first: 100) { totalCount edges { node { agreement { parties { code } } } } } auditSummary { total } }';

    it('refuses anonymous callers with UNAUTHENTICATED', async () => {
      const response = await r.post(FINDINGS);
      expect(response.errors?.[0]).toMatchObject({ path: ['auditFindings'], extensions: { code: 'UNAUTHENTICATED' } });
      const overSocket = await r.webSocket('{ auditSummary { total } }');
      expect(overSocket.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('gives a subnational user its own agreements’ findings only, and everyone else all of them', async () => {
      type Findings = { auditFindings: { totalCount: number; edges: Array<{ node: { agreement: { parties: Array<{ code: string }> } } }> }; auditSummary: { total: number } };
      const all = dataOf(await r.post<Findings>(FINDINGS, undefined, tokens.get('parliament')));
      const gdl = dataOf(await r.post<Findings>(FINDINGS, undefined, tokens.get('gdl')));
      expect(gdl.auditFindings.edges.every(({ node }) => node.agreement.parties.some((party) => party.code === '14039'))).toBe(true);
      expect(gdl.auditFindings.totalCount).toBeLessThan(all.auditFindings.totalCount);
      expect(gdl.auditSummary.total).toBe(gdl.auditFindings.totalCount);
      for (const role of ['sre-legal', 'admin'] as const) {
        expect(dataOf(await r.post<Findings>(FINDINGS, undefined, tokens.get(role))).auditFindings.totalCount).toBe(all.auditFindings.totalCount);
      }
    });

    it('gives a subnational user exactly the findings of agreements its entity is a party to, a state not its municipalities’', async () => {
      type Page = { auditFindings: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { agreementId: string } }> } };
      const PAGE = 'query ($after: String) { auditFindings(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { agreementId } } } }';
      const agreementIds: string[] = [];
      for (let after: string | null = null; ; ) {
        const page: Page['auditFindings'] = dataOf(await r.post<Page>(PAGE, { after }, tokens.get('parliament'))).auditFindings;
        agreementIds.push(...page.edges.map(({ node }) => node.agreementId));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const partiesOf = new Map(views.map((view) => [view.id as string, view.parties.map((party): string => party.code)]));
      for (const [role, code] of [['gdl', '14039'], ['nl', '19']] as const) {
        const expected = agreementIds.filter((id) => partiesOf.get(id)?.includes(code)).length;
        expect(expected).toBeGreaterThan(0);
        expect(dataOf(await r.post<Page>(PAGE, { after: null }, tokens.get(role))).auditFindings.totalCount).toBe(expected);
      }
    });
  });
});
