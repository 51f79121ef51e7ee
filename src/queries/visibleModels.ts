import { NO_DAY, type AgreementView, type AgreementsModel } from '../../projections/agreements';
import type { CounterpartEntry, CounterpartsModel, CountryEntry } from '../../projections/counterparts';
import type { AgreementId } from '../agreements/agreementTypes';
import { columnsOf, registerRestriction } from './agreementColumns';
import { stateBit } from './facetBits';
import { RecordsByKey } from '../projectionRunner/encodedRecords';

/**
 * The agreements a reader may see: all of them, only published ones (inscribed in the Registro),
 * or published ones plus those where one of the reader's entities is a party.
 */
export type AgreementScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'published' }
  | { readonly kind: 'published-and-own'; readonly entities: readonly string[] };

export const scopeKey = (scope: AgreementScope): string =>
  scope.kind === 'published-and-own' ? `own:${[...scope.entities].sort().join(',')}` : scope.kind;

/** The rule itself, one view at a time; visibleOrdinals computes the same over a whole model. */
export const inScope = (scope: AgreementScope, view: AgreementView): boolean => {
  if (scope.kind === 'all' || view.registration !== undefined) return true;
  if (scope.kind === 'published') return false;
  for (const party of view.parties) if (scope.entities.includes(party.code)) return true;
  return false;
};

/*
 * Restricted models have the projection's shape, so every query (filters, statistics, in force,
 * portfolios, counterparts) runs on them unchanged and cannot forget the restriction. They used to
 * be rebuilt per scope after every event (~100 ms at 100k agreements, paid by the next query of
 * every restricted reader). Now a restricted model is a mask over the projection's ordinals, one
 * byte per agreement, and wrappers that filter the projection's maps and sets through it on
 * access: building one is a pass over a byte per agreement, and its columns, sort orders and id
 * ranks are the projection's own (see agreementColumns.ts: scans skip the hidden ordinals).
 * A view can become published by any event (registration, correction), so masks are computed
 * again, not patched, when the projection has seen a new event.
 */

/** 1 for each published agreement, by ordinal: shared by every scope at one position. */
const publishedMasks = new WeakMap<AgreementsModel, { readonly position: bigint; readonly mask: Uint8Array }>();

const publishedMask = (model: AgreementsModel): Uint8Array => {
  // The registration day column is NO_DAY exactly when a view has no registration; scanning it
  // rather than the views is ~0.5 ms instead of ~3 ms at 100k agreements.
  const registeredDay = columnsOf(model).registeredDay;
  const cached = publishedMasks.get(model);
  if (cached !== undefined && cached.position === model.lastPosition && cached.mask.length === registeredDay.length) return cached.mask;
  const mask = new Uint8Array(registeredDay.length);
  for (let ordinal = 0; ordinal < registeredDay.length; ordinal += 1) if (registeredDay[ordinal] !== NO_DAY) mask[ordinal] = 1;
  publishedMasks.set(model, { position: model.lastPosition, mask });
  return mask;
};

/** The visible ordinals of `model` for `scope` (not 'all'): 1 for each agreement inScope. */
export const visibleOrdinals = (model: AgreementsModel, scope: Exclude<AgreementScope, { kind: 'all' }>): Uint8Array => {
  const published = publishedMask(model);
  return scope.kind === 'published' ? published : markParties(model, scope.entities, published.slice());
};

/**
 * 1 for each agreement one of `entities` is a party to, by ordinal: those a subnational reader has
 * full access to (its findings, its SRE observations), as `isPartyOf` judges one view.
 */
export const partyOrdinals = (model: AgreementsModel, entities: readonly string[]): Uint8Array =>
  markParties(model, entities, new Uint8Array(columnsOf(model).registeredDay.length));

const markParties = (model: AgreementsModel, entities: readonly string[], mask: Uint8Array): Uint8Array => {
  const columns = columnsOf(model);
  const show = (ordinal: number | undefined, names: () => boolean): void => {
    if (ordinal !== undefined && ordinal < mask.length && mask[ordinal] === 0 && names()) mask[ordinal] = 1;
  };
  // The indexes and columns answer the question without decoding views: a municipality's index
  // holds exactly the agreements naming it; a state names itself when its bit is among the
  // state-level parties'. Only a code outside the catalogue's 32 states reads the views.
  for (const entity of new Set(entities)) {
    if (entity.length !== 2) {
      for (const id of model.byMunicipality.get(entity) ?? []) show(model.ordinals.get(id), () => true);
      continue;
    }
    const bit = stateBit(entity);
    for (const id of model.byState.get(entity) ?? []) {
      const ordinal = model.ordinals.get(id);
      show(ordinal, () =>
        bit === undefined
          ? model.byOrdinal.get(ordinal as number).parties.some((party) => party.code === entity)
          : ((columns.stateLevelBits[ordinal as number] as number) & bit) !== 0,
      );
    }
  }
  return mask;
};

