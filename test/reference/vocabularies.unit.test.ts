import {
  CURRENCY_CATALOGUE,
  LANGUAGE_CATALOGUE,
  findNetwork,
  findOrganisation,
  getCurrency,
  getLanguage,
  getSdg,
  getTheme,
  isSdgNumber,
  isThemeCode,
  listCurrencies,
  listLanguages,
  listNetworks,
  listOrganisations,
  listSdgs,
  listThemes,
  parseCurrencyCode,
  parseLanguageCode,
  priorityThemes,
  referenceDataVersions,
  unwrap,
} from '../../src/reference';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('themes', () => {
  it('flags exactly the five priority themes of the seed', () => {
    expect(priorityThemes().map((t) => t.code).sort()).toEqual(
      ['climate', 'culture', 'social-cohesion', 'tourism', 'urban-development'],
    );
  });

  it('has unique slug codes and both labels for every theme', () => {
    const codes = listThemes().map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of listThemes()) {
      expect(t.code).toMatch(SLUG);
      expect(t.labelEn).toMatch(/\S/);
      expect(t.labelEs).toMatch(/\S/);
    }
  });

  it('covers the common cooperation themes', () => {
    for (const code of [
      'education', 'health', 'economic-development', 'public-security', 'water', 'environment',
      'science-technology', 'migration', 'gender', 'sport', 'agriculture', 'energy', 'transport',
      'governance', 'disaster-risk',
    ]) {
      expect(isThemeCode(code)).toBe(true);
    }
    expect(isThemeCode('weather')).toBe(false);
    expect(getTheme('urban-development').labelEs).toBe('Desarrollo urbano');
  });
});

describe('sustainable development goals', () => {
  it('numbers the 17 goals 1 to 17 with English and Spanish names', () => {
    expect(listSdgs().map((g) => g.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const g of listSdgs()) {
      expect(g.nameEn).toMatch(/\S/);
      expect(g.nameEs).toMatch(/\S/);
    }
    expect(getSdg(11)).toEqual({
      number: 11,
      nameEn: 'Sustainable cities and communities',
      nameEs: 'Ciudades y comunidades sostenibles',
    });
    expect(getSdg(13).nameEs).toBe('Acción por el clima');
  });

  it('recognises only whole numbers 1–17 as goals', () => {
    expect([0, 1, 17, 18, 2.5, '3'].map(isSdgNumber)).toEqual([false, true, true, false, false, false]);
  });
});

describe('international organisations and city networks', () => {
  it('identifies each organisation by a unique slug with names in both languages', () => {
    const ids = listOrganisations().map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of listOrganisations()) {
      expect(o.id).toMatch(SLUG);
      expect(o.nameEs).toMatch(/\S/);
      expect(o.nameEn).toMatch(/\S/);
      if (o.wikidata !== undefined) expect(o.wikidata).toMatch(/^Q[1-9]\d*$/);
      if (o.partOf !== undefined) expect(findOrganisation(o.partOf)).toBeDefined();
    }
  });

  it('includes the seed-relevant bodies with their Spanish acronyms', () => {
    expect(findOrganisation('oas')).toMatchObject({ acronymEs: 'OEA', wikidata: 'Q123759' });
    expect(findOrganisation('idb')).toMatchObject({ acronymEs: 'BID' });
    expect(findOrganisation('undp')).toMatchObject({ acronymEs: 'PNUD', partOf: 'un' });
    for (const id of ['un', 'un-habitat', 'unesco', 'who', 'world-bank', 'oecd', 'caf', 'eu']) {
      expect(findOrganisation(id)).toBeDefined();
    }
  });

  it('leaves out national agencies, which are foreign government bodies', () => {
    for (const id of ['giz', 'aecid', 'usaid', 'jica']) expect(findOrganisation(id)).toBeUndefined();
  });

  it('keeps city networks apart from organisations', () => {
    const ids = listNetworks().map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const n of listNetworks()) {
      expect(n.id).toMatch(SLUG);
      expect(findOrganisation(n.id)).toBeUndefined();
      if (n.convenedBy !== undefined) expect(findOrganisation(n.convenedBy)).toBeDefined();
    }
    expect(findNetwork('uclg')).toMatchObject({ acronymEs: 'CGLU' });
    for (const id of ['iclei', 'c40', 'mercociudades', 'metropolis', 'al-las', 'gcom']) {
      expect(findNetwork(id)).toBeDefined();
    }
  });
});

describe('currencies', () => {
  it('comes from the ISO 4217 list with its publication date as version', () => {
    expect(listCurrencies().length).toBeGreaterThan(150);
    expect(CURRENCY_CATALOGUE.version).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(getCurrency(unwrap(parseCurrencyCode('MXN')))).toMatchObject({
      nameEn: 'Mexican Peso',
      numeric: '484',
      minorUnits: 2,
    });
    for (const code of ['USD', 'EUR', 'CAD', 'CLP', 'JPY']) expect(parseCurrencyCode(code).ok).toBe(true);
  });

  it('refuses malformed and unknown codes', () => {
    const lower = parseCurrencyCode('mxn');
    expect(!lower.ok && lower.error.hint).toContain('"MXN"');
    const withdrawn = parseCurrencyCode('MXP');
    expect(!withdrawn.ok && withdrawn.error.rule).toBe('currency-code-unknown');
  });
});

describe('languages', () => {
  it('comes from ISO 639-1 with English and native names', () => {
    expect(listLanguages().length).toBeGreaterThan(180);
    expect(LANGUAGE_CATALOGUE.version).toContain('iso-639-1@');
    expect(getLanguage(unwrap(parseLanguageCode('de')))).toMatchObject({ nameEn: 'German', nativeName: 'Deutsch' });
    for (const code of ['es', 'en', 'fr', 'zh', 'ja', 'pt']) expect(parseLanguageCode(code).ok).toBe(true);
  });

  it('refuses upper case, locale tags and unknown codes with a hint', () => {
    const upper = parseLanguageCode('ES');
    expect(!upper.ok && upper.error.hint).toContain('"es"');
    const tag = parseLanguageCode('es-MX');
    expect(!tag.ok && tag.error.hint).toContain('"es"');
    const unknown = parseLanguageCode('qq');
    expect(!unknown.ok && unknown.error.rule).toBe('language-code-unknown');
  });
});

describe('versions', () => {
  it('reports a version for every catalogue', () => {
    const versions = referenceDataVersions();
    expect(Object.keys(versions).sort()).toEqual([
      'countries', 'currencies', 'languages', 'municipalities', 'networks', 'organisations',
      'regions', 'sdgs', 'states', 'subdivisions', 'themes',
    ]);
    for (const v of Object.values(versions)) expect(v).toMatch(/\S/);
  });
});
