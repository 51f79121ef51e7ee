import { agreementsProjection, type AgreementsModel } from '../../projections/agreements';
import { counterpartsProjection, type CounterpartsModel } from '../../projections/counterparts';
import { entitiesProjection } from '../../projections/entities';
import type { AgreementId } from '../../src/agreements/agreementTypes';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import type { ProjectedEvent } from '../../src/projectionRunner/registryEvent';
import { searchAgreements, type AgreementSearch } from '../../src/queries/agreementQueries';
import { counterpartCountries, countryDetail, searchCounterparts } from '../../src/queries/counterpartQueries';
import { entityCodes } from '../../src/queries/entityDirectory';
import { entityPortfolio } from '../../src/queries/entityQueries';
import { inForceOn } from '../../src/queries/inForceOn';
import { registryStatistics } from '../../src/queries/statisticsQueries';
import { inScope, visibleAgreementsModel, visibleCounterpartsModel, visibleOrdinals, type AgreementScope } from '../../src/queries/visibleModels';
import type { LegalDate } from '../../src/shared/time';
import { SAMPLE, SAMPLE_TODAY, project, sampleRegistry } from '../support/projectedEvents';

/*
 * A restricted model is a mask over the projection's ordinals with filtering wrappers. Its oracle
 * here is the projection itself, folded from the events of the visible agreements only: every
 * query must answer the same on both.
 */

const regions = SEED_POLICY_VERSION.priorityRegions;
const queryContext = { today: SAMPLE_TODAY, countriesOfRegion: (id: string) => regions.find((region) => region.id === id)?.countries ?? [] };
const ids = (model: AgreementsModel, search: AgreementSearch) => {
  const page = searchAgreements(model, { ...search, page: { first: 100 } }, queryContext);
  return { total: page.totalCount, ids: page.edges.map((edge) => edge.node.id) };
};
const withoutPosition = <T extends { lastPosition: bigint }>(value: T): Omit<T, 'lastPosition'> => {
  const { lastPosition: _lastPosition, ...rest } = value;
  return rest;
};

const SCOPES: readonly AgreementScope[] = [
  { kind: 'published' },
  // Guadalajara (a municipality): its own agreements, not Jalisco's.
  { kind: 'published-and-own', entities: ['14039'] },
  // Jalisco (a state): agreements naming the state itself, not those of its municipalities only.
  { kind: 'published-and-own', entities: ['14'] },
  { kind: 'published-and-own', entities: ['19039', '08'] },
];

const SEARCHES: readonly AgreementSearch[] = [
  {},
  { filter: { states: ['14'] } },
  { filter: { countries: ['US'] }, sort: { field: 'signedOn', direction: 'desc' } },
  { filter: { statuses: ['in-force', 'registered', 'under-sre-review'] } },
  { filter: { text: 'acuerdo' }, sort: { field: 'openedOn', direction: 'asc' } },
  { filter: { regions: ['north-america'], themes: ['water', 'economic-development'] } },
];

