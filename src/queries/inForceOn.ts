import {
  COLUMN_FLAGS,
  NO_COUNTRY,
  dayNumber,
  wasInForceDuringAt,
  type AgreementsModel,
} from '../../projections/agreements';
import { FORCE_MODES, type AgreementId } from '../agreements/agreementTypes';
import type { LegalDate } from '../shared/time';
import { scanOf } from './agreementColumns';
import { FacetCounts, Tally, regionIndexesAt, regionLookup, type CountEntry, type RegionDefinition } from './counting';

export interface InForceReport {
  /** The legal date asked about (valid time), judged on the facts the registry holds now. */
  readonly date: LegalDate;
  readonly total: number;
  readonly agreementIds: readonly AgreementId[];
  /** In force, or only provisionally applied, on that date. */
  readonly byMode: readonly CountEntry[];
  /** A municipality's agreements count for its state; an agreement counts once per state. */
  readonly byState: readonly CountEntry[];
  /** An agreement counts once per counterpart country. */
  readonly byCountry: readonly CountEntry[];
  readonly byRegion: readonly CountEntry[];
  readonly withoutPriorityRegion: number;
  readonly byTheme: readonly CountEntry[];
}

const countryName = (number: number): string => String.fromCharCode(65 + Math.floor(number / 26), 65 + (number % 26));

const computeInForceOn = (model: AgreementsModel, date: LegalDate, regions: readonly RegionDefinition[]): InForceReport => {
  const { columns, visible } = scanOf(model);
  const lookup = regionLookup(regions);
  const day = dayNumber(date);
  const ids: AgreementId[] = [];
  // Counted by number during the scan (bits of the columns), named at the end.
  let inForce = 0;
  let provisional = 0;
  const facets = new FacetCounts();
  const countries = new Int32Array(26 * 26);
  const regionCounts = new Int32Array(lookup.ids.length);
  const otherCountries = new Tally();
  let withoutRegion = 0;
  for (let ordinal = 0; ordinal < columns.views.length; ordinal += 1) {
    if (visible !== undefined && visible[ordinal] !== 1) continue;
    if ((columns.forceStartDay[ordinal] as number) > day || !wasInForceDuringAt(columns, ordinal, day, day)) continue;
    ids.push(columns.id[ordinal] as AgreementId);
    if ((columns.enteredIntoForceDay[ordinal] as number) <= day) inForce += 1;
    else provisional += 1;
    const flags = columns.flags[ordinal] as number;
    facets.add(columns, ordinal);
    if ((flags & COLUMN_FLAGS.otherCountries) === 0) {
      const country = columns.country[ordinal] as number;
      if (country !== NO_COUNTRY) countries[country] = (countries[country] ?? 0) + 1;
    } else {
      for (const code of new Set(columns.views.get(ordinal).counterparts.map((counterpart) => counterpart.country))) if (code !== undefined) otherCountries.add(code);
    }
    const found = regionIndexesAt(columns, ordinal, lookup);
    if (found.length === 0) withoutRegion += 1;
    for (const region of found) regionCounts[region] = (regionCounts[region] ?? 0) + 1;
  }
  ids.sort();
  const country = new Tally();
  countries.forEach((count, number) => {
    if (count > 0) country.add(countryName(number), count);
  });
  for (const { key, count } of otherCountries.byKey()) country.add(key, count);
  return {
    date,
    total: ids.length,
    agreementIds: ids,
    byMode: [
      { key: FORCE_MODES[0], count: inForce },
      { key: FORCE_MODES[1], count: provisional },
    ],
    byState: facets.byState(),
    byCountry: country.byKey(),
    byRegion: lookup.ids.map((key, index) => ({ key, count: regionCounts[index] ?? 0 })),
    withoutPriorityRegion: withoutRegion,
    byTheme: facets.byTheme(),
  };
};

// Parliament asks about the same few dates again and again: keep recent answers per model while
// it has seen no new event.
const CACHE_SIZE = 8;
const answers = new WeakMap<AgreementsModel, Map<string, { readonly position: bigint; readonly regions: readonly RegionDefinition[]; readonly report: InForceReport }>>();

/**
 * What was in force on `date`: force or provisional application began on or before it, and on
 * that day the agreement was not terminated, past its term (unless renewed automatically) nor
 * suspended.
 */
export const inForceOn = (model: AgreementsModel, date: LegalDate, regions: readonly RegionDefinition[]): InForceReport => {
  let cache = answers.get(model);
  if (cache === undefined) {
    cache = new Map();
    answers.set(model, cache);
  }
  const hit = cache.get(date);
  if (hit !== undefined && hit.position === model.lastPosition && hit.regions === regions) return hit.report;
  const report = computeInForceOn(model, date, regions);
  cache.delete(date);
  cache.set(date, { position: model.lastPosition, regions, report });
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return report;
};
