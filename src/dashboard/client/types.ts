/** The GraphQL enums and result shapes the dashboard reads (see schema/*.graphql). No DOM here. */

export type AgreementKind = 'TWINNING' | 'COOPERATION_AGREEMENT' | 'MEMORANDUM_OF_UNDERSTANDING' | 'LETTER_OF_INTENT' | 'DECLARATORY_TWINNING';
export type AgreementStatus =
  | 'DRAFT'
  | 'UNDER_SRE_REVIEW'
  | 'OPINION_ISSUED'
  | 'DECLARATORY'
  | 'SIGNED'
  | 'REGISTERED'
  | 'IN_FORCE'
  | 'SUSPENDED'
  | 'EXPIRED'
  | 'TERMINATED';
export type Severity = 'LEGAL_BREACH' | 'POLICY_MISALIGNMENT' | 'DATA_QUALITY';
export type CounterpartKind = 'FOREIGN_NATIONAL_GOVERNMENT' | 'FOREIGN_SUBNATIONAL_GOVERNMENT' | 'FOREIGN_LOCAL_GOVERNMENT' | 'INTERNATIONAL_ORGANISATION' | 'PRIVATE';
export type OpinionOutcome = 'FAVOURABLE' | 'UNFAVOURABLE' | 'FAVOURABLE_WITH_OBSERVATIONS';
export type ForceMode = 'IN_FORCE' | 'PROVISIONAL_APPLICATION';
export type MilestoneKind = 'VISIT' | 'EXCHANGE' | 'PROJECT' | 'TRAINING' | 'TECHNICAL_ASSISTANCE' | 'REPORT' | 'EVENT' | 'OTHER';
export type ProgressLevel = 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED';
export type PartyLevel = 'STATE' | 'MUNICIPALITY';
export type TerminationCause = 'DENOUNCED' | 'MUTUAL_CONSENT' | 'OTHER';
export type ApprovalBody = 'MUNICIPAL_COUNCIL' | 'STATE_CONGRESS';
export type VisibilityScope = 'ALL' | 'PUBLISHED' | 'PUBLISHED_AND_OWN';

/** A count under a key of a breakdown (`Count`). */
export interface Count {
  readonly key: string;
  readonly label: string | null;
  readonly count: number;
}

export interface RegistryStatistics {
  readonly asOf: string;
  readonly position: string | null;
  readonly scope: VisibilityScope;
  readonly total: number;
  readonly signed: number;
  readonly byState: readonly Count[];
  readonly byRegion: readonly Count[];
  readonly withoutPriorityRegion: number;
  readonly byTheme: readonly Count[];
  readonly byKind: readonly { readonly kind: AgreementKind; readonly count: number }[];
  readonly byStatus: readonly { readonly status: AgreementStatus; readonly count: number }[];
  readonly bySignatureYear: readonly Count[];
}

/** The caller as the API sees them (`whoAmI`). */
export interface Viewer {
  readonly id: string;
  readonly role: string;
  readonly entities: readonly string[];
}

/** One live event (`RegistryEventNotice`). */
export interface RegistryEventNotice {
  readonly cursor: string;
  readonly eventId: string;
  readonly type: string;
  readonly agreementId: string | null;
  readonly entityCode: string | null;
  readonly validAt: string | null;
  readonly recordedAt: string;
  readonly actorRole: string;
  readonly actorId: string | null;
}
