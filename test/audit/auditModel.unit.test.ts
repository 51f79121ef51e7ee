import { applyAuditEvent, borrowingSignal, createAuditModel } from '../../src/audit/auditModel';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import type { ProjectedEvent } from '../../src/projectionRunner/registryEvent';
import { AGREEMENT_ID, KYOTO_CITY, TEXAS, date, opened, openedData, signed, signedData, submitted, terminated } from '../agreements/agreementFixtures';
import {
  MADRID_CITY,
  agreementIdOf,
  corrected,
  counterpartIdentified,
  eventLog,
  foldModels,
  instant,
  milestone,
  money,
  opinion,
  resumed,
  suspended,
} from '../support/auditEvents';

const A = AGREEMENT_ID;
const B = agreementIdOf(2);
const KYOTO_PAIR = '14039|foreign-local-government|JP|kyoto';
const MADRID_PAIR = '14039|foreign-local-government|ES|madrid';

describe('audit read model', () => {
  it('keeps the audited facts of an agreement with the events that recorded them', () => {
    const log = eventLog();
    const opening = log.record(A, opened());
    const submission = log.record(A, submitted('2024-02-01'));
    const signature = log.record(A, signed('2024-04-01'));
    const visit = log.record(A, milestone('m-1', '2024-06-01'));
    const { audit } = foldModels(log.events);
    const agreement = audit.agreements.get(A)!;
    expect(agreement).toMatchObject({
      agreementId: A,
      kind: 'twinning',
      openedOn: '2024-01-10',
      themes: ['culture', 'tourism'],
      parties: [expect.objectContaining({ level: 'municipality', code: '14039' })],
      counterparts: [expect.objectContaining({ counterpart: KYOTO_CITY, key: 'foreign-local-government|JP|kyoto', addedOn: '2024-01-10' })],
      submissions: [expect.objectContaining({ on: '2024-02-01' })],
      signature: expect.objectContaining({ on: '2024-04-01' }),
      milestones: [expect.objectContaining({ milestoneId: 'm-1', kind: 'visit', on: '2024-06-01', amount: null, borrowingSignal: null })],
    });
    expect(agreement.opening).toEqual({ eventId: opening.id, recordedAt: opening.metadata.recordedAt, correctedBy: null, correctedAt: null, redatedAt: null, on: '2024-01-10' });
    expect(agreement.counterparts[0]!.fact).toBe(agreement.opening);
    expect(agreement.submissions[0]!.eventId).toBe(submission.id);
    expect(agreement.signature).toEqual({ eventId: signature.id, recordedAt: signature.metadata.recordedAt, correctedBy: null, correctedAt: null, redatedAt: null, on: '2024-04-01' });
    expect(agreement.milestones[0]!.eventId).toBe(visit.id);
    expect(audit.position).toBe(visit.position);
  });

  it('ignores other streams, facts no rule reads, and facts of agreements it never saw opened', () => {
    const log = eventLog();
    log.publishPolicy(SEED_POLICY_VERSION);
    log.record(A, opened());
    log.record(A, { type: 'TextRevised', data: { revisedOn: date('2024-02-01'), summary: 'Ajustes' } });
    log.record(B, signed('2024-04-01'));
    const { audit } = foldModels(log.events);
    expect([...audit.agreements.keys()]).toEqual([A]);
    expect(audit.position).toBe(log.events[1]!.position);
  });

  it('keeps suspensions and resumptions in stream order', () => {
    const log = eventLog();
    log.record(A, opened());
    log.record(A, signed('2024-04-01'));
    log.record(A, suspended('2024-05-01'));
    const resumption = log.record(A, resumed('2024-07-01'));
    const { audit } = foldModels(log.events);
    expect(audit.agreements.get(A)!.suspensions).toEqual([expect.objectContaining({ on: '2024-05-01' })]);
    expect(audit.agreements.get(A)!.resumptions).toEqual([expect.objectContaining({ on: '2024-07-01', eventId: resumption.id })]);
  });

  describe('corrections', () => {
    it('replace the fact with the corrected data, citing every correction', () => {
      const log = eventLog();
      log.record(A, opened());
      const signature = log.record(A, signed('2024-04-01'));
      const first = log.record(A, corrected(signature, 'AgreementSigned', signedData('2024-03-15')), { recordedAt: instant('2024-05-01T10:00:00.000Z') });
      const second = log.record(A, corrected(signature, 'AgreementSigned', signedData('2024-03-16')), { recordedAt: instant('2024-05-02T10:00:00.000Z') });
      const { audit } = foldModels(log.events);
      expect(audit.agreements.get(A)!.signature).toEqual({
        eventId: signature.id,
        recordedAt: signature.metadata.recordedAt,
        correctedBy: [first.id, second.id],
        correctedAt: '2024-05-02T10:00:00.000Z',
        // Each correction moved the date.
        redatedAt: '2024-05-02T10:00:00.000Z',
        on: '2024-03-16',
      });
      expect(audit.position).toBe(second.position);
    });

    it('keep a corrected fact where it stood among facts of its type', () => {
      const log = eventLog();
      log.record(A, opened());
      log.record(A, submitted('2024-02-01'));
      const first = log.record(A, opinion('unfavourable', '2024-03-01', 'DGCP-1'));
      log.record(A, opinion('favourable', '2024-03-01', 'DGCP-2'));
      log.record(A, corrected(first, 'SreOpinionIssued', { opinionNumber: 'DGCP-1', outcome: 'favourable-with-observations', issuedOn: date('2024-03-01') }));
      const { audit } = foldModels(log.events);
      expect(audit.agreements.get(A)!.opinions.map((entry) => [entry.opinionNumber, entry.outcome])).toEqual([
        ['DGCP-1', 'favourable-with-observations'],
        ['DGCP-2', 'favourable'],
      ]);
    });

    it('of the opening replace its counterparts but keep those identified later', () => {
      const log = eventLog();
      const opening = log.record(A, opened());
      log.record(A, counterpartIdentified(MADRID_CITY, '2024-02-01'));
      const correction = log.record(A, corrected(opening, 'AgreementOpened', openedData({ counterparts: [TEXAS], themes: ['water'] })));
      const agreement = foldModels(log.events).audit.agreements.get(A)!;
      expect(agreement.themes).toEqual(['water']);
      expect(agreement.counterparts.map((entry) => [entry.counterpart.name, entry.fact.eventId])).toEqual([
        ['Texas', opening.id],
        ['Madrid', 'evt-2'],
      ]);
      expect(agreement.opening.correctedBy).toEqual([correction.id]);
    });

    it('of a fact the audit does not keep change nothing', () => {
      const log = eventLog();
      log.record(A, opened());
      const revision = log.record(A, { type: 'TextRevised', data: { revisedOn: date('2024-02-01'), summary: 'Ajustes' } });
      const before = foldModels(log.events).audit;
      log.record(A, corrected(revision, 'TextRevised', { revisedOn: date('2024-02-02'), summary: 'Ajustes' }));
      expect(foldModels(log.events).audit).toEqual(before);
      expect(before.position).toBe(log.events[0]!.position);
    });

    it('leave the original event untouched', () => {
      const log = eventLog();
      const opening = log.record(A, opened());
      log.record(A, corrected(opening, 'AgreementOpened', openedData({ themes: ['water'] })));
      foldModels(log.events);
      expect(opening.event).toEqual(opened());
    });
  });

  describe('twinning index', () => {
    it('files a twinning under each party and counterpart pair, including counterparts identified later', () => {
      const log = eventLog();
      log.record(A, opened());
      log.record(A, counterpartIdentified(MADRID_CITY, '2024-02-01'));
      const { audit } = foldModels(log.events);
      expect([...audit.twinningPairs.entries()]).toEqual([
        [KYOTO_PAIR, [A]],
        [MADRID_PAIR, [A]],
      ]);
      expect(audit.agreements.get(A)!.pairKeys).toEqual([KYOTO_PAIR, MADRID_PAIR]);
    });

    it('does not file other kinds, and unfiles a twinning corrected into another kind', () => {
      const log = eventLog();
      const opening = log.record(A, opened());
      log.record(B, opened({ agreementId: B, kind: 'cooperation-agreement' }));
      expect([...foldModels(log.events).audit.twinningPairs.entries()]).toEqual([[KYOTO_PAIR, [A]]]);
      log.record(A, corrected(opening, 'AgreementOpened', openedData({ kind: 'memorandum-of-understanding' })));
      expect(foldModels(log.events).audit.twinningPairs.size).toBe(0);
    });

    it('keeps terminated twinnings filed (periods are compared when findings are evaluated)', () => {
      const log = eventLog();
      log.record(A, opened());
      log.record(A, terminated('2024-05-01'));
      expect(foldModels(log.events).audit.twinningPairs.get(KYOTO_PAIR)).toEqual([A]);
    });
  });

  it('opens each agreement once, even if an opening is delivered twice', () => {
    const model = createAuditModel();
    const log = eventLog();
    const opening = log.record(A, opened());
    applyAuditEvent(model, opening);
    applyAuditEvent(model, { ...opening, id: 'evt-again' } as ProjectedEvent);
    expect(model.agreements.get(A)!.opening.eventId).toBe(opening.id);
    expect(model.twinningPairs.get(KYOTO_PAIR)).toEqual([A]);
  });

  describe('foreign-currency borrowing signal', () => {
    it.each([
      ['Préstamo para el tranvía', 'USD', 'prestamo'],
      ['Crédito puente', 'EUR', 'credito'],
      ['FINANCIAMIENTO del banco', 'JPY', 'financiamiento'],
      ['Soft loan', 'USD', 'loan'],
      ['Debt swap', 'GBP', 'debt'],
    ])('reads %s in %s as borrowing', (description, currency, word) => {
      expect(borrowingSignal('project', money('1.00', currency), description)).toBe(word);
    });

    it.each([
      ['Préstamo', 'MXN', 'project'],
      ['Préstamo', 'MXV', 'project'],
      ['Donación', 'USD', 'project'],
      ['Acreditación', 'USD', 'project'],
      ['Préstamo', 'USD', 'visit'],
    ] as const)('does not read %s in %s (%s) as foreign borrowing', (description, currency, kind) => {
      expect(borrowingSignal(kind, money('1.00', currency), description)).toBeNull();
    });
  });
});
