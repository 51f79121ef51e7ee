import * as v8 from 'node:v8';
import {
  AUDIT_RULE_CODES,
  AUDIT_RULE_DESCRIPTIONS,
  auditFindingsProjection,
  createFindingsEvaluator, evaluateFindings, findingsOfAgreement, type AuditFinding, type AuditModel, type AuditRuleCode } from '../../projections/auditFindings';
import type { AgreementEvent, AgreementEventData } from '../../src/agreements/agreementEvents';
import type { PolicyVersion } from '../../src/policy/policyTypes';
import { policyProjection, type PolicyModel } from '../../projections/policy';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import type { LegalDate } from '../../src/shared/time';
import { dayNumber } from '../../src/shared/calendarArithmetic';
import {
  AGREEMENT_ID,
  JALISCO,
  KYOTO_CITY,
  TEXAS,
  UNIVERSITY,
  date,
  favourableOpinion,
  opened,
  openedData,
  registered,
  signed,
  milestoneData,
  signedData,
  submitted,
  terminated,
} from '../agreements/agreementFixtures';
import {
  JAPAN_FOREIGN_MINISTRY,
  MADRID_CITY,
  agreementIdOf,
  corrected,
  counterpartIdentified,
  country,
  enteredIntoForce,
  eventLog,
  foldModels,
  instant,
  milestone,
  money,
  opinion,
  projectMilestone,
  renewed,
  resumed,
  suspended,
  workPlanAdopted,
  type EventLog,
} from '../support/auditEvents';
import { AUDIT_RULES_VERSION, judgementStampsOf } from '../../src/audit/evaluateFindings';
import { judgedFindingsOf, type JudgedFindings, type JudgementStamps } from '../../src/audit/judgedFindings';
import { plainModel } from '../support/plainModel';

const A = AGREEMENT_ID;
const B = agreementIdOf(2);
const C = agreementIdOf(3);

/** A second policy version: from 2026, Asia-Pacific and water are the priorities, deadlines are shorter. */
const POLICY_2026: PolicyVersion = {
  ...SEED_POLICY_VERSION,
  version: 2,
  effectiveFrom: date('2026-01-01'),
  title: 'Política federal 2026',
  priorityRegions: [{ id: 'asia-pacific', name: 'Asia-Pacífico', countries: [country('JP'), country('KR')] }],
  priorityThemes: ['water'],
  deadlines: { registrationAfterSignatureDays: 10, dormancyMonths: 12, opinionBeforeSignatureRequired: true },
};

const withSeedPolicy = (): EventLog => {
  const log = eventLog();
  log.publishPolicy(SEED_POLICY_VERSION, { recordedAt: instant('2020-01-01T12:00:00.000Z') });
  return log;
};

/** What a kept judgement says while valid, as an evaluator reads it; undefined once not. */
const kept = (judged: JudgedFindings, sequence: number, at: JudgementStamps, policy: PolicyModel) =>
  judged.isValid(sequence, at, policy) ? judged.findingsOf(sequence) : undefined;

/** Lends `to` what a snapshot of `from` holds to lend (its judgements and their checkpoints), as a later history snapshot would. */
const lendFrom = (from: AuditModel, to: AuditModel): void => {
  const codec = auditFindingsProjection.snapshot!;
  const { judged, checkpoints } = v8.deserialize(v8.serialize(codec.encode(from))) as { judged: unknown; checkpoints: unknown };
  codec.lendable!.lend(to, judged, checkpoints);
};

const findings = (log: EventLog, today: string): AuditFinding[] => {
  const { audit, policy } = foldModels(log.events);
  return evaluateFindings(audit, policy, date(today));
};

const ofRule = (log: EventLog, today: string, code: AuditRuleCode): AuditFinding[] => findings(log, today).filter((finding) => finding.ruleCode === code);

const one = (log: EventLog, today: string, code: AuditRuleCode): AuditFinding => {
  const found = ofRule(log, today, code);
  expect(found).toHaveLength(1);
  return found[0]!;
};

/**
 * The lifecycle of an exemplary agreement, step by step up to `until`: opened 2024-01-10,
 * submitted 2024-02-01, favourable opinion 2024-03-01, signed 2024-04-01, registered and in force
 * 2024-04-20, a milestone on 2024-06-01.
 */
const STEPS = ['opened', 'submitted', 'opinion', 'signed', 'registered', 'force', 'milestone'] as const;
const exemplary = (
  log: EventLog,
  until: (typeof STEPS)[number] = 'milestone',
  agreementId = A,
  overrides: Partial<AgreementEventData['AgreementOpened']> = {},
) => {
  const recorded: Record<string, ReturnType<EventLog['record']>> = {};
  const builders: Record<(typeof STEPS)[number], () => AgreementEvent> = {
    opened: () => opened({ agreementId, ...overrides }),
    submitted: () => submitted('2024-02-01'),
    opinion: () => favourableOpinion('2024-03-01'),
    signed: () => signed('2024-04-01'),
    registered: () => registered('2024-04-20'),
    force: () => enteredIntoForce('2024-04-20'),
    milestone: () => milestone('m-1', '2024-06-01'),
  };
  for (const step of STEPS) {
    recorded[step] = log.record(agreementId, builders[step]());
    if (step === until) break;
  }
  return recorded;
};

