/**
 * Shipped, versioned reference data. Every catalogue exposes its version so that an event can say
 * which edition a code was checked against: the catalogues change (INEGI creates municipalities, ISO
 * renames subdivisions) and a later reader must be able to tell "unknown then" from "wrong".
 */
import { COUNTRY_CATALOGUE } from './countries';
import { CURRENCY_CATALOGUE } from './currencies';
import { LANGUAGE_CATALOGUE } from './languages';
import { MUNICIPALITY_CATALOGUE } from './municipalities';
import { NETWORKS_VERSION } from './networks';
import { ORGANISATIONS_VERSION } from './organisations';
import { REGIONS_VERSION } from './regions';
import { SDGS_VERSION } from './sdgs';
import { STATE_CATALOGUE } from './states';
import { SUBDIVISION_CATALOGUE } from './subdivisions';
import { THEMES_VERSION } from './themes';

export * from './codes';
export * from './countries';
export * from './currencies';
export * from './languages';
export * from './municipalities';
export * from './networks';
export * from './organisations';
export * from './regions';
export * from './sdgs';
export * from './states';
export * from './subdivisions';
export * from './themes';

export type ReferenceCatalogue =
  | 'states'
  | 'municipalities'
  | 'countries'
  | 'subdivisions'
  | 'regions'
  | 'organisations'
  | 'networks'
  | 'themes'
  | 'sdgs'
  | 'currencies'
  | 'languages';

/** Version of each shipped catalogue, to record alongside facts checked against it. */
export const referenceDataVersions = (): Readonly<Record<ReferenceCatalogue, string>> => ({
  states: STATE_CATALOGUE.version,
  municipalities: MUNICIPALITY_CATALOGUE.version,
  countries: COUNTRY_CATALOGUE.version,
  subdivisions: SUBDIVISION_CATALOGUE.version,
  regions: REGIONS_VERSION.version,
  organisations: ORGANISATIONS_VERSION.version,
  networks: NETWORKS_VERSION.version,
  themes: THEMES_VERSION.version,
  sdgs: SDGS_VERSION.version,
  currencies: CURRENCY_CATALOGUE.version,
  languages: LANGUAGE_CATALOGUE.version,
});
