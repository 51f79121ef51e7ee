import { COLUMN_FLAGS, NO_COUNTRY, THEME_BITS, countryNumber, type AgreementColumns, type AgreementView } from '../../projections/agreements';

/** A priority region as a policy version defines it (PolicyRegion fits). */
export interface RegionDefinition {
  readonly id: string;
  readonly countries: readonly string[];
}

export interface CountEntry {
  readonly key: string;
  readonly count: number;
}

/** countriesOfRegion for agreement and timeline filters, from a policy version's regions. */
export const countriesOfRegionIn =
  (regions: readonly RegionDefinition[]) =>
  (regionId: string): readonly string[] =>
    regions.find((region) => region.id === regionId)?.countries ?? [];

const regionIndexes = new WeakMap<readonly RegionDefinition[], ReadonlyMap<string, readonly string[]>>();

/** Country → ids of the regions it belongs to, built once per regions list. */
export const regionsByCountry = (regions: readonly RegionDefinition[]): ReadonlyMap<string, readonly string[]> => {
  let index = regionIndexes.get(regions);
  if (index === undefined) {
    const built = new Map<string, string[]>();
    for (const region of regions) {
      for (const country of region.countries) {
        const ids = built.get(country) ?? [];
        if (!ids.includes(region.id)) ids.push(region.id);
        built.set(country, ids);
      }
    }
    index = built;
    regionIndexes.set(regions, index);
  }
  return index;
};

/** The regions an agreement's counterparts are in, each once. */
export const regionsOfAgreement = (view: AgreementView, byCountry: ReadonlyMap<string, readonly string[]>): readonly string[] => {
  let found: string[] | undefined;
  for (const counterpart of view.counterparts) {
    if (counterpart.country === undefined) continue;
    const regions = byCountry.get(counterpart.country);
    if (regions === undefined) continue;
    for (const region of regions) {
      found ??= [];
      if (!found.includes(region)) found.push(region);
    }
  }
  return found ?? NONE;
};
const NONE: readonly string[] = [];

/** A tally that keeps insertion order for fixed vocabularies and sorts open ones by key. */
export class Tally {
  private readonly counts = new Map<string, number>();

  constructor(vocabulary: readonly string[] = []) {
    for (const key of vocabulary) this.counts.set(key, 0);
  }

  add(key: string, count = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  /** In vocabulary order, then any other keys in order of first appearance. */
  inOrder(): CountEntry[] {
    return [...this.counts].map(([key, count]) => ({ key, count }));
  }

  /** Keys in ascending order, zeros left out. */
  byKey(): CountEntry[] {
    return [...this.counts]
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, count]) => ({ key, count }));
  }
}

/** Priority regions prepared for scans over agreement columns: region indexes per country number. */
export interface RegionLookup {
  readonly ids: readonly string[];
  readonly byCountry: ReadonlyMap<string, readonly string[]>;
  /** Indexed by countryNumber: the indexes (in `ids`) of the regions the country is in. */
  readonly indexesByCountryNumber: readonly (readonly number[])[];
}

const lookups = new WeakMap<readonly RegionDefinition[], RegionLookup>();
const NO_INDEXES: readonly number[] = [];

export const regionLookup = (regions: readonly RegionDefinition[]): RegionLookup => {
  let lookup = lookups.get(regions);
  if (lookup === undefined) {
    const ids = regions.map((region) => region.id);
    const indexesByCountryNumber: (readonly number[])[] = Array.from({ length: 26 * 26 }, () => NO_INDEXES);
    regions.forEach((region, index) => {
      for (const country of region.countries) {
        const number = countryNumber(country);
        if (number === NO_COUNTRY) continue;
        const known = indexesByCountryNumber[number] as readonly number[];
        if (!known.includes(index)) indexesByCountryNumber[number] = [...known, index];
      }
    });
    lookup = { ids, byCountry: regionsByCountry(regions), indexesByCountryNumber };
    lookups.set(regions, lookup);
  }
  return lookup;
};

/** Indexes of the regions agreement `ordinal` has a counterpart in, each once; its view is read only when it has several countries. */
export const regionIndexesAt = (columns: AgreementColumns, ordinal: number, lookup: RegionLookup): readonly number[] => {
  if (((columns.flags[ordinal] as number) & COLUMN_FLAGS.otherCountries) === 0) {
    const country = columns.country[ordinal] as number;
    return country === NO_COUNTRY ? NO_INDEXES : (lookup.indexesByCountryNumber[country] ?? NO_INDEXES);
  }
  const ids = regionsOfAgreement(columns.views.get(ordinal), lookup.byCountry);
  return ids.map((id) => lookup.ids.indexOf(id));
};

/** Year of a day number (days since 1970-01-01): dateOfDay's year, without building the date. */
export const yearOfDay = (day: number): number => {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0);
};

const STATE_CODES: readonly string[] = Array.from({ length: 32 }, (_, index) => String(index + 1).padStart(2, '0'));
const THEME_CODES: readonly (readonly [string, number])[] = [...THEME_BITS];

/**
 * States and themes of scanned agreements, counted from the columns' bit masks; the view is read
 * only for codes without a bit. An agreement counts once per state (a municipality's for its
 * state) and once per theme, as the projection's indexes count them.
 */
export class FacetCounts {
  private readonly states = new Int32Array(32);
  private readonly otherStates = new Tally();
  private readonly themes = new Map<string, number>();

  add(columns: AgreementColumns, ordinal: number): void {
    const flags = columns.flags[ordinal] as number;
    for (let bits = columns.stateBits[ordinal] as number; bits !== 0; bits &= bits - 1) {
      const state = 31 - Math.clz32(bits & -bits);
      this.states[state] = (this.states[state] ?? 0) + 1;
    }
    if ((flags & COLUMN_FLAGS.otherStates) !== 0) {
      const view = columns.views.get(ordinal);
      for (const code of new Set(view.parties.map((party) => party.stateCode))) if (!STATE_CODES.includes(code)) this.otherStates.add(code);
    }
    if ((flags & COLUMN_FLAGS.otherThemes) === 0) {
      const themeBits = columns.themeBits[ordinal] as number;
      if (themeBits === 0) return;
      for (const [code, bit] of THEME_CODES) if ((themeBits & bit) !== 0) this.themes.set(code, (this.themes.get(code) ?? 0) + 1);
    } else {
      for (const code of new Set(columns.views.get(ordinal).themes)) this.themes.set(code, (this.themes.get(code) ?? 0) + 1);
    }
  }

  /** By state code, zeros left out. */
  byState(): CountEntry[] {
    const tally = new Tally();
    this.states.forEach((count, index) => tally.add(STATE_CODES[index] as string, count));
    for (const { key, count } of this.otherStates.byKey()) tally.add(key, count);
    return tally.byKey();
  }

  /** By theme code, zeros left out. */
  byTheme(): CountEntry[] {
    const tally = new Tally();
    for (const [key, count] of this.themes) tally.add(key, count);
    return tally.byKey();
  }
}
