import {
  COLUMN_FLAGS,
  NO_COUNTRY,
  NO_DAY,
  THEME_BITS,
  agreementStatusAt,
  countryNumber,
  dayNumber,
  searchKey,
  wasInForceDuringAt,
  type AgreementColumns,
  type AgreementStatus,
  type AgreementView,
  type AgreementsModel,
} from '../../projections/agreements';
import { AGREEMENT_KINDS, type AgreementId, type AgreementKind } from '../agreements/agreementTypes';
import type { LegalDate } from '../shared/time';
import { columnsOf, scanOf } from './agreementColumns';
import { pageOf, type Page, type PageLimits, type PageRequest } from './pagination';

/** Both ends inclusive; either may be left open. */
export interface DateRange {
  readonly from?: LegalDate;
  readonly to?: LegalDate;
}

/**
 * Facets an agreement and anything about it (a timeline entry) can be filtered by. Every given
 * criterion must hold (AND); inside one list any value may match (OR). An absent or empty list
 * does not constrain: a UI with nothing ticked means "all".
 */
export interface AgreementFacets {
  /** A state matches its own agreements and its municipalities'. */
  readonly states?: readonly string[];
  readonly municipalities?: readonly string[];
  /** ISO 3166-1 codes of counterpart countries. */
  readonly countries?: readonly string[];
  /** Policy region ids, resolved through the context's countriesOfRegion. */
  readonly regions?: readonly string[];
  readonly kinds?: readonly AgreementKind[];
  readonly themes?: readonly string[];
}

export interface AgreementFilter extends AgreementFacets {
  /** Status on the context's `today`. */
  readonly statuses?: readonly AgreementStatus[];
  readonly sdgs?: readonly number[];
  readonly signedBetween?: DateRange;
  /** In force or provisionally applied on at least one day of the range. */
  readonly inForceBetween?: DateRange;
  /** Words of the title, any case, with or without accents; each must start a word of the title. */
  readonly text?: string;
}

export const AGREEMENT_SORT_FIELDS = ['title', 'signedOn', 'registeredOn', 'openedOn', 'lastRecordedAt'] as const;
export type AgreementSortField = (typeof AGREEMENT_SORT_FIELDS)[number];

/** Agreements without the sorted value (unsigned, unregistered) come last in both directions; ties go by id. */
export interface AgreementSort {
  readonly field: AgreementSortField;
  readonly direction: 'asc' | 'desc';
}

export const DEFAULT_AGREEMENT_SORT: AgreementSort = { field: 'title', direction: 'asc' };

export interface AgreementQueryContext {
  readonly today: LegalDate;
  /** Member countries of a policy region, from whichever policy version the caller judges by. */
  readonly countriesOfRegion: (regionId: string) => readonly string[];
}

export const getAgreement = (model: AgreementsModel, id: string): AgreementView | undefined => model.agreements.get(id as AgreementId);

type IdSet = ReadonlySet<AgreementId>;

/** The index sets of one facet criterion's values, any of which may hold the agreement. */
interface IndexCriterion {
  readonly sets: readonly IdSet[];
  readonly size: number;
}

const indexCriterion = <K>(index: ReadonlyMap<K, IdSet>, values: readonly K[] | undefined): IndexCriterion | undefined => {
  if (values === undefined || values.length === 0) return undefined;
  const sets: IdSet[] = [];
  let size = 0;
  for (const value of new Set(values)) {
    const ids = index.get(value);
    if (ids !== undefined) {
      sets.push(ids);
      size += ids.size;
    }
  }
  return { sets, size };
};

/** The region criterion, resolved to the countries it stands for (sorted, for cache keys). */
const regionCountries = (filter: AgreementFilter, context: Pick<AgreementQueryContext, 'countriesOfRegion'>): readonly string[] | undefined => {
  if (filter.regions === undefined || filter.regions.length === 0) return undefined;
  const countries = new Set<string>();
  for (const region of filter.regions) for (const country of context.countriesOfRegion(region)) countries.add(country);
  return [...countries].sort();
};

const textTokens = (text: string | undefined): readonly string[] =>
  text === undefined ? [] : searchKey(text).split(' ').filter((token) => token.length > 0).map((token) => ` ${token}`);

