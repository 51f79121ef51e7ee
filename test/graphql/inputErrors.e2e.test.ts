import { startReadRegistry, type GraphQLResponse, type ReadRegistry } from './readSupport';

/** The issues of a refused request: every one names the input and the rule it breaks. */
const issuesOf = (response: GraphQLResponse<unknown>) => {
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  return response.errors?.[0]?.extensions?.['issues'];
};

describe('read inputs that name nothing, or a time that cannot be read, are refused with what to fix', () => {
  let r: ReadRegistry;
  let sre: string;

  beforeAll(async () => {
    r = await startReadRegistry('registry-read-inputs-');
    sre = await r.token('sre-legal');
  }, 60_000);
  afterAll(() => r.stop());

  it('refuses filter codes that are not in the catalogues, each by its place in the list, as the exports do', async () => {
    const query = `query ($filter: AgreementFilter) { agreements(filter: $filter) { totalCount } }`;
    const response = await r.post(query, { filter: { states: ['14', '1'], countries: ['XX'], themes: ['culture', 'nope'], sdgs: [99] } }, sre);
    expect(issuesOf(response)).toEqual([
      { path: 'filter.states[1]', rule: 'invalid-code', message: expect.stringContaining('"01"') },
      { path: 'filter.countries[0]', rule: 'invalid-code', message: expect.stringContaining('XX') },
      { path: 'filter.themes[1]', rule: 'not-in-vocabulary', message: expect.stringContaining('"nope"') },
      { path: 'filter.sdgs[0]', rule: 'out-of-range', message: '99 is not an SDG: they are numbered 1 to 17.' },
    ]);
    // Regions are the policy's own: checked against the version in force on the day queried.
    expect(issuesOf(await r.post(query, { filter: { regions: ['eu', 'mars'] } }, sre))).toEqual([
      { path: 'filter.regions[1]', rule: 'not-in-vocabulary', message: expect.stringContaining('"mars" is not a priority region of the policy in force') },
    ]);
    expect((await r.post<{ agreements: { totalCount: number } }>(query, { filter: { regions: ['eu'] } }, sre)).data?.agreements.totalCount).toBeGreaterThan(0);
    // Valid codes still filter.
    expect((await r.post<{ agreements: { totalCount: number } }>(query, { filter: { states: ['14'] } }, sre)).data?.agreements.totalCount).toBeGreaterThan(0);
  });

  it('refuses a range of days that ends before it starts, and a findings filter naming no agreement id', async () => {
    const agreements = await r.post(`{ agreements(filter: { signedBetween: { from: "2020-01-01", to: "2019-01-01" } }) { totalCount } }`, undefined, sre);
    expect(issuesOf(agreements)).toEqual([{ path: 'filter.signedBetween', rule: 'range-reversed', message: 'starts on 2020-01-01, after it ends on 2019-01-01: give the earlier day as the start.' }]);
    const findings = await r.post(`{ auditFindings(filter: { states: ["14039"], agreements: ["garbage"] }) { totalCount } }`, undefined, sre);
    expect(issuesOf(findings)).toEqual([
      { path: 'filter.states[0]', rule: 'invalid-code', message: expect.any(String) },
      { path: 'filter.agreements[0]', rule: 'uuid-format', message: expect.stringContaining('"garbage"') },
    ]);
  });

  it.each([
    ['an expanded year', '+275760-09-13T00:00:00-01:00', 'instant-format'],
    ['a negative year', '-271821-04-20T00:00:00Z', 'instant-format'],
    ['an offset past 23:59', '2019-12-31T23:59:59+99:99', 'instant-format'],
    ['a year past 9999 once in UTC', '9999-12-31T23:00:00-05:00', 'instant-out-of-range'],
  ])('refuses an instant with %s, as a variable and written in the query', async (_case, instant, rule) => {
    const explanation = rule === 'instant-format' ? 'four-digit year and a zone (Z, or an offset up to ±23:59)' : 'outside the years 0001 to 9999';
    const asVariable = await r.post(`query ($instant: DateTime!) { registryAsOf(instant: $instant) { day } }`, { instant }, sre);
    expect(asVariable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(asVariable.errors?.[0]?.message).toContain(explanation);
    // A literal is checked while the query is validated, so graphql-js reports it as a validation error.
    const literal = await r.post(`{ registryAsOf(instant: ${JSON.stringify(instant)}) { day } }`, undefined, sre);
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(literal.errors?.[0]?.message).toContain(explanation);
    expect(literal.data ?? null).toBeNull();
  });

  it('says what was written when an instant or a date is not a string', async () => {
    const instant = await r.post(`{ registryAsOf(instant: 123) { day } }`, undefined, sre);
    expect(instant.errors?.[0]?.message).toContain('got 123');
    const date = await r.post(`{ inForceOn(date: 20100101) { total } }`, undefined, sre);
    expect(date.errors?.[0]?.message).toContain('got 20100101');
  });

  it('refuses an instant after now (the clock reads 2025-06-15T18:00Z), and a diff whose instants are reversed', async () => {
    const future = await r.post(`{ registryAsOf(instant: "2025-06-15T18:00:01Z") { day } }`, undefined, sre);
    expect(issuesOf(future)).toEqual([{ path: 'instant', rule: 'instant-in-future', message: expect.stringContaining('is after now (2025-06-15T18:00:00.000Z)') }]);
    expect((await r.post<{ registryAsOf: { day: string } }>(`{ registryAsOf(instant: "2025-06-15T18:00:00Z") { day } }`, undefined, sre)).data?.registryAsOf.day).toBe('2025-06-15');
    // The end of today in Mexico City, as the dashboard asks "as of today", means now.
    const endOfToday = await r.post<{ registryAsOf: { instant: string; day: string } }>(`{ registryAsOf(instant: "2025-06-15T23:59:59.999-06:00") { instant day } }`, undefined, sre);
    expect(endOfToday.data?.registryAsOf).toEqual({ instant: '2025-06-15T18:00:00.000Z', day: '2025-06-15' });

    const id = r.handMade.published;
    const diff = await r.post(`query ($id: ID!) { agreement(id: $id) { diff(from: "2025-01-01T00:00:00Z", to: "2024-01-01T00:00:00Z") { field } } }`, { id }, sre);
    expect(diff.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'from, to', rule: 'instants-reversed' }] });
    const asOf = await r.post(`query ($id: ID!) { agreement(id: $id) { asOf(instant: "2030-01-01T00:00:00Z") { title } } }`, { id }, sre);
    expect(asOf.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'instant', rule: 'instant-in-future' }] });
  });
});
