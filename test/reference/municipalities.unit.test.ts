import {
  MUNICIPALITY_CATALOGUE,
  ReferenceCodeError,
  findMunicipality,
  getState,
  listMunicipalities,
  listStates,
  lookupMunicipality,
  municipalitiesOfState,
  parseMunicipalityCode,
  parseStateCode,
  resolveMunicipalityCode,
  unwrap,
} from '../../src/reference';

const municipality = (code: string) => findMunicipality(unwrap(parseMunicipalityCode(code)));

const refusal = (input: unknown): ReferenceCodeError => {
  const result = parseMunicipalityCode(input);
  if (result.ok) throw new Error(`expected ${String(input)} to be refused`);
  return result.error;
};

const ALCALDIAS: Readonly<Record<string, string>> = {
  '09002': 'Azcapotzalco',
  '09003': 'Coyoacán',
  '09004': 'Cuajimalpa de Morelos',
  '09005': 'Gustavo A. Madero',
  '09006': 'Iztacalco',
  '09007': 'Iztapalapa',
  '09008': 'La Magdalena Contreras',
  '09009': 'Milpa Alta',
  '09010': 'Álvaro Obregón',
  '09011': 'Tláhuac',
  '09012': 'Tlalpan',
  '09013': 'Xochimilco',
  '09014': 'Benito Juárez',
  '09015': 'Cuauhtémoc',
  '09016': 'Miguel Hidalgo',
  '09017': 'Venustiano Carranza',
};

describe('municipality catalogue', () => {
  it('ships the complete versioned catalogue: 2,478 municipal areas with unique codes', () => {
    const all = listMunicipalities();
    expect(all.length).toBe(2_478);
    expect(all.filter((m) => m.kind === 'alcaldia')).toHaveLength(16);
    expect(new Set(all.map((m) => m.code)).size).toBe(all.length);
    expect(MUNICIPALITY_CATALOGUE.version).toMatch(/\S/);
    expect(MUNICIPALITY_CATALOGUE.source).toMatch(/INEGI/);
    expect(MUNICIPALITY_CATALOGUE.coverage).toMatch(/^Complete/);
  });

  // INEGI's published count of municipal areas per state in the AGEEML edition shipped.
  it.each([
    ['01', 11], ['02', 7], ['03', 5], ['04', 13], ['05', 38], ['06', 10], ['07', 124], ['08', 67],
    ['09', 16], ['10', 39], ['11', 46], ['12', 85], ['13', 84], ['14', 125], ['15', 125], ['16', 113],
    ['17', 36], ['18', 20], ['19', 51], ['20', 570], ['21', 217], ['22', 18], ['23', 11], ['24', 59],
    ['25', 20], ['26', 72], ['27', 17], ['28', 43], ['29', 60], ['30', 212], ['31', 106], ['32', 58],
  ])('has all of state %s: %i', (stateCode, count) => {
    expect(municipalitiesOfState(unwrap(parseStateCode(stateCode)))).toHaveLength(count);
  });

  it.each([
    ['02006', 'San Quintín', 'San Quintín'],
    ['02007', 'San Felipe', 'San Felipe'],
    ['04012', 'Seybaplaya', 'Seybaplaya'],
    ['04013', 'Dzitbalché', 'Dzitbalché'],
    ['07125', 'Honduras de la Sierra', 'Honduras de la Sierra'],
    ['12083', 'Ñuu Savi', 'Coapinola'],
    ['17035', 'Xoxocotla', 'Xoxocotla Centro'],
    ['23010', 'Bacalar', 'Bacalar'],
    ['23011', 'Puerto Morelos', 'Puerto Morelos'],
    ['24059', 'Villa de Pozos', 'Villa de Pozos'],
    ['25020', 'Juan José Ríos', 'Juan José Ríos'],
  ])('includes %s %s, created in the last decade, with its seat', (code, name, seat) => {
    expect(municipality(code)).toMatchObject({ name, seat });
  });

  it('gives the 2020 Census population, and none for municipalities created since', () => {
    expect(municipality('14039')?.population).toBe(1_385_629);
    expect(municipality('20238')?.population).toBe(994);
    expect(municipality('25019')?.population).toBeUndefined();
    expect(listMunicipalities().filter((m) => m.population === undefined)).toHaveLength(9);
    expect(listMunicipalities().reduce((sum, m) => sum + (m.population ?? 0), 0)).toBe(126_014_024);
  });

  it('keeps the current official name and notes the one used in 2016', () => {
    expect(municipality('07017')?.name).toBe('Cintalapa de Figueroa');
    expect(municipality('07017')?.note).toContain('"Cintalapa"');
    expect(municipality('24001')?.name).toBe('Ahualulco del Sonido 13');
  });

  it('has a CVEGEO prefix that is an existing state for every entry', () => {
    const stateCodes = new Set(listStates().map((s) => s.code));
    for (const m of listMunicipalities()) {
      expect(parseMunicipalityCode(m.code).ok).toBe(true);
      expect(m.code.slice(0, 2)).toBe(m.stateCode);
      expect(stateCodes.has(m.stateCode)).toBe(true);
    }
  });

  it('covers every state', () => {
    for (const s of listStates()) expect(municipalitiesOfState(s.code).length).toBeGreaterThan(0);
  });

  it('has exactly the 16 alcaldías of Mexico City', () => {
    const cdmx = municipalitiesOfState(unwrap(parseStateCode('09')));
    expect(Object.fromEntries(cdmx.map((m) => [m.code, m.name]))).toEqual(ALCALDIAS);
    expect(cdmx.every((m) => m.kind === 'alcaldia')).toBe(true);
    const elsewhere = listMunicipalities().filter((m) => m.stateCode !== '09');
    expect(elsewhere.every((m) => m.kind === 'municipio')).toBe(true);
  });

  it.each([
    ['14039', 'Guadalajara', 'Jalisco'],
    ['19039', 'Monterrey', 'Nuevo León'],
    ['09015', 'Cuauhtémoc', 'Ciudad de México'],
    ['02004', 'Tijuana', 'Baja California'],
    ['08037', 'Juárez', 'Chihuahua'],
    ['21114', 'Puebla', 'Puebla'],
    ['11020', 'León', 'Guanajuato'],
    ['15033', 'Ecatepec de Morelos', 'México'],
  ])('knows %s as %s (%s)', (code, name, stateName) => {
    const m = municipality(code);
    expect(m?.name).toBe(name);
    expect(m && getState(m.stateCode).name).toBe(stateName);
  });

  it('gives the seat people know when it differs from the official name', () => {
    expect(municipality('23005')?.name).toBe('Benito Juárez');
    expect(municipality('23005')?.seat).toBe('Cancún');
    expect(municipality('27004')?.seat).toBe('Villahermosa');
    expect(municipality('03008')?.seat).toBe('San José del Cabo');
  });

  it('tells same-named municipalities apart by code only', () => {
    expect(municipality('09014')?.name).toBe(municipality('23005')?.name);
    expect(municipality('08037')?.name).toBe(municipality('19031')?.name);
    expect(municipality('09014')?.stateCode).not.toBe(municipality('23005')?.stateCode);
  });

  it('remembers a renamed municipality by its former name', () => {
    expect(municipality('23008')?.name).toBe('Playa del Carmen');
    expect(municipality('23008')?.formerNames).toEqual([
      expect.objectContaining({ name: 'Solidaridad', renamedOn: '2025-03-20' }),
    ]);
  });
});

