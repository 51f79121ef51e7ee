import {
  agreementStatus,
  searchKey,
  wasInForceDuring,
  type AgreementStatus,
  type AgreementView,
  type AgreementsModel,
} from '../../projections/agreements';
import type { AgreementId, AgreementKind } from '../agreements/agreementTypes';
import type { LegalDate } from '../shared/time';
import { paginate, type Page, type PageLimits, type PageRequest } from './pagination';

/** Both ends inclusive; either may be left open. */
export interface DateRange {
  readonly from?: LegalDate;
  readonly to?: LegalDate;
}

/**
 * Every given criterion must hold (AND); inside one list any value may match (OR). An absent or
 * empty list does not constrain: a UI with nothing ticked means "all".
 */
export interface AgreementFilter {
  /** A state matches its own agreements and its municipalities'. */
  readonly states?: readonly string[];
  readonly municipalities?: readonly string[];
  /** ISO 3166-1 codes of counterpart countries. */
  readonly countries?: readonly string[];
  /** Policy region ids, resolved through the context's countriesOfRegion. */
  readonly regions?: readonly string[];
  readonly kinds?: readonly AgreementKind[];
  /** Status on the context's `today`. */
  readonly statuses?: readonly AgreementStatus[];
  readonly themes?: readonly string[];
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

/** One facet criterion: the index sets of its values, any of which may hold the agreement. */
interface FacetConstraint {
  readonly sets: readonly IdSet[];
  readonly size: number;
}

const facet = <K>(index: ReadonlyMap<K, IdSet>, values: readonly K[] | undefined): FacetConstraint | undefined => {
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

const inAny = (constraint: FacetConstraint, id: AgreementId): boolean => {
  for (const ids of constraint.sets) if (ids.has(id)) return true;
  return false;
};

/** The region criterion, resolved to the countries it stands for. */
const regionCountries = (filter: AgreementFilter, context: Pick<AgreementQueryContext, 'countriesOfRegion'>): readonly string[] | undefined => {
  if (filter.regions === undefined || filter.regions.length === 0) return undefined;
  const countries = new Set<string>();
  for (const region of filter.regions) for (const country of context.countriesOfRegion(region)) countries.add(country);
  return [...countries].sort();
};

const textTokens = (text: string | undefined): readonly string[] =>
  text === undefined ? [] : searchKey(text).split(' ').filter((token) => token.length > 0).map((token) => ` ${token}`);

/**
 * The agreements that match, in no particular order. Facet criteria are answered from the
 * projection's indexes: the smallest candidate set is scanned and the other criteria checked on it.
 */
export const filterAgreements = (model: AgreementsModel, filter: AgreementFilter, context: AgreementQueryContext): AgreementView[] => {
  const regionCountryList = regionCountries(filter, context);
  // Regions with no member countries (unknown to this policy version) match nothing.
  if (regionCountryList !== undefined && regionCountryList.length === 0) return [];
  const constraints: FacetConstraint[] = [];
  for (const constraint of [
    facet(model.byState, filter.states),
    facet(model.byMunicipality, filter.municipalities),
    facet(model.byCountry, filter.countries),
    facet(model.byCountry, regionCountryList),
    facet(model.byKind, filter.kinds),
    facet(model.byTheme, filter.themes),
    facet(model.bySdg, filter.sdgs),
  ]) {
    if (constraint === undefined) continue;
    if (constraint.size === 0) return [];
    constraints.push(constraint);
  }
  constraints.sort((a, b) => a.size - b.size);
  const [base, ...others] = constraints;

  const statuses = filter.statuses !== undefined && filter.statuses.length > 0 ? new Set<AgreementStatus>(filter.statuses) : undefined;
  const signed = filter.signedBetween;
  const inForce = filter.inForceBetween;
  const tokens = textTokens(filter.text);
  const { today } = context;

  const matches = (view: AgreementView): boolean => {
    for (const constraint of others) if (!inAny(constraint, view.id)) return false;
    if (tokens.length > 0) for (const token of tokens) if (!view.titleKey.includes(token)) return false;
    if (signed !== undefined) {
      const signedOn = view.signature?.signedOn;
      if (signedOn === undefined) return false;
      if (signed.from !== undefined && signedOn < signed.from) return false;
      if (signed.to !== undefined && signedOn > signed.to) return false;
    }
    if (inForce !== undefined && !wasInForceDuring(view, inForce.from, inForce.to)) return false;
    if (statuses !== undefined && !statuses.has(agreementStatus(view, today))) return false;
    return true;
  };

  const found: AgreementView[] = [];
  if (base === undefined) {
    for (const view of model.agreements.values()) if (matches(view)) found.push(view);
    return found;
  }
  const seen = base.sets.length > 1 ? new Set<AgreementId>() : undefined;
  for (const ids of base.sets) {
    for (const id of ids) {
      if (seen !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const view = model.agreements.get(id);
      if (view !== undefined && matches(view)) found.push(view);
    }
  }
  return found;
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
  // Values are read once, not in every comparison: sorting 100k views stays within milliseconds.
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

export interface AgreementSearch {
  readonly filter?: AgreementFilter;
  readonly sort?: AgreementSort;
  readonly page?: PageRequest;
}

// Paging through one result fetches the same sorted list page after page: keep the last few per
// model, valid while the model has seen no new event.
const CACHE_SIZE = 16;
const resultCache = new WeakMap<AgreementsModel, Map<string, { readonly position: bigint; readonly views: readonly AgreementView[] }>>();

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

/** The matching agreements, sorted: a memoised filterAgreements + sortAgreements. */
export const matchingAgreements = (
  model: AgreementsModel,
  filter: AgreementFilter,
  sort: AgreementSort,
  context: AgreementQueryContext,
): readonly AgreementView[] => {
  let cache = resultCache.get(model);
  if (cache === undefined) {
    cache = new Map();
    resultCache.set(model, cache);
  }
  const key = cacheKey(filter, sort, context);
  const hit = cache.get(key);
  if (hit !== undefined && hit.position === model.lastPosition) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.views;
  }
  const views = sortAgreements(filterAgreements(model, filter, context), sort);
  cache.delete(key);
  cache.set(key, { position: model.lastPosition, views });
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return views;
};

/** Filter, sort and one page of agreements, with the total count. */
export const searchAgreements = (
  model: AgreementsModel,
  search: AgreementSearch,
  context: AgreementQueryContext,
  limits?: PageLimits,
): Page<AgreementView> =>
  paginate(matchingAgreements(model, search.filter ?? {}, search.sort ?? DEFAULT_AGREEMENT_SORT, context), search.page ?? {}, limits);
