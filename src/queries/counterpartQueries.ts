import { searchKey } from '../../projections/agreements';
import type { CounterpartEntry, CounterpartsModel } from '../../projections/counterparts';
import type { AgreementId, CounterpartKind } from '../agreements/agreementTypes';
import { getCountry, parseCountryCode } from '../reference';
import { Tally, type CountEntry } from './counting';
import { paginate, type Page, type PageLimits, type PageRequest } from './pagination';

/** Spanish short name of a country, or the code itself if the catalogue does not know it. */
export const countryNameEs = (code: string): string => {
  const parsed = parseCountryCode(code);
  return parsed.ok ? getCountry(parsed.value).nameEs : code;
};

export interface CounterpartSummary {
  readonly key: string;
  readonly kind: CounterpartKind;
  readonly name: string;
  readonly country: string | undefined;
  readonly countryNameEs: string | undefined;
  readonly subdivision: string | undefined;
  readonly agreementCount: number;
}

const summary = (entry: CounterpartEntry): CounterpartSummary => ({
  key: entry.key,
  kind: entry.kind,
  name: entry.name,
  country: entry.country,
  countryNameEs: entry.country === undefined ? undefined : countryNameEs(entry.country),
  subdivision: entry.subdivision,
  agreementCount: entry.agreements.size,
});

export const getCounterpart = (model: CounterpartsModel, key: string): CounterpartEntry | undefined => model.counterparts.get(key);

export interface CounterpartFilter {
  readonly countries?: readonly string[];
  readonly kinds?: readonly CounterpartKind[];
  /** Words of the name, case and accents ignored; each must start a word of the name. */
  readonly text?: string;
  /** A Mexican party (INEGI code): counterparts of its agreements; a state matches its municipalities too. */
  readonly partyCode?: string;
}

const partyMatches = (entry: CounterpartEntry, code: string): boolean => {
  for (const parties of entry.agreements.values()) {
    for (const party of parties) if (party === code || (code.length === 2 && party.startsWith(code))) return true;
  }
  return false;
};

/** Counterparts matching the filter, by name (case and accents ignored), then key. */
export const searchCounterparts = (
  model: CounterpartsModel,
  filter: CounterpartFilter,
  page: PageRequest = {},
  limits?: PageLimits,
): Page<CounterpartSummary> => {
  let candidates: Iterable<CounterpartEntry>;
  if (filter.countries !== undefined && filter.countries.length > 0) {
    const entries: CounterpartEntry[] = [];
    for (const country of new Set(filter.countries)) {
      for (const key of model.countries.get(country)?.counterpartKeys ?? []) {
        const entry = model.counterparts.get(key);
        if (entry !== undefined) entries.push(entry);
      }
    }
    candidates = entries;
  } else {
    candidates = model.counterparts.values();
  }
  const kinds = filter.kinds !== undefined && filter.kinds.length > 0 ? new Set<string>(filter.kinds) : undefined;
  const tokens = filter.text === undefined ? [] : searchKey(filter.text).split(' ').filter((token) => token.length > 0).map((token) => ` ${token}`);
  const found: { readonly name: string; readonly entry: CounterpartEntry }[] = [];
  for (const entry of candidates) {
    if (kinds !== undefined && !kinds.has(entry.kind)) continue;
    const name = entry.nameKey;
    if (tokens.some((token) => !name.includes(token))) continue;
    if (filter.partyCode !== undefined && !partyMatches(entry, filter.partyCode)) continue;
    found.push({ name, entry });
  }
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0));
  return paginate(found.map(({ entry }) => summary(entry)), page, limits);
};

export interface CounterpartAgreement {
  readonly agreementId: AgreementId;
  /** INEGI codes of the Mexican parties. */
  readonly partyCodes: readonly string[];
}

/** The agreements naming a counterpart, with their Mexican parties, by agreement id. */
export const agreementsWithCounterpart = (model: CounterpartsModel, key: string): readonly CounterpartAgreement[] => {
  const entry = model.counterparts.get(key);
  if (entry === undefined) return [];
  return [...entry.agreements]
    .map(([agreementId, partyCodes]) => ({ agreementId, partyCodes }))
    .sort((a, b) => (a.agreementId < b.agreementId ? -1 : a.agreementId > b.agreementId ? 1 : 0));
};

export interface CountrySummary {
  readonly country: string;
  readonly nameEs: string;
  readonly agreementCount: number;
  readonly counterpartCount: number;
}

/** Countries with at least one counterpart, most agreements first, then by code. */
export const counterpartCountries = (model: CounterpartsModel): readonly CountrySummary[] =>
  [...model.countries.values()]
    .map((entry) => ({ country: entry.country, nameEs: countryNameEs(entry.country), agreementCount: entry.agreementIds.size, counterpartCount: entry.counterpartKeys.size }))
    .sort((a, b) => b.agreementCount - a.agreementCount || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));

export interface CountryDetail extends CountrySummary {
  readonly agreementIds: readonly AgreementId[];
  readonly counterparts: readonly CounterpartSummary[];
  /** Mexican states with agreements with the country (a municipality counts for its state). */
  readonly byState: readonly CountEntry[];
  /** Mexican parties (states and municipalities) with agreements with the country. */
  readonly byParty: readonly CountEntry[];
}

export const countryDetail = (model: CounterpartsModel, country: string): CountryDetail | undefined => {
  const entry = model.countries.get(country);
  if (entry === undefined) return undefined;
  const byState = new Tally();
  const byParty = new Tally();
  const counted = new Set<AgreementId>();
  const counterparts: CounterpartSummary[] = [];
  for (const key of entry.counterpartKeys) {
    const counterpart = model.counterparts.get(key);
    if (counterpart === undefined) continue;
    counterparts.push(summary(counterpart));
    // Every agreement with the country names one of its counterparts, with its parties (not
    // `links`, which the model holds as bytes); one naming several is counted once.
    for (const [id, partyCodes] of counterpart.agreements) {
      if (counted.has(id)) continue;
      counted.add(id);
      for (const state of new Set(partyCodes.map((code) => code.slice(0, 2)))) byState.add(state);
      for (const code of new Set(partyCodes)) byParty.add(code);
    }
  }
  counterparts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    country: entry.country,
    nameEs: countryNameEs(entry.country),
    agreementCount: entry.agreementIds.size,
    counterpartCount: entry.counterpartKeys.size,
    agreementIds: [...entry.agreementIds].sort(),
    counterparts,
    byState: byState.byKey(),
    byParty: byParty.byKey(),
  };
};
