import v8 from 'node:v8';
import { JudgedFindings, NOT_RESOLVED, occurrenceAt, type JudgedFindingsData, type JudgementStamps } from '../../src/audit/judgedFindings';
import { AUDIT_RULE_CODES, type AuditFinding } from '../../src/audit/types';
import { dateOfDay } from '../../src/shared/calendarArithmetic';
import type { PolicyVersionRecord } from '../../projections/policy';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import type { Instant, LegalDate } from '../../src/shared/time';

const day = (text: string) => text as LegalDate;

const version = (number: number, effectiveFrom: string): PolicyVersionRecord => ({
  ...SEED_POLICY_VERSION,
  version: number,
  effectiveFrom: day(effectiveFrom),
  eventId: `policy-${number}`,
  publishedAt: `${effectiveFrom}T00:00:00.000Z` as Instant,
});

const V1 = version(1, '2020-01-01');
const V2 = version(2, '2026-01-01');

const finding = (agreementId: string, raisedOn: string): AuditFinding => ({
  findingId: `${agreementId}:DORMANT:${raisedOn}`,
  ruleCode: 'DORMANT',
  severity: 'policy-misalignment',
  heuristic: false,
  agreementId,
  explanation: { es: 'Sin hitos', en: 'No milestones' },
  evidence: ['event-1'],
  relatedAgreementIds: [],
  policyVersion: 1,
  raisedOn: day(raisedOn),
  raisedAt: null,
  resolvedOn: null,
  resolvedAt: null,
  resolvedBy: [],
});

const stamps = (changedAt: number, pairsChangedAt = 0) => ({ changedAt, pairsChangedAt });
/** What the kept judgement says while valid, as an evaluator reads it; undefined once not. */
const kept = (judged: JudgedFindings, sequence: number, at: JudgementStamps, versions: { readonly versions: readonly PolicyVersionRecord[] }) =>
  judged.isValid(sequence, at, versions) ? judged.findingsOf(sequence) : undefined;
/** The summaries JudgedFindings keeps of an agreement's findings, as dates. */
const summaries = (judged: JudgedFindings, sequence: number) => {
  const { columns, start, end } = judged.summaryOf(sequence);
  return Array.from({ length: end - start }, (_, at) => ({
    rule: AUDIT_RULE_CODES[columns.rules[start + at] as number],
    raisedOn: dateOfDay(columns.raisedOn[start + at] as number),
    resolvedOn: columns.resolvedOn[start + at] === NOT_RESOLVED ? null : dateOfDay(columns.resolvedOn[start + at] as number),
    occurrence: occurrenceAt(columns, start + at),
  }));
};
const roundTrip = (judged: JudgedFindings) => JudgedFindings.decoded(v8.deserialize(v8.serialize(judged.encode())) as JudgedFindingsData);

