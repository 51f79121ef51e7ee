import { policyVersionInForceOn, type PolicyVersionRecord } from '../../projections/policy';
import { EncodedRecords, type EncodedRecordsData } from '../projectionRunner/encodedRecords';
import { dayNumber } from '../shared/calendarArithmetic';
import type { LegalDate } from '../shared/time';
import { AUDIT_RULE_CODES, type AuditFinding } from './types';

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

/** What JudgedFindings.encode and checkpoint give and JudgedFindings.decoded takes (plain data for v8.serialize). */
export interface JudgedFindingsData {
  /** A checkpoint's (see JudgedFindings.checkpoint): the agreement of each entry. Absent: entry i is agreement i. */
  readonly sequences?: Int32Array;
  readonly changedAt: Float64Array;
  readonly pairsChangedAt: Float64Array;
  readonly judgingDates: readonly string[];
  /** Event ids of the policy versions judged by; `policies` holds an index into it, or -1. */
  readonly policyIds: readonly string[];
  readonly policies: Int32Array;
  readonly counts: Int32Array;
  readonly records: EncodedRecordsData;
  /** What each finding is filtered, counted and sorted by, for every entry in order (`counts`). */
  readonly summaries: FindingSummaries;
}

/**
 * Per finding, as columns: its rule (index in AUDIT_RULE_CODES), the day numbers it was raised and
 * resolved on (NOT_RESOLVED while it holds), and its occurrence (the findingId's part after the
 * rule; empty for none), all of them in one text that `occurrenceEnds` cuts (one string to decode,
 * not tens of thousands). A findings query filters, counts and sorts by these and decodes only the
 * findings it shows: decoding every kept judgement was a third of a findings query as of an
 * instant (40k judgements at about 4 µs).
 */
export interface FindingSummaries {
  readonly rules: Uint8Array;
  readonly raisedOn: Int32Array;
  readonly resolvedOn: Int32Array;
  readonly occurrences: string;
  readonly occurrenceEnds: Int32Array;
}

/** The occurrence of the finding at `index` of `summaries` ('' for none). */
export const occurrenceAt = (summaries: FindingSummaries, index: number): string =>
  summaries.occurrences.slice(index === 0 ? 0 : summaries.occurrenceEnds[index - 1], summaries.occurrenceEnds[index]);

/** A finding's resolution day while it still holds. */
export const NOT_RESOLVED = -1;

/** Where the summaries of one agreement's findings are: `columns` from `start` (included) to `end`. */
export interface SummaryRange {
  readonly columns: FindingSummaries;
  readonly start: number;
  readonly end: number;
}

const NO_SUMMARIES: FindingSummaries = Object.freeze({ rules: new Uint8Array(0), raisedOn: new Int32Array(0), resolvedOn: new Int32Array(0), occurrences: '', occurrenceEnds: new Int32Array(0) });
const NO_RANGE: SummaryRange = Object.freeze({ columns: NO_SUMMARIES, start: 0, end: 0 });
const RULE_INDEX = new Map<string, number>(AUDIT_RULE_CODES.map((code, index) => [code, index]));

const summariesOf = (findings: readonly AuditFinding[]): FindingSummaries => {
  const rules = new Uint8Array(findings.length);
  const raisedOn = new Int32Array(findings.length);
  const resolvedOn = new Int32Array(findings.length);
  const occurrences: string[] = [];
  findings.forEach((finding, index) => {
    rules[index] = RULE_INDEX.get(finding.ruleCode) as number;
    raisedOn[index] = dayNumber(finding.raisedOn);
    resolvedOn[index] = finding.resolvedOn === null ? NOT_RESOLVED : dayNumber(finding.resolvedOn);
    // findingId is `agreementId:RULE_CODE[:occurrence]` (see AuditFinding).
    occurrences.push(finding.findingId.slice(finding.agreementId.length + finding.ruleCode.length + 2));
  });
  return { rules, raisedOn, resolvedOn, ...joined(occurrences) };
};

const joined = (occurrences: readonly string[]): Pick<FindingSummaries, 'occurrences' | 'occurrenceEnds'> => {
  const occurrenceEnds = new Int32Array(occurrences.length);
  let end = 0;
  occurrences.forEach((occurrence, index) => (occurrenceEnds[index] = end += occurrence.length));
  return { occurrences: occurrences.join(''), occurrenceEnds };
};

