import type { CountryCode, ThemeCode } from '../reference';
import type { LegalDate } from '../shared/time';

/** The federal policy is one history: every version is an event of this one stream. */
export const POLICY_STREAM = 'federal-policy';

/**
 * The six objectives of the national internationalisation strategy (seed document, 1–6). The ids
 * are stored in entity events, so they are fixed here; a policy version names them in its own
 * words, but cannot invent a seventh without a change of code (and of the entity profile).
 */
export const STRATEGY_OBJECTIVE_IDS = [
  'training',
  'multi-actor-platform',
  'priority-cooperation',
  'technical-assistance',
  'communication-strategy',
  'multilateral-participation',
] as const;
export type StrategyObjectiveId = (typeof STRATEGY_OBJECTIVE_IDS)[number];

export const isStrategyObjectiveId = (id: string): id is StrategyObjectiveId =>
  (STRATEGY_OBJECTIVE_IDS as readonly string[]).includes(id);

/**
 * A priority region as a policy version defines it. The id is a plain string, not the reference
 * RegionId: a later version may add a region the shipped catalogue never had, and the country list
 * is copied into the event so that later edits of the catalogue cannot change a past judgement.
 */
export interface PolicyRegion {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 codes of the member countries. */
  readonly countries: readonly CountryCode[];
}

export interface MultilateralAgenda {
  readonly id: string;
  readonly name: string;
}

export interface StrategyObjective {
  readonly id: StrategyObjectiveId;
  readonly name: string;
}

/**
 * The registry's deadlines. The LCT sets none in days (DOMAIN.md): they are settings of the policy,
 * so changing one is a new version, and an agreement is held to the ones in force at signature.
 */
export interface PolicyDeadlines {
  /** Days after signature within which an agreement should be registered. */
  readonly registrationAfterSignatureDays: number;
  /** Months with no cooperation milestone after which an agreement counts as dormant. */
  readonly dormancyMonths: number;
  /** Whether the SRE opinion (dictamen, LCT art. 7) must precede the signature. */
  readonly opinionBeforeSignatureRequired: boolean;
}

/** One version of the federal policy, as published (the data of PolicyVersionPublished). */
export interface PolicyVersion {
  /** 1, 2, …: assigned by the decider, never by the caller. */
  readonly version: number;
  /** First legal date on which this version applies; it may be later than its publication. */
  readonly effectiveFrom: LegalDate;
  readonly title: string;
  readonly priorityRegions: readonly PolicyRegion[];
  readonly priorityThemes: readonly ThemeCode[];
  readonly multilateralAgendas: readonly MultilateralAgenda[];
  readonly strategyObjectives: readonly StrategyObjective[];
  readonly deadlines: PolicyDeadlines;
}
