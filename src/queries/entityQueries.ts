import { AGREEMENT_STATUSES, agreementStatusAt, dayNumber, type AgreementsModel } from '../../projections/agreements';
import type { EntitiesModel, MembershipView, ObjectiveProgressView, PastMembershipView } from '../../projections/entities';
import { AGREEMENT_KINDS, type AgreementId } from '../agreements/agreementTypes';
import { STRATEGY_OBJECTIVE_IDS, type StrategyObjectiveId } from '../policy/policyTypes';
import type { LegalDate } from '../shared/time';
import { scanOf } from './agreementColumns';
import { stateBit } from './facetBits';
import { FacetCounts, Tally, regionIndexesAt, regionLookup, type CountEntry, type RegionDefinition } from './counting';

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

/**
 * An entity's portfolio of agreements with its strategy objectives and city networks. Counted on
 * the projection's columns (views are held encoded: decoding a state's thousands would cost more
 * than the query); a view is read only for codes the columns do not hold.
 */
export const entityPortfolio = (agreements: AgreementsModel, entities: EntitiesModel, code: string, context: PortfolioContext): EntityPortfolio => {
  const level = code.length === 2 ? 'state' : 'municipality';
  // A state's index holds its municipalities' agreements too; a restricted model's, only those its reader sees.
  const ids = (level === 'state' ? agreements.byState.get(code) : agreements.byMunicipality.get(code)) ?? NO_IDS;
  const { columns } = scanOf(agreements);
  const lookup = regionLookup(context.regions);
  const todayDay = dayNumber(context.today);
  const bit = level === 'state' ? stateBit(code) : undefined;
  const status = new Tally(AGREEMENT_STATUSES);
  const kind = new Tally(AGREEMENT_KINDS);
  const region = new Tally(context.regions.map((r) => r.id));
  const facets = new FacetCounts();
  let count = 0;
  let own = 0;
  let municipal = 0;
  let withoutRegion = 0;
  for (const id of ids) {
    const ordinal = agreements.ordinals.get(id);
    if (ordinal === undefined) continue;
    count += 1;
    status.add(agreementStatusAt(columns, ordinal, context.today, todayDay));
    kind.add(AGREEMENT_KINDS[columns.kind[ordinal] as number] as string);
    facets.add(columns, ordinal);
    const regions = regionIndexesAt(columns, ordinal, lookup);
    if (regions.length === 0) withoutRegion += 1;
    for (const index of regions) region.add(lookup.ids[index] as string);
    if (level === 'municipality') {
      // Every agreement in a municipality's index names it as a party.
      own += 1;
    } else if (bit !== undefined) {
      if (((columns.stateLevelBits[ordinal] as number) & bit) !== 0) own += 1;
      if (((columns.municipalStateBits[ordinal] as number) & bit) !== 0) municipal += 1;
    } else {
      const { parties } = columns.views.get(ordinal);
      if (parties.some((party) => party.code === code)) own += 1;
      if (parties.some((party) => party.level === 'municipality' && party.stateCode === code)) municipal += 1;
    }
  }
  const entity = entities.entities.get(code);
  return {
    code,
    level,
    includesMunicipalities: level === 'state',
    agreementCount: count,
    ownAgreementCount: own,
    municipalAgreementCount: municipal,
    byStatus: status.inOrder(),
    byKind: kind.inOrder(),
    byRegion: region.inOrder(),
    withoutPriorityRegion: withoutRegion,
    byTheme: facets.byTheme(),
    objectives: STRATEGY_OBJECTIVE_IDS.map((objective) => ({ objective, progress: entity?.objectives.get(objective) })),
    networks: { current: entity?.memberships ?? [], past: entity?.pastMemberships ?? [] },
    hasProfile: entity !== undefined,
  };
};
