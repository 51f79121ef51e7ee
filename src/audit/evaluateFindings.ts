import { policyVersionInForceOn, type PolicyModel, type PolicyVersionRecord } from '../../projections/policy';
import type { LegalDate } from '../shared/time';
import { agreementEnd } from './agreementEnd';
import { knownAt, type AuditAgreement, type AuditModel, type FactSource } from './auditModel';
import { judgedFindingsOf, lentJudgedFindingsOf, type JudgedFindings, type JudgementStamps } from './judgedFindings';
import { declaratoryOnly } from './rules/declaratoryOnly';
import { dormant } from './rules/dormant';
import { duplicateTwinning } from './rules/duplicateTwinning';
import { expiredStillActive } from './rules/expiredStillActive';
import { foreignCurrencyBorrowing } from './rules/foreignCurrencyBorrowing';
import { milestoneAfterEnd } from './rules/milestoneAfterEnd';
import { notAlignedWithPriorities } from './rules/notAlignedWithPriorities';
import { opinionAfterSignature } from './rules/opinionAfterSignature';
import { outsidePowers } from './rules/outsidePowers';
import { privateCounterpart } from './rules/privateCounterpart';
import { registrationOverdue } from './rules/registrationOverdue';
import type { AuditRule, FindingDraft, RuleContext } from './rules/rule';
import { signedAfterUnfavourableOpinion } from './rules/signedAfterUnfavourableOpinion';
import { signedWithoutOpinion } from './rules/signedWithoutOpinion';
import { stateTreatyWithSovereign } from './rules/stateTreatyWithSovereign';
import type { AuditFinding, AuditRuleCode, AuditRuleDescription } from './types';

/** Every rule, in the order findings are listed for an agreement. */
export const AUDIT_RULES: readonly AuditRule[] = [
  signedWithoutOpinion,
  signedAfterUnfavourableOpinion,
  opinionAfterSignature,
  registrationOverdue,
  privateCounterpart,
  stateTreatyWithSovereign,
  foreignCurrencyBorrowing,
  outsidePowers,
  notAlignedWithPriorities,
  dormant,
  milestoneAfterEnd,
  duplicateTwinning,
  declaratoryOnly,
  expiredStillActive,
];

/**
 * The version of what the rules say. Snapshots keep each agreement's findings as judged
 * (JudgedFindings): any change to a rule's findings (a condition, a date, a text, a severity) must
 * bump this, or agreements judged before the change keep their old findings until they change.
 */
export const AUDIT_RULES_VERSION = 1;

/** The rules as data (no functions), by code: for documentation, filters and the UI. */
export const AUDIT_RULE_DESCRIPTIONS: Readonly<Record<AuditRuleCode, AuditRuleDescription>> = Object.fromEntries(
  AUDIT_RULES.map(({ evaluate: _evaluate, ...description }) => [description.code, description]),
) as Record<AuditRuleCode, AuditRuleDescription>;

/**
 * The date whose policy an agreement is judged by: the signature date, or, while unsigned, the
 * opening date. The opening date (not `today`) keeps an unsigned agreement's findings stable as
 * time passes and policies change: a draft is negotiated under the policy of its day, and is
 * judged again, by the policy then in force, once it is signed.
 */
export const judgingDate = (agreement: AuditAgreement): LegalDate => agreement.signature?.on ?? agreement.openedOn;

/**
 * Every finding the agreement's facts ever raised, each with its resolution, whatever the day: the
 * rules never read the day (see RuleContext), so this is what JudgedFindings keeps. Pure.
 */
export const judgeAgreement = (
  model: AuditModel,
  policy: PolicyVersionRecord | undefined,
  agreement: AuditAgreement,
  evaluationCache: Map<string, unknown> = new Map(),
): AuditFinding[] => {
  const context: RuleContext = { model, agreement, policy, end: agreementEnd(agreement), evaluationCache };
  const findings: AuditFinding[] = [];
  for (const rule of AUDIT_RULES) {
    for (const draft of rule.evaluate(context)) findings.push(toFinding(rule, agreement.agreementId, policy?.version ?? null, draft));
  }
  return findings;
};

/**
 * The findings as they stood on `today`: those raised by then, a resolution after it not yet shown.
 * Facts dated after `today` still count (the registry refuses future-dated facts, so this only
 * matters when asking about a past day): "what the audit says of the facts now recorded, as of then".
 */