// ---------------------------------------------------------------------------------------------
// Filtering wrappers: read-only maps and sets that show the visible part of the projection's
// ---------------------------------------------------------------------------------------------

/**
 * A read-only map over `base` showing `shown(key, value)` in place of each value, and leaving out
 * the keys for which it gives undefined. Values are computed on first access and kept (`memo`)
 * when computing them costs more than a lookup.
 */
class FilteredMap<K, V, W> implements ReadonlyMap<K, W> {
  private readonly memo: Map<K, W | undefined> | undefined;
  /** The size when known without a pass over the entries. */
  private readonly knownSize: (() => number) | undefined;

  constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly shown: (key: K, value: V) => W | undefined,
    options: { readonly memo: boolean; readonly size?: () => number },
  ) {
    this.memo = options.memo ? new Map() : undefined;
    this.knownSize = options.size;
  }

  get size(): number {
    if (this.knownSize !== undefined) return this.knownSize();
    let size = 0;
    for (const _entry of this.entries()) size += 1;
    return size;
  }

  get(key: K): W | undefined {
    if (this.memo?.has(key) === true) return this.memo.get(key);
    const value = this.base.get(key);
    const shown = value === undefined ? undefined : this.shown(key, value);
    this.memo?.set(key, shown);
    return shown;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  *entries(): IterableIterator<[K, W]> {
    for (const key of this.base.keys()) {
      const shown = this.get(key);
      if (shown !== undefined) yield [key, shown];
    }
  }

  *keys(): IterableIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<W> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: W, key: K, map: ReadonlyMap<K, W>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): IterableIterator<[K, W]> {
    return this.entries();
  }
}

/** A read-only set showing the members of `base` that `shown` accepts. */
class FilteredSet<T> implements ReadonlySet<T> {
  constructor(
    private readonly base: ReadonlySet<T>,
    private readonly shown: (member: T) => boolean,
  ) {}

  get size(): number {
    let size = 0;
    for (const member of this.base) if (this.shown(member)) size += 1;
    return size;
  }

  has(member: T): boolean {
    return this.base.has(member) && this.shown(member);
  }

  /** Whether any member is shown, stopping at the first. */
  any(): boolean {
    for (const member of this.base) if (this.shown(member)) return true;
    return false;
  }

  *values(): IterableIterator<T> {
    for (const member of this.base) if (this.shown(member)) yield member;
  }

  keys(): IterableIterator<T> {
    return this.values();
  }

  *entries(): IterableIterator<[T, T]> {
    for (const member of this.values()) yield [member, member];
  }

  forEach(callback: (value: T, key: T, set: ReadonlySet<T>) => void, thisArg?: unknown): void {
    for (const member of this.values()) callback.call(thisArg, member, member, this);
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.values();
  }
}

/** An index (byState…) of the projection restricted to visible agreements; keys with none visible are left out. */
const filteredIndex = <K>(index: ReadonlyMap<K, ReadonlySet<AgreementId>>, visible: (id: AgreementId) => boolean): ReadonlyMap<K, ReadonlySet<AgreementId>> =>
  new FilteredMap(
    index,
    (_key, ids) => {
      const shown = new FilteredSet(ids, visible);
      return shown.any() ? shown : undefined;
    },
    { memo: true },
  );

// ---------------------------------------------------------------------------------------------
// Restricted models, cached per scope and position
// ---------------------------------------------------------------------------------------------

const CACHED_SCOPES = 8;

const remember = <V>(cache: Map<string, V>, key: string, value: V): V => {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHED_SCOPES) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return value;
};

const agreementCache = new WeakMap<AgreementsModel, Map<string, { readonly position: bigint; readonly size: number; readonly model: AgreementsModel }>>();

