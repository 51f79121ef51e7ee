import { AGREEMENT_STATUSES } from '../../../projections/agreements';
import {
  AGREEMENT_KINDS,
  APPROVAL_BODIES,
  COUNTERPART_KINDS,
  FORCE_MODES,
  MILESTONE_KINDS,
  OPINION_OUTCOMES,
  PRIVATE_SECTORS,
  RENEWAL_MODES,
  TERMINATION_CAUSES,
} from '../../agreements/agreementTypes';
import { AUDIT_RULE_CODES, SEVERITIES } from '../../audit/types';
import { PROGRESS_LEVELS } from '../../entities/entityProfileTypes';
import { STRATEGY_OBJECTIVE_IDS } from '../../policy/policyTypes';

/** The GraphQL name of a domain value: `under-sre-review` is `UNDER_SRE_REVIEW`. */
export const graphqlEnumName = (value: string): string => value.toUpperCase().replace(/-/g, '_');

/**
 * GraphQL enums whose internal values are the domain's own: resolvers return and receive domain
 * strings unchanged, and the schema can never drift from the domain's `as const` lists (a value
 * missing from the SDL fails schema construction).
 */
const enumOf = <Value extends string>(values: readonly Value[]): Readonly<Record<string, Value>> =>
  Object.fromEntries(values.map((value) => [graphqlEnumName(value), value]));

export const DOMAIN_ENUMS = {
  AgreementKind: AGREEMENT_KINDS,
  AgreementStatus: AGREEMENT_STATUSES,
  CounterpartKind: COUNTERPART_KINDS,
  PrivateSector: PRIVATE_SECTORS,
  OpinionOutcome: OPINION_OUTCOMES,
  ApprovalBody: APPROVAL_BODIES,
  ForceMode: FORCE_MODES,
  MilestoneKind: MILESTONE_KINDS,
  TerminationCause: TERMINATION_CAUSES,
  RenewalMode: RENEWAL_MODES,
  Severity: SEVERITIES,
  AuditRule: AUDIT_RULE_CODES,
  ProgressLevel: PROGRESS_LEVELS,
  StrategyObjective: STRATEGY_OBJECTIVE_IDS,
  PartyLevel: ['state', 'municipality'],
  SignatorySide: ['mexican', 'counterpart'],
} as const satisfies Record<string, readonly string[]>;

/** The two enums the domain names by field type only (PartyView.level, Signatory.side). */
export type PartyLevel = (typeof DOMAIN_ENUMS)['PartyLevel'][number];
export type SignatorySide = (typeof DOMAIN_ENUMS)['SignatorySide'][number];

type DomainEnums = typeof DOMAIN_ENUMS;

/** Typed per enum, so each list is checked against the type the generated schema types give it. */
export const enumResolvers = Object.fromEntries(Object.entries(DOMAIN_ENUMS).map(([name, values]) => [name, enumOf(values)])) as {
  readonly [Name in keyof DomainEnums]: Readonly<Record<string, DomainEnums[Name][number]>>;
};
