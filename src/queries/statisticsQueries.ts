import { AGREEMENT_STATUSES, NO_DAY, agreementStatusAt, dayNumber, type AgreementsModel } from '../../projections/agreements';
import { AGREEMENT_KINDS } from '../agreements/agreementTypes';
import type { LegalDate } from '../shared/time';
import { scanOf } from './agreementColumns';
import { FacetCounts, Tally, regionIndexesAt, regionLookup, yearOfDay, type CountEntry, type RegionDefinition } from './counting';

export interface StatisticsContext {
  readonly today: LegalDate;
  readonly regions: readonly RegionDefinition[];
}

export interface RegistryStatistics {
  readonly asOf: LegalDate;
  /** Position of the last event the figures include. */
  readonly lastPosition: bigint;
  readonly total: number;
  readonly signed: number;
  /** A municipality's agreements count for its state; an agreement of two states counts in each. */
  readonly byState: readonly CountEntry[];
  /** Every priority region; an agreement counts once in each region it has a counterpart in. */
  readonly byRegion: readonly CountEntry[];
  readonly withoutPriorityRegion: number;
  readonly byTheme: readonly CountEntry[];
  readonly byKind: readonly CountEntry[];
  readonly byStatus: readonly CountEntry[];
  /** Year of signature; unsigned agreements are left out. */
  readonly bySignatureYear: readonly CountEntry[];
  readonly byOpeningYear: readonly CountEntry[];
}

const yearCounts = (years: ReadonlyMap<number, number>): CountEntry[] =>
  [...years].sort(([a], [b]) => a - b).map(([year, count]) => ({ key: String(year).padStart(4, '0'), count }));

const computeStatistics = (model: AgreementsModel, context: StatisticsContext): RegistryStatistics => {
  // Every figure is counted in one scan over the columns, which for a reader's restricted model
  // skips the ordinals it hides (its indexes would have to be filtered agreement by agreement).
  const { columns, visible } = scanOf(model);
  const lookup = regionLookup(context.regions);
  const todayDay = dayNumber(context.today);
  // Counted in arrays and maps of numbers during the scan, named at the end.
  const statusCounts = new Map<string, number>();
  const kindCounts = new Int32Array(AGREEMENT_KINDS.length);
  const facets = new FacetCounts();
  let total = 0;
  const regionCounts = new Int32Array(lookup.ids.length);
  const signatureYears = new Map<number, number>();
  const openingYears = new Map<number, number>();
  let signed = 0;
  let withoutRegion = 0;
  for (let ordinal = 0; ordinal < columns.views.length; ordinal += 1) {
    if (visible !== undefined && visible[ordinal] !== 1) continue;
    total += 1;
    const kind = columns.kind[ordinal] as number;
    kindCounts[kind] = (kindCounts[kind] ?? 0) + 1;
    facets.add(columns, ordinal);
    const status = agreementStatusAt(columns, ordinal, context.today, todayDay);
    statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
    const signedDay = columns.signedDay[ordinal] as number;
    if (signedDay !== NO_DAY) {
      signed += 1;
      const year = yearOfDay(signedDay);
      signatureYears.set(year, (signatureYears.get(year) ?? 0) + 1);
    }
    const opened = yearOfDay(columns.openedDay[ordinal] as number);
    openingYears.set(opened, (openingYears.get(opened) ?? 0) + 1);
    const regions = regionIndexesAt(columns, ordinal, lookup);
    if (regions.length === 0) withoutRegion += 1;
    for (const region of regions) regionCounts[region] = (regionCounts[region] ?? 0) + 1;
  }
  const status = new Tally(AGREEMENT_STATUSES);
  for (const [key, count] of statusCounts) status.add(key, count);
  const kind = new Tally(AGREEMENT_KINDS);
  kindCounts.forEach((count, index) => kind.add(AGREEMENT_KINDS[index] as string, count));
  return {
    asOf: context.today,
    lastPosition: model.lastPosition,
    total,
    signed,
    byState: facets.byState(),
    byRegion: lookup.ids.map((key, index) => ({ key, count: regionCounts[index] ?? 0 })),
    withoutPriorityRegion: withoutRegion,
    byTheme: facets.byTheme(),
    byKind: kind.inOrder(),
    byStatus: status.inOrder(),
    bySignatureYear: yearCounts(signatureYears),
    byOpeningYear: yearCounts(openingYears),
  };
};

// Dashboards ask the same question many times between two events: keep the last answer per model.
const lastAnswer = new WeakMap<
  AgreementsModel,
  { readonly position: bigint; readonly today: LegalDate; readonly regions: readonly RegionDefinition[]; readonly statistics: RegistryStatistics }
>();

/** Counts over the whole registry on `today`; recomputed only when the model or the question changed. */
export const registryStatistics = (model: AgreementsModel, context: StatisticsContext): RegistryStatistics => {
  const last = lastAnswer.get(model);
  if (last !== undefined && last.position === model.lastPosition && last.today === context.today && last.regions === context.regions) {
    return last.statistics;
  }
  const statistics = computeStatistics(model, context);
  lastAnswer.set(model, { position: model.lastPosition, today: context.today, regions: context.regions, statistics });
  return statistics;
};
