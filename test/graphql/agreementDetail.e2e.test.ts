import { agreementsProjection } from '../../projections/agreements';
import { toGlobalId } from '../../src/graphql/globalId';
import { AT, GDL, SRE, dataOf, startReadRegistry, type ReadRegistry } from './readSupport';

const DETAIL = `query Detail($id: ID!) {
  agreement(id: $id) {
    id agreementId kind title status published openedOn submissions
    parties { level code name inCatalogue stateCode state { name isoCode } entity { code name } }
    counterparts { kind name key country { code nameEs } parentSubdivision { code name inCatalogue } counterpart { name agreementCount } }
    themes { code labelEs } sdgs { number nameEs } languages { code }
    validity { automaticRenewal endsOn }
    opinions { opinionNumber outcome issuedOn observations }
    signature { signedOn place signatories { name side } languages { code } }
    registration { registryNumber registeredOn }
    force { mode effectiveOn } forceStartedOn
    milestoneCount lastMilestone { milestoneId kind occurredOn }
    milestones { milestoneId kind occurredOn description themes sdgs corrected recordedAt }
    correctionCount findingsCount knownAt createdRecordedAt
  }
}`;

const HISTORY = `query History($id: ID!) {
  agreement(id: $id) {
    history { eventId type validAt recordedAt actor { id role } correlationId causationId hash previousHash revision position data }
  }
}`;