const bitsOf = (values: readonly (string | number)[] | undefined, bit: (value: string | number) => number | undefined): { bits: number; other: boolean } | undefined => {
  if (values === undefined || values.length === 0) return undefined;
  let bits = 0;
  let other = false;
  for (const value of values) {
    const found = bit(value);
    if (found === undefined) other = true;
    else bits |= found;
  }
  return { bits, other };
};

const stateBit = (value: string | number): number | undefined => {
  const state = Number(value);
  return typeof value === 'string' && /^\d{2}$/.test(value) && state >= 1 && state <= 32 ? 1 << (state - 1) : undefined;
};
const sdgBit = (value: string | number): number | undefined => (Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 31 ? 1 << (Number(value) - 1) : undefined);

/**
 * Ordinals of the matching agreements, ascending. The smallest index set among the facet
 * criteria narrows the candidates when it is small; every other criterion is then checked on the
 * projection's columns (bit masks, day numbers), or, for countries and municipalities, on a mask
 * built from their index sets. Views are read only for text and the rare cases columns cannot
 * settle (suspensions, steps before signature, codes outside the bit masks).
 */
export const filterAgreementOrdinals = (scanned: AgreementsModel, filter: AgreementFilter, context: AgreementQueryContext): number[] => {
  // A reader's restricted model is read through the projection's indexes and columns, skipping what it hides.
  const { model, columns, visible } = scanOf(scanned);
  const count = columns.views.length;
  const regionCountryList = regionCountries(filter, context);
  // Regions with no member countries (unknown to this policy version) match nothing.
  if (regionCountryList !== undefined && regionCountryList.length === 0) return [];

  const criteria = {
    states: indexCriterion(model.byState, filter.states),
    municipalities: indexCriterion(model.byMunicipality, filter.municipalities),
    countries: indexCriterion(model.byCountry, filter.countries),
    regions: indexCriterion(model.byCountry, regionCountryList),
    kinds: indexCriterion(model.byKind, filter.kinds),
    themes: indexCriterion(model.byTheme, filter.themes),
    sdgs: indexCriterion(model.bySdg, filter.sdgs),
  };
  let base: IndexCriterion | undefined;
  for (const criterion of Object.values(criteria)) {
    if (criterion === undefined) continue;
    if (criterion.size === 0) return [];
    if (base === undefined || criterion.size < base.size) base = criterion;
  }
  // Narrowing pays while the set is small; a large one is checked on the columns like the rest.
  if (base !== undefined && base.size * 4 > count) base = undefined;

  const ordinalOf = (id: AgreementId): number | undefined => model.agreements.get(id)?.ordinal;
  const maskOf = (criterion: IndexCriterion | undefined): Uint8Array | undefined => {
    if (criterion === undefined || criterion === base) return undefined;
    const mask = new Uint8Array(count);
    for (const ids of criterion.sets) {
      for (const id of ids) {
        const ordinal = ordinalOf(id);
        if (ordinal !== undefined) mask[ordinal] = 1;
      }
    }
    return mask;
  };
  const municipalities = maskOf(criteria.municipalities);
  const countries = criteria.countries === base ? undefined : countryCriterion(filter.countries);
  const regions = criteria.regions === base ? undefined : countryCriterion(regionCountryList);

  const kinds = filter.kinds !== undefined && filter.kinds.length > 0 ? new Set(filter.kinds.map((kind) => AGREEMENT_KINDS.indexOf(kind))) : undefined;
  const states = criteria.states === base ? undefined : bitsOf(filter.states, stateBit);
  const themes = criteria.themes === base ? undefined : bitsOf(filter.themes, (theme) => THEME_BITS.get(String(theme)));
  const sdgs = criteria.sdgs === base ? undefined : bitsOf(filter.sdgs, sdgBit);
  const statuses = filter.statuses !== undefined && filter.statuses.length > 0 ? new Set<AgreementStatus>(filter.statuses) : undefined;
  const signedFrom = filter.signedBetween?.from === undefined ? undefined : dayNumber(filter.signedBetween.from);
  const signedTo = filter.signedBetween?.to === undefined ? undefined : dayNumber(filter.signedBetween.to);
  const inForce = filter.inForceBetween;
  const inForceFrom = inForce?.from === undefined ? undefined : dayNumber(inForce.from);
  const inForceTo = inForce?.to === undefined ? undefined : dayNumber(inForce.to);
  const tokens = textTokens(filter.text);
  const { today } = context;
  const todayDay = dayNumber(today);

  const matches = (ordinal: number): boolean => {
    if (visible !== undefined && visible[ordinal] !== 1) return false;
    if (municipalities !== undefined && municipalities[ordinal] !== 1) return false;
    if (kinds !== undefined && !kinds.has(columns.kind[ordinal] as number)) return false;
    const flags = columns.flags[ordinal] as number;
    if (countries !== undefined && !inCountries(columns, ordinal, flags, countries)) return false;
    if (regions !== undefined && !inCountries(columns, ordinal, flags, regions)) return false;
    if (states !== undefined && ((columns.stateBits[ordinal] as number) & states.bits) === 0) {
      if (!states.other && (flags & COLUMN_FLAGS.otherStates) === 0) return false;
      if (!viewHas(columns, ordinal, (view) => view.parties.some((party) => filter.states?.includes(party.stateCode)))) return false;
    }
    if (themes !== undefined && ((columns.themeBits[ordinal] as number) & themes.bits) === 0) {
      if (!themes.other && (flags & COLUMN_FLAGS.otherThemes) === 0) return false;
      if (!viewHas(columns, ordinal, (view) => view.themes.some((theme) => filter.themes?.includes(theme)))) return false;
    }
    if (sdgs !== undefined && ((columns.sdgBits[ordinal] as number) & sdgs.bits) === 0) {
      if (!sdgs.other) return false;
      if (!viewHas(columns, ordinal, (view) => view.sdgs.some((sdg) => filter.sdgs?.includes(sdg)))) return false;
    }
    if (signedFrom !== undefined || signedTo !== undefined) {
      const signed = columns.signedDay[ordinal] as number;
      if (signed === NO_DAY || (signedFrom !== undefined && signed < signedFrom) || (signedTo !== undefined && signed > signedTo)) return false;
    }
    if (inForce !== undefined && !wasInForceDuringAt(columns, ordinal, inForceFrom, inForceTo)) return false;
    if (statuses !== undefined && !statuses.has(agreementStatusAt(columns, ordinal, today, todayDay))) return false;
    if (tokens.length > 0) {
      const title = columns.titleKey[ordinal] as string;
      for (const token of tokens) if (!title.includes(token)) return false;
    }
    return true;
  };

  const found: number[] = [];
  if (base === undefined) {
    for (let ordinal = 0; ordinal < count; ordinal += 1) if (matches(ordinal)) found.push(ordinal);
    return found;
  }
  const seen = base.sets.length > 1 ? new Set<number>() : undefined;
  for (const ids of base.sets) {
    for (const id of ids) {
      const ordinal = ordinalOf(id);
      if (ordinal === undefined || columns.views[ordinal]?.id !== id) continue;
      if (seen !== undefined) {
        if (seen.has(ordinal)) continue;
        seen.add(ordinal);
      }
      if (matches(ordinal)) found.push(ordinal);
    }
  }
  return found.sort((a, b) => a - b);
};

