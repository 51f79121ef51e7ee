import { isThemeCode, parseCountryCode, parseMunicipalityCode, parseStateCode, type ParseResult } from '../reference';
import type { InputIssue } from '../shared/errors';
import type { LegalDate } from '../shared/time';

/*
 * The checks every filter value gets, whether it comes from a GraphQL filter or an export's
 * parameter: a code that names nothing would otherwise match nothing, and an empty answer would
 * read as "none", not as a typo.
 */

/** Collects what is wrong with a request, so that it is refused once, with every problem named. */
export class InputIssues {
  readonly list: InputIssue[] = [];

  add(path: string, rule: string, message: string): undefined {
    this.list.push({ path, rule, message });
    return undefined;
  }
}

export type FacetCode = 'state' | 'municipality' | 'country';

const CODE_PARSERS: Readonly<Record<FacetCode, (raw: unknown) => ParseResult<string>>> = {
  state: parseStateCode,
  municipality: parseMunicipalityCode,
  country: parseCountryCode,
};

/** The codes that name a state, municipality or country of the catalogues; an issue for each that does not. */
export const checkedCodes = (facet: FacetCode, items: readonly string[], pathOf: (index: number) => string, issues: InputIssues): string[] =>
  items.flatMap((item, index) => {
    const result = CODE_PARSERS[facet](item);
    return result.ok ? [result.value] : (issues.add(pathOf(index), 'invalid-code', result.error.message) ?? []);
  });

export const checkedSdgs = (items: readonly (string | number)[], pathOf: (index: number) => string, issues: InputIssues): number[] =>
  items.flatMap((item, index) => {
    const sdg = Number(item);
    return /^\d{1,2}$/.test(String(item)) && sdg >= 1 && sdg <= 17 ? [sdg] : (issues.add(pathOf(index), 'out-of-range', `${JSON.stringify(item)} is not an SDG: they are numbered 1 to 17.`) ?? []);
  });

export const checkedThemes = (items: readonly string[], pathOf: (index: number) => string, issues: InputIssues): string[] =>
  items.filter((theme, index) => isThemeCode(theme) || issues.add(pathOf(index), 'not-in-vocabulary', `${JSON.stringify(theme)} is not a theme of the controlled vocabulary (e.g. culture, tourism, climate).`));

/** A range of days whose first is after its last matches nothing: almost always the two swapped. */
export const checkRange = (from: LegalDate | undefined, to: LegalDate | undefined, path: string, issues: InputIssues): void => {
  if (from !== undefined && to !== undefined && from > to) issues.add(path, 'range-reversed', `starts on ${from}, after it ends on ${to}: give the earlier day as the start.`);
};
