import type { PolicyVersion } from '../../policy/policyTypes';
import type { Instant, LegalDate } from '../../shared/time';
import type { AgreementEnd } from '../agreementEnd';
import { knownAt, type AuditAgreement, type AuditModel, type DatedFact, type FactSource, type OpinionFact } from '../auditModel';
import { legalDayStart, maxInstant } from '../dates';
import type { AuditRuleDescription, LocalisedText } from '../types';

/**
 * What a rule sees of one agreement. Everything is computed once per agreement and evaluation.
 * There is no "today": a rule states every finding the facts raise, dated, and the evaluator
 * leaves out those after the day asked about (`findingsOnDay`). That is what lets a finding
 * judged once be kept until the facts change (see JudgedFindings).
 */
export interface RuleContext {
  readonly model: AuditModel;
  readonly agreement: AuditAgreement;
  /** The version judged against (see AuditFinding.policyVersion); undefined when none was in force. */
  readonly policy: PolicyVersion | undefined;
  readonly end: AgreementEnd;
  /**
   * Shared by every agreement of one evaluation, for work that spans agreements (the twinning
   * groups): computed once per evaluation instead of once per member.
   */
  readonly evaluationCache: Map<string, unknown>;
}

export interface Resolution {
  readonly on: LegalDate;
  /** The resolving fact; null when time passing resolved it (an expiry). */
  readonly by: FactSource | null;
}

/** A finding as a rule states it; the evaluator adds what is common to every rule. */
export interface FindingDraft {
  /** Distinguishes several findings of one rule on one agreement (a milestone id, a date). */
  readonly occurrence: string | null;
  readonly raisedOn: LegalDate;
  readonly raisedAt: Instant | null;
  readonly evidence: readonly FactSource[];
  readonly resolution: Resolution | null;
  readonly explanation: LocalisedText;
  readonly relatedAgreementIds?: readonly string[];
}

export interface AuditRule extends AuditRuleDescription {
  readonly evaluate: (context: RuleContext) => readonly FindingDraft[];
}

export const NO_FINDINGS: readonly FindingDraft[] = [];

/** When a condition made true by recorded facts appeared: once the last of them was recorded. */
export const knownAtOf = (facts: readonly FactSource[]): Instant => {
  let known = knownAt(facts[0]!);
  for (let index = 1; index < facts.length; index++) known = maxInstant(known, knownAt(facts[index]!));
  return known;
};

/**
 * For a condition raised by a deadline passing: null when every fact behind it was recorded before
 * the day it began (the calendar raised it), otherwise the instant the last of them was recorded
 * (the registry learned of it late, and the finding appeared with that event).
 */
export const raisedByTime = (raisedOn: LegalDate, facts: readonly FactSource[], dating: readonly FactSource[] = []): Instant | null => {
  const known = knownAtWithRedating(facts, dating);
  return known >= legalDayStart(raisedOn) ? known : null;
};

/**
 * `knownAt` of the facts behind a condition, and of the latest correction that moved the date of
 * a fact whose date it depends on (`dating`: a registration moved past the deadline, a milestone
 * moved out of the period, an opinion moved after the signature): the registry could not have
 * raised the condition before that correction was recorded. A correction that left the date as it
 * was (a registry number fixed) changes nothing here.
 */
export const knownAtWithRedating = (facts: readonly FactSource[], dating: readonly FactSource[]): Instant => {
  let known = knownAtOf(facts);
  for (const fact of dating) if (fact.redatedAt !== null) known = maxInstant(known, fact.redatedAt);
  return known;
};

/**
 * The first favourable opinion (with or without observations) dated after `date`: an ex-post
 * dictamen that regularises a signature made without one or against one.
 */
export const favourableOpinionAfter = (opinions: readonly OpinionFact[], date: LegalDate): OpinionFact | null => {
  let found: OpinionFact | null = null;
  for (const opinion of opinions) {
    if (opinion.outcome !== 'unfavourable' && opinion.on > date && (found === null || opinion.on < found.on)) found = opinion;
  }
  return found;
};

/** The earliest of dated facts (the first recorded wins a tie). */
export const earliest = <T extends DatedFact>(facts: readonly T[]): T | null => {
  let found: T | null = null;
  for (const fact of facts) if (found === null || fact.on < found.on) found = fact;
  return found;
};