interface CountryCriterion {
  readonly numbers: ReadonlySet<number>;
  readonly codes: readonly string[];
}

const countryCriterion = (codes: readonly string[] | undefined): CountryCriterion | undefined =>
  codes === undefined || codes.length === 0 ? undefined : { numbers: new Set(codes.map(countryNumber).filter((number) => number !== NO_COUNTRY)), codes };

/** The column holds one country; an agreement with several is checked on its view. */
const inCountries = (columns: AgreementColumns, ordinal: number, flags: number, criterion: CountryCriterion): boolean =>
  criterion.numbers.has(columns.country[ordinal] as number) ||
  ((flags & COLUMN_FLAGS.otherCountries) !== 0 &&
    viewHas(columns, ordinal, (view) => view.counterparts.some((counterpart) => counterpart.country !== undefined && criterion.codes.includes(counterpart.country))));

const viewHas = (columns: AgreementColumns, ordinal: number, test: (view: AgreementView) => boolean): boolean => test(columns.views[ordinal] as AgreementView);

/** The agreements that match, in order of opening. */
export const filterAgreements = (model: AgreementsModel, filter: AgreementFilter, context: AgreementQueryContext): AgreementView[] => {
  const columns = columnsOf(model);
  return filterAgreementOrdinals(model, filter, context).map((ordinal) => columns.views[ordinal] as AgreementView);
};