describe('one agreement in detail: parties, facts, history, as of an instant, diff; the registry as of an instant', () => {
  let r: ReadRegistry;
  let parliament: string;

  beforeAll(async () => {
    r = await startReadRegistry('registry-read-detail-');
    parliament = await r.token('parliament');
  }, 60_000);
  afterAll(() => r.stop());

  it('gives the status on a day from the opening on, and refuses a day before it, when no file existed', async () => {
    const query = 'query S($id: ID!, $on: Date) { agreement(id: $id) { openedOn status(on: $on) } }';
    const { agreement } = dataOf(await r.post<{ agreement: { openedOn: string; status: string } }>(query, { id: r.handMade.published, on: '2024-01-10' }, parliament));
    expect(agreement.status).toBe('DRAFT');
    const before = await r.post<unknown>(query, { id: r.handMade.published, on: '2023-12-31' }, parliament);
    expect(before.errors?.[0]).toMatchObject({ message: `on: The agreement was opened on ${agreement.openedOn}: ask for its status on that day or later.`, extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('shows the agreement with catalogue names, Spanish country names, corrected facts and milestones', async () => {
    const { agreement } = dataOf(await r.post<{ agreement: Record<string, unknown> }>(DETAIL, { id: r.handMade.published }, parliament));
    expect(agreement).toMatchObject({
      id: toGlobalId('Agreement', r.handMade.published),
      agreementId: r.handMade.published,
      kind: 'TWINNING',
      status: 'IN_FORCE',
      published: true,
      parties: [{ level: 'MUNICIPALITY', code: '14039', name: 'Guadalajara', inCatalogue: true, stateCode: '14', state: { name: 'Jalisco', isoCode: 'MX-JAL' }, entity: { code: '14039', name: 'Guadalajara' } }],
      counterparts: [{ kind: 'FOREIGN_LOCAL_GOVERNMENT', name: 'Kyoto', country: { code: 'JP', nameEs: 'Japón' }, parentSubdivision: { code: 'JP-26', inCatalogue: true }, counterpart: { name: 'Kyoto' } }],
      themes: [{ code: 'culture', labelEs: 'Cultura' }, { code: 'tourism', labelEs: 'Turismo' }],
      sdgs: [{ number: 11, nameEs: 'Ciudades y comunidades sostenibles' }],
      opinions: [{ opinionNumber: 'DGCP-2024-9001', outcome: 'FAVOURABLE_WITH_OBSERVATIONS', issuedOn: '2024-03-01', observations: 'Observación interna: revisar la cláusula 5.' }],
      // The correction (2024-04-01 → 2024-04-02) is applied.
      signature: { signedOn: '2024-04-02', place: 'Guadalajara, Jalisco', languages: [{ code: 'es' }, { code: 'ja' }] },
      registration: { registryNumber: 'RAI-2024-9001', registeredOn: '2024-05-01' },
      force: { mode: 'IN_FORCE', effectiveOn: '2024-05-15' },
      milestoneCount: 1,
      lastMilestone: { milestoneId: 'm-1', kind: 'VISIT', occurredOn: '2024-06-01' },
      milestones: [{ milestoneId: 'm-1', kind: 'VISIT', occurredOn: '2024-06-01', description: 'Visita de la delegación de Kioto', themes: ['culture'], sdgs: [11], corrected: false, recordedAt: AT.registered.toISO() }],
      correctionCount: 1,
      findingsCount: expect.any(Number),
      knownAt: null,
      createdRecordedAt: AT.opened.toISO(),
    });
  });

  it('lists the full history with valid and recorded time, actor, correlation, causation and a hash chain', async () => {
    const { agreement } = dataOf(await r.post<{ agreement: { history: Array<Record<string, unknown>> } }>(HISTORY, { id: r.handMade.published }, parliament));
    const history = agreement.history;
    expect(history.map((event) => event['type'])).toEqual([
      'AGREEMENT_OPENED',
      'TEXT_SUBMITTED_TO_SRE',
      'SRE_OPINION_ISSUED',
      'AGREEMENT_SIGNED',
      'AGREEMENT_REGISTERED',
      'AGREEMENT_ENTERED_INTO_FORCE',
      'COOPERATION_MILESTONE_RECORDED',
      'FACT_CORRECTED',
    ]);
    expect(history[0]).toMatchObject({ validAt: '2024-01-10', recordedAt: AT.opened.toISO(), actor: { id: GDL.id, role: 'subnational' }, revision: '0', previousHash: null });
    expect(history[2]).toMatchObject({ actor: { id: SRE.id, role: 'sre-legal' }, data: { observations: 'Observación interna: revisar la cláusula 5.' } });
    expect(history[7]).toMatchObject({ validAt: null, data: { reason: 'Fecha mal capturada', correctedType: 'AgreementSigned', correctedEventId: history[3]?.['eventId'] } });
    history.forEach((event, index) => {
      expect(event).toMatchObject({ correlationId: expect.any(String), causationId: expect.any(String), hash: expect.any(String), position: expect.stringMatching(/^\d+$/) });
      if (index > 0) expect(event['previousHash']).toBe(history[index - 1]?.['hash']);
    });
  });

  it('shows the agreement as the registry knew it at an instant, judged on that day, with the history up to then', async () => {
    const query = `query AsOf($id: ID!, $a: DateTime!, $b: DateTime!, $c: DateTime!, $before: DateTime!) {
      agreement(id: $id) {
        beforeOpening: asOf(instant: $before) { title }
        afterOpinion: asOf(instant: $a) { status knownAt signature { signedOn } registration { registryNumber } history { type } findings { rule } }
        afterSignature: asOf(instant: $b) { status signature { signedOn } }
        afterCorrection: asOf(instant: $c) { status signature { signedOn } milestones { milestoneId } }
      }
    }`;
    const { agreement } = dataOf(
      await r.post<{ agreement: Record<string, unknown> }>(
        query,
        { id: r.handMade.published, before: '2025-06-01T00:00:00Z', a: AT.opinion.plus({ hours: 1 }).toISO(), b: AT.signed.plus({ hours: 1 }).toISO(), c: AT.corrected.plus({ hours: 1 }).toISO() },
        parliament,
      ),
    );
    expect(agreement).toEqual({
      beforeOpening: null,
      afterOpinion: { status: 'OPINION_ISSUED', knownAt: AT.opinion.plus({ hours: 1 }).toISO(), signature: null, registration: null, history: [{ type: 'AGREEMENT_OPENED' }, { type: 'TEXT_SUBMITTED_TO_SRE' }, { type: 'SRE_OPINION_ISSUED' }], findings: [] },
      afterSignature: { status: 'SIGNED', signature: { signedOn: '2024-04-01' } },
      afterCorrection: { status: 'IN_FORCE', signature: { signedOn: '2024-04-02' }, milestones: [{ milestoneId: 'm-1' }] },
    });
  });

  it('diffs what the registry knew between two instants, field by field', async () => {
    const query = `query Diff($id: ID!, $from: DateTime!, $to: DateTime!) { agreement(id: $id) { diff(from: $from, to: $to) { field before after } } }`;
    const { agreement } = dataOf(
      await r.post<{ agreement: { diff: Array<{ field: string; before: unknown; after: unknown }> } }>(
        query,
        { id: r.handMade.published, from: AT.registered.plus({ hours: 1 }).toISO(), to: AT.corrected.plus({ hours: 1 }).toISO() },
        parliament,
      ),
    );
    expect(agreement.diff.map((change) => change.field)).toEqual(['correctionCount', 'signature']);
    expect(agreement.diff[1]).toMatchObject({ before: { signedOn: '2024-04-01' }, after: { signedOn: '2024-04-02' } });
    const nothing = await r.post<{ agreement: { diff: unknown[] } }>(query, { id: r.handMade.published, from: AT.corrected.plus({ hours: 1 }).toISO(), to: AT.now.toISO() }, parliament);
    expect(dataOf(nothing).agreement.diff).toEqual([]);
  });

  it('fetches any object by its global id, and refuses a malformed one', async () => {
    const agreementId = toGlobalId('Agreement', r.handMade.published);
    const query = `query Nodes($a: ID!, $e: ID!, $p: ID!, $c: ID!, $k: ID!, $missing: ID!) {
      a: node(id: $a) { id __typename ... on Agreement { title } }
      e: node(id: $e) { id __typename ... on Entity { name } }
      p: node(id: $p) { id __typename ... on PolicyVersion { version } }
      c: node(id: $c) { id __typename ... on CounterpartCountry { country { nameEs } } }
      k: node(id: $k) { id __typename ... on Counterpart { name } }
      missing: node(id: $missing) { id }
    }`;
    const counterpartKey = 'foreign-local-government|JP|kyoto';
    const nodes = dataOf(
      await r.post<Record<string, unknown>>(
        query,
        {
          a: agreementId,
          e: toGlobalId('Entity', '14039'),
          p: toGlobalId('PolicyVersion', 1),
          c: toGlobalId('CounterpartCountry', 'JP'),
          k: toGlobalId('Counterpart', counterpartKey),
          missing: toGlobalId('Agreement', '00000000-0000-4000-8000-000000000000'),
        },
        parliament,
      ),
    );
    expect(nodes).toEqual({
      a: { id: agreementId, __typename: 'Agreement', title: 'Hermanamiento Guadalajara–Kioto (prueba)' },
      e: { id: toGlobalId('Entity', '14039'), __typename: 'Entity', name: 'Guadalajara' },
      p: { id: toGlobalId('PolicyVersion', 1), __typename: 'PolicyVersion', version: 1 },
      c: { id: toGlobalId('CounterpartCountry', 'JP'), __typename: 'CounterpartCountry', country: { nameEs: 'Japón' } },
      k: { id: toGlobalId('Counterpart', counterpartKey), __typename: 'Counterpart', name: 'Kyoto' },
      missing: null,
    });
    // An agreement argument takes the global id as well as the UUID.
    expect(dataOf(await r.post<{ agreement: { title: string } }>(`{ agreement(id: "${agreementId}") { title } }`, undefined, parliament)).agreement.title).toContain('Kioto');
    const refused = await r.post('{ node(id: "bm9wZQ") { id } }');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'id', rule: 'global-id' }] });
  });

  it('fetches an audit finding by its global id (with a token)', async () => {
    const { auditFindings } = dataOf(await r.post<{ auditFindings: { edges: Array<{ node: { id: string; findingId: string } }> } }>('{ auditFindings(first: 1) { edges { node { id findingId } } } }', undefined, parliament));
    const finding = auditFindings.edges[0]?.node;
    expect(finding?.id).toBe(toGlobalId('AuditFinding', finding?.findingId ?? ''));
    const fetched = dataOf(await r.post<{ node: { findingId: string } }>(`{ node(id: "${finding?.id}") { ... on AuditFinding { findingId } } }`, undefined, parliament));
    expect(fetched.node.findingId).toBe(finding?.findingId);
  });

  describe('registryAsOf', () => {
    const SNAPSHOT = `query Snapshot($instant: DateTime!, $id: ID!) {
      registryAsOf(instant: $instant) {
        instant day position
        statistics { total scope }
        agreements(first: 5, filter: { kinds: [TWINNING] }) { totalCount edges { node { kind knownAt } } }
        agreement(id: $id) { status registration { registryNumber } knownAt findingsCount }
        inForceOn(date: "2010-06-30") { total }
        policy { version }
        auditFindings(first: 1) { totalCount }
      }
    }`;

    it('answers from the events recorded up to the instant, judged on its day', async () => {
      const instant = '2012-12-31T23:00:00.000Z';
      const views = [...r.registry.runner.model(agreementsProjection).agreements.values()];
      const knownThen = views.filter((view) => view.createdRecordedAt <= instant);
      const { registryAsOf } = dataOf(await r.post<{ registryAsOf: Record<string, any> }>(SNAPSHOT, { instant, id: r.handMade.published }, parliament));
      expect(registryAsOf).toMatchObject({ instant, day: '2012-12-31', position: expect.stringMatching(/^\d+$/), statistics: { total: knownThen.length, scope: 'ALL' }, agreement: null, policy: { version: 1 } });
      expect(registryAsOf['agreements'].totalCount).toBeGreaterThan(0);
      expect(registryAsOf['agreements'].edges.every((edge: { node: { kind: string; knownAt: string } }) => edge.node.kind === 'TWINNING' && edge.node.knownAt === instant)).toBe(true);
      expect(registryAsOf['inForceOn'].total).toBeLessThanOrEqual(knownThen.length);
    });

    it('builds a settled past once for every request that asks for it', async () => {
      const instant = '2015-06-30T12:00:00.000Z';
      const loads = jest.spyOn(r.registry.services.history, 'latestAtOrBefore');
      try {
        const first = dataOf(await r.post<{ registryAsOf: Record<string, any> }>(SNAPSHOT, { instant, id: r.handMade.published }, parliament));
        const built = loads.mock.calls.length;
        const again = dataOf(await r.post<{ registryAsOf: Record<string, any> }>(SNAPSHOT, { instant: '2015-06-30T06:00:00-06:00', id: r.handMade.published }, parliament));
        expect(built).toBeGreaterThan(0);
        expect(loads).toHaveBeenCalledTimes(built);
        expect({ ...again.registryAsOf, instant: first.registryAsOf['instant'] }).toEqual(first.registryAsOf);
      } finally {
        loads.mockRestore();
      }
    });

    it('shows an agreement as it stood: not yet registered before its registration was recorded', async () => {
      const before = dataOf(await r.post<{ registryAsOf: Record<string, any> }>(SNAPSHOT, { instant: AT.signed.plus({ hours: 1 }).toISO(), id: r.handMade.published }, parliament));
      expect(before.registryAsOf['agreement']).toMatchObject({ status: 'SIGNED', registration: null, knownAt: AT.signed.plus({ hours: 1 }).toISO(), findingsCount: expect.any(Number) });
      const after = dataOf(await r.post<{ registryAsOf: Record<string, any> }>(SNAPSHOT, { instant: AT.now.toISO(), id: r.handMade.published }, parliament));
      expect(after.registryAsOf['agreement']).toMatchObject({ status: 'IN_FORCE', registration: { registryNumber: 'RAI-2024-9001' } });
      expect(after.registryAsOf['statistics'].total).toBe(r.registry.runner.model(agreementsProjection).agreements.size);
    });

    it("reads an agreement's entity and counterpart as the registry stood then, not as they stand today", async () => {
      const instant = AT.signed.plus({ hours: 1 }).toISO() as string;
      const query = `query Then($instant: DateTime!, $id: ID!) {
        registryAsOf(instant: $instant) {
          gdl: agreements(filter: { municipalities: ["14039"] }) { totalCount }
          agreement(id: $id) {
            parties { entity { agreementCount } }
            counterparts { counterpart { agreements(first: 100) { edges { node { agreementId status knownAt } } } } }
          }
        }
        agreement(id: $id) { asOf(instant: $instant) { findings { rule agreement { knownAt status } } } }
        live: agreement(id: $id) { parties { entity { agreementCount } } }
      }`;
      const data = dataOf(await r.post<Record<string, any>>(query, { instant, id: r.handMade.published }, parliament));
      const then = data['registryAsOf'];
      expect(then.agreement.parties[0].entity.agreementCount).toBe(then.gdl.totalCount);
      expect(data['live'].parties[0].entity.agreementCount).toBeGreaterThan(then.gdl.totalCount);
      const itself = then.agreement.counterparts[0].counterpart.agreements.edges.find((edge: { node: { agreementId: string } }) => edge.node.agreementId === r.handMade.published);
      expect(itself.node).toMatchObject({ status: 'SIGNED', knownAt: instant });
      // The agreement's own asOf is judged by the audit as of that instant, as registryAsOf is.
      // and each finding's agreement is shown as it stood then too.
      expect(data['agreement'].asOf.findings).toEqual([{ rule: 'REGISTRATION_OVERDUE', agreement: { knownAt: instant, status: 'SIGNED' } }]);
    });
  });
});