export const findingsOnDay = (findings: readonly AuditFinding[], today: LegalDate): AuditFinding[] => {
  const onDay: AuditFinding[] = [];
  for (const finding of findings) {
    if (finding.raisedOn > today) continue;
    onDay.push(finding.resolvedOn !== null && finding.resolvedOn > today ? { ...finding, resolvedOn: null, resolvedAt: null, resolvedBy: NONE } : finding);
  }
  return onDay;
};

/** Findings of one agreement on `today`. Pure: the same model, policy and day give the same list. */
export const evaluateAgreementFindings = (
  model: AuditModel,
  policyModel: PolicyModel,
  agreement: AuditAgreement,
  today: LegalDate,
  evaluationCache: Map<string, unknown> = new Map(),
): AuditFinding[] =>
  findingsOnDay(judgeAgreement(model, policyVersionInForceOn(policyModel, judgingDate(agreement)), agreement, evaluationCache), today);

// Shared by the many findings that have none; frozen so that no consumer can fill them for all.
const NONE: readonly string[] = Object.freeze([]);

const toFinding = (rule: AuditRule, agreementId: string, policyVersion: number | null, draft: FindingDraft): AuditFinding => {
  const { resolution } = draft;
  return {
    findingId: draft.occurrence === null ? `${agreementId}:${rule.code}` : `${agreementId}:${rule.code}:${draft.occurrence}`,
    ruleCode: rule.code,
    severity: rule.severity,
    heuristic: rule.heuristic,
    agreementId,
    explanation: draft.explanation,
    evidence: eventIds(draft.evidence),
    relatedAgreementIds: draft.relatedAgreementIds ?? NONE,
    policyVersion,
    raisedOn: draft.raisedOn,
    raisedAt: draft.raisedAt,
    resolvedOn: resolution?.on ?? null,
    resolvedAt: resolution?.by ? knownAt(resolution.by) : null,
    resolvedBy: resolution?.by ? eventIds([resolution.by]) : NONE,
  };
};

/** Each fact's event id followed by the corrections that shaped it; a fact cited twice appears once. */
const eventIds = (facts: readonly FactSource[]): string[] => {
  const ids: string[] = [];
  for (const fact of facts) {
    if (ids.includes(fact.eventId)) continue;
    ids.push(fact.eventId);
    if (fact.correctedBy !== null) ids.push(...fact.correctedBy);
  }
  return ids;
};

/** Findings of every agreement on `today`, agreements in the order they were opened. */
export const evaluateFindings = (model: AuditModel, policyModel: PolicyModel, today: LegalDate): AuditFinding[] => {
  const findings: AuditFinding[] = [];
  const evaluationCache = new Map<string, unknown>();
  for (const agreement of model.agreements.values()) {
    for (const finding of evaluateAgreementFindings(model, policyModel, agreement, today, evaluationCache)) findings.push(finding);
  }
  return findings;
};

/** Findings of one agreement by id; an empty list for an agreement the model does not know. */
export const findingsOfAgreement = (model: AuditModel, policyModel: PolicyModel, agreementId: string, today: LegalDate): AuditFinding[] => {
  const agreement = model.agreements.get(agreementId);
  return agreement ? evaluateAgreementFindings(model, policyModel, agreement, today) : [];
};

/** The stamps of the agreement at `sequence`: its own last change, and its twinning groups'. */
export const judgementStampsOf = (model: AuditModel, sequence: number): JudgementStamps => {
  let pairsChangedAt = 0;
  for (const key of model.pairKeys[sequence] as readonly string[]) pairsChangedAt = Math.max(pairsChangedAt, model.pairChangedAt.get(key) ?? 0);
  return { changedAt: model.changedAt[sequence] as number, pairsChangedAt };
};

/**
 * `judgeAgreement` for the agreement at `sequence`, through the judgements kept with the model
 * (JudgedFindings) or lent to it: read back while still valid, otherwise judged and kept.
 */