const sortValue = (view: AgreementView, field: AgreementSortField): string | undefined => {
  switch (field) {
    case 'title':
      return view.titleKey;
    case 'signedOn':
      return view.signature?.signedOn;
    case 'registeredOn':
      return view.registration?.registeredOn;
    case 'openedOn':
      return view.openedOn;
    case 'lastRecordedAt':
      return view.lastRecordedAt;
    default: {
      const unknown: never = field;
      throw new Error(`Unknown sort field ${String(unknown)}`);
    }
  }
};

/** A sorted copy. Titles sort by their search key: case and accents ignored. */
export const sortAgreements = (views: readonly AgreementView[], sort: AgreementSort = DEFAULT_AGREEMENT_SORT): AgreementView[] => {
  const direction = sort.direction === 'desc' ? -1 : 1;
  // Values are read once, not in every comparison.
  const decorated = views.map((view) => ({ value: sortValue(view, sort.field), id: view.id, view }));
  decorated.sort((a, b) => {
    if (a.value !== b.value) {
      if (a.value === undefined) return 1;
      if (b.value === undefined) return -1;
      return a.value < b.value ? -direction : direction;
    }
    return a.id < b.id ? -direction : a.id > b.id ? direction : 0;
  });
  return decorated.map((entry) => entry.view);
};

/** The column a sort field reads; NO_DAY (or undefined for titles) marks a missing value. */
const sortColumn = (columns: AgreementColumns, field: AgreementSortField): readonly (number | string | undefined)[] => {
  switch (field) {
    case 'title':
      return columns.titleKey;
    case 'signedOn':
      return columns.signedDay;
    case 'registeredOn':
      return columns.registeredDay;
    case 'openedOn':
      return columns.openedDay;
    case 'lastRecordedAt':
      return columns.recordedAt;
    default: {
      const unknown: never = field;
      throw new Error(`Unknown sort field ${String(unknown)}`);
    }
  }
};

const missing = (value: number | string | undefined): boolean => value === undefined || value === NO_DAY;

/**
 * Each ordinal's rank in id order, so that ties (frequent: many agreements share a date) are
 * broken by comparing two numbers rather than two UUID strings. Ids never change, so the order is
 * kept per columns object and only new agreements are merged in.
 */
interface IdRanks {
  readonly order: Int32Array;
  readonly rank: Int32Array;
}
const idRanks = new WeakMap<AgreementColumns, IdRanks>();

const byId =
  (columns: AgreementColumns) =>
  (a: number, b: number): number => {
    const idA = (columns.views[a] as AgreementView).id;
    const idB = (columns.views[b] as AgreementView).id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  };

const idRankOf = (columns: AgreementColumns): Int32Array => {
  const count = columns.views.length;
  const cached = idRanks.get(columns);
  if (cached !== undefined && cached.order.length === count) return cached.rank;
  const known = cached?.order ?? new Int32Array(0);
  const compare = byId(columns);
  const added = Int32Array.from({ length: count - known.length }, (_, index) => known.length + index).sort(compare);
  const order = new Int32Array(count);
  let out = 0;
  let next = 0;
  for (const ordinal of known) {
    while (next < added.length && compare(added[next] as number, ordinal) < 0) order[out++] = added[next++] as number;
    order[out++] = ordinal;
  }
  while (next < added.length) order[out++] = added[next++] as number;
  const rank = new Int32Array(count);
  order.forEach((ordinal, index) => {
    rank[ordinal] = index;
  });
  idRanks.set(columns, { order, rank });
  return rank;
};

/** Ascending by value then id, missing values last (by id): the order sortAgreements gives. */
const ascending = (columns: AgreementColumns, values: readonly (number | string | undefined)[]) => {
  const rank = idRankOf(columns);
  return (a: number, b: number): number => {
    const valueA = values[a];
    const valueB = values[b];
    if (valueA !== valueB) {
      const missingA = missing(valueA);
      const missingB = missing(valueB);
      if (missingA !== missingB) return missingA ? 1 : -1;
      if (!missingA) return (valueA as number | string) < (valueB as number | string) ? -1 : 1;
    }
    return (rank[a] as number) - (rank[b] as number);
  };
};

