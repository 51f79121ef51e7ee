import {
  COUNTRY_CATALOGUE,
  SUBDIVISION_CATALOGUE,
  findSubdivision,
  getCountry,
  listCountries,
  listStates,
  lookupSubdivision,
  parseCountryCode,
  parseSubdivisionCode,
  subdivisionsOf,
  unwrap,
} from '../../src/reference';

const country = (code: string) => getCountry(unwrap(parseCountryCode(code)));
const subdivision = (code: string) => findSubdivision(unwrap(parseSubdivisionCode(code)));

const refusal = <T>(result: { ok: true; value: T } | { ok: false; error: Error & { rule: string; hint: string } }) => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

describe('countries', () => {
  it('lists every assigned ISO 3166-1 country once, each with Spanish and English names', () => {
    const all = listCountries();
    expect(all.length).toBeGreaterThanOrEqual(249);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    for (const c of all) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.nameEs).toMatch(/\S/);
      expect(c.nameEn).toMatch(/\S/);
    }
    expect(COUNTRY_CATALOGUE.version).toContain('iso-3166@');
  });

  it.each([
    ['MX', 'México'],
    ['US', 'Estados Unidos'],
    ['DE', 'Alemania'],
    ['ES', 'España'],
    ['GB', 'Reino Unido'],
    ['JP', 'Japón'],
    ['BR', 'Brasil'],
    ['NL', 'Países Bajos'],
  ])('names %s in Spanish as %s', (code, name) => {
    expect(country(code).nameEs).toBe(name);
  });

  it('keeps ISO alpha-3 and numeric codes', () => {
    expect(country('MX')).toMatchObject({ alpha3: 'MEX', numeric: '484' });
  });

  it('refuses codes that are not assigned, with a pointer to the right one', () => {
    expect(refusal(parseCountryCode('UK'))).toMatchObject({ rule: 'country-code-not-assigned' });
    expect(refusal(parseCountryCode('UK')).hint).toContain('"GB"');
    expect(refusal(parseCountryCode('EU')).hint).toMatch(/organisation/);
    expect(refusal(parseCountryCode('ZZ')).rule).toBe('country-code-not-assigned');
  });

  it('refuses malformed codes', () => {
    expect(refusal(parseCountryCode('mx'))).toMatchObject({ rule: 'country-code-format' });
    expect(refusal(parseCountryCode('mx')).hint).toContain('"MX"');
    expect(refusal(parseCountryCode('MEX')).rule).toBe('country-code-format');
    expect(refusal(parseCountryCode(484)).rule).toBe('country-code-not-text');
  });
});

describe('subdivisions', () => {
  it.each([
    ['US-TX', 'Texas', 'US'],
    ['ES-CT', 'Catalunya', 'ES'],
    ['FR-IDF', 'Île-de-France', 'FR'],
    ['CA-QC', 'Quebec', 'CA'],
    ['CL-RM', 'Región Metropolitana de Santiago', 'CL'],
  ])('knows %s (%s)', (code, name, countryCode) => {
    expect(subdivision(code)).toMatchObject({ code, name, countryCode });
  });

  it('records nesting, e.g. the province of Barcelona within Catalonia', () => {
    expect(subdivision('ES-B')?.parentSubdivision).toBe('ES-CT');
    expect(subdivision('ES-CT')?.parentSubdivision).toBeUndefined();
  });

  it('has the 32 Mexican entities under the same ISO codes as states.ts', () => {
    const mx = subdivisionsOf(unwrap(parseCountryCode('MX'))).map((s) => s.code).sort();
    expect(mx).toEqual(listStates().map((s) => s.isoCode).sort());
  });

  it('belongs to an assigned country in every case', () => {
    const countries = new Set(listCountries().map((c) => c.code));
    const subdivisions = listCountries().flatMap((c) => subdivisionsOf(c.code));
    expect(subdivisions.length).toBeGreaterThan(4000);
    for (const s of subdivisions) expect(countries.has(s.countryCode)).toBe(true);
    expect(SUBDIVISION_CATALOGUE.version).toContain('iso-3166@');
  });

  it('accepts a well-formed code that ISO no longer lists and reports it as not in catalogue', () => {
    // FR-J was Île-de-France before the 2016 reform of French regions.
    expect(lookupSubdivision(unwrap(parseSubdivisionCode('FR-J')))).toEqual({
      code: 'FR-J',
      inCatalogue: false,
      countryCode: 'FR',
    });
  });

  it('refuses malformed codes and codes of unassigned countries', () => {
    expect(refusal(parseSubdivisionCode('us-tx')).hint).toContain('"US-TX"');
    expect(refusal(parseSubdivisionCode('US-TEXAS')).rule).toBe('subdivision-code-format');
    expect(refusal(parseSubdivisionCode('Texas')).rule).toBe('subdivision-code-format');
    const uk = refusal(parseSubdivisionCode('UK-ENG'));
    expect(uk.rule).toBe('subdivision-code-country');
    expect(uk.hint).toContain('"GB"');
  });
});
