import type { AgreementsModel } from '../../projections/agreements';
import {
  AUDIT_RULE_CODES,
  AUDIT_RULE_DESCRIPTIONS,
  SEVERITIES,
  createFindingsEvaluator,
  type AuditFinding,
  type AuditModel,
  type AuditRuleCode,
  type FindingsEvaluator,
  type Severity,
} from '../../projections/auditFindings';
import type { PolicyModel } from '../../projections/policy';
import type { AgreementId } from '../agreements/agreementTypes';
import type { LegalDate } from '../shared/time';

/** AND across criteria, OR inside a list; absent or empty lists do not constrain. */
export interface FindingFilter {
  readonly rules?: readonly AuditRuleCode[];
  readonly severities?: readonly Severity[];
  /** A state matches findings on its own and its municipalities' agreements. */
  readonly states?: readonly string[];
  readonly agreementIds?: readonly string[];
  /** True: only open; false: only resolved. */
  readonly open?: boolean;
}

// One memoising evaluator per audit model: it recomputes only agreements that changed since the
// last question, which is what makes asking for all findings affordable between two events.
const evaluators = new WeakMap<AuditModel, FindingsEvaluator>();

/** Every finding on `day`, memoised per audit model (live and past models alike). */
export const allFindings = (audit: AuditModel, policy: PolicyModel, day: LegalDate): readonly AuditFinding[] => {
  let evaluate = evaluators.get(audit);
  if (evaluate === undefined) evaluators.set(audit, (evaluate = createFindingsEvaluator()));
  return evaluate(audit, policy, day);
};

const given = <T>(values: readonly T[] | undefined): ReadonlySet<T> | undefined => (values !== undefined && values.length > 0 ? new Set(values) : undefined);

const sorted = new WeakMap<readonly AuditFinding[], readonly AuditFinding[]>();

/** Most recently raised first, then by id: the order reviewers work in. Memoised per evaluation. */
const newestFirst = (findings: readonly AuditFinding[]): readonly AuditFinding[] => {
  let list = sorted.get(findings);
  if (list === undefined) {
    list = [...findings].sort((a, b) => (a.raisedOn !== b.raisedOn ? (a.raisedOn < b.raisedOn ? 1 : -1) : a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0));
    sorted.set(findings, list);
  }
  return list;
};

/**
 * The findings that match, newest first. `agreements` is the reader's visible model: findings on
 * agreements outside it are left out (a subnational user sees its own agreements' findings).
 */
export const selectFindings = (findings: readonly AuditFinding[], filter: FindingFilter, agreements: AgreementsModel, visible: (id: AgreementId) => boolean): AuditFinding[] => {
  const rules = given<string>(filter.rules);
  const severities = given<string>(filter.severities);
  const states = given(filter.states);
  const ids = given(filter.agreementIds);
  // A municipality's agreements are filed under its state too (see AgreementsModel.byState).
  const inStates = states === undefined ? undefined : [...states].map((state) => agreements.byState.get(state)).filter((set) => set !== undefined);
  const found: AuditFinding[] = [];
  for (const finding of newestFirst(findings)) {
    const id = finding.agreementId as AgreementId;
    if (rules !== undefined && !rules.has(finding.ruleCode)) continue;
    if (severities !== undefined && !severities.has(finding.severity)) continue;
    if (ids !== undefined && !ids.has(id)) continue;
    if (filter.open !== undefined && (finding.resolvedOn === null) !== filter.open) continue;
    if (!visible(id)) continue;
    if (inStates !== undefined && !inStates.some((set) => set.has(id))) continue;
    found.push(finding);
  }
  return found;
};

export interface FindingSummary {
  readonly total: number;
  readonly open: number;
  readonly resolved: number;
  readonly byRule: readonly { readonly rule: AuditRuleCode; readonly severity: Severity; readonly count: number; readonly open: number }[];
  readonly bySeverity: readonly { readonly severity: Severity; readonly count: number; readonly open: number }[];
}

/** Counts by rule and severity, every rule and severity listed (zeros included). */
export const summariseFindings = (findings: readonly AuditFinding[]): FindingSummary => {
  const byRule = new Map(AUDIT_RULE_CODES.map((rule) => [rule, { count: 0, open: 0 }]));
  const bySeverity = new Map(SEVERITIES.map((severity) => [severity, { count: 0, open: 0 }]));
  let open = 0;
  for (const finding of findings) {
    const isOpen = finding.resolvedOn === null;
    if (isOpen) open += 1;
    for (const tally of [byRule.get(finding.ruleCode), bySeverity.get(finding.severity)]) {
      if (tally === undefined) continue;
      tally.count += 1;
      if (isOpen) tally.open += 1;
    }
  }
  return {
    total: findings.length,
    open,
    resolved: findings.length - open,
    byRule: [...byRule].map(([rule, tally]) => ({ rule, severity: AUDIT_RULE_DESCRIPTIONS[rule].severity, ...tally })),
    bySeverity: [...bySeverity].map(([severity, tally]) => ({ severity, ...tally })),
  };
};