/**
 * Every agreement of a columns object in ascending order of one field, those without a value last,
 * kept per columns object and brought up to date after new events by re-sorting only the
 * agreements whose value changed: a large result is then ordered by one pass over it rather than
 * a sort of 100k strings (~200 ms) on every query.
 */
interface ColumnsOrder {
  readonly order: Int32Array;
  /** How many at the start of `order` have a value. */
  readonly withValue: number;
  /** The value of each ordinal when it was placed. */
  readonly values: (number | string | undefined)[];
}

const columnOrders = new WeakMap<AgreementColumns, Map<AgreementSortField, ColumnsOrder>>();

const countWithValue = (values: readonly (number | string | undefined)[]): number => values.reduce<number>((count, value) => (missing(value) ? count : count + 1), 0);

const columnsOrder = (columns: AgreementColumns, field: AgreementSortField): ColumnsOrder => {
  let orders = columnOrders.get(columns);
  if (orders === undefined) {
    orders = new Map();
    columnOrders.set(columns, orders);
  }
  const column = sortColumn(columns, field);
  const count = columns.views.length;
  const cached = orders.get(field);
  let result: ColumnsOrder | undefined;
  if (cached !== undefined) {
    const { values } = cached;
    const changed: number[] = [];
    for (let ordinal = 0; ordinal < cached.order.length; ordinal += 1) if (column[ordinal] !== values[ordinal]) changed.push(ordinal);
    for (let ordinal = cached.order.length; ordinal < count; ordinal += 1) changed.push(ordinal);
    if (changed.length === 0) return cached;
    // Beyond a few changes (a bulk import, a rebuild), sorting everything again is cheaper.
    if (changed.length * 8 <= count) {
      const moved = new Uint8Array(count);
      for (const ordinal of changed) {
        moved[ordinal] = 1;
        values[ordinal] = column[ordinal];
      }
      const compare = ascending(columns, values);
      changed.sort(compare);
      const order = new Int32Array(count);
      let out = 0;
      let next = 0;
      for (const ordinal of cached.order) {
        if (moved[ordinal] === 1) continue;
        while (next < changed.length && compare(changed[next] as number, ordinal) < 0) order[out++] = changed[next++] as number;
        order[out++] = ordinal;
      }
      while (next < changed.length) order[out++] = changed[next++] as number;
      result = { order, withValue: countWithValue(values), values };
    }
  }
  if (result === undefined) {
    const values = Array.from({ length: count }, (_, ordinal) => column[ordinal]);
    // Holes (a restricted model's columns) sort last and are never selected.
    const order = Int32Array.from({ length: count }, (_, ordinal) => ordinal).sort(ascending(columns, values));
    result = { order, withValue: countWithValue(values), values };
  }
  orders.set(field, result);
  return result;
};

/** Below this many matches a plain sort is cheaper than a pass over every agreement. */
const SMALL_RESULT = 2048;

/** `ordinals` in the order of `sort`, read off the model-wide order (one pass over all agreements). */
const byModelOrder = (columns: AgreementColumns, ordinals: readonly number[], sort: AgreementSort): number[] => {
  const { order, withValue } = columnsOrder(columns, sort.field);
  const selected = new Uint8Array(columns.views.length);
  for (const ordinal of ordinals) selected[ordinal] = 1;
  const sorted: number[] = [];
  if (sort.direction === 'asc') {
    for (let index = 0; index < order.length; index += 1) if (selected[order[index] as number] === 1) sorted.push(order[index] as number);
  } else {
    // Descending, still with the agreements without a value last.
    for (let index = withValue - 1; index >= 0; index -= 1) if (selected[order[index] as number] === 1) sorted.push(order[index] as number);
    for (let index = order.length - 1; index >= withValue; index -= 1) if (selected[order[index] as number] === 1) sorted.push(order[index] as number);
  }
  return sorted;
};