describe('parseMunicipalityCode', () => {
  it.each(['01001', '09015', '14039', '32056', '14999'])('accepts %s', (code) => {
    expect(parseMunicipalityCode(code)).toEqual({ ok: true, value: code });
  });

  it('refuses a number, which has lost its leading zero', () => {
    const error = refusal(9015);
    expect(error.rule).toBe('municipality-code-not-text');
    expect(error.given).toBe(9015);
  });

  it('refuses four digits and suggests the padded code', () => {
    const error = refusal('9015');
    expect(error.rule).toBe('municipality-code-format');
    expect(error.hint).toContain('"09015"');
    expect(error.message).toContain('"9015"');
  });

  it.each(['1403900', 'abcde', '14-039', ' 14039', ''])('refuses %j as malformed', (input) => {
    expect(refusal(input).rule).toBe('municipality-code-format');
  });

  it.each(['00001', '33001', '99039'])('refuses %s: its first two digits are not a state', (input) => {
    const error = refusal(input);
    expect(error.rule).toBe('municipality-code-state');
    expect(error.message).toContain(input.slice(0, 2));
  });

  it('refuses a municipal part of 000 and says what to record instead', () => {
    const error = refusal('14000');
    expect(error.rule).toBe('municipality-code-zero');
    expect(error.hint).toContain('state "14"');
  });

  it('explains a CVE_MUN given without its state', () => {
    expect(refusal('039').hint).toMatch(/state code/);
  });
});

describe('codes not in the shipped catalogue', () => {
  it('accepts a code newer than the shipped edition and reports it as not in catalogue', () => {
    // Chiapas's codes end at 07125 in the shipped edition: a 07126 would be a municipality created since.
    const result = resolveMunicipalityCode('07126');
    expect(result).toEqual({
      ok: true,
      value: {
        code: '07126',
        inCatalogue: false,
        stateCode: '07',
        catalogueVersion: MUNICIPALITY_CATALOGUE.version,
      },
    });
  });

  it('keeps any well-formed code rather than dropping it', () => {
    const lookup = lookupMunicipality(unwrap(parseMunicipalityCode('14999')));
    expect(lookup.inCatalogue).toBe(false);
    expect(lookup.code).toBe('14999');
  });

  it('returns the municipality when it is shipped', () => {
    const result = resolveMunicipalityCode('19039');
    expect(result.ok && result.value.inCatalogue && result.value.municipality.name).toBe('Monterrey');
  });

  it('passes malformed input through as the parse error', () => {
    const result = resolveMunicipalityCode('14000');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.rule).toBe('municipality-code-zero');
  });
});
