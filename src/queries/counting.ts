import type { AgreementView } from '../../projections/agreements';

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
