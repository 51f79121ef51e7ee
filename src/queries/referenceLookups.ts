import {
  findOrganisation,
  getCountry,
  getState,
  lookupMunicipality,
  lookupSubdivision,
  parseCountryCode,
  parseMunicipalityCode,
  parseStateCode,
  parseSubdivisionCode,
  type Country,
  type InternationalOrganisation,
  type State,
} from '../reference';

/** A Mexican party's code resolved against the shipped INEGI catalogue. */
export interface PlaceInfo {
  readonly code: string;
  readonly level: 'state' | 'municipality';
  /** Null when the code is well-formed but not in the catalogue (INEGI keeps creating municipalities). */
  readonly name: string | null;
  readonly inCatalogue: boolean;
  readonly stateCode: string;
}

export const stateByCode = (code: string): State | null => {
  const parsed = parseStateCode(code);
  return parsed.ok ? getState(parsed.value) : null;
};

/** Total over codes the registry accepted: a malformed code (never stored) is simply not in the catalogue. */
export const placeOf = (code: string): PlaceInfo => {
  if (code.length === 2) {
    const state = stateByCode(code);
    return { code, level: 'state', name: state?.name ?? null, inCatalogue: state !== null, stateCode: code };
  }
  const parsed = parseMunicipalityCode(code);
  if (!parsed.ok) return { code, level: 'municipality', name: null, inCatalogue: false, stateCode: code.slice(0, 2) };
  const found = lookupMunicipality(parsed.value);
  return found.inCatalogue
    ? { code, level: 'municipality', name: found.municipality.name, inCatalogue: true, stateCode: found.municipality.stateCode }
    : { code, level: 'municipality', name: null, inCatalogue: false, stateCode: found.stateCode };
};

export const countryByCode = (code: string): Country | null => {
  const parsed = parseCountryCode(code);
  return parsed.ok ? getCountry(parsed.value) : null;
};

export interface SubdivisionInfo {
  readonly code: string;
  readonly name: string | null;
  readonly inCatalogue: boolean;
  readonly countryCode: string;
  readonly parentSubdivision: string | null;
}

export const subdivisionByCode = (code: string): SubdivisionInfo => {
  const parsed = parseSubdivisionCode(code);
  if (!parsed.ok) return { code, name: null, inCatalogue: false, countryCode: code.slice(0, 2), parentSubdivision: null };
  const found = lookupSubdivision(parsed.value);
  return found.inCatalogue
    ? { code, name: found.subdivision.name, inCatalogue: true, countryCode: found.subdivision.countryCode, parentSubdivision: found.subdivision.parentSubdivision ?? null }
    : { code, name: null, inCatalogue: false, countryCode: found.countryCode, parentSubdivision: null };
};

export const organisationById = (id: string | undefined): InternationalOrganisation | null => (id === undefined ? null : (findOrganisation(id) ?? null));
