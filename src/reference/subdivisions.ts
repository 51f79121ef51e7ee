import { iso31662 } from 'iso-3166';
import iso3166Package from 'iso-3166/package.json';
import {
  NOT_TEXT_HINT,
  ReferenceCodeError,
  parsed,
  refused,
  type Brand,
  type ParseResult,
} from './codes';
import { parseCountryCode, type CountryCode } from './countries';

/** ISO 3166-2 code, e.g. "US-TX", "ES-CT", "FR-IDF". Obtain one through `parseSubdivisionCode`. */
export type SubdivisionCode = Brand<string, 'SubdivisionCode'>;

export interface Subdivision {
  readonly code: SubdivisionCode;
  /** Name as ISO publishes it, usually in the local language: "Catalunya", "Bayern". */
  readonly name: string;
  readonly countryCode: CountryCode;
  /** Enclosing subdivision when ISO nests them (the province "ES-B" sits in "ES-CT"). */
  readonly parentSubdivision?: SubdivisionCode;
}

export type SubdivisionLookup =
  | { readonly code: SubdivisionCode; readonly inCatalogue: true; readonly subdivision: Subdivision }
  | {
      /**
       * Well-formed for an assigned country but not in the current ISO list: ISO renames and
       * merges subdivisions (France's regions in 2016, Mexico's MX-DIF in 2017), and an old
       * agreement keeps the code it was signed under.
       */
      readonly code: SubdivisionCode;
      readonly inCatalogue: false;
      readonly countryCode: CountryCode;
    };

export const SUBDIVISION_CATALOGUE = {
  version: `iso-3166@${iso3166Package.version}`,
  source: 'ISO 3166-2 subdivision codes and names from the iso-3166 package',
} as const;

const SUBDIVISION_PATTERN = /^([A-Z]{2})-([A-Z0-9]{1,3})$/;

export function parseSubdivisionCode(input: unknown): ParseResult<SubdivisionCode> {
  if (typeof input !== 'string') {
    return refused(
      new ReferenceCodeError('subdivision', 'subdivision-code-not-text', input, NOT_TEXT_HINT, 'is not text'),
    );
  }
  const match = SUBDIVISION_PATTERN.exec(input);
  if (!match) {
    const normalised = input.trim().toUpperCase().replace(/[\s_]/g, '-');
    const hint = SUBDIVISION_PATTERN.test(normalised)
      ? `Write it as "${normalised}".`
      : 'Give the country code, a hyphen and one to three letters or digits, e.g. "US-TX", "ES-CT", "FR-IDF".';
    return refused(
      new ReferenceCodeError(
        'subdivision',
        'subdivision-code-format',
        input,
        hint,
        'is not of the form CC-XXX',
      ),
    );
  }
  const country = parseCountryCode(match[1]);
  if (!country.ok) {
    return refused(
      new ReferenceCodeError(
        'subdivision',
        'subdivision-code-country',
        input,
        country.error.hint,
        `starts with "${match[1]}", which is not an assigned country code`,
      ),
    );
  }
  return parsed(input as SubdivisionCode);
}

const SUBDIVISIONS: readonly Subdivision[] = iso31662.map((entry) => {
  const country = entry.code.slice(0, 2) as CountryCode;
  const nested = entry.parent !== country;
  return Object.freeze({
    code: entry.code as SubdivisionCode,
    name: entry.name,
    countryCode: country,
    ...(nested ? { parentSubdivision: entry.parent as SubdivisionCode } : {}),
  });
});

const BY_CODE: ReadonlyMap<string, Subdivision> = new Map(SUBDIVISIONS.map((s) => [s.code, s]));

export function lookupSubdivision(code: SubdivisionCode): SubdivisionLookup {
  const subdivision = BY_CODE.get(code);
  return subdivision
    ? { code, inCatalogue: true, subdivision }
    : { code, inCatalogue: false, countryCode: code.slice(0, 2) as CountryCode };
}

export const findSubdivision = (code: SubdivisionCode): Subdivision | undefined =>
  BY_CODE.get(code);

/** Every subdivision of a country, nested ones included. */
export const subdivisionsOf = (country: CountryCode): readonly Subdivision[] =>
  SUBDIVISIONS.filter((s) => s.countryCode === country);