/** The summaries of `ranges`, one after the other, as one set of columns. */
const concatenated = (ranges: readonly SummaryRange[]): FindingSummaries => {
  let length = 0;
  for (const range of ranges) length += range.end - range.start;
  const rules = new Uint8Array(length);
  const raisedOn = new Int32Array(length);
  const resolvedOn = new Int32Array(length);
  const occurrences: string[] = [];
  let at = 0;
  for (const { columns, start, end } of ranges) {
    rules.set(columns.rules.subarray(start, end), at);
    raisedOn.set(columns.raisedOn.subarray(start, end), at);
    resolvedOn.set(columns.resolvedOn.subarray(start, end), at);
    for (let index = start; index < end; index += 1) occurrences.push(occurrenceAt(columns, index));
    at += end - start;
  }
  return { rules, raisedOn, resolvedOn, ...joined(occurrences) };
};

/** Where each entry's findings start in columns holding every entry's in order (one more than entries). */
const offsetsOf = (counts: ArrayLike<number>): Int32Array => {
  const offsets = new Int32Array(counts.length + 1);
  for (let entry = 0; entry < counts.length; entry += 1) offsets[entry + 1] = (offsets[entry] as number) + (counts[entry] as number);
  return offsets;
};

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
 * snapshot and of its checkpoints for the agreements one of them saw as they stand (see
 * lendJudgedFindings and `checkpoint`), and judges only the rest (a few hundred of 38k at the worst
 * instants measured). Held as bytes off the V8 heap, as the agreements are.
 *
 * They are only as valid as the rules that judged them: a change to any rule must bump
 * AUDIT_RULES_VERSION (evaluateFindings.ts), which makes a snapshot's judgements be dropped.
 *
 * A cache beside the model, not part of its state: two equal models may hold different judgements
 * (one judged at a snapshot, one never), so model comparisons leave it out (`judgedFindingsOf`).
 */
export class JudgedFindings {
  /** Agreements judged since the last checkpoint. */
  private readonly judgedSince = new Set<number>();
  /** Where each entry's findings start in `summaries`, as they were when those were made. */
  private offsets: Int32Array;
  /** The summaries of the entries judged since `summaries` was made, by entry. */
  private readonly changedSummaries = new Map<number, FindingSummaries>();

  /**
   * Whether the columns are arrays of this object's own. Decoded, they are the stored typed arrays
   * until a judgement is set (`own`): most decoded judgements are lent, only ever read, and copying
   * ten sections of 45k entries into arrays took about 25 ms of each findings query as of an instant.
   */
  private owned: boolean;

  private constructor(
    private changedAt: number[],
    private pairsChangedAt: number[],
    private judgingDates: LegalDate[],
    private policyIds: string[],
    private policies: number[],
    private counts: number[],
    private readonly records: EncodedRecords<Judgement>,
    private summaries: FindingSummaries,
    /** A checkpoint's entry of each agreement it holds; null when entry i is agreement i. */
    private readonly entries: ReadonlyMap<number, number> | null = null,
    owned = true,
  ) {
    this.offsets = offsetsOf(counts);
    this.owned = owned;
  }

  private own(): void {
    if (this.owned) return;
    this.changedAt = Array.from(this.changedAt);
    this.pairsChangedAt = Array.from(this.pairsChangedAt);
    this.judgingDates = [...this.judgingDates];
    this.policyIds = [...this.policyIds];
    this.policies = Array.from(this.policies);
    this.counts = Array.from(this.counts);
    this.owned = true;
  }

  static empty(): JudgedFindings {
    return new JudgedFindings([], [], [], [], [], [], EncodedRecords.empty(), NO_SUMMARIES);
  }

