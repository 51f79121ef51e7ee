import type { LegalDate } from '../shared/time';
import type { AuditModel } from './auditModel';
import { shownOnDay } from './findingsOnDay';
import { occurrenceAt, type JudgedFindings, type SummaryRange } from './judgedFindings';
import { AUDIT_RULE_CODES, type AuditFinding, type AuditRuleCode } from './types';

/** What a DayFindings is built from, finding by finding (see FindingsEvaluator). */
export interface DayFindingsColumns {
  /** The agreement's sequence in the audit model. */
  readonly sequences: readonly number[];
  /** Which of the judgements (the model's own, then those lent to it) holds its agreement's. */
  readonly sources: readonly number[];
  /** Its place among the findings that judgement holds. */
  readonly places: readonly number[];
  /** Index in AUDIT_RULE_CODES. */
  readonly rules: readonly number[];
  /** Day number (see dayNumber). */
  readonly raisedOn: readonly number[];
  /** 1 while it holds on the day (unresolved, or resolved after it), 0 once resolved. */
  readonly open: readonly number[];
}

/**
 * Every finding of a registry on one day, in the order `evaluateFindings` lists them (agreements
 * in the order opened), as columns: what a query filters, counts and sorts by is read without
 * building the findings, and `finding(index)` builds one from the judgement kept for its agreement.
 * A findings query as of an instant takes tens of thousands of findings and shows twenty.
 *
 * Valid for the models it was taken from as they stand: once the audit model or the policy
 * changes, its agreements' kept judgements may be other ones, so building a finding or its id
 * refuses (callers build what they show in the same turn as they take the list).
 */
export class DayFindings {
  private everyFinding: readonly AuditFinding[] | undefined;
  private ids: readonly string[] | undefined;
  /** The audit model's `changes` and the policy's position when taken. */
  private readonly changes: number;
  private readonly policyPosition: bigint;

  constructor(
    readonly day: LegalDate,
    private readonly model: AuditModel,
    private readonly policy: { readonly position: bigint },
    /** Agreement ids by sequence. */
    private readonly agreementIds: readonly string[],
    /** The model's own judgements, then those lent to it. */
    private readonly judgements: readonly JudgedFindings[],
    private readonly columns: DayFindingsColumns,
  ) {
    this.changes = model.changes;
    this.policyPosition = policy.position;
  }

  /** Whether the models are still as they were when these findings were taken. */
  isCurrent(): boolean {
    return this.model.changes === this.changes && this.policy.position === this.policyPosition;
  }

  get length(): number {
    return this.columns.sequences.length;
  }

  agreementId(index: number): string {
    return this.agreementIds[this.columns.sequences[index] as number] as string;
  }

  ruleCode(index: number): AuditRuleCode {
    return AUDIT_RULE_CODES[this.columns.rules[index] as number] as AuditRuleCode;
  }

  /** Day number of the day it was raised on. */
  raisedOnDay(index: number): number {
    return this.columns.raisedOn[index] as number;
  }

  isOpen(index: number): boolean {
    return this.columns.open[index] === 1;
  }

  findingId(index: number): string {
    return this.findingIds()[index] as string;
  }

  /**
   * Every finding's id, built once: sorting compares those of findings raised on the same day, and
   * a live feed tells what changed by them.
   */
  private findingIds(): readonly string[] {
    if (this.ids === undefined) {
      const { sequences, places } = this.columns;
      const ids: string[] = [];
      let range: SummaryRange | undefined;
      for (let index = 0; index < this.length; index += 1) {
        // One agreement's findings are consecutive, and read from one judgement.
        if (index === 0 || sequences[index] !== sequences[index - 1]) range = this.judgement(index).summaryOf(sequences[index] as number);
        const occurrence = occurrenceAt((range as SummaryRange).columns, (range as SummaryRange).start + (places[index] as number));
        const prefix = `${this.agreementId(index)}:${this.ruleCode(index)}`;
        ids.push(occurrence === '' ? prefix : `${prefix}:${occurrence}`);
      }
      this.ids = ids;
    }
    return this.ids;
  }

  /** The finding at `index` as it stood on the day (see shownOnDay). */
  finding(index: number): AuditFinding {
    return shownOnDay(this.judgedFindings(index)[this.columns.places[index] as number] as AuditFinding, this.day);
  }

  /** Every finding, built (each agreement's judgement decoded once). */
  all(): readonly AuditFinding[] {
    if (this.everyFinding === undefined) {
      const { sequences, places } = this.columns;
      const all: AuditFinding[] = [];
      let decoded: readonly AuditFinding[] = [];
      for (let index = 0; index < this.length; index += 1) {
        // One agreement's findings are consecutive, and read from one judgement.
        if (index === 0 || sequences[index] !== sequences[index - 1]) decoded = this.judgedFindings(index);
        all.push(shownOnDay(decoded[places[index] as number] as AuditFinding, this.day));
      }
      this.everyFinding = Object.freeze(all);
    }
    return this.everyFinding;
  }

  private judgedFindings(index: number): readonly AuditFinding[] {
    return this.judgement(index).findingsOf(this.columns.sequences[index] as number);
  }

  /** What the finding at `index` was read from: while the models have not changed, the judgement it was. */
  private judgement(index: number): JudgedFindings {
    if (!this.isCurrent()) {
      throw new Error('These findings were taken before the audit model or the policy changed: take them again.');
    }
    return this.judgements[this.columns.sources[index] as number] as JudgedFindings;
  }
}
