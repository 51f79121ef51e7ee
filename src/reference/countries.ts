import { getName } from 'i18n-iso-countries';
import i18nCountriesPackage from 'i18n-iso-countries/package.json';
import { iso31661, iso31661Reserved } from 'iso-3166';
import iso3166Package from 'iso-3166/package.json';
import {
  NOT_TEXT_HINT,
  ReferenceCodeError,
  parsed,
  refused,
  type Brand,
  type ParseResult,
} from './codes';

/** ISO 3166-1 alpha-2 code of an assigned country, e.g. "US". Obtain one through `parseCountryCode`. */
export type CountryCode = Brand<string, 'CountryCode'>;

export interface Country {
  readonly code: CountryCode;
  readonly alpha3: string;
  readonly numeric: string;
  /** Spanish short name, as the registry shows it, e.g. "Estados Unidos". */
  readonly nameEs: string;
  readonly nameEn: string;
  /** ISO's own English short name, e.g. "United States of America": the name to cite. */
  readonly isoName: string;
}

// The list and the names come from maintained packages so that ISO changes arrive with an update,
// not with someone retyping a list. Their versions are the catalogue version.
export const COUNTRY_CATALOGUE = {
  version: `iso-3166@${iso3166Package.version}+i18n-iso-countries@${i18nCountriesPackage.version}`,
  source:
    'ISO 3166-1 assigned alpha-2 codes from the iso-3166 package; Spanish and English names from i18n-iso-countries',
} as const;

const COUNTRIES: readonly Country[] = iso31661.map((entry) => {
  const nameEs = getName(entry.alpha2, 'es');
  const nameEn = getName(entry.alpha2, 'en');
  if (!nameEs || !nameEn) {
    throw new Error(`i18n-iso-countries has no Spanish or English name for ${entry.alpha2}`);
  }
  return Object.freeze({
    code: entry.alpha2 as CountryCode,
    alpha3: entry.alpha3,
    numeric: entry.numeric,
    nameEs,
    nameEn,
    isoName: entry.name,
  });
});

const BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));
const RESERVED: ReadonlyMap<string, { readonly state: string; readonly name: string }> = new Map(
  iso31661Reserved.map((r) => [r.alpha2, { state: r.state, name: r.name }]),
);

// Codes people type that look like countries but are not assigned ones.
const NOT_A_COUNTRY_HINT: Readonly<Record<string, string>> = {
  UK: 'The assigned code of the United Kingdom is "GB".',
  EU: 'The European Union is not a country: record it as the organisation "eu", or use the region "eu" for its members.',
  XK: 'XK (Kosovo) is a user-assigned code, not part of ISO 3166-1; the registry cannot record it as a country yet.',
};

export function parseCountryCode(input: unknown): ParseResult<CountryCode> {
  if (typeof input !== 'string') {
    return refused(
      new ReferenceCodeError('country', 'country-code-not-text', input, NOT_TEXT_HINT, 'is not text'),
    );
  }
  if (!/^[A-Z]{2}$/.test(input)) {
    const upper = input.trim().toUpperCase();
    const hint = BY_CODE.has(upper)
      ? `Write it as "${upper}": two capital letters.`
      : 'Give the two capital letters of ISO 3166-1 alpha-2, e.g. "US", "ES", "CL".';
    return refused(
      new ReferenceCodeError('country', 'country-code-format', input, hint, 'is not two capital letters'),
    );
  }
  if (!BY_CODE.has(input)) {
    const reserved = RESERVED.get(input);
    const hint =
      NOT_A_COUNTRY_HINT[input] ??
      (reserved
        ? `ISO lists it as ${reserved.state.replace('-', ' ')} (${reserved.name}); record the country by its current assigned code.`
        : 'Check the code against ISO 3166-1 (e.g. "DE" Germany, "JP" Japan).');
    return refused(
      new ReferenceCodeError('country', 'country-code-not-assigned', input, hint, 'is not an assigned country code'),
    );
  }
  return parsed(input as CountryCode);
}

/** Total: a parsed country code always names an assigned country. */
export function getCountry(code: CountryCode): Country {
  const country = BY_CODE.get(code);
  if (!country) throw new Error(`Country ${code} passed parseCountryCode but is not in the catalogue`);
  return country;
}

export const listCountries = (): readonly Country[] => COUNTRIES;
