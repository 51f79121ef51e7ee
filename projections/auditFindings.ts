import { applyAuditEvent, createAuditModel, type AuditModel } from '../src/audit/auditModel';
import { auditSnapshotCodec } from '../src/audit/auditSnapshotCodec';
import type { Projection } from '../src/projectionRunner/projection';

/**
 * The audit read model (issue 4): per agreement, the facts the audit rules read, each with the ids
 * and recorded instants of the events behind it, plus the index of twinnings by pair. Findings on
 * a day are computed at query time (`evaluateFindings(model, policyModel, today)`, and with memory
 * `createFindingsEvaluator`, which queries use), because deadlines pass without any event and the
 * model never reads a clock. Judging needs the policy read model (projections/policy.ts), kept
 * apart so that each can be rebuilt alone; this model folds its own copy of the versions only so
 * that its snapshots can carry each agreement's findings as its facts stand (JudgedFindings),
 * from which a day's findings are then filtered.
 */
export const auditFindingsProjection: Projection<AuditModel> = {
  name: 'auditFindings',
  // 2: fact lists written as columns in snapshots (auditSnapshotCodec). 3: agreements held and
  // written encoded (EncodedRecords), stamps by sequence. 4: no change stamp inside each agreement.
  // 5: its own copy of the policy versions, and each agreement's findings judged (JudgedFindings).
  // 6: with the version of the rules that judged them. 7: the findings in a section of their own
  // (lendable to a model as of an earlier instant). 8: with the checkpoints of those judgements
  // made since the previous history snapshot. 9: the checkpoints in a section of their own (left
  // out of a model loaded to be folded to an instant). 10: each judgement's findings summarised as
  // columns (FindingSummaries), which a query filters, counts and sorts by before building any.
  // 11: the findings' occurrences in one text. 12: catalogued organisations keyed by their id
  // (counterpartKey), whatever name they were recorded under. 13: facts say when a correction last
  // moved their date (redatedAt).
  version: 13,
  create: createAuditModel,
  apply: applyAuditEvent,
  snapshot: auditSnapshotCodec,
};

export type { AuditAgreement, AuditModel, FactSource } from '../src/audit/auditModel';
export type { FindingsEvaluator } from '../src/audit/evaluateFindings';
export type { DayFindings } from '../src/audit/dayFindings';
export type { AuditFinding, AuditRuleCode, AuditRuleDescription, Severity, LocalisedText } from '../src/audit/types';
export { AUDIT_RULE_CODES, SEVERITIES } from '../src/audit/types';
export {
  AUDIT_RULES,
  AUDIT_RULE_DESCRIPTIONS,
  createFindingsEvaluator,
  evaluateAgreementFindings,
  evaluateFindings,
  findingsOfAgreement,
  judgingDate,
} from '../src/audit/evaluateFindings';
