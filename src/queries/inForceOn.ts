import { forceModeOn, isInForceOn, type AgreementsModel } from '../../projections/agreements';
import { FORCE_MODES, type AgreementId } from '../agreements/agreementTypes';
import type { LegalDate } from '../shared/time';
import { Tally, regionsByCountry, regionsOfAgreement, type CountEntry, type RegionDefinition } from './counting';

export interface InForceReport {
  /** The legal date asked about (valid time), judged on the facts the registry holds now. */
  readonly date: LegalDate;
  readonly total: number;
  readonly agreementIds: readonly AgreementId[];
  /** In force, or only provisionally applied, on that date. */
  readonly byMode: readonly CountEntry[];
  /** A municipality's agreements count for its state. */
  readonly byState: readonly CountEntry[];
  readonly byCountry: readonly CountEntry[];
  readonly byRegion: readonly CountEntry[];
  readonly withoutPriorityRegion: number;
  readonly byTheme: readonly CountEntry[];
}

/**
 * What was in force on `date`: force or provisional application began on or before it, and on
 * that day the agreement was not terminated, past its term (unless renewed automatically) nor
 * suspended.
 */
export const inForceOn = (model: AgreementsModel, date: LegalDate, regions: readonly RegionDefinition[]): InForceReport => {
  const ids: AgreementId[] = [];
  const mode = new Tally(FORCE_MODES);
  const state = new Tally();
  const country = new Tally();
  const region = new Tally(regions.map((r) => r.id));
  const theme = new Tally();
  const byCountry = regionsByCountry(regions);
  let withoutRegion = 0;
  for (const view of model.agreements.values()) {
    if (view.forceStartedOn === undefined || view.forceStartedOn > date || !isInForceOn(view, date)) continue;
    ids.push(view.id);
    mode.add(forceModeOn(view, date));
    for (const s of new Set(view.parties.map((party) => party.stateCode))) state.add(s);
    for (const c of new Set(view.counterparts.map((counterpart) => counterpart.country))) if (c !== undefined) country.add(c);
    for (const t of view.themes) theme.add(t);
    const found = regionsOfAgreement(view, byCountry);
    if (found.length === 0) withoutRegion += 1;
    for (const r of found) region.add(r);
  }
  ids.sort();
  return {
    date,
    total: ids.length,
    agreementIds: ids,
    byMode: mode.inOrder(),
    byState: state.byKey(),
    byCountry: country.byKey(),
    byRegion: region.inOrder(),
    withoutPriorityRegion: withoutRegion,
    byTheme: theme.byKey(),
  };
};
