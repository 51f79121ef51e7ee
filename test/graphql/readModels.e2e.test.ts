import { randomUUID } from 'node:crypto';
import { agreementsProjection, isInForceOn, type AgreementView } from '../../projections/agreements';
import { AUDIT_RULE_CODES, AUDIT_RULE_DESCRIPTIONS } from '../../projections/auditFindings';
import { policyProjection, policyVersionInForceOn } from '../../projections/policy';
import { graphqlEnumName } from '../../src/graphql/resolvers/enums';
import type { LegalDate } from '../../src/shared/time';
import { AT, GDL, dataOf, startReadRegistry, type ReadRegistry } from './readSupport';

type Counted = { key: string; label: string | null; count: number };
const sum = (entries: readonly { count: number }[]) => entries.reduce((total, entry) => total + entry.count, 0);

describe('the other read models: statistics, in force on a day, findings, policy, entities, counterparts, timeline, reference data, read-your-writes', () => {
  let r: ReadRegistry;
  let parliament: string;
  let views: AgreementView[];

  beforeAll(async () => {
    r = await startReadRegistry('registry-read-models-');
    parliament = await r.token('parliament');
    views = [...r.registry.runner.model(agreementsProjection).agreements.values()];
  }, 60_000);
  afterAll(() => r.stop());

  it('counts agreements by state, region, theme, kind, status and year', async () => {
    const { statistics } = dataOf(
      await r.post<{ statistics: Record<string, any> }>(
        '{ statistics { asOf position scope total signed byState { key label count } byRegion { key label count } withoutPriorityRegion byTheme { key label count } byKind { kind count } byStatus { status count } bySignatureYear { key count } byOpeningYear { key count } } }',
        undefined,
        parliament,
      ),
    );
    expect(statistics).toMatchObject({ asOf: '2025-06-15', scope: 'ALL', total: views.length, signed: views.filter((view) => view.signature).length });
    expect(sum(statistics['byKind'])).toBe(views.length);
    expect(sum(statistics['byStatus'])).toBe(views.length);
    expect(sum(statistics['byOpeningYear'])).toBe(views.length);
    expect(sum(statistics['bySignatureYear'])).toBe(statistics['signed']);
    expect(statistics['byState']).toContainEqual({ key: '14', label: 'Jalisco', count: views.filter((view) => view.parties.some((party) => party.stateCode === '14')).length });
    expect(statistics['byRegion']).toContainEqual(expect.objectContaining({ key: 'eu', label: expect.any(String) }));
    expect(statistics['byTheme']).toContainEqual(expect.objectContaining({ key: 'culture', label: 'Cultura' }));
  });

  it('reports what was in force on a day, grouped by state, country, region and theme, with the agreements', async () => {
    const date = '2019-12-31' as LegalDate;
    const expected = views.filter((view) => isInForceOn(view, date));
    const query = `{ inForceOn(date: "2019-12-31") { date scope policyVersion total byMode { mode count } byState { key label count } byCountry { key label count } byRegion { key count } withoutPriorityRegion byTheme { key count } agreements(first: 100) { totalCount edges { node { agreementId inForceOn(date: "2019-12-31") } } } } }`;
    const { inForceOn } = dataOf(await r.post<{ inForceOn: Record<string, any> }>(query, undefined, parliament));
    const policyVersion = policyVersionInForceOn(r.registry.runner.model(policyProjection), date)?.version;
    expect(inForceOn).toMatchObject({ date, scope: 'ALL', policyVersion, total: expected.length });
    expect(sum(inForceOn['byMode'])).toBe(expected.length);
    expect(inForceOn['agreements'].totalCount).toBe(expected.length);
    expect(inForceOn['agreements'].edges.map((edge: { node: { agreementId: string } }) => edge.node.agreementId).sort()).toEqual(expected.map((view) => view.id).sort());
    expect(inForceOn['agreements'].edges.every((edge: { node: { inForceOn: boolean } }) => edge.node.inForceOn)).toBe(true);
    expect((inForceOn['byCountry'] as Counted[]).find((entry) => entry.key === 'US')?.label).toBe('Estados Unidos');
  });

  describe('audit findings', () => {
    const FINDINGS = `query Findings($filter: AuditFindingFilter, $first: Int, $after: String) {
      auditFindings(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id findingId rule severity heuristic open raisedOn resolvedOn agreementId agreement { agreementId parties { stateCode } } explanation { es en } evidence policyVersion ruleDescription { rule title { es } basis } } }
      }
    }`;
    type Finding = { rule: string; severity: string; open: boolean; raisedOn: string; agreementId: string; agreement: { parties: Array<{ stateCode: string }> } };

    it('filters by rule, severity, state, agreement and open/resolved, newest first, paginated', async () => {
      const all = dataOf(await r.post<{ auditFindings: { totalCount: number } }>(FINDINGS, { first: 1 }, parliament)).auditFindings.totalCount;
      expect(all).toBeGreaterThan(20);
      const byRule = dataOf(await r.post<{ auditFindings: { edges: Array<{ node: Finding }> } }>(FINDINGS, { filter: { rules: ['DORMANT'] }, first: 100 }, parliament)).auditFindings;
      expect(byRule.edges.length).toBeGreaterThan(0);
      expect(byRule.edges.every(({ node }) => node.rule === 'DORMANT' && node.severity === graphqlEnumName(AUDIT_RULE_DESCRIPTIONS.DORMANT.severity))).toBe(true);
      const raised = byRule.edges.map(({ node }) => node.raisedOn);
      expect(raised).toEqual([...raised].sort().reverse());
      const open = dataOf(await r.post<{ auditFindings: { edges: Array<{ node: Finding }> } }>(FINDINGS, { filter: { open: true }, first: 100 }, parliament)).auditFindings;
      expect(open.edges.every(({ node }) => node.open)).toBe(true);
      const legal = dataOf(await r.post<{ auditFindings: { edges: Array<{ node: Finding }> } }>(FINDINGS, { filter: { severities: ['LEGAL_BREACH'], states: ['14', '19'] }, first: 100 }, parliament)).auditFindings;
      expect(legal.edges.every(({ node }) => node.severity === 'LEGAL_BREACH' && node.agreement.parties.some((party) => ['14', '19'].includes(party.stateCode)))).toBe(true);
      const one = byRule.edges[0]?.node.agreementId as string;
      const ofAgreement = dataOf(await r.post<{ auditFindings: { edges: Array<{ node: Finding }> } }>(FINDINGS, { filter: { agreements: [one] }, first: 100 }, parliament)).auditFindings;
      expect(ofAgreement.edges.every(({ node }) => node.agreementId === one)).toBe(true);
      const { agreement } = dataOf(await r.post<{ agreement: { findings: unknown[]; findingsCount: number } }>(`{ agreement(id: "${one}") { findings { findingId } findingsCount } }`, undefined, parliament));
      expect(agreement.findingsCount).toBe(ofAgreement.edges.length);
      // Pages cover the whole list, newest first, then by id.
      const seen: Array<{ raisedOn: string; findingId: string }> = [];
      let after: string | null = null;
      for (;;) {
        const page: { auditFindings: { edges: Array<{ node: { raisedOn: string; findingId: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } = dataOf(
          await r.post(FINDINGS, { first: 50, ...(after ? { after } : {}) }, parliament),
        );
        seen.push(...page.auditFindings.edges.map(({ node }) => ({ raisedOn: node.raisedOn, findingId: node.findingId })));
        if (!page.auditFindings.pageInfo.hasNextPage) break;
        after = page.auditFindings.pageInfo.endCursor;
      }
      expect(seen.length).toBe(all);
      const order = (a: (typeof seen)[number], b: (typeof seen)[number]) =>
        a.raisedOn !== b.raisedOn ? (a.raisedOn < b.raisedOn ? 1 : -1) : a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0;
      expect(seen).toEqual([...seen].sort(order));
      expect(new Set(seen.map(({ raisedOn }) => raisedOn)).size).toBeLessThan(seen.length);
    });

    it('summarises by rule and severity, every rule listed', async () => {
      const { auditSummary, auditRules } = dataOf(
        await r.post<{ auditSummary: Record<string, any>; auditRules: unknown[] }>(
          '{ auditSummary { asOf total open resolved byRule { rule severity count open } bySeverity { severity count open } } auditRules { rule severity heuristic timeDependent title { es en } basis } }',
          undefined,
          parliament,
        ),
      );
      expect(auditSummary['byRule']).toHaveLength(AUDIT_RULE_CODES.length);
      expect(auditRules).toHaveLength(AUDIT_RULE_CODES.length);
      expect(sum(auditSummary['byRule'])).toBe(auditSummary['total']);
      expect(sum(auditSummary['bySeverity'])).toBe(auditSummary['total']);
      expect(auditSummary['open'] + auditSummary['resolved']).toBe(auditSummary['total']);
      const count = dataOf(await r.post<{ auditFindings: { totalCount: number } }>('{ auditFindings(first: 0) { totalCount } }', undefined, parliament)).auditFindings.totalCount;
      expect(auditSummary['total']).toBe(count);
    });
  });

  it('lists policy versions and the version in force on a day (public)', async () => {
    const data = dataOf(
      await r.post<Record<string, any>>(
        '{ policyVersions { id version effectiveFrom title publishedAt priorityRegions { id name countries { code } } priorityThemes { code } multilateralAgendas { id } strategyObjectives { objective name } deadlines { registrationAfterSignatureDays dormancyMonths opinionBeforeSignatureRequired } } before: policyInForceOn(date: "1990-01-01") { version } now: policyInForceOn(date: "2025-06-15") { version } }',
      ),
    );
    expect(data['policyVersions'].length).toBeGreaterThanOrEqual(1);
    expect(data['policyVersions'][0]).toMatchObject({ version: 1, strategyObjectives: expect.arrayContaining([{ objective: 'TRAINING', name: expect.any(String) }]) });
    expect(data['policyVersions'][0].strategyObjectives).toHaveLength(6);
    expect(data['policyVersions'][0].priorityRegions.find((region: { id: string }) => region.id === 'alianza-del-pacifico').countries.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['CL', 'CO', 'PE']));
    expect(data['before']).toBeNull();
    expect(data['now'].version).toBe(data['policyVersions'][data['policyVersions'].length - 1].version);
  });

  it('shows entity profiles with portfolio, the six objectives and network memberships, and lists entities', async () => {
    const { entity, entities, states } = dataOf(
      await r.post<Record<string, any>>(
        '{ entity(code: "14039") { id code level name inCatalogue stateCode state { name } agreementCount ownAgreementCount byStatus { status count } byKind { kind count } byRegion { key count } byTheme { key count } objectives { objective name progress { level recordedOn } } networks { current { networkId network { nameEs } joinedOn } past { networkId leftOn } } hasProfile agreements(first: 100) { totalCount edges { node { agreementId } } } } entities(first: 100, filter: { level: MUNICIPALITY, states: ["14"] }) { totalCount edges { node { code level stateCode } } } states: entities(filter: { level: STATE }) { totalCount } }',
        undefined,
        parliament,
      ),
    );
    const own = views.filter((view) => view.parties.some((party) => party.code === '14039'));
    expect(entity).toMatchObject({ code: '14039', level: 'MUNICIPALITY', name: 'Guadalajara', inCatalogue: true, stateCode: '14', state: { name: 'Jalisco' }, agreementCount: own.length, ownAgreementCount: own.length });
    expect(entity.objectives).toHaveLength(6);
    // Responses are parsed outside Jest's realm: arrays are checked with Array.isArray, not expect.any(Array).
    expect(Array.isArray(entity.networks.current) && Array.isArray(entity.networks.past)).toBe(true);
    expect(entity.agreements.totalCount).toBe(own.length);
    expect(entity.agreements.edges.map((edge: { node: { agreementId: string } }) => edge.node.agreementId)).toContain(r.handMade.published);
    expect(sum(entity.byStatus)).toBe(own.length);
    expect(entities.edges.every((edge: { node: { level: string; stateCode: string } }) => edge.node.level === 'MUNICIPALITY' && edge.node.stateCode === '14')).toBe(true);
    expect(entities.edges.map((edge: { node: { code: string } }) => edge.node.code)).toContain('14039');
    expect(states.totalCount).toBe(32);
    expect(dataOf(await r.post<{ entity: null }>('{ entity(code: "99") { code } }')).entity).toBeNull();
  });

  it("lists none of an entity's agreements under a filter naming only other entities of its level", async () => {
    const data = dataOf(
      await r.post<Record<string, any>>(
        '{ guadalajara: entity(code: "14039") { own: agreements(filter: { municipalities: ["14039", "19039"] }) { totalCount } other: agreements(filter: { municipalities: ["19039"] }) { totalCount edges { node { agreementId } } } } jalisco: entity(code: "14") { other: agreements(filter: { states: ["19"] }) { totalCount } } }',
        undefined,
        parliament,
      ),
    );
    const own = views.filter((view) => view.parties.some((party) => party.code === '14039'));
    expect(data['guadalajara']).toEqual({ own: { totalCount: own.length }, other: { totalCount: 0, edges: [] } });
    expect(data['jalisco']).toEqual({ other: { totalCount: 0 } });
  });

  it('searches counterparts and shows a country with its counterparts and agreements', async () => {
    const data = dataOf(
      await r.post<Record<string, any>>(
        '{ counterparts(first: 100, filter: { countries: ["JP"] }) { totalCount edges { node { key kind name country { code nameEs } agreementCount agreements(first: 100) { totalCount } } } } kyoto: counterparts(filter: { text: "kioto kyoto" }) { totalCount } country(code: "JP") { id country { nameEs } agreementCount counterpartCount counterparts { name } byState { key label count } byParty { key count } agreements(first: 100) { totalCount edges { node { counterparts { country { code } } } } } } counterpartCountries { country { code } agreementCount } }',
        undefined,
        parliament,
      ),
    );
    const japanese = views.filter((view) => view.counterparts.some((counterpart) => counterpart.country === 'JP'));
    expect(data['counterparts'].edges.every((edge: { node: { country: { code: string } } }) => edge.node.country.code === 'JP')).toBe(true);
    expect(data['counterparts'].edges.every((edge: { node: { agreementCount: number; agreements: { totalCount: number } } }) => edge.node.agreementCount === edge.node.agreements.totalCount)).toBe(true);
    expect(data['country']).toMatchObject({ country: { nameEs: 'Japón' }, agreementCount: japanese.length, counterpartCount: data['counterparts'].totalCount });
    expect(data['country'].agreements.totalCount).toBe(japanese.length);
    expect(data['counterpartCountries'][0].agreementCount).toBeGreaterThanOrEqual(data['counterpartCountries'][1].agreementCount);
  });

  it('lists the timeline with filters, in log order or newest first', async () => {
    const query = `query T($filter: TimelineFilter, $order: SortDirection) { timeline(filter: $filter, order: $order, first: 100) { totalCount edges { node { position eventId agreementId type validAt recordedAt actorRole summary reference corrected agreement { agreementId } } } } }`;
    type Entry = { position: string; type: string; corrected: boolean; summary: string; actorRole: string; validAt: string | null };
    const asc = dataOf(await r.post<{ timeline: { totalCount: number; edges: Array<{ node: Entry }> } }>(query, { filter: { agreements: [r.handMade.published] } }, parliament)).timeline;
    expect(asc.edges.map(({ node }) => node.type)).toEqual([
      'AGREEMENT_OPENED',
      'TEXT_SUBMITTED_TO_SRE',
      'SRE_OPINION_ISSUED',
      'AGREEMENT_SIGNED',
      'AGREEMENT_REGISTERED',
      'AGREEMENT_ENTERED_INTO_FORCE',
      'COOPERATION_MILESTONE_RECORDED',
      'FACT_CORRECTED',
    ]);
    expect(asc.edges[3]?.node).toMatchObject({ corrected: true, validAt: '2024-04-02', actorRole: 'subnational', summary: expect.stringContaining('Firma') });
    const desc = dataOf(await r.post<{ timeline: { edges: Array<{ node: Entry }> } }>(query, { filter: { agreements: [r.handMade.published] }, order: 'DESC' }, parliament)).timeline;
    expect(desc.edges.map(({ node }) => node.position)).toEqual(asc.edges.map(({ node }) => node.position).reverse());
    const signatures = dataOf(await r.post<{ timeline: { edges: Array<{ node: Entry }> } }>(query, { filter: { types: ['AGREEMENT_SIGNED'], states: ['14'], validBetween: { from: '2015-01-01', to: '2024-12-31' } } }, parliament)).timeline;
    expect(signatures.edges.length).toBeGreaterThan(0);
    expect(signatures.edges.every(({ node }) => node.type === 'AGREEMENT_SIGNED' && node.validAt !== null && node.validAt >= '2015-01-01' && node.validAt <= '2024-12-31')).toBe(true);
  });

  it('serves reference data for pickers', async () => {
    const data = dataOf(
      await r.post<Record<string, any>>(
        '{ states { code name isoCode } municipalities(state: "14") { code name stateCode } countries { code nameEs } subdivisions(country: "US") { code name inCatalogue } organisations { id nameEs } networks { id nameEs } themes { code labelEs priorityInSeed } sdgs { number nameEs } currencies { code nameEn } languages { code nameEn } referenceVersions { catalogue version } }',
      ),
    );
    expect(data['states']).toHaveLength(32);
    expect(data['municipalities']).toContainEqual({ code: '14039', name: 'Guadalajara', stateCode: '14' });
    expect(data['municipalities'].every((m: { stateCode: string }) => m.stateCode === '14')).toBe(true);
    expect(data['countries']).toContainEqual({ code: 'MX', nameEs: 'México' });
    expect(data['subdivisions']).toContainEqual({ code: 'US-TX', name: 'Texas', inCatalogue: true });
    expect(data['organisations']).toContainEqual({ id: 'undp', nameEs: 'Programa de las Naciones Unidas para el Desarrollo' });
    expect(data['networks'].length).toBeGreaterThan(5);
    expect(data['themes'].filter((theme: { priorityInSeed: boolean }) => theme.priorityInSeed)).toHaveLength(5);
    expect(data['sdgs']).toHaveLength(17);
    expect(data['currencies']).toContainEqual({ code: 'MXN', nameEn: expect.any(String) });
    expect(data['languages']).toContainEqual({ code: 'es', nameEn: 'Spanish' });
    expect(data['referenceVersions'].length).toBe(11);
    const refused = await r.post('{ subdivisions(country: "UK") { code } }');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  describe('consistentWith (read-your-writes)', () => {
    it('waits for a position a write returned and says it was reached', async () => {
      const position = await r.run(AT.now, GDL, {
        type: 'RecordCooperationMilestone',
        agreementId: r.handMade.published,
        data: { milestoneId: `m-${randomUUID()}`, kind: 'report', occurredOn: '2025-06-01' as LegalDate, description: 'Informe anual', themes: [], sdgs: [] },
      });
      const response = await r.post<{ agreement: { milestoneCount: number } }>(`query($p: Position) { agreement(id: "${r.handMade.published}", consistentWith: $p) { milestoneCount } }`, { p: position.toString() }, parliament);
      expect(dataOf(response).agreement.milestoneCount).toBe(2);
      expect(response.extensions?.['consistency']).toEqual({ requested: position.toString(), reached: true, position: expect.stringMatching(/^\d+$/) });
      // Without consistentWith, nothing is added to the response.
      expect((await r.post('{ registryStatus { today } }')).extensions).toBeUndefined();
    });

    it('answers anyway when the position is not reached in time, and says so (HTTP and WebSocket)', async () => {
      const far = '999999999';
      const response = await r.post<{ statistics: { total: number } }>(`{ statistics(consistentWith: "${far}") { total } }`);
      expect(dataOf(response).statistics.total).toBeGreaterThan(0);
      expect(response.extensions?.['consistency']).toMatchObject({ requested: far, reached: false });
      const overSocket = await r.webSocket<{ statistics: { total: number } }>(`{ statistics(consistentWith: "${far}") { total } }`);
      expect(overSocket.data?.statistics.total).toBe(dataOf(response).statistics.total);
      expect(overSocket.extensions?.['consistency']).toMatchObject({ requested: far, reached: false });
    }, 15_000);

    it('refuses a position that is not a decimal string', async () => {
      const response = await r.post('query($p: Position) { statistics(consistentWith: $p) { total } }', { p: 'abc' });
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });
  });
});
