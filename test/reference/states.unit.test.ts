import { iso31662 } from 'iso-3166';
import {
  ReferenceCodeError,
  STATE_CATALOGUE,
  findMunicipality,
  findStateByIsoCode,
  getState,
  listStates,
  parseMunicipalityCode,
  parseStateCode,
  seatOfGovernmentOf,
  stateOf,
  unwrap,
} from '../../src/reference';

const state = (code: string) => getState(unwrap(parseStateCode(code)));

const refusal = (input: unknown) => {
  const result = parseStateCode(input);
  if (result.ok) throw new Error(`expected ${String(input)} to be refused`);
  return result.error;
};

describe('federal entities', () => {
  it('lists the 32 entities with unique codes 01–32 in order', () => {
    const codes = listStates().map((s) => s.code);
    expect(codes).toHaveLength(32);
    expect(codes).toEqual(Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(listStates().map((s) => s.isoCode)).size).toBe(32);
    expect(new Set(listStates().map((s) => s.name)).size).toBe(32);
  });

  it('uses INEGI official names', () => {
    expect(state('09').name).toBe('Ciudad de México');
    expect(state('14').name).toBe('Jalisco');
    expect(state('19').name).toBe('Nuevo León');
    expect(state('05').name).toBe('Coahuila de Zaragoza');
    expect(state('15').name).toBe('México');
    expect(state('15').shortName).toBe('Estado de México');
    expect(state('16').name).toBe('Michoacán de Ocampo');
    expect(state('30').name).toBe('Veracruz de Ignacio de la Llave');
  });

  it('matches the ISO 3166-2:MX codes and names of the maintained iso-3166 package', () => {
    const iso = iso31662.filter((s) => s.parent === 'MX');
    expect(iso).toHaveLength(32);
    for (const entry of iso) {
      const ours = findStateByIsoCode(entry.code);
      expect(ours?.name).toBe(entry.name);
    }
    expect(state('01').isoCode).toBe('MX-AGU');
    expect(state('09').isoCode).toBe('MX-CMX');
    expect(findStateByIsoCode('MX-NLE')?.code).toBe('19');
  });

  it('keeps the former name of Mexico City for agreements signed as Distrito Federal', () => {
    expect(state('09').formerNames).toEqual([
      expect.objectContaining({ name: 'Distrito Federal', renamedOn: '2016-01-30' }),
    ]);
  });

  it('has the seat of every state government among the shipped municipalities', () => {
    for (const s of listStates()) {
      const code = unwrap(parseMunicipalityCode(s.seatOfGovernment));
      const seat = findMunicipality(code);
      expect(seat).toBeDefined();
      expect(stateOf(code)).toBe(s.code);
      expect(seatOfGovernmentOf(s.code)).toBe(seat);
      // Mexico City has no municipal seats: its capital is the city itself.
      if (s.code !== '09') expect(seat?.seat).toBe(s.capital);
    }
    expect(seatOfGovernmentOf(unwrap(parseStateCode('23'))).seat).toBe('Chetumal');
    expect(seatOfGovernmentOf(unwrap(parseStateCode('09'))).name).toBe('Cuauhtémoc');
  });

  it('carries a version and a source', () => {
    expect(STATE_CATALOGUE.version).toMatch(/\S/);
    expect(STATE_CATALOGUE.source).toMatch(/INEGI/);
  });
});

describe('parseStateCode', () => {
  it.each(['01', '09', '14', '32'])('accepts %s', (code) => {
    expect(parseStateCode(code)).toEqual({ ok: true, value: code });
  });

  it('refuses a number, which has lost its leading zero', () => {
    const error = refusal(9);
    expect(error).toBeInstanceOf(ReferenceCodeError);
    expect(error.rule).toBe('state-code-not-text');
    expect(error.given).toBe(9);
    expect(error.kind).toBe('state');
  });

  it('refuses a single digit and suggests the padded code', () => {
    const error = refusal('9');
    expect(error.rule).toBe('state-code-format');
    expect(error.hint).toContain('"09"');
    expect(error.message).toContain('"9"');
  });

  it.each(['00', '33', '99'])('refuses %s as outside 01–32', (code) => {
    expect(refusal(code).rule).toBe('state-code-range');
  });

  it('refuses surrounding spaces instead of silently trimming', () => {
    const error = refusal(' 09');
    expect(error.rule).toBe('state-code-format');
    expect(error.hint).toContain('"09"');
  });

  it('points from an ISO code or a CVEGEO to the INEGI state code', () => {
    expect(refusal('MX-JAL').hint).toContain('"14"');
    expect(refusal('19039').hint).toContain('"19"');
  });
});