const restrictAgreements = (model: AgreementsModel, scope: Exclude<AgreementScope, { kind: 'all' }>): AgreementsModel => {
  const mask = visibleOrdinals(model, scope);
  let count = 0;
  for (let ordinal = 0; ordinal < mask.length; ordinal += 1) count += mask[ordinal] as number;
  const shown = (ordinal: number): boolean => mask[ordinal] === 1;
  const visible = (id: AgreementId): boolean => {
    const ordinal = model.ordinals.get(id);
    return ordinal !== undefined && shown(ordinal);
  };
  const restricted: AgreementsModel = {
    agreements: new RecordsByKey(model.ordinals, model.byOrdinal, { index: shown, size: count }),
    ordinals: model.ordinals,
    // The projection's ordinals, hidden agreements included: see agreementColumns.ts.
    byOrdinal: model.byOrdinal,
    ...(model.columns === undefined ? {} : { columns: model.columns }),
    byState: filteredIndex(model.byState, visible),
    byMunicipality: filteredIndex(model.byMunicipality, visible),
    byCountry: filteredIndex(model.byCountry, visible),
    byKind: filteredIndex(model.byKind, visible),
    byTheme: filteredIndex(model.byTheme, visible),
    bySdg: filteredIndex(model.bySdg, visible),
    lastPosition: model.lastPosition,
  };
  registerRestriction(restricted, model, mask);
  return restricted;
};

/** The agreements model as a reader of `scope` sees it: the model itself when nothing is hidden. */
export const visibleAgreementsModel = (model: AgreementsModel, scope: AgreementScope): AgreementsModel => {
  if (scope.kind === 'all') return model;
  let cache = agreementCache.get(model);
  if (cache === undefined) agreementCache.set(model, (cache = new Map()));
  const key = scopeKey(scope);
  const hit = cache.get(key);
  if (hit !== undefined && hit.position === model.lastPosition && hit.size === model.byOrdinal.length) return hit.model;
  return remember(cache, key, { position: model.lastPosition, size: model.byOrdinal.length, model: restrictAgreements(model, scope) }).model;
};

const counterpartCache = new WeakMap<CounterpartsModel, Map<string, { readonly agreements: AgreementsModel; readonly position: bigint; readonly model: CounterpartsModel }>>();

/** A counterpart as a reader sees it: only its visible agreements; none, and it does not exist. */
const restrictEntry = (entry: CounterpartEntry, visible: AgreementsModel['agreements']): CounterpartEntry | undefined => {
  let agreements: Map<AgreementId, readonly string[]> | undefined;
  for (const [id, parties] of entry.agreements) {
    if (!visible.has(id)) continue;
    agreements ??= new Map();
    agreements.set(id, parties);
  }
  if (agreements === undefined) return undefined;
  return agreements.size === entry.agreements.size ? entry : { ...entry, agreements };
};

const restrictCounterparts = (model: CounterpartsModel, visible: AgreementsModel): CounterpartsModel => {
  const counterparts = new FilteredMap(model.counterparts, (_key, entry: CounterpartEntry) => restrictEntry(entry, visible.agreements), { memo: true });
  const countries = new FilteredMap(
    model.countries,
    (_code, entry: CountryEntry): CountryEntry | undefined => {
      const counterpartKeys = new Set<string>();
      for (const key of entry.counterpartKeys) if (counterparts.has(key)) counterpartKeys.add(key);
      if (counterpartKeys.size === 0) return undefined;
      const agreementIds = new Set<AgreementId>();
      for (const id of entry.agreementIds) if (visible.agreements.has(id)) agreementIds.add(id);
      return { country: entry.country, agreementIds, counterpartKeys };
    },
    { memo: true },
  );
  return { counterparts, countries, lastPosition: model.lastPosition };
};

/**
 * The counterparts model over the agreements a reader may see: counterparts named only by hidden
 * agreements disappear and counts cover visible agreements only. Cached like the agreements;
 * entries are restricted as they are read, so looking one counterpart up costs that counterpart.
 */
export const visibleCounterpartsModel = (model: CounterpartsModel, agreements: AgreementsModel, scope: AgreementScope): CounterpartsModel => {
  if (scope.kind === 'all') return model;
  const visible = visibleAgreementsModel(agreements, scope);
  let cache = counterpartCache.get(model);
  if (cache === undefined) counterpartCache.set(model, (cache = new Map()));
  const key = scopeKey(scope);
  const hit = cache.get(key);
  // Visibility changes with agreement events (a registration), not only with counterpart events.
  if (hit !== undefined && hit.position === model.lastPosition && hit.agreements === visible) return hit.model;
  return remember(cache, key, { agreements: visible, position: model.lastPosition, model: restrictCounterparts(model, visible) }).model;
};
