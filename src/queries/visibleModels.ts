import type { AgreementView, AgreementsModel } from '../../projections/agreements';
import type { CounterpartEntry, CounterpartsModel, CountryEntry } from '../../projections/counterparts';
import type { AgreementId } from '../agreements/agreementTypes';

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

export const inScope = (scope: AgreementScope, view: AgreementView): boolean => {
  if (scope.kind === 'all' || view.registration !== undefined) return true;
  if (scope.kind === 'published') return false;
  for (const party of view.parties) if (scope.entities.includes(party.code)) return true;
  return false;
};

/*
 * Restricted models have the projection's shape, so every query (filters, statistics, in force,
 * portfolios) runs on them unchanged and cannot forget the restriction. They share the projection's
 * view objects and are rebuilt, per scope, when the projection has seen a new event: a view can
 * become published by any event (registration, correction), so membership is not kept up
 * incrementally. A rebuild is one pass over the agreements.
 */
const CACHED_SCOPES = 8;
const agreementCache = new WeakMap<AgreementsModel, Map<string, { readonly position: bigint; readonly model: AgreementsModel }>>();

const remember = <V>(cache: Map<string, V>, key: string, value: V): V => {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHED_SCOPES) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return value;
};

const addTo = <K>(index: Map<K, Set<AgreementId>>, key: K, id: AgreementId): void => {
  let ids = index.get(key);
  if (ids === undefined) index.set(key, (ids = new Set()));
  ids.add(id);
};

/**
 * A visible view numbered within the restricted model. Queries index arrays by `view.ordinal`
 * (`model.byOrdinal[view.ordinal] === view`), so a subset must number its views 0..n-1; the shim
 * inherits every other field from the projection's view, which the projection updates in place,
 * so it is never stale while the model's position is unchanged.
 */
const renumbered = (view: AgreementView, ordinal: number): AgreementView =>
  view.ordinal === ordinal ? view : (Object.create(view, { ordinal: { value: ordinal, enumerable: true } }) as AgreementView);

const restrictAgreements = (model: AgreementsModel, scope: AgreementScope): AgreementsModel => {
  const agreements = new Map<AgreementId, AgreementView>();
  const byOrdinal: AgreementView[] = [];
  const byState = new Map<string, Set<AgreementId>>();
  const byMunicipality = new Map<string, Set<AgreementId>>();
  const byCountry = new Map<string, Set<AgreementId>>();
  const byKind = new Map<string, Set<AgreementId>>();
  const byTheme = new Map<string, Set<AgreementId>>();
  const bySdg = new Map<number, Set<AgreementId>>();
  for (const original of model.byOrdinal) {
    if (!inScope(scope, original)) continue;
    const view = renumbered(original, byOrdinal.length);
    const { id } = view;
    byOrdinal.push(view);
    agreements.set(id, view);
    addTo(byKind, view.kind, id);
    for (const party of view.parties) {
      addTo(byState, party.stateCode, id);
      if (party.level === 'municipality') addTo(byMunicipality, party.code, id);
    }
    for (const counterpart of view.counterparts) if (counterpart.country !== undefined) addTo(byCountry, counterpart.country, id);
    for (const theme of view.themes) addTo(byTheme, theme, id);
    for (const sdg of view.sdgs) addTo(bySdg, sdg, id);
  }
  return { agreements, byOrdinal, byState, byMunicipality, byCountry, byKind, byTheme, bySdg, lastPosition: model.lastPosition };
};

/** The agreements model as a reader of `scope` sees it: the model itself when nothing is hidden. */
export const visibleAgreementsModel = (model: AgreementsModel, scope: AgreementScope): AgreementsModel => {
  if (scope.kind === 'all') return model;
  let cache = agreementCache.get(model);
  if (cache === undefined) agreementCache.set(model, (cache = new Map()));
  const key = scopeKey(scope);
  const hit = cache.get(key);
  if (hit !== undefined && hit.position === model.lastPosition) return hit.model;
  return remember(cache, key, { position: model.lastPosition, model: restrictAgreements(model, scope) }).model;
};

const counterpartCache = new WeakMap<CounterpartsModel, Map<string, { readonly agreements: AgreementsModel; readonly position: bigint; readonly model: CounterpartsModel }>>();

const restrictCounterparts = (model: CounterpartsModel, visible: AgreementsModel): CounterpartsModel => {
  const counterparts = new Map<string, CounterpartEntry>();
  const countries = new Map<string, { country: CountryEntry['country']; agreementIds: Set<AgreementId>; counterpartKeys: Set<string> }>();
  for (const entry of model.counterparts.values()) {
    const agreements = new Map<AgreementId, readonly string[]>();
    for (const [id, parties] of entry.agreements) if (visible.agreements.has(id)) agreements.set(id, parties);
    if (agreements.size === 0) continue;
    counterparts.set(entry.key, { ...entry, agreements });
    if (entry.country === undefined) continue;
    let country = countries.get(entry.country);
    if (country === undefined) countries.set(entry.country, (country = { country: entry.country, agreementIds: new Set(), counterpartKeys: new Set() }));
    country.counterpartKeys.add(entry.key);
    for (const id of agreements.keys()) country.agreementIds.add(id);
  }
  const links = new Map([...model.links].filter(([id]) => visible.agreements.has(id)));
  return { counterparts, countries, links, lastPosition: model.lastPosition };
};

/**
 * The counterparts model over the agreements a reader may see: counterparts named only by hidden
 * agreements disappear and counts cover visible agreements only. Cached like the agreements.
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
