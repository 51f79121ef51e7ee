import { NO_COUNTRY, THEME_BITS, countryNumber } from '../../projections/agreements';
import {
  FACET_FLAGS,
  TIMELINE_EVENT_TYPES,
  TYPE_MASK,
  entriesOf,
  legalDateCode,
  timelineEntry,
  type TimelineAgreement,
  type TimelineEntry,
  type TimelineModel,
} from '../../projections/timeline';
import type { AgreementEventType } from '../agreements/agreementEvents';
import { AGREEMENT_KINDS, type AgreementId, type AgreementKind } from '../agreements/agreementTypes';
import type { LegalDate } from '../shared/time';
import type { AgreementFacets } from './agreementQueries';
import { pageOf, type Page, type PageLimits, type PageRequest } from './pagination';
import { bitsOf, stateBit } from './facetBits';

/** The agreement's facets (see AgreementFacets), plus the entry's own. */
export interface TimelineFilter extends AgreementFacets {
  readonly agreementIds?: readonly string[];
  readonly types?: readonly AgreementEventType[];
  /** Range of the legal date (valid time), both ends inclusive; entries without one (corrections) are left out. */
  readonly validFrom?: LegalDate;
  readonly validTo?: LegalDate;
}

export interface TimelineQueryContext {
  readonly countriesOfRegion: (regionId: string) => readonly string[];
  /**
   * Only entries of the agreements this allows (the reader's visible agreements); `key` names the
   * restriction for the result cache. Absent: every agreement.
   */
  readonly visibility?: { readonly key: string; readonly allows: (id: AgreementId) => boolean };
}

export interface TimelineSearch {
  readonly filter?: TimelineFilter;
  /** Log order, oldest first (`asc`, the default) or newest first. */
  readonly order?: 'asc' | 'desc';
  readonly page?: PageRequest;
}

const given = <T>(values: readonly T[] | undefined): ReadonlySet<T> | undefined =>
  values !== undefined && values.length > 0 ? new Set(values) : undefined;

const anyIn = (values: readonly string[], wanted: ReadonlySet<string>): boolean => {
  for (const value of values) if (wanted.has(value)) return true;
  return false;
};

/**
 * Which agreements pass the facet criteria; undefined when there are none (all pass). Read from
 * the projection's facet columns, falling back to an agreement's lists only when it has facets
 * the columns cannot hold (several countries or municipalities, an unusual code).
 */
const agreementMask = (model: TimelineModel, filter: TimelineFilter, context: TimelineQueryContext): Uint8Array | undefined => {
  const states = given(filter.states);
  const municipalities = given(filter.municipalities);
  const countries = given(filter.countries);
  const kinds = given<string>(filter.kinds);
  const themes = given(filter.themes);
  const ids = given(filter.agreementIds);
  let regionCountries: Set<string> | undefined;
  if (filter.regions !== undefined && filter.regions.length > 0) {
    regionCountries = new Set();
    for (const region of filter.regions) for (const country of context.countriesOfRegion(region)) regionCountries.add(country);
  }
  const visible = context.visibility?.allows;
  if (!states && !municipalities && !countries && !kinds && !themes && !ids && !regionCountries && !visible) return undefined;

  const { facets } = model;
  const kindCodes = kinds === undefined ? undefined : new Set([...kinds].map((kind) => AGREEMENT_KINDS.indexOf(kind as AgreementKind)));
  const stateBits = bitsOf(states, stateBit);
  const themeBits = bitsOf(themes, (theme) => THEME_BITS.get(theme));
  const numbersOf = (codes: ReadonlySet<string>): ReadonlySet<number> => new Set([...codes].map(countryNumber).filter((number) => number !== NO_COUNTRY));
  const countryNumbers = countries === undefined ? undefined : numbersOf(countries);
  const regionNumbers = regionCountries === undefined ? undefined : numbersOf(regionCountries);
  const municipalityNumbers = municipalities === undefined ? undefined : new Set([...municipalities].filter((code) => /^\d{5}$/.test(code)).map(Number));
  const agreementOf = (ordinal: number): TimelineAgreement => model.agreements.get(ordinal);

  const passes = (ordinal: number): boolean => {
    if (kindCodes !== undefined && !kindCodes.has(facets.kind[ordinal] as number)) return false;
    const flags = facets.flags[ordinal] as number;
    if (stateBits !== undefined && ((facets.stateBits[ordinal] as number) & stateBits.bits) === 0) {
      if (!stateBits.other && (flags & FACET_FLAGS.otherStates) === 0) return false;
      if (!anyIn(agreementOf(ordinal).states, states as ReadonlySet<string>)) return false;
    }
    if (themeBits !== undefined && ((facets.themeBits[ordinal] as number) & themeBits.bits) === 0) {
      if (!themeBits.other && (flags & FACET_FLAGS.otherThemes) === 0) return false;
      if (!anyIn(agreementOf(ordinal).themes, themes as ReadonlySet<string>)) return false;
    }
    if (countryNumbers !== undefined && !countryNumbers.has(facets.country[ordinal] as number)) {
      if ((flags & FACET_FLAGS.otherCountries) === 0 || !anyIn(agreementOf(ordinal).countries, countries as ReadonlySet<string>)) return false;
    }
    if (regionNumbers !== undefined && !regionNumbers.has(facets.country[ordinal] as number)) {
      if ((flags & FACET_FLAGS.otherCountries) === 0 || !anyIn(agreementOf(ordinal).countries, regionCountries as ReadonlySet<string>)) return false;
    }
    if (municipalityNumbers !== undefined && !municipalityNumbers.has(facets.municipality[ordinal] as number)) {
      if ((flags & FACET_FLAGS.otherMunicipalities) === 0 || !anyIn(agreementOf(ordinal).municipalities, municipalities as ReadonlySet<string>)) return false;
    }
    if (ids !== undefined && !ids.has(agreementOf(ordinal).id)) return false;
    if (visible !== undefined && !visible(agreementOf(ordinal).id)) return false;
    return true;
  };

  const mask = new Uint8Array(model.agreements.length);
  if (ids) {
    // A few agreements by id: no need to test every agreement.
    for (const id of ids) {
      const ordinal = model.agreementOrdinalById.get(id as TimelineAgreement['id']);
      if (ordinal !== undefined && passes(ordinal)) mask[ordinal] = 1;
    }
    return mask;
  }
  for (let ordinal = 0; ordinal < model.agreements.length; ordinal += 1) if (passes(ordinal)) mask[ordinal] = 1;
  return mask;
};

