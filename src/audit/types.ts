import type { Instant, LegalDate } from '../shared/time';

export const SEVERITIES = ['legal-breach', 'policy-misalignment', 'data-quality'] as const;
/**
 * legal-breach: the facts, as recorded, contradict the law (LCT, Constitution art. 117);
 * policy-misalignment: lawful, but not what the federal policy in force asks for;
 * data-quality: the record itself is suspicious and someone should check it.
 */
export type Severity = (typeof SEVERITIES)[number];

export const AUDIT_RULE_CODES = [
  'SIGNED_WITHOUT_OPINION',
  'SIGNED_AFTER_UNFAVOURABLE_OPINION',
  'OPINION_AFTER_SIGNATURE',
  'REGISTRATION_OVERDUE',
  'PRIVATE_COUNTERPART',
  'STATE_TREATY_WITH_SOVEREIGN',
  'FOREIGN_CURRENCY_BORROWING',
  'OUTSIDE_POWERS',
  'NOT_ALIGNED_WITH_PRIORITIES',
  'DORMANT',
  'MILESTONE_AFTER_END',
  'DUPLICATE_TWINNING',
  'DECLARATORY_ONLY',
  'EXPIRED_STILL_ACTIVE',
] as const;
/** Stable codes: stored by clients, filtered on in queries, never renamed. */
export type AuditRuleCode = (typeof AUDIT_RULE_CODES)[number];

export interface LocalisedText {
  readonly es: string;
  readonly en: string;
}

/** What a rule is, independently of any agreement: for documentation, filters and the UI. */
export interface AuditRuleDescription {
  readonly code: AuditRuleCode;
  readonly severity: Severity;
  /**
   * True when the rule infers a breach from signals (kinds, themes, words) rather than reading
   * it off the facts: its findings ask for a lawyer's review, they do not establish a breach.
   */
  readonly heuristic: boolean;
  /** Whether the passage of time alone can raise or resolve it (then `raisedAt` may be null). */
  readonly timeDependent: boolean;
  readonly title: LocalisedText;
  /** Legal or policy basis, cited as the registry's users cite it. */
  readonly basis: string;
}

export interface AuditFinding {
  /** Stable across rebuilds and evaluations: `agreementId:RULE_CODE[:occurrence]`. */
  readonly findingId: string;
  readonly ruleCode: AuditRuleCode;
  readonly severity: Severity;
  readonly heuristic: boolean;
  readonly agreementId: string;
  readonly explanation: LocalisedText;
  /** Ids of the events the finding rests on, corrections included, in stream order per fact. */
  readonly evidence: readonly string[];
  /** Other agreements involved (the earlier twinnings a duplicate repeats); empty otherwise. */
  readonly relatedAgreementIds: readonly string[];
  /**
   * The policy version judged against: the one in force on the signature date, or, for an
   * agreement not (yet) signed, on its opening date. Null when no version was in force then.
   */
  readonly policyVersion: number | null;
  /** First legal date on which the condition held. */
  readonly raisedOn: LegalDate;
  /**
   * When the registry could first have raised it: the recorded instant of the latest evidence
   * event; null when it was raised by the calendar reaching `raisedOn` after all its evidence was
   * already recorded.
   */
  readonly raisedAt: Instant | null;
  /** First legal date on which the condition no longer held; null while it still holds. */
  readonly resolvedOn: LegalDate | null;
  /** Recorded instant of the resolving event; null when unresolved or resolved by time passing. */
  readonly resolvedAt: Instant | null;
  /** Ids of the events that resolved it (empty when unresolved or resolved by time passing). */
  readonly resolvedBy: readonly string[];
}
