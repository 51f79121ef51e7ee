import { counterpartsProjection } from '../../projections/counterparts';
import {
  agreementsWithCounterpart,
  counterpartCountries,
  countryDetail,
  countryNameEs,
  getCounterpart,
  searchCounterparts,
} from '../../src/queries/counterpartQueries';
import { parseCountryCode, unwrap } from '../../src/reference';
import { KYOTO_CITY, opened } from '../agreements/agreementFixtures';
import { SAMPLE, agreementIdOf, eventLog, project, sampleRegistry } from '../support/projectedEvents';

const model = project(counterpartsProjection, sampleRegistry().events);
const keys = (page: ReturnType<typeof searchCounterparts>) => page.edges.map((edge) => edge.node.name);

describe('counterpart queries', () => {
  it('searches counterparts by name (accents ignored), sorted by name', () => {
    expect(keys(searchCounterparts(model, {}, { first: 100 }))).toEqual([
      'Bogotá',
      'Cusco',
      'Gobierno de Chile',
      'Kyoto',
      'Lyon',
      'Madrid',
      'New Mexico',
      'Québec',
      'San Diego',
      'Texas',
      'UNESCO',
    ]);
    expect(keys(searchCounterparts(model, { text: 'bogota' }))).toEqual(['Bogotá']);
    expect(keys(searchCounterparts(model, { text: 'san' }))).toEqual(['San Diego']);
  });

  it('filters by country, kind and Mexican party (a state covers its municipalities)', () => {
    expect(keys(searchCounterparts(model, { countries: ['US'] }))).toEqual(['New Mexico', 'San Diego', 'Texas']);
    expect(keys(searchCounterparts(model, { kinds: ['international-organisation', 'foreign-national-government'] }))).toEqual(['Gobierno de Chile', 'UNESCO']);
    expect(keys(searchCounterparts(model, { partyCode: '14' }))).toEqual(['Kyoto', 'Québec', 'Texas', 'UNESCO']);
    expect(keys(searchCounterparts(model, { partyCode: '14039' }))).toEqual(['Kyoto', 'UNESCO']);
    expect(keys(searchCounterparts(model, { countries: ['US'], partyCode: '02' }))).toEqual(['San Diego']);
  });

  it('pages the results', () => {
    const first = searchCounterparts(model, {}, { first: 4 });
    expect(first.totalCount).toBe(11);
    expect(keys(searchCounterparts(model, {}, { first: 2, after: first.pageInfo.endCursor ?? '' }))).toEqual(['Lyon', 'Madrid']);
  });

  it('summarises a counterpart with its country in Spanish', () => {
    expect(searchCounterparts(model, { text: 'kyoto' }).edges[0]?.node).toEqual({
      key: 'foreign-local-government|JP|kyoto',
      kind: 'foreign-local-government',
      name: 'Kyoto',
      country: 'JP',
      countryNameEs: 'Japón',
      subdivision: undefined,
      agreementCount: 1,
    });
    expect(getCounterpart(model, 'foreign-subnational-government|US-TX|texas')?.subdivision).toBe('US-TX');
  });

  it("lists a counterpart's agreements with their Mexican parties", () => {
    expect(agreementsWithCounterpart(model, 'international-organisation||#unesco')).toEqual([{ agreementId: SAMPLE.guadalajaraUnesco, partyCodes: ['14039', '14'] }]);
    expect(agreementsWithCounterpart(model, 'nobody')).toEqual([]);
  });

  it('lists countries, most agreements first, and details one', () => {
    const countries = counterpartCountries(model);
    expect(countries[0]).toEqual({ country: 'US', nameEs: 'Estados Unidos', agreementCount: 3, counterpartCount: 3 });
    expect(countries.map((country) => country.country)).toEqual(['US', 'CA', 'CL', 'CO', 'ES', 'FR', 'JP', 'PE']);
    expect(countryDetail(model, 'US')).toMatchObject({
      nameEs: 'Estados Unidos',
      agreementIds: [SAMPLE.jaliscoTexas, SAMPLE.tijuanaSanDiego, SAMPLE.chihuahuaNewMexico].sort(),
      byState: [
        { key: '02', count: 1 },
        { key: '08', count: 1 },
        { key: '14', count: 1 },
      ],
      byParty: [
        { key: '02004', count: 1 },
        { key: '08', count: 1 },
        { key: '14', count: 1 },
      ],
    });
    expect(countryDetail(model, 'US')?.counterparts.map((counterpart) => counterpart.name)).toEqual(['San Diego', 'New Mexico', 'Texas']);
    expect(countryDetail(model, 'DE')).toBeUndefined();
  });

  it('counts an agreement naming two counterparts of one country once', () => {
    const log = eventLog();
    const id = agreementIdOf(1);
    log.agreement(id, opened({ agreementId: id, counterparts: [KYOTO_CITY, { kind: 'foreign-local-government', name: 'Osaka', country: unwrap(parseCountryCode('JP')) }] }));
    const detail = countryDetail(project(counterpartsProjection, log.events), 'JP');
    expect(detail).toMatchObject({ agreementCount: 1, counterpartCount: 2, byState: [{ key: '14', count: 1 }], byParty: [{ key: '14039', count: 1 }] });
    expect(countryNameEs('ZZ')).toBe('ZZ');
  });
});