  static decoded(stored: JudgedFindingsData): JudgedFindings {
    let records: EncodedRecords<Judgement>;
    try {
      records = EncodedRecords.decoded<Judgement>(stored.records);
    } catch (error) {
      throw new Error(`judged findings: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { length } = records;
    const columns = [stored.changedAt, stored.pairsChangedAt, stored.judgingDates, stored.policies, stored.counts, ...(stored.sequences ? [stored.sequences] : [])];
    if (columns.some((column) => column.length !== length)) {
      throw new Error(`judged findings: columns do not match the ${length} judgements`);
    }
    const { summaries } = stored;
    let findings = 0;
    for (const count of stored.counts) findings += count;
    if ([summaries.rules, summaries.raisedOn, summaries.resolvedOn, summaries.occurrenceEnds].some((column) => column.length !== findings)) {
      throw new Error(`judged findings: the summaries do not match the ${findings} findings`);
    }
    if (findings > 0 && summaries.occurrenceEnds[findings - 1] !== summaries.occurrences.length) {
      throw new Error(`judged findings: the occurrences do not match their ends`);
    }
    // Read through as they are (see `owned`): indexing and length are all that reading needs.
    const asRead = <T>(column: ArrayLike<T>) => column as unknown as T[];
    return new JudgedFindings(
      asRead(stored.changedAt),
      asRead(stored.pairsChangedAt),
      asRead(stored.judgingDates as readonly LegalDate[]),
      asRead(stored.policyIds),
      asRead(stored.policies),
      asRead(stored.counts),
      records,
      summaries,
      stored.sequences ? new Map(Array.from(stored.sequences, (sequence, entry) => [sequence, entry])) : null,
      false,
    );
  }

  /** Agreements judged or passed over so far: those beyond were never judged. A checkpoint's entries. */
  get length(): number {
    return this.changedAt.length;
  }

  /** The entry holding the agreement at `sequence`, or -1. */
  private entryOf(sequence: number): number {
    if (this.entries === null) return sequence < this.changedAt.length ? sequence : -1;
    return this.entries.get(sequence) ?? -1;
  }

  /**
   * Whether the agreement at `sequence` was judged at these stamps and by the version `versions`
   * has in force on the date it was judged by: then `findingsOf` holds what judging it gives.
   */
  isValid(sequence: number, stamps: JudgementStamps, versions: { readonly versions: readonly PolicyVersionRecord[] }): boolean {
    const entry = this.entryOf(sequence);
    if (entry < 0 || this.changedAt[entry] !== stamps.changedAt || this.pairsChangedAt[entry] !== stamps.pairsChangedAt) return false;
    const policy = policyVersionInForceOn(versions, this.judgingDates[entry] as LegalDate);
    const judgedBy = this.policies[entry] as number;
    return (policy?.eventId ?? null) === (judgedBy === NO_POLICY ? null : this.policyIds[judgedBy]);
  }

  /** The findings kept for the agreement at `sequence` (none if never judged: see isValid). */
  findingsOf(sequence: number): readonly AuditFinding[] {
    const entry = this.entryOf(sequence);
    return entry >= 0 && this.counts[entry] !== 0 ? this.records.get(entry).findings : NONE;
  }

  /** What the findings kept for the agreement at `sequence` are filtered, counted and sorted by, in the order of `findingsOf`. */
  summaryOf(sequence: number): SummaryRange {
    const entry = this.entryOf(sequence);
    if (entry < 0 || this.counts[entry] === 0) return NO_RANGE;
    const changed = this.changedSummaries.get(entry);
    if (changed !== undefined) return { columns: changed, start: 0, end: changed.rules.length };
    return { columns: this.summaries, start: this.offsets[entry] as number, end: this.offsets[entry + 1] as number };
  }

  /** Keeps what the agreement at `sequence` was judged to have, at these stamps, by this version. */
  set(sequence: number, stamps: JudgementStamps, judgingDate: LegalDate, policy: PolicyVersionRecord | undefined, findings: readonly AuditFinding[]): void {
    // A checkpoint is only ever read (lent); its entries are not by sequence.
    if (this.entries !== null) throw new Error('a checkpoint of judged findings cannot be changed');
    this.own();
    this.judgedSince.add(sequence);
    while (this.changedAt.length < sequence) this.append(UNJUDGED, UNJUDGED, NO_DATE, NO_POLICY, 0, EMPTY);
    let policyIndex = NO_POLICY;
    if (policy !== undefined) {
      policyIndex = this.policyIds.indexOf(policy.eventId);
      if (policyIndex < 0) policyIndex = this.policyIds.push(policy.eventId) - 1;
    }
    const judgement: Judgement = findings.length === 0 ? EMPTY : { findings };
    if (findings.length === 0) this.changedSummaries.delete(sequence);
    else this.changedSummaries.set(sequence, summariesOf(findings));
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
    // Made one set of columns again, as the records go back to bytes.
    this.summaries = this.summariesFor(Array.from({ length: this.length }, (_, sequence) => sequence));
    this.offsets = offsetsOf(this.counts);
    this.changedSummaries.clear();
    return {
      changedAt: Float64Array.from(this.changedAt),
      pairsChangedAt: Float64Array.from(this.pairsChangedAt),
      judgingDates: this.judgingDates,
      policyIds: this.policyIds,
      policies: Int32Array.from(this.policies),
      counts: Int32Array.from(this.counts),
      records: this.records.encode(),
      summaries: this.summaries,
    };
  }

  /** The summaries of these agreements' findings, one after the other. */
  private summariesFor(sequences: ArrayLike<number>): FindingSummaries {
    return concatenated(Array.from(sequences, (sequence) => this.summaryOf(sequence)));
  }

  /**
   * The judgements made since the last checkpoint, as they stand now, for a model folded to an
   * earlier position to borrow (see lendJudgedFindings); undefined if none. A snapshot's own
   * judgements are valid for the states of its position only: an agreement changed again before
   * the next snapshot is lent nothing from it, but a checkpoint taken before that change lends.
   */
  checkpoint(): JudgedFindingsData | undefined {
    if (this.judgedSince.size === 0) return undefined;
    const sequences = Int32Array.from(this.judgedSince).sort();
    this.judgedSince.clear();
    const records = EncodedRecords.empty<Judgement>();
    for (const sequence of sequences) records.push(this.counts[sequence] === 0 ? EMPTY : this.records.get(sequence));
    const column = <T>(values: readonly T[]) => Array.from(sequences, (sequence) => values[sequence] as T);
    return {
      sequences,
      changedAt: Float64Array.from(column(this.changedAt)),
      pairsChangedAt: Float64Array.from(column(this.pairsChangedAt)),
      judgingDates: column(this.judgingDates),
      policyIds: [...this.policyIds],
      policies: Int32Array.from(column(this.policies)),
      counts: Int32Array.from(column(this.counts)),
      records: records.encode(),
      summaries: this.summariesFor(sequences),
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

const lentByModel = new WeakMap<object, readonly JudgedFindings[]>();

/**
 * Lends `model`, folded to some position, the judgements of a snapshot taken at another, and of
 * its checkpoints (the registry as of an instant borrows those of the next history snapshot).
 * Stamps count every change of the model, so a judgement whose stamps equal an agreement's was
 * made for the very state the agreement is in, whichever side of it the snapshot or checkpoint
 * lies: an agreement the replay touched need not be judged again if some checkpoint saw it as it
 * stands. Any judgement lent that is valid gives the same findings.
 */
export const lendJudgedFindings = (model: object, judged: readonly JudgedFindings[]): void => {
  lentByModel.set(model, judged);
};

const NOTHING_LENT: readonly JudgedFindings[] = Object.freeze([]);

/** The judgements lent to `model` (see lendJudgedFindings). */
export const lentJudgedFindingsOf = (model: object): readonly JudgedFindings[] => lentByModel.get(model) ?? NOTHING_LENT;

const checkpointsByModel = new WeakMap<object, readonly JudgedFindingsData[]>();

/** Keeps a checkpoint (JudgedFindings.checkpoint) with `model`, the `keep` latest only, for its snapshots to carry. */
export const keepCheckpoint = (model: object, checkpoint: JudgedFindingsData, keep: number): void => {
  checkpointsByModel.set(model, [...checkpointsOf(model), checkpoint].slice(-keep));
};

/** The checkpoints kept with `model`, oldest first. */
export const checkpointsOf = (model: object): readonly JudgedFindingsData[] => checkpointsByModel.get(model) ?? [];

/** Puts back the checkpoints a snapshot held for the model it restored. */
export const restoreCheckpoints = (model: object, checkpoints: readonly JudgedFindingsData[]): void => {
  checkpointsByModel.set(model, checkpoints);
};
