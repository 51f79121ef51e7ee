import type { AgreementsModel } from '../../projections/agreements';
import type { DayFindings } from '../audit/dayFindings';
import { dayNumber } from '../shared/calendarArithmetic';
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

// One memoising evaluator per audit model: it checks again only agreements that changed since the
// last question, which is what makes asking for all findings affordable between two events.
const evaluators = new WeakMap<AuditModel, FindingsEvaluator>();

/** Every finding on `day` as columns (see DayFindings), memoised per audit model (live and past models alike). */
export const findingsOn = (audit: AuditModel, policy: PolicyModel, day: LegalDate): DayFindings => {
  let evaluate = evaluators.get(audit);
  if (evaluate === undefined) evaluators.set(audit, (evaluate = createFindingsEvaluator()));
  return evaluate(audit, policy, day);
};

const given = <T>(values: readonly T[] | undefined): ReadonlySet<T> | undefined => (values !== undefined && values.length > 0 ? new Set(values) : undefined);

/** Findings picked among a day's: their indices in `findings`, newest first. */
export interface FindingSelection {
  readonly findings: DayFindings;
  readonly indices: readonly number[];
}

/** The selected findings, built (see DayFindings.finding: in the same turn as the selection). */
export const selectedFindings = ({ findings, indices }: FindingSelection): AuditFinding[] => indices.map((index) => findings.finding(index));

const sorted = new WeakMap<DayFindings, readonly number[]>();

/**
 * Most recently raised first, then by id: the order reviewers work in. Memoised per evaluation.
 * Sorted as numbers (day, then index) and only findings raised on the same day compared by id:
 * a comparison sort of every finding by day and id took 30–40 ms at 40k findings.
 */
const newestFirst = (findings: DayFindings): readonly number[] => {
  let order = sorted.get(findings);
  if (order === undefined) {
    const { length } = findings;
    // Later days first: the key grows as the day gets earlier, the index below it.
    const indexRange = 2 ** Math.ceil(Math.log2(length + 1));
    const keys = new Float64Array(length);
    for (let index = 0; index < length; index += 1) keys[index] = (LATEST_DAY - findings.raisedOnDay(index)) * indexRange + index;
    keys.sort();
    const list = Array.from(keys, (key) => key % indexRange);
    for (let start = 0; start < length; ) {
      const day = findings.raisedOnDay(list[start] as number);
      let end = start + 1;
      while (end < length && findings.raisedOnDay(list[end] as number) === day) end += 1;
      if (end - start > 1) {
        const sameDay = list.slice(start, end).map((index) => ({ index, id: findings.findingId(index) }));
        sameDay.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        sameDay.forEach(({ index }, at) => (list[start + at] = index));
      }
      start = end;
    }
    order = list;
    sorted.set(findings, order);
  }
  return order;
};

/**
 * The last day a legal date can name (four-digit years): keys stay positive, and below 2^22 days
 * times the index range, exact doubles for up to 2^30 findings.
 */
const LATEST_DAY = dayNumber('9999-12-31');

/**
 * The findings that match, newest first. `agreements` is the reader's visible model: findings on
 * agreements outside it are left out (a subnational user sees its own agreements' findings).
 */
export const selectFindings = (findings: DayFindings, filter: FindingFilter, agreements: AgreementsModel, visible: (id: AgreementId) => boolean): FindingSelection => {
  const rules = given<string>(filter.rules);
  const severities = given<string>(filter.severities);
  const states = given(filter.states);
  const ids = given(filter.agreementIds);
  // A municipality's agreements are filed under its state too (see AgreementsModel.byState).
  const inStates = states === undefined ? undefined : [...states].map((state) => agreements.byState.get(state)).filter((set) => set !== undefined);
  const indices: number[] = [];
  for (const index of newestFirst(findings)) {
    const id = findings.agreementId(index) as AgreementId;
    const rule = findings.ruleCode(index);
    if (rules !== undefined && !rules.has(rule)) continue;
    if (severities !== undefined && !severities.has(AUDIT_RULE_DESCRIPTIONS[rule].severity)) continue;
    if (ids !== undefined && !ids.has(id)) continue;
    if (filter.open !== undefined && findings.isOpen(index) !== filter.open) continue;
    if (!visible(id)) continue;
    if (inStates !== undefined && !inStates.some((set) => set.has(id))) continue;
    indices.push(index);
  }
  return { findings, indices };
};

export interface FindingSummary {
  readonly total: number;
  readonly open: number;
  readonly resolved: number;
  readonly byRule: readonly { readonly rule: AuditRuleCode; readonly severity: Severity; readonly count: number; readonly open: number }[];
  readonly bySeverity: readonly { readonly severity: Severity; readonly count: number; readonly open: number }[];
}

/** Counts by rule and severity, every rule and severity listed (zeros included). */
export const summariseFindings = ({ findings, indices }: FindingSelection): FindingSummary => {
  const byRule = new Map(AUDIT_RULE_CODES.map((rule) => [rule, { count: 0, open: 0 }]));
  const bySeverity = new Map(SEVERITIES.map((severity) => [severity, { count: 0, open: 0 }]));
  let open = 0;
  for (const index of indices) {
    const isOpen = findings.isOpen(index);
    if (isOpen) open += 1;
    const rule = findings.ruleCode(index);
    for (const tally of [byRule.get(rule), bySeverity.get(AUDIT_RULE_DESCRIPTIONS[rule].severity)]) {
      if (tally === undefined) continue;
      tally.count += 1;
      if (isOpen) tally.open += 1;
    }
  }
  return {
    total: indices.length,
    open,
    resolved: indices.length - open,
    byRule: [...byRule].map(([rule, tally]) => ({ rule, severity: AUDIT_RULE_DESCRIPTIONS[rule].severity, ...tally })),
    bySeverity: [...bySeverity].map(([severity, tally]) => ({ severity, ...tally })),
  };
};