const judgedAgreement = (model: AuditModel, policyModel: PolicyModel, sequence: number, stamps: JudgementStamps, evaluationCache: Map<string, unknown>): readonly AuditFinding[] => {
  const judged = judgedFindingsOf(model);
  if (judged.isValid(sequence, stamps, policyModel)) return judged.findingsOf(sequence);
  for (const lent of lentJudgedFindingsOf(model)) if (lent.isValid(sequence, stamps, policyModel)) return lent.findingsOf(sequence);
  const agreement = model.records.get(sequence);
  const judgedOn = judgingDate(agreement);
  const policy = policyVersionInForceOn(policyModel, judgedOn);
  const findings = judgeAgreement(model, policy, agreement, evaluationCache);
  judged.set(sequence, stamps, judgedOn, policy, findings);
  return findings;
};

/**
 * Judges every agreement whose kept judgement is no longer valid, by the model's own copy of the
 * policy, so that a snapshot carries a judgement of every agreement (see auditSnapshotCodec). An
 * agreement the rules fail on is left unjudged: nothing is lost (its stamps do not match, so the
 * next findings query judges it again, and that query reports the failure as an error), and a
 * snapshot, which has no one to report to, must not fail for it.
 */
export const judgeWhatChanged = (model: AuditModel): JudgedFindings => {
  const judged = judgedFindingsOf(model);
  const evaluationCache = new Map<string, unknown>();
  for (let sequence = 0; sequence < model.records.length; sequence += 1) {
    const stamps = judgementStampsOf(model, sequence);
    if (judged.isValid(sequence, stamps, model.policy)) continue;
    try {
      judgedAgreement(model, model.policy, sequence, stamps, evaluationCache);
    } catch {
      // Left unjudged (see above).
    }
  }
  return judged;
};

interface CachedAgreement extends JudgementStamps {
  readonly findings: readonly AuditFinding[];
}

interface DayCache {
  readonly policyPosition: bigint;
  /** By agreement sequence. */
  readonly agreements: Map<number, CachedAgreement>;
  last: { readonly changes: number; readonly findings: readonly AuditFinding[] } | null;
}

/** Days whose per-agreement results are kept: today, and one other day being looked at. */
const CACHED_DAYS = 2;

export type FindingsEvaluator = (model: AuditModel, policyModel: PolicyModel, today: LegalDate) => readonly AuditFinding[];

/**
 * `evaluateFindings` with memory, for a service that answers many queries between events. Per day
 * asked, it keeps each agreement's findings with the stamps they were computed at, and recomputes
 * only the agreements that changed since (or whose twinning group did); the whole answer is reused
 * while nothing changed at all. A new day or policy version filters again what the model's kept
 * judgements hold (JudgedFindings), judging again only the agreements whose judgement it changes.
 * Bound to one pair of models: given others (a rebuild, a restored snapshot), it starts afresh.
 */
export const createFindingsEvaluator = (): FindingsEvaluator => {
  let boundModel: AuditModel | null = null;
  let boundPolicy: PolicyModel | null = null;
  const days = new Map<LegalDate, DayCache>();
  return (model, policyModel, today) => {
    if (model !== boundModel || policyModel !== boundPolicy) {
      boundModel = model;
      boundPolicy = policyModel;
      days.clear();
    }
    let day = days.get(today);
    if (day && day.policyPosition !== policyModel.position) day = undefined;
    if (day) {
      // Most recently used last, so the first key is the one to evict.
      days.delete(today);
      days.set(today, day);
    } else {
      day = { policyPosition: policyModel.position, agreements: new Map(), last: null };
      days.set(today, day);
      if (days.size > CACHED_DAYS) days.delete(days.keys().next().value!);
    }
    if (day.last && day.last.changes === model.changes) return day.last.findings;

    const evaluationCache = new Map<string, unknown>();
    const findings: AuditFinding[] = [];
    // Stamps are read off the model's columns: an agreement is decoded only to be judged again.
    for (let sequence = 0; sequence < model.records.length; sequence += 1) {
      const stamps = judgementStampsOf(model, sequence);
      let cached = day.agreements.get(sequence);
      if (!cached || cached.changedAt !== stamps.changedAt || cached.pairsChangedAt !== stamps.pairsChangedAt) {
        cached = { ...stamps, findings: findingsOnDay(judgedAgreement(model, policyModel, sequence, stamps, evaluationCache), today) };
        day.agreements.set(sequence, cached);
      }
      for (const finding of cached.findings) findings.push(finding);
    }
    const frozen = Object.freeze(findings);
    day.last = { changes: model.changes, findings: frozen };
    return frozen;
  };
};