/** `ordinals` of the model's columns in the order of `sort`. */
export const sortOrdinals = (model: AgreementsModel, ordinals: readonly number[], sort: AgreementSort): number[] => {
  const columns = columnsOf(model);
  if (ordinals.length > SMALL_RESULT) return byModelOrder(columns, ordinals, sort);
  const values = sortColumn(columns, sort.field);
  const sorted = [...ordinals].sort(ascending(columns, values));
  if (sort.direction === 'asc') return sorted;
  // Descending, still with the agreements without a value last.
  let withValue = 0;
  while (withValue < sorted.length && !missing(values[sorted[withValue] as number])) withValue += 1;
  return [...sorted.slice(0, withValue).reverse(), ...sorted.slice(withValue).reverse()];
};

/** `views` (agreements of `model`) in the order of `sort` read off the model-wide order, as large results are sorted. */
export const sortByModelOrder = (model: AgreementsModel, views: readonly AgreementView[], sort: AgreementSort): AgreementView[] => {
  const columns = columnsOf(model);
  return byModelOrder(
    columns,
    views.map((view) => view.ordinal),
    sort,
  ).map((ordinal) => columns.views[ordinal] as AgreementView);
};

export interface AgreementSearch {
  readonly filter?: AgreementFilter;
  readonly sort?: AgreementSort;
  readonly page?: PageRequest;
}

// Paging through one result fetches the same sorted list page after page: keep the last few per
// model, valid while the model has seen no new event.
const CACHE_SIZE = 16;
const resultCache = new WeakMap<AgreementsModel, Map<string, { readonly position: bigint; readonly size: number; readonly ordinals: readonly number[] }>>();

const cacheKey = (filter: AgreementFilter, sort: AgreementSort, context: AgreementQueryContext): string =>
  JSON.stringify([
    filter.states,
    filter.municipalities,
    filter.countries,
    regionCountries(filter, context),
    filter.kinds,
    filter.statuses,
    filter.themes,
    filter.sdgs,
    filter.signedBetween?.from,
    filter.signedBetween?.to,
    filter.inForceBetween?.from,
    filter.inForceBetween?.to,
    filter.text,
    sort.field,
    sort.direction,
    // Only the status depends on the day.
    filter.statuses !== undefined && filter.statuses.length > 0 ? context.today : null,
  ]);

/** Ordinals of the matching agreements, sorted: a memoised filterAgreementOrdinals + sortOrdinals. */
const matchingOrdinals = (model: AgreementsModel, filter: AgreementFilter, sort: AgreementSort, context: AgreementQueryContext): readonly number[] => {
  let cache = resultCache.get(model);
  if (cache === undefined) {
    cache = new Map();
    resultCache.set(model, cache);
  }
  const key = cacheKey(filter, sort, context);
  const hit = cache.get(key);
  if (hit !== undefined && hit.position === model.lastPosition && hit.size === model.agreements.size) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.ordinals;
  }
  const ordinals = sortOrdinals(model, filterAgreementOrdinals(model, filter, context), sort);
  cache.delete(key);
  cache.set(key, { position: model.lastPosition, size: model.agreements.size, ordinals });
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return ordinals;
};

/** The matching agreements, sorted. */
export const matchingAgreements = (model: AgreementsModel, filter: AgreementFilter, sort: AgreementSort, context: AgreementQueryContext): readonly AgreementView[] => {
  const columns = columnsOf(model);
  return matchingOrdinals(model, filter, sort, context).map((ordinal) => columns.views[ordinal] as AgreementView);
};

/** Filter, sort and one page of agreements, with the total count. */
export const searchAgreements = (model: AgreementsModel, search: AgreementSearch, context: AgreementQueryContext, limits?: PageLimits): Page<AgreementView> => {
  const ordinals = matchingOrdinals(model, search.filter ?? {}, search.sort ?? DEFAULT_AGREEMENT_SORT, context);
  const columns = columnsOf(model);
  return pageOf(ordinals.length, search.page ?? {}, (index) => columns.views[ordinals[index] as number] as AgreementView, limits);
};


/**
 * Builds ahead what the first large sorted query would otherwise build (~0.1–0.3 s at 100k
 * agreements): the id ranks and the model-wide order of every sort field. Call it after a rebuild
 * or a snapshot load; later events only patch these.
 */
export const warmAgreementQueries = (model: AgreementsModel): void => {
  const columns = columnsOf(model);
  for (const field of AGREEMENT_SORT_FIELDS) columnsOrder(columns, field);
};
