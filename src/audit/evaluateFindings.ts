import { policyVersionInForceOn, type PolicyModel, type PolicyVersionRecord } from '../../projections/policy';
import type { LegalDate } from '../shared/time';
import { agreementEnd } from './agreementEnd';
import { knownAt, type AuditAgreement, type AuditModel, type FactSource } from './auditModel';
import { dayNumber } from '../shared/calendarArithmetic';
import { DayFindings } from './dayFindings';
import { judgedFindingsOf, lentJudgedFindingsOf, NOT_RESOLVED, type JudgedFindings, type JudgementStamps } from './judgedFindings';
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
import { findingsOnDay } from './findingsOnDay';
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
// 2: SIGNED_WITHOUT_OPINION wants an opinion on the text last submitted before the signature.
// 3: DORMANT not raised when a termination takes effect the day it would begin; a Mexican
// counterpart aligns with no priority region; DUPLICATE_TWINNING's text names no agreement ids;
// raisedAt of REGISTRATION_OVERDUE, DORMANT and SIGNED_WITHOUT_OPINION counts the corrections that
// brought them about.
export const AUDIT_RULES_VERSION = 3;

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
 * Which of `judgements` (the model's own, then those lent to it) holds what judging the agreement
 * at `sequence` gives: the first still valid, or the model's own after judging it again and
 * keeping the result.
 */
const judgementOf = (
  model: AuditModel,
  policyModel: PolicyModel,
  judgements: readonly JudgedFindings[],
  sequence: number,
  stamps: JudgementStamps,
  evaluationCache: Map<string, unknown>,
): number => {
  for (let source = 0; source < judgements.length; source += 1) if ((judgements[source] as JudgedFindings).isValid(sequence, stamps, policyModel)) return source;
  const agreement = model.records.get(sequence);
  const judgedOn = judgingDate(agreement);
  const policy = policyVersionInForceOn(policyModel, judgedOn);
  (judgements[0] as JudgedFindings).set(sequence, stamps, judgedOn, policy, judgeAgreement(model, policy, agreement, evaluationCache));
  return 0;
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
  const judgements = [judged, ...lentJudgedFindingsOf(model)];
  const evaluationCache = new Map<string, unknown>();
  for (let sequence = 0; sequence < model.records.length; sequence += 1) {
    const stamps = judgementStampsOf(model, sequence);
    if (judged.isValid(sequence, stamps, model.policy)) continue;
    try {
      judgementOf(model, model.policy, judgements, sequence, stamps, evaluationCache);
    } catch {
      // Left unjudged (see above).
    }
  }
  return judged;
};

export type FindingsEvaluator = (model: AuditModel, policyModel: PolicyModel, today: LegalDate) => DayFindings;

/** Days whose findings are kept: today, and one other day being looked at. */
const CACHED_DAYS = 2;

/**
 * `evaluateFindings` with memory, for a service that answers many queries between events, as
 * columns (DayFindings) read off the judgements kept with the model (JudgedFindings) or lent to
 * it: no finding is built until asked for. It remembers which judgement was valid for each
 * agreement at the stamps it last saw, so that after an event only the agreements that changed (or
 * whose twinning group did) are checked, or judged, again; a new policy version checks them all.
 * The whole answer for a day is reused while nothing changed at all. Bound to one pair of models:
 * given others (a rebuild, a restored snapshot), it starts afresh.
 */
export const createFindingsEvaluator = (): FindingsEvaluator => {
  let boundModel: AuditModel | null = null;
  let boundPolicy: PolicyModel | null = null;
  // Which judgement was valid for each agreement (an index into `judgements`), at which stamps.
  let checked: { readonly policyPosition: bigint; readonly judgements: readonly JudgedFindings[]; changedAt: number[]; pairsChangedAt: number[]; sources: number[] } | null = null;
  const days = new Map<LegalDate, DayFindings>();
  return (model, policyModel, today) => {
    if (model !== boundModel || policyModel !== boundPolicy) {
      boundModel = model;
      boundPolicy = policyModel;
      days.clear();
      checked = null;
    }
    const cached = days.get(today);
    days.delete(today);
    if (cached !== undefined && cached.isCurrent()) {
      // Most recently used last, so the first key is the one to evict.
      days.set(today, cached);
      return cached;
    }
    const judged = judgedFindingsOf(model);
    const lent = lentJudgedFindingsOf(model);
    if (checked === null || checked.policyPosition !== policyModel.position || checked.judgements[0] !== judged || !sameItems(checked.judgements.slice(1), lent)) {
      checked = { policyPosition: policyModel.position, judgements: [judged, ...lent], changedAt: [], pairsChangedAt: [], sources: [] };
    }
    const checkedAt = checked;
    const { judgements } = checkedAt;
    const evaluationCache = new Map<string, unknown>();
    const todayNumber = dayNumber(today);
    const columns = { sequences: [] as number[], sources: [] as number[], places: [] as number[], rules: [] as number[], raisedOn: [] as number[], open: [] as number[] };
    for (let sequence = 0; sequence < model.records.length; sequence += 1) {
      // Stamps are read off the model's columns: an agreement is decoded only to be judged again.
      const stamps = judgementStampsOf(model, sequence);
      let source = checkedAt.sources[sequence];
      if (source === undefined || checkedAt.changedAt[sequence] !== stamps.changedAt || checkedAt.pairsChangedAt[sequence] !== stamps.pairsChangedAt) {
        source = judgementOf(model, policyModel, judgements, sequence, stamps, evaluationCache);
        checkedAt.sources[sequence] = source;
        checkedAt.changedAt[sequence] = stamps.changedAt;
        checkedAt.pairsChangedAt[sequence] = stamps.pairsChangedAt;
      }
      // What findingsOnDay keeps, read off the summaries.
      const { columns: summaries, start, end } = (judgements[source] as JudgedFindings).summaryOf(sequence);
      for (let at = start; at < end; at += 1) {
        const raisedOn = summaries.raisedOn[at] as number;
        if (raisedOn > todayNumber) continue;
        const resolvedOn = summaries.resolvedOn[at] as number;
        columns.sequences.push(sequence);
        columns.sources.push(source);
        columns.places.push(at - start);
        columns.rules.push(summaries.rules[at] as number);
        columns.raisedOn.push(raisedOn);
        columns.open.push(resolvedOn === NOT_RESOLVED || resolvedOn > todayNumber ? 1 : 0);
      }
    }
    const findings = new DayFindings(today, model, policyModel, agreementIdsOf(model), judgements, columns);
    days.set(today, findings);
    if (days.size > CACHED_DAYS) days.delete(days.keys().next().value!);
    return findings;
  };
};

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((item, index) => item === b[index]);

// Sequences only grow (agreements are never removed), so the ids are extended, not read again.
const agreementIds = new WeakMap<AuditModel, string[]>();

/** The model's agreement ids by sequence. */
const agreementIdsOf = (model: AuditModel): readonly string[] => {
  let ids = agreementIds.get(model);
  if (ids === undefined) agreementIds.set(model, (ids = []));
  if (ids.length < model.sequences.size) {
    let sequence = 0;
    for (const id of model.sequences.keys()) if (sequence++ >= ids.length) ids.push(id);
  }
  return ids;
};