describe('restricted read models', () => {
  const log = sampleRegistry();
  const agreements = project(agreementsProjection, log.events);
  const counterparts = project(counterpartsProjection, log.events);
  const entities = project(entitiesProjection, log.events);

  const oracleOf = (scope: AgreementScope, events: readonly ProjectedEvent[], model: AgreementsModel) => {
    const streams = new Set([...model.agreements.values()].filter((view) => inScope(scope, view)).map((view) => view.streamName));
    const visibleEvents = events.filter((event) => streams.has(event.streamName));
    return { agreements: project(agreementsProjection, visibleEvents), counterparts: project(counterpartsProjection, visibleEvents) };
  };

  const expectSameAnswers = (scope: AgreementScope, model: AgreementsModel, counterpartsModel: CounterpartsModel, events: readonly ProjectedEvent[]) => {
    const restricted = visibleAgreementsModel(model, scope);
    const oracle = oracleOf(scope, events, model);
    expect(restricted.agreements.size).toBe(oracle.agreements.agreements.size);
    expect([...restricted.agreements.keys()].sort()).toEqual([...oracle.agreements.agreements.keys()].sort());
    for (const search of SEARCHES) expect(ids(restricted, search)).toEqual(ids(oracle.agreements, search));
    expect(withoutPosition(registryStatistics(restricted, { today: SAMPLE_TODAY, regions }))).toEqual(
      withoutPosition(registryStatistics(oracle.agreements, { today: SAMPLE_TODAY, regions })),
    );
    for (const date of ['2021-01-01', '2024-06-01', SAMPLE_TODAY] as LegalDate[]) {
      expect(inForceOn(restricted, date, regions)).toEqual(inForceOn(oracle.agreements, date, regions));
    }
    for (const code of ['14', '14039', '19', '08', '02004']) {
      expect(entityPortfolio(restricted, entities, code, { today: SAMPLE_TODAY, regions })).toEqual(entityPortfolio(oracle.agreements, entities, code, { today: SAMPLE_TODAY, regions }));
    }
    expect(entityCodes(restricted, entities)).toEqual(entityCodes(oracle.agreements, entities));
    for (const index of ['byState', 'byMunicipality', 'byCountry', 'byKind', 'byTheme', 'bySdg'] as const) {
      const members = (of: AgreementsModel) => [...of[index]].map(([key, set]) => [key, [...set].sort(), set.size] as const).sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
      expect(members(restricted)).toEqual(members(oracle.agreements));
    }

    const visibleCounterparts = visibleCounterpartsModel(counterpartsModel, model, scope);
    expect(searchCounterparts(visibleCounterparts, {}, { first: 100 })).toEqual(searchCounterparts(oracle.counterparts, {}, { first: 100 }));
    expect(searchCounterparts(visibleCounterparts, { countries: ['US'], partyCode: '14' })).toEqual(searchCounterparts(oracle.counterparts, { countries: ['US'], partyCode: '14' }));
    expect(counterpartCountries(visibleCounterparts)).toEqual(counterpartCountries(oracle.counterparts));
    for (const country of ['US', 'JP', 'ES']) expect(countryDetail(visibleCounterparts, country)).toEqual(countryDetail(oracle.counterparts, country));
  };

  it.each(SCOPES)('answers every query as the projection of the visible agreements alone would (%j)', (scope) => {
    expectSameAnswers(scope, agreements, counterparts, log.events);
  });

  it('marks exactly the agreements the rule lets the scope see', () => {
    for (const scope of SCOPES) {
      if (scope.kind === 'all') continue;
      const mask = visibleOrdinals(agreements, scope);
      for (const view of agreements.agreements.values()) expect([view.id, mask[view.ordinal] === 1]).toEqual([view.id, inScope(scope, view)]);
    }
  });

  it('hides what the scope may not see from lookups, and shows everything to the privileged', () => {
    const anonymous = visibleAgreementsModel(agreements, { kind: 'published' });
    expect(anonymous.agreements.get(SAMPLE.jaliscoTexas)).toBeUndefined();
    expect(anonymous.agreements.has(SAMPLE.jaliscoTexas)).toBe(false);
    expect(anonymous.agreements.get(SAMPLE.tijuanaSanDiego)?.id).toBe(SAMPLE.tijuanaSanDiego);
    expect(anonymous.agreements.get('no-such-agreement' as AgreementId)).toBeUndefined();
    expect(visibleAgreementsModel(agreements, { kind: 'all' })).toBe(agreements);
    expect(visibleAgreementsModel(agreements, { kind: 'published' })).toBe(anonymous);
  });

  it('follows new events: a registration makes an agreement public, an opening stays hidden until registered', () => {
    const grown = sampleRegistry();
    const model = project(agreementsProjection, grown.events);
    const counterpartsModel = project(counterpartsProjection, grown.events);
    const before = visibleAgreementsModel(model, { kind: 'published' });
    expect(before.agreements.has(SAMPLE.monterreyMadrid)).toBe(false);

    const added = grown.agreement(SAMPLE.monterreyMadrid, { type: 'AgreementRegistered', data: { registryNumber: 'RAI-2025-0042', registeredOn: '2025-06-01' as LegalDate } });
    for (const event of added) {
      agreementsProjection.apply(model, event);
      counterpartsProjection.apply(counterpartsModel, event);
    }
    const after = visibleAgreementsModel(model, { kind: 'published' });
    expect(after).not.toBe(before);
    expect(after.agreements.has(SAMPLE.monterreyMadrid)).toBe(true);
    expect(visibleCounterpartsModel(counterpartsModel, model, { kind: 'published' }).counterparts.size).toBe(searchCounterparts(oracleOf({ kind: 'published' }, grown.events, model).counterparts, {}).totalCount);
    for (const scope of SCOPES) expectSameAnswers(scope, model, counterpartsModel, grown.events);
  });
});
