import {
  AGREEMENT_STATUSES,
  agreementStatus,
  type AgreementView,
  type AgreementsModel,
} from '../../projections/agreements';
import type { EntitiesModel, MembershipView, ObjectiveProgressView, PastMembershipView } from '../../projections/entities';
import { AGREEMENT_KINDS, type AgreementId } from '../agreements/agreementTypes';
import { STRATEGY_OBJECTIVE_IDS, type StrategyObjectiveId } from '../policy/policyTypes';
import type { LegalDate } from '../shared/time';
import { Tally, regionsByCountry, regionsOfAgreement, type CountEntry, type RegionDefinition } from './counting';

export interface PortfolioContext {
  readonly today: LegalDate;
  /** Priority regions of the policy version the caller judges by. */
  readonly regions: readonly RegionDefinition[];
}

export interface EntityPortfolio {
  readonly code: string;
  readonly level: 'state' | 'municipality';
  /**
   * True for a state: its counts include the agreements of its municipalities (the state need not
   * be a party to them). `ownAgreementCount` counts those where the state itself is a party.
   */
  readonly includesMunicipalities: boolean;
  readonly agreementCount: number;
  readonly ownAgreementCount: number;
  /** For a state, agreements of its municipalities (one signed by both counts in both). */
  readonly municipalAgreementCount: number;
  /** Every status, in lifecycle order, on `today`. */
  readonly byStatus: readonly CountEntry[];
  /** Every kind, zeros included. */
  readonly byKind: readonly CountEntry[];
  /** Every priority region (an agreement counts once in each region it has a counterpart in). */
  readonly byRegion: readonly CountEntry[];
  readonly withoutPriorityRegion: number;
  readonly byTheme: readonly CountEntry[];
  /** The six objectives of the national strategy, in order; `progress` is undefined if never recorded. */
  readonly objectives: readonly { readonly objective: StrategyObjectiveId; readonly progress: ObjectiveProgressView | undefined }[];
  readonly networks: { readonly current: readonly MembershipView[]; readonly past: readonly PastMembershipView[] };
  /** Whether any entity-profile event was recorded for the entity. */
  readonly hasProfile: boolean;
}

const NO_IDS: ReadonlySet<AgreementId> = new Set();

/** The agreements where the entity is a party; a state's include its municipalities'. */
export const agreementsOfEntity = (model: AgreementsModel, code: string): readonly AgreementView[] => {
  const ids = (code.length === 2 ? model.byState.get(code) : model.byMunicipality.get(code)) ?? NO_IDS;
  const views: AgreementView[] = [];
  for (const id of ids) {
    const view = model.agreements.get(id);
    if (view !== undefined) views.push(view);
  }
  return views;
};

/** An entity's portfolio of agreements with its strategy objectives and city networks. */
export const entityPortfolio = (agreements: AgreementsModel, entities: EntitiesModel, code: string, context: PortfolioContext): EntityPortfolio => {
  const level = code.length === 2 ? 'state' : 'municipality';
  const views = agreementsOfEntity(agreements, code);
  const byCountry = regionsByCountry(context.regions);
  const status = new Tally(AGREEMENT_STATUSES);
  const kind = new Tally(AGREEMENT_KINDS);
  const region = new Tally(context.regions.map((r) => r.id));
  const theme = new Tally();
  let own = 0;
  let municipal = 0;
  let withoutRegion = 0;
  for (const view of views) {
    status.add(agreementStatus(view, context.today));
    kind.add(view.kind);
    for (const t of view.themes) theme.add(t);
    const regions = regionsOfAgreement(view, byCountry);
    if (regions.length === 0) withoutRegion += 1;
    for (const r of regions) region.add(r);
    if (view.parties.some((party) => party.code === code)) own += 1;
    if (level === 'state' && view.parties.some((party) => party.level === 'municipality' && party.stateCode === code)) municipal += 1;
  }
  const entity = entities.entities.get(code);
  return {
    code,
    level,
    includesMunicipalities: level === 'state',
    agreementCount: views.length,
    ownAgreementCount: own,
    municipalAgreementCount: municipal,
    byStatus: status.inOrder(),
    byKind: kind.inOrder(),
    byRegion: region.inOrder(),
    withoutPriorityRegion: withoutRegion,
    byTheme: theme.byKey(),
    objectives: STRATEGY_OBJECTIVE_IDS.map((objective) => ({ objective, progress: entity?.objectives.get(objective) })),
    networks: { current: entity?.memberships ?? [], past: entity?.pastMemberships ?? [] },
    hasProfile: entity !== undefined,
  };
};
