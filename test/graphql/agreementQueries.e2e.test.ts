import { agreementStatus, agreementsProjection, wasInForceDuring, type AgreementView } from '../../projections/agreements';
import { policyProjection, policyVersionInForceOn } from '../../projections/policy';
import { graphqlEnumName } from '../../src/graphql/resolvers/enums';
import type { LegalDate } from '../../src/shared/time';
import { dataOf, startReadRegistry, type ReadRegistry } from './readSupport';

const TODAY = '2025-06-15' as LegalDate;

interface Edge {
  readonly cursor: string;
  readonly node: { readonly agreementId: string };
}
interface Connection {
  readonly totalCount: number;
  readonly edges: readonly Edge[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly startCursor: string | null; readonly endCursor: string | null };
}

const PAGE = `query Page($filter: AgreementFilter, $sort: AgreementSort, $first: Int, $after: String, $last: Int, $before: String) {
  agreements(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { agreementId } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('agreements: filters, sorting and Relay pagination', () => {
  let r: ReadRegistry;
  let parliament: string;
  let views: AgreementView[];

  beforeAll(async () => {
    r = await startReadRegistry('registry-read-agreements-');
    parliament = await r.token('parliament');
    views = [...r.registry.runner.model(agreementsProjection).agreements.values()];
  }, 60_000);
  afterAll(() => r.stop());

  const page = async (variables: Record<string, unknown>, authorization = parliament) => dataOf(await r.post<{ agreements: Connection }>(PAGE, variables, authorization)).agreements;

  /** Every id of a filter, walking the pages forward 100 at a time. */
  const allIds = async (filter: Record<string, unknown>, sort?: Record<string, unknown>): Promise<string[]> => {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: Connection = await page({ filter, ...(sort ? { sort } : {}), first: 100, ...(after ? { after } : {}) });
      ids.push(...result.edges.map((edge) => edge.node.agreementId));
      if (!result.pageInfo.hasNextPage) return ids;
      after = result.pageInfo.endCursor;
    }
  };

  const regionCountries = (region: string): readonly string[] =>
    policyVersionInForceOn(r.registry.runner.model(policyProjection), TODAY)?.priorityRegions.find((candidate) => candidate.id === region)?.countries ?? [];

  // Each filter against a brute-force reading of every view.
  it.each<[string, Record<string, unknown>, (view: AgreementView) => boolean]>([
    ['state (municipalities count for their state)', { states: ['14'] }, (v) => v.parties.some((p) => p.stateCode === '14')],
    ['municipality', { municipalities: ['14039'] }, (v) => v.parties.some((p) => p.code === '14039')],
    ['counterpart country', { countries: ['US'] }, (v) => v.counterparts.some((c) => c.country === 'US')],
    ['region of the policy in force', { regions: ['eu'] }, (v) => v.counterparts.some((c) => c.country !== undefined && regionCountries('eu').includes(c.country))],
    ['kind', { kinds: ['TWINNING'] }, (v) => v.kind === 'twinning'],
    ['status on today', { statuses: ['IN_FORCE', 'EXPIRED'] }, (v) => ['in-force', 'expired'].includes(agreementStatus(v, TODAY))],
    ['theme', { themes: ['culture'] }, (v) => v.themes.includes('culture' as never)],
    ['SDG', { sdgs: [11] }, (v) => v.sdgs.includes(11 as never)],
    ['signed date range', { signedBetween: { from: '2010-01-01', to: '2015-12-31' } }, (v) => v.signature !== undefined && v.signature.signedOn >= '2010-01-01' && v.signature.signedOn <= '2015-12-31'],
    ['in-force date range', { inForceBetween: { from: '2019-12-31', to: '2019-12-31' } }, (v) => wasInForceDuring(v, '2019-12-31' as LegalDate, '2019-12-31' as LegalDate)],
    ['full text on the title (accents and case ignored)', { text: 'AGUA' }, (v) => v.titleKey.includes(' agua')],
    ['several criteria at once (AND)', { states: ['14'], kinds: ['TWINNING', 'COOPERATION_AGREEMENT'] }, (v) => v.parties.some((p) => p.stateCode === '14') && ['twinning', 'cooperation-agreement'].includes(v.kind)],
  ])('filters by %s', async (_label, filter, expected) => {
    const wanted = views.filter(expected).map((view) => view.id).sort();
    expect(wanted.length).toBeGreaterThan(0);
    const ids = await allIds(filter);
    expect([...ids].sort()).toEqual(wanted);
    expect((await page({ filter, first: 1 })).totalCount).toBe(wanted.length);
  });

  it('sorts by signature date, either way, unsigned agreements last', async () => {
    const signedOn = new Map<string, string | undefined>(views.map((view) => [view.id, view.signature?.signedOn]));
    for (const direction of ['ASC', 'DESC'] as const) {
      const ids = await allIds({}, { field: 'SIGNED_ON', direction });
      expect(ids).toHaveLength(views.length);
      const dates = ids.map((id) => signedOn.get(id));
      const signed = dates.filter((value): value is string => value !== undefined);
      expect(dates.slice(signed.length).every((value) => value === undefined)).toBe(true);
      expect(signed).toEqual([...signed].sort((a, b) => (direction === 'ASC' ? a.localeCompare(b) : b.localeCompare(a))));
    }
  });

  it('pages forward with first/after and backward with last/before over the same order, with totalCount and pageInfo', async () => {
    const everything = await allIds({});
    expect(everything).toHaveLength(views.length);
    const first = await page({ first: 10 });
    expect(first).toMatchObject({ totalCount: views.length, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(first.edges.map((edge) => edge.node.agreementId)).toEqual(everything.slice(0, 10));
    const second = await page({ first: 10, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.agreementId)).toEqual(everything.slice(10, 20));
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, startCursor: second.edges[0]?.cursor, endCursor: second.edges[9]?.cursor });
    const last = await page({ last: 7 });
    expect(last.edges.map((edge) => edge.node.agreementId)).toEqual(everything.slice(-7));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const beforeLast = await page({ last: 5, before: last.pageInfo.startCursor });
    expect(beforeLast.edges.map((edge) => edge.node.agreementId)).toEqual(everything.slice(-12, -7));
    // Defaults to 20 items when neither first nor last is given.
    expect((await page({})).edges).toHaveLength(20);
  });

  it.each([
    ['first', { first: 101 }],
    ['last', { last: 101 }],
    ['first', { first: -1 }],
  ])('refuses a page size beyond 100 (or negative) with BAD_USER_INPUT naming %s', async (argument, variables) => {
    const response = await r.post(PAGE, variables, parliament);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: argument, rule: 'page-size' }] });
  });

  it('accepts exactly 100 and refuses a cursor it did not issue', async () => {
    expect((await page({ first: 100 })).edges).toHaveLength(100);
    const response = await r.post(PAGE, { first: 5, after: 'not-a-cursor' }, parliament);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'after', rule: 'cursor-invalid' }] });
  });

  it('shows statuses as the domain computes them on today, as GraphQL enum names', async () => {
    const { agreements } = dataOf(await r.post<{ agreements: { edges: Array<{ node: { agreementId: string; status: string } }> } }>('{ agreements(first: 100) { edges { node { agreementId status } } } }', undefined, parliament));
    const byId = new Map(views.map((view) => [view.id as string, view]));
    for (const { node } of agreements.edges) expect(node.status).toBe(graphqlEnumName(agreementStatus(byId.get(node.agreementId) as AgreementView, TODAY)));
  });
});
