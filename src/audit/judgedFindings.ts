import { policyVersionInForceOn, type PolicyVersionRecord } from '../../projections/policy';
import { EncodedRecords, type EncodedRecordsData } from '../projectionRunner/encodedRecords';
import type { LegalDate } from '../shared/time';
import type { AuditFinding } from './types';

/** Stamps no agreement ever has (`changes` counts from 0): an agreement not judged yet. */
const UNJUDGED = -1;
const NO_POLICY = -1;

interface Judgement {
  readonly findings: readonly AuditFinding[];
}

const NONE: readonly AuditFinding[] = Object.freeze([]);
/** Held for an agreement not judged, or judged to have no finding: its count says which it is. */
const EMPTY: Judgement = Object.freeze({ findings: NONE });
/** The judging date of an agreement not judged: never read, since its stamps never match. */
const NO_DATE = '' as LegalDate;

/** The stamps a judgement is valid for (see AuditModel.changedAt and pairChangedAt). */
export interface JudgementStamps {
  readonly changedAt: number;
  readonly pairsChangedAt: number;
}

/** What JudgedFindings.encode gives and JudgedFindings.decoded takes (plain data for v8.serialize). */
export interface JudgedFindingsData {
  readonly changedAt: Float64Array;
  readonly pairsChangedAt: Float64Array;
  readonly judgingDates: readonly string[];
  /** Event ids of the policy versions judged by; `policies` holds an index into it, or -1. */
  readonly policyIds: readonly string[];
  readonly policies: Int32Array;
  readonly counts: Int32Array;
  readonly records: EncodedRecordsData;
}

/**
 * Each agreement's findings as its facts stand: every finding its facts ever raised, each with its
 * resolution, whatever the day. The rules never read the day asked about (see RuleContext), so a
 * day's findings are these, less those raised later and with resolutions after it hidden
 * (`findingsOnDay`): they stay valid until the agreement, its twinning group or the policy version
 * it is judged by changes, whatever day is asked.
 *
 * Why: the registry as of a past instant loads the audit model from a history snapshot and replays
 * the events since. Judging every agreement again decoded each one (about 17 µs) and ran the rules
 * (about 15 µs): 1.3–2.3 s at 45k agreements, most of a findings query as of an instant. Snapshots
 * now carry these judgements (the snapshot codec judges what changed since the last one), so that
 * query reads back the findings of the agreements its replay left alone, borrows those of the next
 * snapshot for the agreements nothing changed after the instant (see lendJudgedFindings), and
 * judges only the rest (about a sixth of them at the worst instant measured). Held as bytes off
 * the V8 heap, as the agreements are.
 *
 * They are only as valid as the rules that judged them: a change to any rule must bump
 * AUDIT_RULES_VERSION (evaluateFindings.ts), which makes a snapshot's judgements be dropped.
 *
 * A cache beside the model, not part of its state: two equal models may hold different judgements
 * (one judged at a snapshot, one never), so model comparisons leave it out (`judgedFindingsOf`).
 */
export class JudgedFindings {
  private constructor(
    private readonly changedAt: number[],
    private readonly pairsChangedAt: number[],
    private readonly judgingDates: LegalDate[],
    private readonly policyIds: string[],
    private readonly policies: number[],
    private readonly counts: number[],
    private readonly records: EncodedRecords<Judgement>,
  ) {}

  static empty(): JudgedFindings {
    return new JudgedFindings([], [], [], [], [], [], EncodedRecords.empty());
  }

