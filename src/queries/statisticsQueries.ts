import { AGREEMENT_STATUSES, agreementStatus, type AgreementsModel } from '../../projections/agreements';
import { AGREEMENT_KINDS } from '../agreements/agreementTypes';
import type { LegalDate } from '../shared/time';
import { Tally, regionsByCountry, regionsOfAgreement, type CountEntry, type RegionDefinition } from './counting';

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

const sizes = (index: ReadonlyMap<string | number, ReadonlySet<unknown>>): CountEntry[] =>
  [...index]
    .map(([key, ids]) => ({ key: String(key), count: ids.size }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

const computeStatistics = (model: AgreementsModel, context: StatisticsContext): RegistryStatistics => {
  const status = new Tally(AGREEMENT_STATUSES);
  const region = new Tally(context.regions.map((r) => r.id));
  const signatureYear = new Tally();
  const openingYear = new Tally();
  const byCountry = regionsByCountry(context.regions);
  let signed = 0;
  let withoutRegion = 0;
  for (const view of model.agreements.values()) {
    status.add(agreementStatus(view, context.today));
    if (view.signature !== undefined) {
      signed += 1;
      signatureYear.add(view.signature.signedOn.slice(0, 4));
    }
    openingYear.add(view.openedOn.slice(0, 4));
    const regions = regionsOfAgreement(view, byCountry);
    if (regions.length === 0) withoutRegion += 1;
    for (const r of regions) region.add(r);
  }
  const kind = new Tally(AGREEMENT_KINDS);
  for (const [key, ids] of model.byKind) kind.add(key, ids.size);
  return {
    asOf: context.today,
    lastPosition: model.lastPosition,
    total: model.agreements.size,
    signed,
    // States, themes and kinds are counted by the projection's indexes already.
    byState: sizes(model.byState),
    byRegion: region.inOrder(),
    withoutPriorityRegion: withoutRegion,
    byTheme: sizes(model.byTheme),
    byKind: kind.inOrder(),
    byStatus: status.inOrder(),
    bySignatureYear: signatureYear.byKey(),
    byOpeningYear: openingYear.byKey(),
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