/** Indexes of the matching entries, ascending (log order). */
export const matchingTimelineEntries = (model: TimelineModel, filter: TimelineFilter, context: TimelineQueryContext): readonly number[] | undefined => {
  const mask = agreementMask(model, filter, context);
  const typeCodes = filter.types !== undefined && filter.types.length > 0 ? new Set(filter.types.map((type) => TIMELINE_EVENT_TYPES.indexOf(type))) : undefined;
  const from = filter.validFrom === undefined ? undefined : legalDateCode(filter.validFrom);
  const to = filter.validTo === undefined ? undefined : legalDateCode(filter.validTo);
  // No criterion on entries themselves nor on agreements: the whole log, nothing to collect.
  if (mask === undefined && typeCodes === undefined && from === undefined && to === undefined) return undefined;

  const { types, validAt, agreementOrdinals } = model;
  const entryPasses = (index: number): boolean => {
    if (typeCodes !== undefined && !typeCodes.has((types.get(index) ?? 0) & TYPE_MASK)) return false;
    if (from !== undefined || to !== undefined) {
      const date = validAt.get(index) ?? 0;
      if (date === 0 || (from !== undefined && date < from) || (to !== undefined && date > to)) return false;
    }
    return true;
  };

  const found: number[] = [];
  if (mask !== undefined) {
    // Few matching agreements: visit their own entries rather than the whole log.
    let selected = 0;
    const ordinals: number[] = [];
    for (let ordinal = 0; ordinal < mask.length; ordinal += 1) {
      if (mask[ordinal] === 1) {
        ordinals.push(ordinal);
        selected += model.facets.entryCount[ordinal] ?? 0;
      }
    }
    if (selected * 4 < agreementOrdinals.length) {
      for (const ordinal of ordinals) for (const index of entriesOf(model, ordinal)) if (entryPasses(index)) found.push(index);
      // Each agreement's entries are in log order; several agreements interleave.
      if (ordinals.length > 1) found.sort((a, b) => a - b);
      return found;
    }
  }
  const count = agreementOrdinals.length;
  for (let index = 0; index < count; index += 1) {
    if (mask !== undefined && mask[agreementOrdinals.get(index) ?? 0] !== 1) continue;
    if (entryPasses(index)) found.push(index);
  }
  return found;
};

// As for agreements: paging through one filter reuses the list while no new event has arrived.
const CACHE_SIZE = 8;
const resultCache = new WeakMap<TimelineModel, Map<string, { readonly position: bigint; readonly entries: readonly number[] | undefined }>>();

const cachedEntries = (model: TimelineModel, filter: TimelineFilter, context: TimelineQueryContext): readonly number[] | undefined => {
  let cache = resultCache.get(model);
  if (cache === undefined) {
    cache = new Map();
    resultCache.set(model, cache);
  }
  const regionCountries = filter.regions?.flatMap((region) => [...context.countriesOfRegion(region)]).sort();
  const key = JSON.stringify([context.visibility?.key ?? null, filter.states, filter.municipalities, filter.countries, regionCountries, filter.kinds, filter.themes, filter.agreementIds, filter.types, filter.validFrom, filter.validTo]);
  const hit = cache.get(key);
  if (hit !== undefined && hit.position === model.lastPosition) return hit.entries;
  const entries = matchingTimelineEntries(model, filter, context);
  cache.delete(key);
  cache.set(key, { position: model.lastPosition, entries });
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return entries;
};

/** One page of the timeline, filtered, in log order or its reverse. */
export const searchTimeline = (model: TimelineModel, search: TimelineSearch, context: TimelineQueryContext, limits?: PageLimits): Page<TimelineEntry> => {
  const entries = cachedEntries(model, search.filter ?? {}, context);
  const total = entries === undefined ? model.positions.length : entries.length;
  const descending = search.order === 'desc';
  return pageOf(
    total,
    search.page ?? {},
    (offset) => {
      const at = descending ? total - 1 - offset : offset;
      return timelineEntry(model, entries === undefined ? at : (entries[at] ?? 0));
    },
    limits,
  );
};