  static decoded(stored: JudgedFindingsData): JudgedFindings {
    let records: EncodedRecords<Judgement>;
    try {
      records = EncodedRecords.decoded<Judgement>(stored.records);
    } catch (error) {
      throw new Error(`judged findings: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { length } = records;
    if ([stored.changedAt, stored.pairsChangedAt, stored.judgingDates, stored.policies, stored.counts].some((column) => column.length !== length)) {
      throw new Error(`judged findings: columns do not match the ${length} judgements`);
    }
    return new JudgedFindings(
      Array.from(stored.changedAt),
      Array.from(stored.pairsChangedAt),
      [...stored.judgingDates] as LegalDate[],
      [...stored.policyIds],
      Array.from(stored.policies),
      Array.from(stored.counts),
      records,
    );
  }

  /** Agreements judged or passed over so far: those beyond were never judged. */
  get length(): number {
    return this.changedAt.length;
  }

  /**
   * Whether the agreement at `sequence` was judged at these stamps and by the version `versions`
   * has in force on the date it was judged by: then `findingsOf` holds what judging it gives.
   */
  isValid(sequence: number, stamps: JudgementStamps, versions: { readonly versions: readonly PolicyVersionRecord[] }): boolean {
    if (sequence >= this.changedAt.length || this.changedAt[sequence] !== stamps.changedAt || this.pairsChangedAt[sequence] !== stamps.pairsChangedAt) return false;
    const policy = policyVersionInForceOn(versions, this.judgingDates[sequence] as LegalDate);
    const judgedBy = this.policies[sequence] as number;
    return (policy?.eventId ?? null) === (judgedBy === NO_POLICY ? null : this.policyIds[judgedBy]);
  }

  /** The findings kept for the agreement at `sequence` (none if never judged: see isValid). */
  findingsOf(sequence: number): readonly AuditFinding[] {
    return sequence < this.counts.length && this.counts[sequence] !== 0 ? this.records.get(sequence).findings : NONE;
  }

  /** Keeps what the agreement at `sequence` was judged to have, at these stamps, by this version. */
  set(sequence: number, stamps: JudgementStamps, judgingDate: LegalDate, policy: PolicyVersionRecord | undefined, findings: readonly AuditFinding[]): void {
    while (this.changedAt.length < sequence) this.append(UNJUDGED, UNJUDGED, NO_DATE, NO_POLICY, 0, EMPTY);
    let policyIndex = NO_POLICY;
    if (policy !== undefined) {
      policyIndex = this.policyIds.indexOf(policy.eventId);
      if (policyIndex < 0) policyIndex = this.policyIds.push(policy.eventId) - 1;
    }
    const judgement: Judgement = findings.length === 0 ? EMPTY : { findings };
    if (sequence === this.changedAt.length) {
      this.append(stamps.changedAt, stamps.pairsChangedAt, judgingDate, policyIndex, findings.length, judgement);
      return;
    }
    this.changedAt[sequence] = stamps.changedAt;
    this.pairsChangedAt[sequence] = stamps.pairsChangedAt;
    this.judgingDates[sequence] = judgingDate;
    this.policies[sequence] = policyIndex;
    this.counts[sequence] = findings.length;
    this.records.set(sequence, judgement);
  }

  /** Every judgement as data for a snapshot; like EncodedRecords.encode, the findings then go back to bytes. */
  encode(): JudgedFindingsData {
    return {
      changedAt: Float64Array.from(this.changedAt),
      pairsChangedAt: Float64Array.from(this.pairsChangedAt),
      judgingDates: this.judgingDates,
      policyIds: this.policyIds,
      policies: Int32Array.from(this.policies),
      counts: Int32Array.from(this.counts),
      records: this.records.encode(),
    };
  }

  private append(changedAt: number, pairsChangedAt: number, judgingDate: LegalDate, policy: number, count: number, judgement: Judgement): void {
    this.changedAt.push(changedAt);
    this.pairsChangedAt.push(pairsChangedAt);
    this.judgingDates.push(judgingDate);
    this.policies.push(policy);
    this.counts.push(count);
    this.records.push(judgement);
  }
}

// Beside the model rather than in it (see JudgedFindings): the snapshot codec writes and restores it.
const judgedByModel = new WeakMap<object, JudgedFindings>();

/** The judgements kept for `model`, empty at first. */
export const judgedFindingsOf = (model: object): JudgedFindings => {
  let judged = judgedByModel.get(model);
  if (judged === undefined) judgedByModel.set(model, (judged = JudgedFindings.empty()));
  return judged;
};

/** Puts back the judgements a snapshot held for the model it restored. */
export const restoreJudgedFindings = (model: object, judged: JudgedFindings): void => {
  judgedByModel.set(model, judged);
};

const lentByModel = new WeakMap<object, JudgedFindings>();

/**
 * Lends `model`, folded to some position, the judgements of a snapshot taken at another (the
 * registry as of an instant borrows those of the next history snapshot). Stamps count every
 * change of the model, so a judgement whose stamps equal an agreement's was made for the very
 * state the agreement is in, whichever side of it the snapshot lies: an agreement the replay
 * touched but nothing touched again before the later snapshot need not be judged again.
 */
export const lendJudgedFindings = (model: object, judged: JudgedFindings): void => {
  lentByModel.set(model, judged);
};

/** The judgements lent to `model` (see lendJudgedFindings), if any. */
export const lentJudgedFindingsOf = (model: object): JudgedFindings | undefined => lentByModel.get(model);