describe('JudgedFindings', () => {
  it('answers only for an agreement judged at the same stamps, by the version in force on its judging date', () => {
    const judged = JudgedFindings.empty();
    const findings = [finding('a', '2024-06-01')];
    expect(kept(judged, 0, stamps(1), { versions: [V1] })).toBeUndefined();
    judged.set(0, stamps(3, 2), day('2024-01-10'), V1, findings);
    expect(kept(judged, 0, stamps(3, 2), { versions: [V1] })).toEqual(findings);
    expect(kept(judged, 0, stamps(4, 2), { versions: [V1] })).toBeUndefined();
    expect(kept(judged, 0, stamps(3, 5), { versions: [V1] })).toBeUndefined();
    // A later version leaves a judgement by the earlier one standing; a version in force on the
    // judging date that was not the one judged by does not.
    expect(kept(judged, 0, stamps(3, 2), { versions: [V1, V2] })).toEqual(findings);
    expect(kept(judged, 0, stamps(3, 2), { versions: [V1, version(7, '2023-01-01')] })).toBeUndefined();
    expect(kept(judged, 0, stamps(3, 2), { versions: [version(7, '2025-01-01')] })).toBeUndefined();
    expect(kept(judged, 0, stamps(3, 2), { versions: [] })).toBeUndefined();
  });

  it('tells an agreement judged with no version in force from one judged by a version', () => {
    const judged = JudgedFindings.empty();
    judged.set(0, stamps(1), day('2019-05-01'), undefined, []);
    expect(kept(judged, 0, stamps(1), { versions: [V1] })).toEqual([]);
    expect(kept(judged, 0, stamps(1), { versions: [version(1, '2019-01-01')] })).toBeUndefined();
  });

  it('leaves agreements skipped over unjudged, and replaces a judgement', () => {
    const judged = JudgedFindings.empty();
    judged.set(2, stamps(5), day('2024-01-10'), V1, [finding('c', '2024-06-01')]);
    expect(judged.length).toBe(3);
    expect(kept(judged, 0, stamps(0), { versions: [V1] })).toBeUndefined();
    expect(kept(judged, 1, stamps(0), { versions: [V1] })).toBeUndefined();
    judged.set(2, stamps(6), day('2026-02-01'), V2, []);
    expect(kept(judged, 2, stamps(5), { versions: [V1, V2] })).toBeUndefined();
    expect(kept(judged, 2, stamps(6), { versions: [V1, V2] })).toEqual([]);
  });

  it('comes back equal through a snapshot, and keeps being written to', () => {
    const judged = JudgedFindings.empty();
    judged.set(0, stamps(1), day('2024-01-10'), V1, [finding('a', '2024-06-01'), finding('a', '2025-06-01')]);
    judged.set(1, stamps(2, 2), day('2026-03-01'), V2, []);
    const restored = roundTrip(judged);
    expect(kept(restored, 0, stamps(1), { versions: [V1, V2] })).toEqual([finding('a', '2024-06-01'), finding('a', '2025-06-01')]);
    expect(kept(restored, 1, stamps(2, 2), { versions: [V1, V2] })).toEqual([]);
    restored.set(2, stamps(3), day('2026-04-01'), V2, [finding('c', '2026-06-01')]);
    expect(kept(roundTrip(restored), 2, stamps(3), { versions: [V1, V2] })).toEqual([finding('c', '2026-06-01')]);
  });

  it('summarises each agreement’s findings as it keeps them: set, replaced, through a snapshot and a checkpoint', () => {
    const judged = JudgedFindings.empty();
    const resolved = { ...finding('a', '2024-06-01'), findingId: 'a:REGISTRATION_OVERDUE', ruleCode: 'REGISTRATION_OVERDUE', resolvedOn: day('2024-07-01') } as const;
    judged.set(0, stamps(1), day('2024-01-10'), V1, [resolved, finding('a', '2025-06-01')]);
    judged.set(2, stamps(2), day('2024-01-10'), V1, [finding('c', '2024-06-01')]);
    const expected = {
      0: [
        { rule: 'REGISTRATION_OVERDUE', raisedOn: '2024-06-01', resolvedOn: '2024-07-01', occurrence: '' },
        { rule: 'DORMANT', raisedOn: '2025-06-01', resolvedOn: null, occurrence: '2025-06-01' },
      ],
      1: [],
      2: [{ rule: 'DORMANT', raisedOn: '2024-06-01', resolvedOn: null, occurrence: '2024-06-01' }],
    };
    const restored = roundTrip(judged);
    for (const holder of [judged, restored]) for (const [sequence, list] of Object.entries(expected)) expect(summaries(holder, Number(sequence))).toEqual(list);
    // Replaced after the snapshot: the new summary, the others still read off the snapshot's columns.
    restored.set(0, stamps(3), day('2024-01-10'), V1, [finding('a', '2026-01-01')]);
    expect(summaries(restored, 0)).toEqual([{ rule: 'DORMANT', raisedOn: '2026-01-01', resolvedOn: null, occurrence: '2026-01-01' }]);
    expect(summaries(restored, 2)).toEqual(expected[2]);
    const checkpoint = JudgedFindings.decoded(v8.deserialize(v8.serialize(restored.checkpoint())) as JudgedFindingsData);
    expect(summaries(checkpoint, 0)).toEqual(summaries(restored, 0));
    expect(summaries(checkpoint, 2)).toEqual([]);
    expect(summaries(roundTrip(restored), 2)).toEqual(expected[2]);
  });

  it('refuses stored columns that do not match its judgements', () => {
    const stored = JudgedFindings.empty();
    stored.set(0, stamps(1), day('2024-01-10'), V1, [finding('a', '2024-06-01')]);
    const data = stored.encode();
    expect(() => JudgedFindings.decoded({ ...data, counts: new Int32Array(0) })).toThrow(/columns do not match/);
    expect(() => JudgedFindings.decoded({ ...data, summaries: { ...data.summaries, rules: new Uint8Array(0) } })).toThrow(/summaries do not match the 1 findings/);
    expect(() => JudgedFindings.decoded({ ...data, summaries: { ...data.summaries, occurrences: '' } })).toThrow(/occurrences do not match their ends/);
  });
});