describe('audit findings', () => {
  it('finds nothing in an exemplary agreement', () => {
    const log = withSeedPolicy();
    exemplary(log);
    expect(findings(log, '2025-06-15')).toEqual([]);
  });

  it('is a projection with a name and a version, and never reads a clock', () => {
    expect(auditFindingsProjection.name).toBe('auditFindings');
    expect(auditFindingsProjection.version).toBeGreaterThanOrEqual(1);
  });

  describe('SIGNED_WITHOUT_OPINION (legal breach, LCT art. 7)', () => {
    it('is raised on the signature date when no opinion precedes the signature', () => {
      const log = withSeedPolicy();
      log.record(A, opened());
      log.record(A, submitted('2024-02-01'));
      const signature = log.record(A, signed('2024-04-01'));
      expect(one(log, '2024-04-02', 'SIGNED_WITHOUT_OPINION')).toEqual({
        findingId: `${A}:SIGNED_WITHOUT_OPINION`,
        ruleCode: 'SIGNED_WITHOUT_OPINION',
        severity: 'legal-breach',
        heuristic: false,
        agreementId: A,
        explanation: { es: expect.stringContaining('2024-04-01'), en: expect.stringContaining('LCT art. 7') },
        evidence: [signature.id],
        relatedAgreementIds: [],
        policyVersion: 1,
        raisedOn: '2024-04-01',
        raisedAt: signature.metadata.recordedAt,
        resolvedOn: null,
        resolvedAt: null,
        resolvedBy: [],
      });
    });

    it('is not raised when an opinion precedes the signature, even on the same day', () => {
      const log = withSeedPolicy();
      log.record(A, opened());
      log.record(A, submitted('2024-02-01'));
      log.record(A, favourableOpinion('2024-04-01'));
      log.record(A, signed('2024-04-01'));
      expect(ofRule(log, '2024-04-02', 'SIGNED_WITHOUT_OPINION')).toEqual([]);
    });

    it('is resolved (regularised) by a later favourable opinion, and stays listed', () => {
      const log = withSeedPolicy();
      log.record(A, opened());
      log.record(A, submitted('2024-02-01'));
      log.record(A, signed('2024-04-01'));
      const late = log.record(A, favourableOpinion('2024-05-10'));
      expect(one(log, '2024-06-01', 'SIGNED_WITHOUT_OPINION')).toMatchObject({
        raisedOn: '2024-04-01',
        resolvedOn: '2024-05-10',
        resolvedAt: late.metadata.recordedAt,
        resolvedBy: [late.id],
      });
    });

    it('is raised when the only opinions are older than the text submitted again before the signature, and not once the new text has its own', () => {
      const log = withSeedPolicy();
      log.record(A, opened());
      log.record(A, submitted('2024-01-15'));
      log.record(A, favourableOpinion('2024-01-20'));
      const resubmitted = log.record(A, submitted('2024-02-05'));
      const signature = log.record(A, signed('2024-02-10'));
      expect(one(log, '2024-02-11', 'SIGNED_WITHOUT_OPINION')).toMatchObject({
        raisedOn: '2024-02-10',
        evidence: [signature.id, resubmitted.id],
        explanation: { en: 'Signed on 2024-02-10 with no SRE opinion on the text submitted on 2024-02-05: the earlier opinion is on an earlier text (LCT art. 7).' },
        resolvedOn: null,
      });

      const onTheNewText = withSeedPolicy();
      onTheNewText.record(A, opened());
      onTheNewText.record(A, submitted('2024-01-15'));
      onTheNewText.record(A, favourableOpinion('2024-01-20'));
      onTheNewText.record(A, submitted('2024-02-05'));
      onTheNewText.record(A, favourableOpinion('2024-02-05'));
      onTheNewText.record(A, signed('2024-02-10'));
      expect(ofRule(onTheNewText, '2024-02-11', 'SIGNED_WITHOUT_OPINION')).toEqual([]);
    });

    it('is not raised when the policy in force at signature does not require the opinion first', () => {
      const log = eventLog();
      log.publishPolicy({ ...SEED_POLICY_VERSION, deadlines: { ...SEED_POLICY_VERSION.deadlines, opinionBeforeSignatureRequired: false } });
      log.record(A, opened());
      log.record(A, signed('2024-04-01'));
      expect(ofRule(log, '2024-04-02', 'SIGNED_WITHOUT_OPINION')).toEqual([]);
    });
  });

  describe('SIGNED_AFTER_UNFAVOURABLE_OPINION (legal breach)', () => {
    it('is raised when the latest opinion before the signature is unfavourable', () => {
      const log = withSeedPolicy();
      log.record(A, opened());
      log.record(A, submitted('2024-02-01'));
      log.record(A, favourableOpinion('2024-02-10', 'DGCP-1'));
      log.record(A, submitted('2024-02-20'));
      const against = log.record(A, opinion('unfavourable', '2024-03-01', 'DGCP-2'));
      const signature = log.record(A, signed('2024-04-01'));
      const finding = one(log, '2024-04-02', 'SIGNED_AFTER_UNFAVOURABLE_OPINION');
      expect(finding).toMatchObject({ severity: 'legal-breach', raisedOn: '2024-04-01', evidence: [against.id, signature.id], resolvedOn: null });
      expect(finding.explanation.en).toContain('DGCP-2');
      expect(ofRule(log, '2024-04-02', 'SIGNED_WITHOUT_OPINION')).toEqual([]);
    });

    it('is not raised when a favourable opinion on a revised text followed the unfavourable one', () => {
      const log = withSeedPolicy();
      log.record(A, opened());
      log.record(A, submitted('2024-02-01'));
      log.record(A, opinion('unfavourable', '2024-02-10', 'DGCP-1'));
      log.record(A, submitted('2024-02-20'));
      log.record(A, opinion('favourable-with-observations', '2024-03-01', 'DGCP-2'));
      log.record(A, signed('2024-04-01'));
      expect(ofRule(log, '2024-04-02', 'SIGNED_AFTER_UNFAVOURABLE_OPINION')).toEqual([]);
    });

    it('is resolved by a favourable opinion issued after the signature', () => {
      const log = withSeedPolicy();
      log.record(A, opened());
      log.record(A, submitted('2024-02-01'));
      log.record(A, opinion('unfavourable', '2024-03-01', 'DGCP-1'));
      log.record(A, signed('2024-04-01'));
      log.record(A, submitted('2024-05-01'));
      const regularised = log.record(A, opinion('favourable', '2024-05-20', 'DGCP-2'));
      expect(one(log, '2024-06-01', 'SIGNED_AFTER_UNFAVOURABLE_OPINION')).toMatchObject({ resolvedOn: '2024-05-20', resolvedBy: [regularised.id] });
    });
  });

  describe('OPINION_AFTER_SIGNATURE (data quality)', () => {
    it('is raised on the date of the first opinion when it follows the signature', () => {
      const log = withSeedPolicy();
      log.record(A, opened());
      log.record(A, submitted('2024-02-01'));
      const signature = log.record(A, signed('2024-04-01'));
      const late = log.record(A, favourableOpinion('2024-05-10'));
      expect(one(log, '2024-06-01', 'OPINION_AFTER_SIGNATURE')).toMatchObject({
        severity: 'data-quality',
        raisedOn: '2024-05-10',
        raisedAt: late.metadata.recordedAt,
        evidence: [signature.id, late.id],
        resolvedOn: null,
      });
    });

    it('is not raised when the first opinion precedes the signature, whatever follows', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed');
      log.record(A, opinion('favourable', '2024-05-10', 'DGCP-9'));
      expect(ofRule(log, '2024-06-01', 'OPINION_AFTER_SIGNATURE')).toEqual([]);
    });
  });

  describe('REGISTRATION_OVERDUE (legal breach, deadline of the policy in force at signature)', () => {
    it('is raised on the first day past the deadline, by the calendar alone', () => {
      const log = withSeedPolicy();
      const { signed: signature } = exemplary(log, 'signed');
      // Signed 2024-04-01 + 30 days: registration is due by 2024-05-01 inclusive.
      expect(ofRule(log, '2024-05-01', 'REGISTRATION_OVERDUE')).toEqual([]);
      expect(one(log, '2024-05-02', 'REGISTRATION_OVERDUE')).toMatchObject({
        severity: 'legal-breach',
        raisedOn: '2024-05-02',
        raisedAt: null,
        evidence: [signature!.id],
        policyVersion: 1,
        resolvedOn: null,
      });
    });

    it('is not raised when registered on the last day of the deadline', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed');
      log.record(A, registered('2024-05-01'));
      expect(ofRule(log, '2025-01-01', 'REGISTRATION_OVERDUE')).toEqual([]);
    });

    it('is resolved on a late registration, which a day before it happened does not yet show', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed');
      const registration = log.record(A, registered('2024-06-10'));
      expect(one(log, '2024-07-01', 'REGISTRATION_OVERDUE')).toMatchObject({
        raisedOn: '2024-05-02',
        resolvedOn: '2024-06-10',
        resolvedAt: registration.metadata.recordedAt,
        resolvedBy: [registration.id],
      });
      expect(one(log, '2024-06-09', 'REGISTRATION_OVERDUE')).toMatchObject({ resolvedOn: null, resolvedAt: null, resolvedBy: [] });
    });

    it('carries the recording instant when the registry learned of the signature only after the deadline', () => {
      const log = withSeedPolicy();
      exemplary(log, 'opinion');
      const signature = log.record(A, signed('2024-04-01'), { recordedAt: instant('2024-09-01T15:00:00.000Z') });
      expect(one(log, '2024-09-02', 'REGISTRATION_OVERDUE').raisedAt).toBe(signature.metadata.recordedAt);
    });

    it('uses the deadline of the version in force at signature, not the one in force today', () => {
      const log = withSeedPolicy();
      log.publishPolicy(POLICY_2026);
      exemplary(log, 'opinion', A);
      log.record(A, signed('2025-12-20'));
      exemplary(log, 'opinion', B);
      log.record(B, signed('2026-01-05'));
      const today = '2026-01-25';
      // A: 30 days (v1), due 2026-01-19. B: 10 days (v2), due 2026-01-15. Both overdue on the 25th.
      const overdue = ofRule(log, today, 'REGISTRATION_OVERDUE');
      expect(overdue.map((finding) => [finding.agreementId, finding.policyVersion, finding.raisedOn])).toEqual([
        [A, 1, '2026-01-20'],
        [B, 2, '2026-01-16'],
      ]);
    });
  });

  describe('PRIVATE_COUNTERPART (legal breach)', () => {
    it('is raised for a private counterpart on a memorandum of understanding', () => {
      const log = withSeedPolicy();
      const opening = log.record(A, opened({ kind: 'memorandum-of-understanding', counterparts: [UNIVERSITY] }));
      expect(one(log, '2024-02-01', 'PRIVATE_COUNTERPART')).toMatchObject({
        severity: 'legal-breach',
        raisedOn: '2024-01-10',
        raisedAt: opening.metadata.recordedAt,
        evidence: [opening.id],
        policyVersion: 1,
      });
    });

    it('is raised from the day a private counterpart is identified', () => {
      const log = withSeedPolicy();
      log.record(A, opened({ kind: 'letter-of-intent' }));
      expect(ofRule(log, '2024-02-01', 'PRIVATE_COUNTERPART')).toEqual([]);
      const identified = log.record(A, counterpartIdentified(UNIVERSITY, '2024-03-01'));
      expect(one(log, '2024-03-05', 'PRIVATE_COUNTERPART')).toMatchObject({ raisedOn: '2024-03-01', evidence: [identified.id] });
    });

    it('is not raised for governmental counterparts', () => {
      const log = withSeedPolicy();
      exemplary(log);
      expect(ofRule(log, '2025-01-01', 'PRIVATE_COUNTERPART')).toEqual([]);
    });
  });

  describe('STATE_TREATY_WITH_SOVEREIGN (legal breach, heuristic, Constitution art. 117 fr. I)', () => {
    const stateParty = [{ level: 'state' as const, code: JALISCO, agency: 'Secretaría de Desarrollo Económico' }];

    it('is raised for a state party and a foreign national government in a cooperation agreement', () => {
      const log = withSeedPolicy();
      const opening = log.record(A, opened({ kind: 'cooperation-agreement', parties: stateParty, counterparts: [JAPAN_FOREIGN_MINISTRY] }));
      expect(one(log, '2024-02-01', 'STATE_TREATY_WITH_SOVEREIGN')).toMatchObject({
        severity: 'legal-breach',
        heuristic: true,
        raisedOn: '2024-01-10',
        evidence: [opening.id],
      });
    });

    it('is raised from the day a national government is identified as a counterpart', () => {
      const log = withSeedPolicy();
      const opening = log.record(A, opened({ kind: 'cooperation-agreement', parties: stateParty, counterparts: [TEXAS] }));
      const identified = log.record(A, counterpartIdentified(JAPAN_FOREIGN_MINISTRY, '2024-03-01'));
      expect(one(log, '2024-04-01', 'STATE_TREATY_WITH_SOVEREIGN')).toMatchObject({ raisedOn: '2024-03-01', raisedAt: identified.metadata.recordedAt, evidence: [opening.id, identified.id] });
    });

    it('is not raised for a municipal party, a subnational counterpart or a non-binding kind', () => {
      const log = withSeedPolicy();
      log.record(A, opened({ kind: 'cooperation-agreement', counterparts: [JAPAN_FOREIGN_MINISTRY] }));
      log.record(B, opened({ agreementId: B, kind: 'cooperation-agreement', parties: stateParty, counterparts: [TEXAS] }));
      log.record(C, opened({ agreementId: C, kind: 'memorandum-of-understanding', parties: stateParty, counterparts: [JAPAN_FOREIGN_MINISTRY] }));
      expect(ofRule(log, '2024-02-01', 'STATE_TREATY_WITH_SOVEREIGN')).toEqual([]);
    });
  });

  describe('FOREIGN_CURRENCY_BORROWING (legal breach, heuristic, Constitution art. 117 fr. VIII)', () => {
    it('is raised for a project milestone in foreign currency described as a loan', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force');
      const loan = log.record(A, projectMilestone('m-loan', '2024-08-01', 'Préstamo de la agencia de cooperación para el tranvía', money('2500000.00', 'USD')));
      const finding = one(log, '2024-09-01', 'FOREIGN_CURRENCY_BORROWING');
      expect(finding).toMatchObject({
        findingId: `${A}:FOREIGN_CURRENCY_BORROWING:m-loan`,
        heuristic: true,
        raisedOn: '2024-08-01',
        raisedAt: loan.metadata.recordedAt,
        evidence: [loan.id],
      });
      expect(finding.explanation.es).toContain('2500000.00 USD');
      expect(finding.explanation.es).toContain('prestamo');
    });

    it('matches credit and financing words in English too, ignoring case', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force');
      log.record(A, projectMilestone('m-1', '2024-08-01', 'Soft LOAN for the water plant', money('100.00', 'EUR')));
      log.record(A, projectMilestone('m-2', '2024-08-02', 'Línea de crédito', money('100.00', 'JPY')));
      expect(ofRule(log, '2024-09-01', 'FOREIGN_CURRENCY_BORROWING').map((finding) => finding.findingId)).toEqual([
        `${A}:FOREIGN_CURRENCY_BORROWING:m-1`,
        `${A}:FOREIGN_CURRENCY_BORROWING:m-2`,
      ]);
    });

    it('is not raised for pesos, for grants, or for milestones other than projects', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force');
      log.record(A, projectMilestone('m-1', '2024-08-01', 'Préstamo de BANOBRAS', money('100.00', 'MXN')));
      log.record(A, projectMilestone('m-2', '2024-08-02', 'Donación para el museo', money('100.00', 'USD')));
      log.record(A, projectMilestone('m-3', '2024-08-03', 'Visita sobre el préstamo', money('100.00', 'USD'), 'visit'));
      log.record(A, projectMilestone('m-4', '2024-08-04', 'Acreditación de laboratorios', money('100.00', 'USD')));
      expect(ofRule(log, '2024-09-01', 'FOREIGN_CURRENCY_BORROWING')).toEqual([]);
    });
  });

  describe('OUTSIDE_POWERS (legal breach, heuristic)', () => {
    it('is raised for a theme reserved to the Federation', () => {
      const log = withSeedPolicy();
      const opening = log.record(A, opened({ themes: ['culture', 'migration'] }));
      const finding = one(log, '2024-02-01', 'OUTSIDE_POWERS');
      expect(finding).toMatchObject({ heuristic: true, raisedOn: '2024-01-10', evidence: [opening.id] });
      expect(finding.explanation.en).toContain('migration');
    });

    it('is not raised for themes within local powers', () => {
      const log = withSeedPolicy();
      log.record(A, opened({ themes: ['public-security', 'culture'] }));
      expect(ofRule(log, '2024-02-01', 'OUTSIDE_POWERS')).toEqual([]);
    });
  });

  describe('NOT_ALIGNED_WITH_PRIORITIES (policy misalignment)', () => {
    it('is raised when neither a counterpart country nor a theme is a priority', () => {
      const log = withSeedPolicy();
      exemplary(log, 'registered', A, { themes: ['education'] });
      expect(one(log, '2024-05-01', 'NOT_ALIGNED_WITH_PRIORITIES')).toMatchObject({
        severity: 'policy-misalignment',
        raisedOn: '2024-04-01',
        policyVersion: 1,
      });
    });

    it('is judged at the opening date while unsigned', () => {
      const log = withSeedPolicy();
      log.record(A, opened({ themes: ['education'] }));
      expect(one(log, '2024-02-01', 'NOT_ALIGNED_WITH_PRIORITIES')).toMatchObject({ raisedOn: '2024-01-10', policyVersion: 1 });
    });

    it('is not raised for a priority theme, or a counterpart in a priority region', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A, { themes: ['culture'] });
      exemplary(log, 'signed', B, { themes: ['education'], counterparts: [MADRID_CITY] });
      expect(ofRule(log, '2024-05-01', 'NOT_ALIGNED_WITH_PRIORITIES')).toEqual([]);
    });

    it('is raised for a Mexican private counterpart, Mexico being a member of priority regions but no foreign relation', () => {
      const log = withSeedPolicy();
      const mexicanCompany = { kind: 'private', name: 'Cementos del Bajío', sector: 'company', country: 'MX' } as const;
      log.record(A, opened({ kind: 'memorandum-of-understanding', themes: ['education'], counterparts: [mexicanCompany as never] }));
      expect(one(log, '2024-02-01', 'NOT_ALIGNED_WITH_PRIORITIES')).toMatchObject({ raisedOn: '2024-01-10' });
    });

    it('judges an agreement by the priorities in force at its signature', () => {
      const log = withSeedPolicy();
      log.publishPolicy(POLICY_2026);
      // Kyoto (Japan) on education: outside v1's regions and themes, inside v2's Asia-Pacific.
      exemplary(log, 'opinion', A, { themes: ['education'] });
      log.record(A, signed('2025-11-01'));
      exemplary(log, 'opinion', B, { themes: ['education'] });
      log.record(B, signed('2026-02-01'));
      // Madrid on culture: aligned under v1, but neither Spain nor culture is a priority of v2.
      exemplary(log, 'opinion', C, { counterparts: [MADRID_CITY] });
      log.record(C, signed('2026-02-01'));
      const found = ofRule(log, '2026-03-01', 'NOT_ALIGNED_WITH_PRIORITIES');
      expect(found.map((finding) => [finding.agreementId, finding.policyVersion])).toEqual([
        [A, 1],
        [C, 2],
      ]);
    });
  });

  describe('DORMANT (policy misalignment, period of the policy in force at signature)', () => {
    it('is raised when the dormancy period after the signature elapses with no milestone', () => {
      const log = withSeedPolicy();
      const { signed: signature } = exemplary(log, 'registered');
      // Signed 2024-04-01 + 24 months: a milestone up to 2026-04-01 is in time.
      expect(ofRule(log, '2026-04-01', 'DORMANT')).toEqual([]);
      expect(one(log, '2026-04-02', 'DORMANT')).toMatchObject({
        findingId: `${A}:DORMANT:2026-04-02`,
        severity: 'policy-misalignment',
        raisedOn: '2026-04-02',
        raisedAt: null,
        evidence: [signature!.id],
        resolvedOn: null,
      });
    });

    it('counts from the last milestone, and is resolved by the next one; a new period can follow', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force');
      const first = log.record(A, milestone('m-1', '2024-06-01'));
      const revival = log.record(A, milestone('m-2', '2026-09-15'));
      expect(ofRule(log, '2026-06-01', 'DORMANT')).toEqual([]);
      const periods = ofRule(log, '2028-10-01', 'DORMANT');
      expect(periods).toEqual([
        expect.objectContaining({ raisedOn: '2026-06-02', evidence: [first.id], resolvedOn: '2026-09-15', resolvedAt: revival.metadata.recordedAt, resolvedBy: [revival.id] }),
        expect.objectContaining({ raisedOn: '2028-09-16', evidence: [revival.id], resolvedOn: null }),
      ]);
      // Asked on a day before the revival, the first period is still open.
      expect(ofRule(log, '2026-09-14', 'DORMANT')).toEqual([expect.objectContaining({ raisedOn: '2026-06-02', resolvedOn: null })]);
    });

    it('is avoided by a milestone on the last day of the period', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force');
      log.record(A, milestone('m-1', '2026-04-01'));
      expect(ofRule(log, '2026-12-01', 'DORMANT')).toEqual([]);
    });

    it('does not run while the agreement is suspended, and restarts at the resumption', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force');
      log.record(A, suspended('2025-01-01'));
      expect(ofRule(log, '2027-01-01', 'DORMANT')).toEqual([]);
      log.record(A, resumed('2027-02-01'));
      expect(ofRule(log, '2029-02-01', 'DORMANT')).toEqual([]);
      expect(one(log, '2029-02-02', 'DORMANT').raisedOn).toBe('2029-02-02');
    });

    it('is resolved by the termination of a dormant agreement', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force');
      const termination = log.record(A, terminated('2026-08-01'));
      expect(one(log, '2027-01-01', 'DORMANT')).toMatchObject({ raisedOn: '2026-04-21', resolvedOn: '2026-08-01', resolvedBy: [termination.id] });
    });

    it('is resolved by a suspension, and by expiry (then with no recorded instant)', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force', A);
      const suspension = log.record(A, suspended('2026-06-01'));
      exemplary(log, 'force', B, { counterparts: [MADRID_CITY], validity: { endsOn: date('2026-12-31'), automaticRenewal: false } });
      expect(ofRule(log, '2027-06-01', 'DORMANT')).toEqual([
        expect.objectContaining({ agreementId: A, raisedOn: '2026-04-21', resolvedOn: '2026-06-01', resolvedBy: [suspension.id] }),
        expect.objectContaining({ agreementId: B, raisedOn: '2026-04-21', resolvedOn: '2027-01-01', resolvedAt: null, resolvedBy: [] }),
      ]);
    });

    it('is not raised when a termination takes effect the day dormancy would begin', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force');
      // Raised on 2026-04-21 otherwise (see the termination case above): out of force from that day.
      log.record(A, terminated('2026-04-21'));
      expect(ofRule(log, '2027-01-01', 'DORMANT')).toEqual([]);
    });

    it('is not raised when the agreement expires the day the period ends', () => {
      const log = withSeedPolicy();
      // In force from 2024-04-20: 24 months run to 2026-04-20, its last day in force.
      exemplary(log, 'force', A, { validity: { endsOn: date('2026-04-20'), automaticRenewal: false } });
      expect(ofRule(log, '2027-01-01', 'DORMANT')).toEqual([]);
    });

    it('uses the period of the version in force at signature', () => {
      const log = withSeedPolicy();
      log.publishPolicy(POLICY_2026);
      exemplary(log, 'opinion', A);
      log.record(A, signed('2025-12-15'));
      exemplary(log, 'opinion', B);
      log.record(B, signed('2026-01-15'));
      // v2 (12 months) judges B; A keeps v1's 24 months.
      expect(ofRule(log, '2027-01-16', 'DORMANT').map((finding) => [finding.agreementId, finding.policyVersion, finding.raisedOn])).toEqual([
        [B, 2, '2027-01-16'],
      ]);
      expect(ofRule(log, '2027-12-16', 'DORMANT').map((finding) => finding.agreementId)).toEqual([A, B]);
    });
  });

  describe('MILESTONE_AFTER_END (data quality)', () => {
    it('is raised for a milestone dated after the termination', () => {
      const log = withSeedPolicy();
      exemplary(log);
      const termination = log.record(A, terminated('2025-01-15'));
      const late = log.record(A, milestone('m-2', '2025-02-01'));
      expect(one(log, '2025-03-01', 'MILESTONE_AFTER_END')).toMatchObject({
        findingId: `${A}:MILESTONE_AFTER_END:m-2`,
        severity: 'data-quality',
        raisedOn: '2025-02-01',
        raisedAt: late.metadata.recordedAt,
        evidence: [late.id, termination.id],
      });
    });

    it('is raised for a milestone dated after the expiry of a fixed term', () => {
      const log = withSeedPolicy();
      const { opened: opening } = exemplary(log, 'force', A, { validity: { endsOn: date('2024-12-31'), automaticRenewal: false } });
      const late = log.record(A, milestone('m-2', '2025-03-01'));
      expect(one(log, '2025-04-01', 'MILESTONE_AFTER_END')).toMatchObject({ raisedOn: '2025-03-01', evidence: [late.id, opening!.id] });
    });

    it('is not raised on the termination day, nor when a renewal covers the milestone', () => {
      const log = withSeedPolicy();
      exemplary(log);
      log.record(A, milestone('m-2', '2025-01-15'));
      log.record(A, terminated('2025-01-15'));
      exemplary(log, 'force', B, { validity: { endsOn: date('2024-12-31'), automaticRenewal: false } });
      log.record(B, renewed('2024-12-01', '2026-12-31'));
      log.record(B, milestone('m-2', '2025-03-01'));
      expect(ofRule(log, '2025-04-01', 'MILESTONE_AFTER_END')).toEqual([]);
    });
  });

  describe('DUPLICATE_TWINNING (data quality)', () => {
    it('is raised on the later of two live twinnings of the same pair', () => {
      const log = withSeedPolicy();
      const { opened: original } = exemplary(log, 'opened', A);
      const repeat = log.record(B, opened({ agreementId: B, kind: 'declaratory-twinning', openedOn: date('2024-05-01') }));
      expect(one(log, '2024-06-01', 'DUPLICATE_TWINNING')).toMatchObject({
        agreementId: B,
        severity: 'data-quality',
        relatedAgreementIds: [A],
        raisedOn: '2024-05-01',
        raisedAt: repeat.metadata.recordedAt,
        evidence: [repeat.id, original!.id],
        resolvedOn: null,
      });
    });

    it('matches the counterpart ignoring case, and when it is identified later', () => {
      const log = withSeedPolicy();
      exemplary(log, 'opened', A);
      log.record(B, opened({ agreementId: B, openedOn: date('2024-05-01'), counterparts: [] }));
      expect(ofRule(log, '2024-06-01', 'DUPLICATE_TWINNING')).toEqual([]);
      log.record(B, counterpartIdentified({ ...KYOTO_CITY, name: 'KYOTO' }, '2024-06-10'));
      expect(one(log, '2024-07-01', 'DUPLICATE_TWINNING')).toMatchObject({ agreementId: B, raisedOn: '2024-06-10' });
    });

    it('is resolved when the earlier twinning is terminated', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      log.record(B, opened({ agreementId: B, openedOn: date('2024-05-01') }));
      const termination = log.record(A, terminated('2024-09-01'));
      expect(one(log, '2024-10-01', 'DUPLICATE_TWINNING')).toMatchObject({ resolvedOn: '2024-09-01', resolvedAt: termination.metadata.recordedAt, resolvedBy: [termination.id] });
    });

    it('is not raised for a new twinning after the first one ended, or with another counterpart', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      log.record(A, terminated('2024-09-01'));
      log.record(B, opened({ agreementId: B, openedOn: date('2024-09-01') }));
      log.record(C, opened({ agreementId: C, openedOn: date('2024-09-01'), counterparts: [MADRID_CITY] }));
      expect(ofRule(log, '2024-10-01', 'DUPLICATE_TWINNING')).toEqual([]);
    });

    it('is not raised for kinds other than twinnings', () => {
      const log = withSeedPolicy();
      log.record(A, opened({ kind: 'cooperation-agreement' }));
      log.record(B, opened({ agreementId: B, kind: 'cooperation-agreement', openedOn: date('2024-05-01') }));
      expect(ofRule(log, '2024-10-01', 'DUPLICATE_TWINNING')).toEqual([]);
    });
  });

  describe('DECLARATORY_ONLY (data quality, 12 months)', () => {
    it('is raised when a declaratory twinning is still unsigned 12 months after opening', () => {
      const log = withSeedPolicy();
      const opening = log.record(A, opened({ kind: 'declaratory-twinning' }));
      expect(ofRule(log, '2025-01-10', 'DECLARATORY_ONLY')).toEqual([]);
      expect(one(log, '2025-01-11', 'DECLARATORY_ONLY')).toMatchObject({ raisedOn: '2025-01-11', raisedAt: null, evidence: [opening.id], resolvedOn: null });
    });

    it('is resolved by a late signature, and avoided by a timely one', () => {
      const log = withSeedPolicy();
      log.record(A, opened({ kind: 'declaratory-twinning' }));
      const signature = log.record(A, signed('2025-03-01'));
      log.record(B, opened({ agreementId: B, kind: 'declaratory-twinning', counterparts: [MADRID_CITY] }));
      log.record(B, signed('2024-12-01'));
      expect(ofRule(log, '2025-06-01', 'DECLARATORY_ONLY')).toEqual([
        expect.objectContaining({ agreementId: A, resolvedOn: '2025-03-01', resolvedBy: [signature.id] }),
      ]);
    });
  });

  describe('EXPIRED_STILL_ACTIVE (data quality)', () => {
    const fixedTerm = { validity: { endsOn: date('2024-12-31'), automaticRenewal: false } };

    it('is raised when activity is recorded after the term ended with no renewal', () => {
      const log = withSeedPolicy();
      const { opened: opening } = exemplary(log, 'force', A, fixedTerm);
      const plan = log.record(A, workPlanAdopted('2025-02-01'));
      expect(ofRule(log, '2025-01-31', 'EXPIRED_STILL_ACTIVE')).toEqual([]);
      expect(one(log, '2025-03-01', 'EXPIRED_STILL_ACTIVE')).toMatchObject({
        severity: 'data-quality',
        raisedOn: '2025-02-01',
        evidence: [plan.id, opening!.id],
        resolvedOn: null,
      });
    });

    it('is resolved when the agreement is terminated', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force', A, fixedTerm);
      log.record(A, milestone('m-2', '2025-02-01'));
      const termination = log.record(A, terminated('2025-05-01'));
      expect(one(log, '2025-06-01', 'EXPIRED_STILL_ACTIVE')).toMatchObject({ raisedOn: '2025-02-01', resolvedOn: '2025-05-01', resolvedBy: [termination.id] });
    });

    it('is not raised for a merely expired agreement, an automatically renewed one, or after a renewal', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force', A, fixedTerm);
      exemplary(log, 'force', B, { validity: { endsOn: date('2024-12-31'), automaticRenewal: true }, counterparts: [MADRID_CITY] });
      log.record(B, milestone('m-2', '2025-02-01'));
      exemplary(log, 'force', C, { ...fixedTerm, counterparts: [TEXAS] });
      log.record(C, renewed('2025-01-20', '2027-12-31'));
      log.record(C, milestone('m-2', '2025-02-01'));
      expect(ofRule(log, '2025-06-01', 'EXPIRED_STILL_ACTIVE')).toEqual([]);
    });

    it('derives the end from a duration counted from entry into force, as the agreement read model does', () => {
      const log = withSeedPolicy();
      const { opened: opening, force } = exemplary(log, 'force', A, { validity: { durationMonths: 12, automaticRenewal: false } });
      // In force 2024-04-20 for 12 months: the anniversary, 2025-04-20, is the last day in force.
      log.record(A, milestone('m-2', '2025-04-20'));
      expect(ofRule(log, '2025-06-01', 'EXPIRED_STILL_ACTIVE')).toEqual([]);
      const late = log.record(A, milestone('m-3', '2025-04-21'));
      expect(one(log, '2025-06-01', 'EXPIRED_STILL_ACTIVE')).toMatchObject({ raisedOn: '2025-04-21', evidence: [late.id, opening!.id, force!.id] });
    });

    it('keeps the end of the last renewal that stated one', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force', A, { validity: { endsOn: date('2024-12-31'), automaticRenewal: false } });
      const extension = log.record(A, renewed('2024-12-01', '2025-12-31'));
      log.record(A, renewed('2025-12-01'));
      const late = log.record(A, milestone('m-2', '2026-02-01'));
      expect(one(log, '2026-03-01', 'EXPIRED_STILL_ACTIVE')).toMatchObject({ raisedOn: '2026-02-01', evidence: [late.id, extension.id] });
    });
  });

  it('describes every rule once, in the order of the codes', () => {
    expect(Object.keys(AUDIT_RULE_DESCRIPTIONS)).toEqual([...AUDIT_RULE_CODES]);
    expect(AUDIT_RULE_DESCRIPTIONS.DORMANT).toEqual({
      code: 'DORMANT',
      severity: 'policy-misalignment',
      heuristic: false,
      timeDependent: true,
      title: { es: 'Acuerdo inactivo', en: 'Dormant agreement' },
      basis: expect.any(String),
    });
    expect(Object.values(AUDIT_RULE_DESCRIPTIONS).filter((rule) => rule.heuristic).map((rule) => rule.code)).toEqual([
      'STATE_TREATY_WITH_SOVEREIGN',
      'FOREIGN_CURRENCY_BORROWING',
      'OUTSIDE_POWERS',
    ]);
  });

  describe('corrections', () => {
    it('remove a finding when a corrected date removes its cause', () => {
      const log = withSeedPolicy();
      log.record(A, opened());
      log.record(A, submitted('2024-02-01'));
      const signature = log.record(A, signed('2024-04-01'));
      log.record(A, favourableOpinion('2024-05-10'));
      expect(findings(log, '2024-06-01').map((finding) => finding.ruleCode)).toEqual(['SIGNED_WITHOUT_OPINION', 'OPINION_AFTER_SIGNATURE', 'REGISTRATION_OVERDUE']);
      log.record(A, corrected(signature, 'AgreementSigned', signedData('2024-06-01')));
      // Signed on 2024-06-01 after all: the opinion came first and registration is not yet due.
      expect(findings(log, '2024-06-02')).toEqual([]);
    });

    it('raise a finding the corrected fact now shows, citing the correction', () => {
      const log = withSeedPolicy();
      const { opinion: prior } = exemplary(log, 'signed');
      const correction = log.record(A, corrected(prior!, 'SreOpinionIssued', { opinionNumber: 'DGCP-2024-001', outcome: 'favourable', issuedOn: date('2024-04-10') }), {
        recordedAt: instant('2024-04-12T16:00:00.000Z'),
      });
      const found = findings(log, '2024-04-15');
      expect(found.map((finding) => finding.ruleCode)).toEqual(['SIGNED_WITHOUT_OPINION', 'OPINION_AFTER_SIGNATURE']);
      const [withoutOpinion, afterSignature] = found;
      expect(withoutOpinion!.resolvedBy).toEqual([prior!.id, correction.id]);
      // Raised when the correction was recorded: until then the opinion came before the signature.
      expect(withoutOpinion!.raisedAt).toBe('2024-04-12T16:00:00.000Z');
      expect(afterSignature).toMatchObject({ evidence: expect.arrayContaining([prior!.id, correction.id]), raisedAt: '2024-04-12T16:00:00.000Z' });
    });

    it('turn a resolved finding into a different one when a registration date is corrected', () => {
      const log = withSeedPolicy();
      const { registered: registration } = exemplary(log);
      expect(ofRule(log, '2024-07-01', 'REGISTRATION_OVERDUE')).toEqual([]);
      const correction = log.record(A, corrected(registration!, 'AgreementRegistered', { registryNumber: 'RAI-2024-0001', registeredOn: date('2024-05-20') }), {
        recordedAt: instant('2024-06-20T16:00:00.000Z'),
      });
      // Raised on the day after the deadline, but known only once the correction was recorded (not by the calendar).
      expect(one(log, '2024-07-01', 'REGISTRATION_OVERDUE')).toMatchObject({ raisedOn: '2024-05-02', raisedAt: correction.metadata.recordedAt, resolvedOn: '2024-05-20' });
    });

    it('leave the instant a finding was raised alone when the correction kept the date (a registry number fixed)', () => {
      const log = withSeedPolicy();
      const { registered: registration } = exemplary(log);
      log.record(A, corrected(registration!, 'AgreementRegistered', { registryNumber: 'RAI-2024-0001', registeredOn: date('2024-05-20') }), { recordedAt: instant('2024-06-20T16:00:00.000Z') });
      const renumbered = log.record(A, corrected(registration!, 'AgreementRegistered', { registryNumber: 'RAI-2024-0099', registeredOn: date('2024-05-20') }), { recordedAt: instant('2024-08-01T16:00:00.000Z') });
      // Still the first correction's instant, which moved the date past the deadline, not the renumbering's.
      expect(renumbered.metadata.recordedAt).toBe('2024-08-01T16:00:00.000Z');
      expect(one(log, '2024-09-01', 'REGISTRATION_OVERDUE')).toMatchObject({ raisedAt: '2024-06-20T16:00:00.000Z' });
    });

    it('date a dormancy a corrected milestone brings about to the correction', () => {
      const log = withSeedPolicy();
      exemplary(log, 'force');
      const visit = log.record(A, milestone('m-1', '2024-06-01'));
      expect(ofRule(log, '2026-12-01', 'DORMANT')).toEqual([expect.objectContaining({ raisedOn: '2026-06-02', raisedAt: null })]);
      const correction = log.record(A, corrected(visit, 'CooperationMilestoneRecorded', milestoneData('m-1', '2026-09-01')), { recordedAt: instant('2026-10-01T16:00:00.000Z') });
      // The visit moved past the period: the dormancy from the signature appears with the correction.
      expect(ofRule(log, '2026-12-01', 'DORMANT')).toEqual([expect.objectContaining({ raisedOn: '2026-04-21', raisedAt: correction.metadata.recordedAt })]);
      // A milestone years after the dormancy ended, corrected later, changes nothing of it.
      const later = log.record(A, milestone('m-2', '2030-01-01'));
      log.record(A, corrected(later, 'CooperationMilestoneRecorded', milestoneData('m-2', '2030-02-01')), { recordedAt: instant('2030-03-01T16:00:00.000Z') });
      expect(ofRule(log, '2030-04-01', 'DORMANT')[0]).toMatchObject({ raisedOn: '2026-04-21', raisedAt: correction.metadata.recordedAt });
    });

    it('refile a twinning under its corrected counterpart', () => {
      const log = withSeedPolicy();
      exemplary(log, 'opened', A);
      const repeat = log.record(B, opened({ agreementId: B, openedOn: date('2024-05-01') }));
      expect(ofRule(log, '2024-06-01', 'DUPLICATE_TWINNING')).toHaveLength(1);
      log.record(B, corrected(repeat, 'AgreementOpened', openedData({ agreementId: B, openedOn: date('2024-05-01'), counterparts: [MADRID_CITY] })));
      expect(ofRule(log, '2024-06-01', 'DUPLICATE_TWINNING')).toEqual([]);
      const { audit } = foldModels(log.events);
      expect(audit.twinningPairs.get(`14039|foreign-local-government|JP|kyoto`)).toEqual([A]);
    });

    it('change the kind, and with it the rules that apply', () => {
      const log = withSeedPolicy();
      const opening = log.record(A, opened());
      expect(ofRule(log, '2025-06-01', 'DECLARATORY_ONLY')).toEqual([]);
      log.record(A, corrected(opening, 'AgreementOpened', openedData({ kind: 'declaratory-twinning' })));
      expect(one(log, '2025-06-01', 'DECLARATORY_ONLY').evidence).toEqual([opening.id, 'evt-3']);
    });
  });

  describe('evaluation', () => {
    it('leaves out findings raised after the day asked about', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed');
      expect(ofRule(log, '2024-03-01', 'REGISTRATION_OVERDUE')).toEqual([]);
    });

    it('judges nothing that needs a policy when no version was in force', () => {
      const log = eventLog();
      log.record(A, opened({ themes: ['education'] }));
      log.record(A, signed('2024-04-01'));
      const found = findings(log, '2027-01-01');
      expect(found.map((finding) => [finding.ruleCode, finding.policyVersion])).toEqual([['SIGNED_WITHOUT_OPINION', null]]);
    });

    it('answers per agreement, and an empty list for an unknown one', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      exemplary(log, 'milestone', B, { counterparts: [MADRID_CITY] });
      const { audit, policy } = foldModels(log.events);
      expect(findingsOfAgreement(audit, policy, A, date('2024-06-01')).map((finding) => finding.ruleCode)).toEqual(['REGISTRATION_OVERDUE']);
      expect(findingsOfAgreement(audit, policy, B, date('2024-06-01'))).toEqual([]);
      expect(findingsOfAgreement(audit, policy, 'unknown', date('2024-06-01'))).toEqual([]);
    });

    it('memoises: the same answer while nothing changes, taken again once the model changes', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      exemplary(log, 'signed', C, { counterparts: [MADRID_CITY] });
      const { audit, policy } = foldModels(log.events);
      const evaluate = createFindingsEvaluator();
      const first = evaluate(audit, policy, date('2024-06-01'));
      expect(first.all().map((finding) => finding.agreementId)).toEqual([A, C]);
      expect(evaluate(audit, policy, date('2024-06-01'))).toBe(first);
      expect(evaluate(audit, policy, date('2024-06-02'))).not.toBe(first);

      auditFindingsProjection.apply(audit, log.record(A, registered('2024-06-05')));
      const after = evaluate(audit, policy, date('2024-06-01'));
      expect(after).not.toBe(first);
      // Taken before the event, `first` may point at judgements that are now other ones: it refuses.
      expect(() => first.finding(1)).toThrow('taken before the audit model or the policy changed');
      expect(evaluate(audit, policy, date('2024-06-10')).all()[0]).toMatchObject({ agreementId: A, resolvedOn: '2024-06-05' });
      expect(after.all()).toEqual(evaluateFindings(audit, policy, date('2024-06-01')));
    });

    it('reads what a query filters, counts and sorts by off the columns, each the same as the finding built, judged now or restored', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      exemplary(log, 'signed', C, { counterparts: [MADRID_CITY] });
      log.record(B, opened({ agreementId: B, openedOn: date('2024-05-01') }));
      const { audit, policy } = foldModels(log.events);
      const codec = auditFindingsProjection.snapshot!;
      // Judged now, and restored from a snapshot (the summaries then come from the snapshot's columns).
      const restored = codec.decode(v8.deserialize(v8.serialize(codec.encode(audit)))) as typeof audit;
      // 2026-06-01: dormant for two years, a finding with an occurrence (its id names the day).
      const days = [date('2024-06-01'), date('2024-06-10'), date('2025-06-01'), date('2026-06-01')];
      expect(evaluateFindings(audit, policy, date('2026-06-01')).some((finding) => finding.findingId.split(':').length > 2)).toBe(true);
      for (const [model, today] of [audit, restored].flatMap((model) => days.map((day) => [model, day] as const))) {
        const findings = createFindingsEvaluator()(model, policy, today);
        const expected = evaluateFindings(audit, policy, today);
        expect(findings.length).toBe(expected.length);
        expected.forEach((finding, index) => {
          expect(findings.finding(index)).toEqual(finding);
          expect([findings.findingId(index), findings.agreementId(index), findings.ruleCode(index), findings.isOpen(index)]).toEqual([
            finding.findingId,
            finding.agreementId,
            finding.ruleCode,
            finding.resolvedOn === null,
          ]);
          expect(findings.raisedOnDay(index)).toBe(dayNumber(finding.raisedOn));
        });
      }
    });

    it('memoises a duplicate finding until another twinning of its pair changes', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      log.record(B, opened({ agreementId: B, openedOn: date('2024-05-01') }));
      const { audit, policy } = foldModels(log.events);
      const evaluate = createFindingsEvaluator();
      const today = date('2024-10-01');
      expect(evaluate(audit, policy, today).all().filter((finding) => finding.ruleCode === 'DUPLICATE_TWINNING')).toEqual([
        expect.objectContaining({ agreementId: B, resolvedOn: null }),
      ]);
      auditFindingsProjection.apply(audit, log.record(A, terminated('2024-09-01')));
      expect(evaluate(audit, policy, today).all().filter((finding) => finding.ruleCode === 'DUPLICATE_TWINNING')).toEqual([
        expect.objectContaining({ agreementId: B, resolvedOn: '2024-09-01' }),
      ]);
    });

    it('memoises per policy: a new version recomputes', () => {
      const log = withSeedPolicy();
      exemplary(log, 'opinion', A, { themes: ['education'] });
      log.record(A, signed('2026-02-01'));
      const { audit, policy } = foldModels(log.events);
      const evaluate = createFindingsEvaluator();
      const today = date('2026-03-01');
      expect(evaluate(audit, policy, today).all().map((finding) => finding.ruleCode)).toContain('NOT_ALIGNED_WITH_PRIORITIES');
      policyProjection.apply(policy, log.publishPolicy(POLICY_2026));
      expect(evaluate(audit, policy, today).all().map((finding) => finding.ruleCode)).not.toContain('NOT_ALIGNED_WITH_PRIORITIES');
    });

    it('gives the same findings from a model restored from its snapshot, through the memoising evaluator too, before and after an event', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      log.record(B, opened({ agreementId: B, openedOn: date('2024-05-01') }));
      const { audit, policy } = foldModels(log.events);
      const codec = auditFindingsProjection.snapshot!;
      const restored = codec.decode(v8.deserialize(v8.serialize(codec.encode(audit)))) as typeof audit;
      const evaluator = createFindingsEvaluator();
      const today: LegalDate = date('2025-06-01');
      const before = evaluator(restored, policy, today).all();
      expect(before).toEqual(evaluateFindings(audit, policy, today));
      const termination = log.record(A, terminated('2025-01-15'));
      auditFindingsProjection.apply(audit, termination);
      auditFindingsProjection.apply(restored, termination);
      // Only A changed: the evaluator judges it again from the restored model's stamps.
      const after = evaluator(restored, policy, today).all();
      expect(after).toEqual(evaluateFindings(audit, policy, today));
      expect(after).not.toEqual(before);
    });

    it('comes back equal through its snapshot codec (fact lists as columns), corrections and amounts included, and keeps folding', () => {
      const log = withSeedPolicy();
      exemplary(log, 'milestone', A);
      const loan = log.record(A, projectMilestone('m-loan', '2024-08-01', 'Préstamo para el tranvía', money('2500000.00', 'USD')));
      const correctedLoan = projectMilestone('m-loan', '2024-08-02', 'Crédito del banco', money('10.00', 'EUR')).data as AgreementEventData['CooperationMilestoneRecorded'];
      log.record(A, corrected(loan, 'CooperationMilestoneRecorded', correctedLoan));
      for (const event of [workPlanAdopted('2024-09-01'), suspended('2024-10-01'), resumed('2024-11-01'), renewed('2025-01-01', '2030-01-01')]) log.record(A, event);
      exemplary(log, 'signed', B);
      const { audit, policy } = foldModels(log.events);
      const codec = auditFindingsProjection.snapshot!;
      const restored = codec.decode(v8.deserialize(v8.serialize(codec.encode(audit)))) as typeof audit;
      expect(plainModel(restored)).toEqual(plainModel(audit));
      const today: LegalDate = date('2026-06-01');
      expect(evaluateFindings(restored, policy, today)).toEqual(evaluateFindings(audit, policy, today));
      const termination = log.record(A, terminated('2025-01-15'));
      auditFindingsProjection.apply(audit, termination);
      auditFindingsProjection.apply(restored, termination);
      expect(plainModel(restored)).toEqual(plainModel(audit));
    });

    it('writes every agreement\'s findings into its snapshot, judged by its own copy of the policy, valid until the agreement changes', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      exemplary(log, 'milestone', C, { counterparts: [MADRID_CITY] });
      const { audit, policy } = foldModels(log.events);
      expect(plainModel(audit.policy)).toEqual(plainModel(policy));
      const codec = auditFindingsProjection.snapshot!;
      const restored = codec.decode(v8.deserialize(v8.serialize(codec.encode(audit)))) as typeof audit;
      const stamps = (sequence: number) => judgementStampsOf(restored, sequence);
      const judged = judgedFindingsOf(restored);
      const [a, c] = [kept(judged, 0, stamps(0), policy), kept(judged, 1, stamps(1), policy)];
      // Every finding the facts raise, whatever the day: A's registration is overdue, and both fall
      // dormant in time (A with no milestone since its signature, C two years after its last).
      expect(a?.map((finding) => [finding.ruleCode, finding.policyVersion, finding.resolvedOn])).toEqual([
        ['REGISTRATION_OVERDUE', 1, null],
        ['DORMANT', 1, null],
      ]);
      expect(c?.map((finding) => [finding.ruleCode, finding.raisedOn])).toEqual([['DORMANT', '2026-06-02']]);
      auditFindingsProjection.apply(restored, log.record(A, registered('2024-06-05')));
      expect(kept(judged, 0, stamps(0), policy)).toBeUndefined();
      expect(kept(judged, 1, stamps(1), policy)).toEqual(c);
    });

    it('drops judgements a snapshot kept under other rules, and judges those agreements again', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      const { audit, policy } = foldModels(log.events);
      const codec = auditFindingsProjection.snapshot!;
      const stored = v8.deserialize(v8.serialize(codec.encode(audit))) as { judged: { rulesVersion: number } };
      const restored = codec.decode({ ...stored, judged: { ...stored.judged, rulesVersion: AUDIT_RULES_VERSION - 1 } }) as typeof audit;
      expect(judgedFindingsOf(restored).length).toBe(0);
      const today = date('2026-06-01');
      expect(createFindingsEvaluator()(restored, policy, today).all()).toEqual(evaluateFindings(audit, policy, today));
      expect(judgedFindingsOf(restored).length).toBe(1);
    });

    it('refuses a snapshot that judged more agreements than it holds', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      const one = foldModels(log.events).audit;
      exemplary(log, 'signed', B);
      const two = foldModels(log.events).audit;
      const codec = auditFindingsProjection.snapshot!;
      const stored = (model: typeof one) => v8.deserialize(v8.serialize(codec.encode(model))) as { judged: unknown };
      expect(() => codec.decode({ ...stored(one), judged: stored(two).judged })).toThrow(/findings judged for 2 of 1 agreements/);
    });

    it('lends its judgements to a model folded to an earlier position, for the agreements nothing changed in between', () => {
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      // Not A's twin: a change to A would change B's twinning group, and B's findings with it.
      exemplary(log, 'signed', B, { counterparts: [MADRID_CITY] });
      const { audit: earlier, policy } = foldModels(log.events);
      log.record(A, registered('2024-06-05'));
      const later = foldModels(log.events).audit;
      const codec = auditFindingsProjection.snapshot!;
      const { judged } = v8.deserialize(v8.serialize(codec.encode(later))) as { judged: { rulesVersion: number } };
      const today = date('2026-06-01');
      const expected = evaluateFindings(earlier, policy, today);
      expect(expected.map((finding) => finding.agreementId)).toEqual(expect.arrayContaining([A, B]));

      codec.lendable!.lend(earlier, judged, undefined);
      expect(createFindingsEvaluator()(earlier, policy, today).all()).toEqual(expected);
      // A changed after the earlier position, so it was judged again; B's findings were borrowed.
      expect(judgedFindingsOf(earlier).length).toBe(1);

      // Judged by other rules, nothing is lent: both are judged.
      const { audit: another } = foldModels(log.events.slice(0, -1));
      codec.lendable!.lend(another, { ...judged, rulesVersion: AUDIT_RULES_VERSION - 1 }, undefined);
      expect(createFindingsEvaluator()(another, policy, today).all()).toEqual(expected);
      expect(judgedFindingsOf(another).length).toBe(2);
    });

    it('lends the judgements of its checkpoints too: an agreement changed again before the snapshot is borrowed as a checkpoint saw it', () => {
      const codec = auditFindingsProjection.snapshot!;
      const lendable = codec.lendable!;
      const today = date('2026-06-01');
      /** Checkpoints of a live model after each change of A; the earlier model is folded to the first. */
      const judgedWith = (keep: number) => {
        const log = withSeedPolicy();
        exemplary(log, 'signed', A);
        exemplary(log, 'signed', B, { counterparts: [MADRID_CITY] });
        const live = foldModels(log.events).audit;
        const change = (event: AgreementEvent) => auditFindingsProjection.apply(live, log.record(A, event));
        change(registered('2024-06-05'));
        const { audit: earlier, policy } = foldModels(log.events);
        lendable.checkpoint!(live, keep);
        change(workPlanAdopted('2024-09-01'));
        lendable.checkpoint!(live, keep);
        change(suspended('2024-10-01'));
        lendable.checkpoint!(live, keep);
        lendFrom(live, earlier);
        expect(createFindingsEvaluator()(earlier, policy, today).all()).toEqual(evaluateFindings(earlier, policy, today));
        return judgedFindingsOf(earlier).length;
      };
      // The first checkpoint saw A as the earlier model has it, B is as the snapshot has it: nothing judged.
      expect(judgedWith(3)).toBe(0);
      // Only the two latest checkpoints kept: A is judged again.
      expect(judgedWith(2)).toBe(1);
    });

    it('keeps in each checkpoint only what was judged since the last one, and its snapshots carry them, under these rules only', () => {
      const codec = auditFindingsProjection.snapshot!;
      const lendable = codec.lendable!;
      type Stored = { checkpoints: { rulesVersion: number; list: Array<{ sequences: Int32Array }> } };
      const stored = (model: unknown) => v8.deserialize(v8.serialize(codec.encode(model as never))) as Stored;
      const judgedIn = ({ checkpoints }: Stored) => checkpoints.list.map(({ sequences }) => [...sequences]);
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      exemplary(log, 'signed', B, { counterparts: [MADRID_CITY] });
      const live = foldModels(log.events).audit;
      lendable.checkpoint!(live, 5);
      auditFindingsProjection.apply(live, log.record(A, registered('2024-06-05')));
      lendable.checkpoint!(live, 5);
      // Nothing judged since: no checkpoint.
      lendable.checkpoint!(live, 5);
      const snapshot = stored(live);
      expect(judgedIn(snapshot)).toEqual([[0, 1], [0]]);
      // Restored, the model's next snapshot carries them still; restored under other rules, none.
      expect(judgedIn(stored(codec.decode(snapshot)))).toEqual([[0, 1], [0]]);
      expect(judgedIn(stored(codec.decode({ ...snapshot, checkpoints: { ...snapshot.checkpoints, rulesVersion: AUDIT_RULES_VERSION - 1 } })))).toEqual([]);
      // Loaded to be folded to an instant, without them: none.
      const { checkpoints: _left, ...withoutCheckpoints } = snapshot;
      expect(judgedIn(stored(codec.decode(withoutCheckpoints)))).toEqual([]);
    });

    it('lends nothing from a checkpoint for an agreement whose twinning group changed since', () => {
      const codec = auditFindingsProjection.snapshot!;
      const lendable = codec.lendable!;
      const today = date('2026-06-01');
      // A and B are twins: every change of B changes A's group.
      const log = withSeedPolicy();
      exemplary(log, 'signed', A);
      exemplary(log, 'signed', B);
      const live = foldModels(log.events).audit;
      lendable.checkpoint!(live, 5);
      auditFindingsProjection.apply(live, log.record(B, workPlanAdopted('2024-09-01')));
      const { audit: earlier, policy } = foldModels(log.events);
      auditFindingsProjection.apply(live, log.record(B, suspended('2024-10-01')));
      lendFrom(live, earlier);

      expect(createFindingsEvaluator()(earlier, policy, today).all()).toEqual(evaluateFindings(earlier, policy, today));
      // A is as the checkpoint saw it, its group is not: A was judged, not borrowed.
      expect(kept(judgedFindingsOf(earlier), 0, judgementStampsOf(earlier, 0), policy)).toBeDefined();
    });

    it('lends nothing for an agreement whose twinning group, or whose policy version, changed in between', () => {
      const today = date('2026-06-01');
      const lendLater = (log: ReturnType<typeof withSeedPolicy>, change: () => void) => {
        const { audit: earlier, policy: earlierPolicy } = foldModels(log.events);
        change();
        const later = foldModels(log.events);
        lendFrom(later.audit, earlier);
        const expected = evaluateFindings(earlier, earlierPolicy, today);
        expect(createFindingsEvaluator()(earlier, earlierPolicy, today).all()).toEqual(expected);
        return judgedFindingsOf(earlier).length;
      };
      // A and B are twins: a new counterpart of A changes B's group, so neither is borrowed.
      const twins = withSeedPolicy();
      exemplary(twins, 'signed', A);
      exemplary(twins, 'signed', B);
      expect(lendLater(twins, () => twins.record(A, counterpartIdentified(MADRID_CITY, '2024-05-01')))).toBe(2);
      // A version published later and in force on A's signature date: A is judged by it, not lent.
      const policyChanged = withSeedPolicy();
      exemplary(policyChanged, 'signed', A);
      expect(lendLater(policyChanged, () => policyChanged.publishPolicy({ ...POLICY_2026, effectiveFrom: date('2024-01-01') }))).toBe(1);
    });

    it('accepts recorded instants as written by toInstant, compared across Mexico City days', () => {
      const log = withSeedPolicy();
      exemplary(log, 'opinion');
      // 2024-05-02 05:59 UTC is still 2024-05-01 in Mexico City: learned before the overdue day began.
      log.record(A, signed('2024-04-01'), { recordedAt: instant('2024-05-02T05:59:00.000Z') });
      expect(one(log, '2024-05-02', 'REGISTRATION_OVERDUE').raisedAt).toBeNull();
    });
  });
});
