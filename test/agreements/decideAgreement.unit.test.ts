import { agreementDecider } from '../../src/agreements/agreementDecider';
import type { AgreementCommand } from '../../src/agreements/agreementCommands';
import type { AgreementEvent } from '../../src/agreements/agreementEvents';
import { parseCurrencyCode, unwrap } from '../../src/reference';
import { deciderSpec } from '../support/deciderSpec';
import {
  AGREEMENT_ID,
  TEXAS,
  UNIVERSITY,
  date,
  favourableOpinion,
  milestoneData,
  opened,
  openedData,
  registered,
  signed,
  signedData,
  submitted,
  terminated,
} from './agreementFixtures';

const spec = deciderSpec(agreementDecider);
const id = AGREEMENT_ID;
const recordsExactly = (command: AgreementCommand, event: AgreementEvent) => ({ command, event });

describe('Agreement decider', () => {
  describe('OpenAgreement', () => {
    it('opens a new agreement', () => {
      spec.given([]).when({ type: 'OpenAgreement', agreementId: id, data: openedData() }).then([opened()]);
    });

    it('refuses to open an agreement twice', () => {
      spec
        .given([opened()])
        .when({ type: 'OpenAgreement', agreementId: id, data: openedData() })
        .thenThrows({ rule: 'AGREEMENT_ALREADY_EXISTS' });
    });

    it('refuses an opening date in the future', () => {
      spec
        .given([])
        .when({ type: 'OpenAgreement', agreementId: id, data: openedData({ openedOn: date('2025-06-16') }) })
        .thenThrows({ rule: 'DATE_IN_FUTURE', message: 'openedOn (2025-06-16) is in the future (today is 2025-06-15 in Mexico City)' });
    });

    it('refuses a private counterpart for an interinstitutional agreement', () => {
      spec
        .given([])
        .when({ type: 'OpenAgreement', agreementId: id, data: openedData({ kind: 'cooperation-agreement', counterparts: [UNIVERSITY] }) })
        .thenThrows({ rule: 'PRIVATE_COUNTERPART', message: /private contract, not an acuerdo interinstitucional/ });
    });

    it('accepts a private counterpart on a letter of intent (the audit flags it)', () => {
      const data = openedData({ kind: 'letter-of-intent', counterparts: [UNIVERSITY] });
      spec.given([]).when({ type: 'OpenAgreement', agreementId: id, data }).then([{ type: 'AgreementOpened', data }]);
    });

    it('refuses a validity that ends before it starts', () => {
      spec
        .given([])
        .when({
          type: 'OpenAgreement',
          agreementId: id,
          data: openedData({ validity: { startsOn: date('2024-05-01'), endsOn: date('2024-04-01'), automaticRenewal: false } }),
        })
        .thenThrows({ rule: 'VALIDITY_ENDS_BEFORE_START' });
    });
  });

  describe('facts on an agreement that does not exist', () => {
    it('refuses to terminate an agreement before it exists', () => {
      spec
        .given([])
        .when({ type: 'TerminateAgreement', agreementId: id, data: terminated().data as never })
        .thenThrows({ name: 'NotFoundError', kind: 'NOT_FOUND' } as never);
    });
  });

  describe('each lifecycle fact is recorded as exactly its event when the rules allow it', () => {
    const afterSignature = [opened(), submitted(), favourableOpinion(), signed()];
    const cases: Array<[string, AgreementEvent[], ReturnType<typeof recordsExactly>]> = [
      ['IdentifyCounterpart', [opened()], recordsExactly(
        { type: 'IdentifyCounterpart', agreementId: id, data: { counterpart: TEXAS, identifiedOn: date('2024-01-20') } },
        { type: 'CounterpartIdentified', data: { counterpart: TEXAS, identifiedOn: date('2024-01-20') } },
      )],
      ['SubmitTextToSre', [opened()], recordsExactly(
        { type: 'SubmitTextToSre', agreementId: id, data: { submittedOn: date('2024-02-01'), textReference: 'v1.docx' } },
        { type: 'TextSubmittedToSre', data: { submittedOn: date('2024-02-01'), textReference: 'v1.docx' } },
      )],
      ['IssueSreOpinion', [opened(), submitted()], recordsExactly(
        { type: 'IssueSreOpinion', agreementId: id, data: { opinionNumber: 'DGCP-1', outcome: 'favourable-with-observations', issuedOn: date('2024-02-15'), observations: 'Precisar atribuciones' } },
        { type: 'SreOpinionIssued', data: { opinionNumber: 'DGCP-1', outcome: 'favourable-with-observations', issuedOn: date('2024-02-15'), observations: 'Precisar atribuciones' } },
      )],
      ['ReviseText', [opened(), submitted()], recordsExactly(
        { type: 'ReviseText', agreementId: id, data: { revisedOn: date('2024-02-20'), summary: 'Atiende observaciones' } },
        { type: 'TextRevised', data: { revisedOn: date('2024-02-20'), summary: 'Atiende observaciones' } },
      )],
      ['GrantApproval (cabildo of a municipal party)', [opened()], recordsExactly(
        { type: 'GrantApproval', agreementId: id, data: { body: 'municipal-council', entityCode: '14039', approvedOn: date('2024-03-10'), reference: 'Acta 12/2024' } },
        { type: 'ApprovalGranted', data: { body: 'municipal-council', entityCode: '14039', approvedOn: date('2024-03-10'), reference: 'Acta 12/2024' } },
      )],
      ['GrantApproval (congress of the party’s state)', [opened()], recordsExactly(
        { type: 'GrantApproval', agreementId: id, data: { body: 'state-congress', entityCode: '14', approvedOn: date('2024-03-10'), reference: 'Decreto 29/2024' } },
        { type: 'ApprovalGranted', data: { body: 'state-congress', entityCode: '14', approvedOn: date('2024-03-10'), reference: 'Decreto 29/2024' } },
      )],
      ['SignAgreement (even with no SRE opinion: the audit flags it)', [opened()], recordsExactly(
        { type: 'SignAgreement', agreementId: id, data: signedData() },
        signed(),
      )],
      ['FileSignedCopy', afterSignature, recordsExactly(
        { type: 'FileSignedCopy', agreementId: id, data: { filedOn: date('2024-04-05'), documentReference: 'SRE/ARCH/2024/77' } },
        { type: 'SignedCopyFiled', data: { filedOn: date('2024-04-05'), documentReference: 'SRE/ARCH/2024/77' } },
      )],
      ['RegisterAgreement', afterSignature, recordsExactly(
        { type: 'RegisterAgreement', agreementId: id, data: { registryNumber: 'RAI-2024-0001', registeredOn: date('2024-05-01') } },
        registered(),
      )],
      ['EnterIntoForce', afterSignature, recordsExactly(
        { type: 'EnterIntoForce', agreementId: id, data: { mode: 'in-force', effectiveOn: date('2024-04-01') } },
        { type: 'AgreementEnteredIntoForce', data: { mode: 'in-force', effectiveOn: date('2024-04-01') } },
      )],
      ['EnterIntoForce after provisional application', [...afterSignature, { type: 'AgreementEnteredIntoForce', data: { mode: 'provisional-application', effectiveOn: date('2024-04-01') } }], recordsExactly(
        { type: 'EnterIntoForce', agreementId: id, data: { mode: 'in-force', effectiveOn: date('2024-06-01') } },
        { type: 'AgreementEnteredIntoForce', data: { mode: 'in-force', effectiveOn: date('2024-06-01') } },
      )],
      ['AdoptWorkPlan', afterSignature, recordsExactly(
        { type: 'AdoptWorkPlan', agreementId: id, data: { period: '2025', adoptedOn: date('2025-01-20'), summary: 'Programa Operativo Anual 2025' } },
        { type: 'WorkPlanAdopted', data: { period: '2025', adoptedOn: date('2025-01-20'), summary: 'Programa Operativo Anual 2025' } },
      )],
      ['RecordCooperationMilestone (with an amount)', afterSignature, recordsExactly(
        { type: 'RecordCooperationMilestone', agreementId: id, data: { ...milestoneData(), amount: { value: '15000.00', currency: unwrap(parseCurrencyCode('JPY')) } } },
        { type: 'CooperationMilestoneRecorded', data: { ...milestoneData(), amount: { value: '15000.00', currency: unwrap(parseCurrencyCode('JPY')) } } },
      )],
      ['RecordCooperationMilestone after termination (the audit flags it)', [...afterSignature, terminated()], recordsExactly(
        { type: 'RecordCooperationMilestone', agreementId: id, data: milestoneData('m-9', '2025-02-01') },
        { type: 'CooperationMilestoneRecorded', data: milestoneData('m-9', '2025-02-01') },
      )],
      ['AmendAgreement', afterSignature, recordsExactly(
        { type: 'AmendAgreement', agreementId: id, data: { amendedOn: date('2024-09-01'), summary: 'Se amplían los temas' } },
        { type: 'AgreementAmended', data: { amendedOn: date('2024-09-01'), summary: 'Se amplían los temas' } },
      )],
      ['RenewAgreement', afterSignature, recordsExactly(
        { type: 'RenewAgreement', agreementId: id, data: { mode: 'extended', renewedOn: date('2025-03-01'), newEndsOn: date('2028-03-01') } },
        { type: 'AgreementRenewed', data: { mode: 'extended', renewedOn: date('2025-03-01'), newEndsOn: date('2028-03-01') } },
      )],
      ['SuspendAgreement', afterSignature, recordsExactly(
        { type: 'SuspendAgreement', agreementId: id, data: { suspendedOn: date('2024-10-01'), reason: 'Emergencia sanitaria' } },
        { type: 'AgreementSuspended', data: { suspendedOn: date('2024-10-01'), reason: 'Emergencia sanitaria' } },
      )],
      ['ResumeAgreement', [...afterSignature, { type: 'AgreementSuspended', data: { suspendedOn: date('2024-10-01'), reason: 'x' } }], recordsExactly(
        { type: 'ResumeAgreement', agreementId: id, data: { resumedOn: date('2024-12-01') } },
        { type: 'AgreementResumed', data: { resumedOn: date('2024-12-01') } },
      )],
      ['TerminateAgreement', afterSignature, recordsExactly(
        { type: 'TerminateAgreement', agreementId: id, data: terminated().data as never },
        terminated(),
      )],
      ['RenewAgreement on the last day of the term', [opened({ validity: { endsOn: date('2024-12-31'), automaticRenewal: false } }), signed()], recordsExactly(
        { type: 'RenewAgreement', agreementId: id, data: { mode: 'renewed', renewedOn: date('2024-12-31'), newEndsOn: date('2025-12-31') } },
        { type: 'AgreementRenewed', data: { mode: 'renewed', renewedOn: date('2024-12-31'), newEndsOn: date('2025-12-31') } },
      )],
      ['RenewAgreement of a term that renews itself, after its stated end', [opened({ validity: { endsOn: date('2024-12-31'), automaticRenewal: true } }), signed()], recordsExactly(
        { type: 'RenewAgreement', agreementId: id, data: { mode: 'extended', renewedOn: date('2025-02-01'), newEndsOn: date('2026-12-31') } },
        { type: 'AgreementRenewed', data: { mode: 'extended', renewedOn: date('2025-02-01'), newEndsOn: date('2026-12-31') } },
      )],
      ['RegisterAgreement learned after the termination, dated before it', [opened(), submitted(), favourableOpinion(), signed(), terminated('2025-01-15')], recordsExactly(
        { type: 'RegisterAgreement', agreementId: id, data: { registryNumber: 'R-LATE', registeredOn: date('2024-05-01') } },
        { type: 'AgreementRegistered', data: { registryNumber: 'R-LATE', registeredOn: date('2024-05-01') } },
      )],
      ['TerminateAgreement of a draft never signed', [opened()], recordsExactly(
        { type: 'TerminateAgreement', agreementId: id, data: terminated('2024-02-01').data as never },
        terminated('2024-02-01'),
      )],
    ];

    it.each(cases)('%s', (_label, given, { command, event }) => {
      spec.given(given).when(command).then([event]);
    });
  });

  describe('consistency rules refuse the command with a specific rule code', () => {
    const afterSignature = [opened(), submitted(), favourableOpinion(), signed()];
    const cases: Array<[string, AgreementEvent[], AgreementCommand, string]> = [
      ['a signature date in the future', [opened()], { type: 'SignAgreement', agreementId: id, data: signedData('2025-07-01') }, 'DATE_IN_FUTURE'],
      ['a milestone dated before the agreement was opened', afterSignature, { type: 'RecordCooperationMilestone', agreementId: id, data: milestoneData('m-1', '2023-12-31') }, 'MILESTONE_BEFORE_OPENING'],
      ['a submission dated before the agreement was opened', [opened()], { type: 'SubmitTextToSre', agreementId: id, data: { submittedOn: date('2024-01-01') } }, 'DATE_BEFORE_OPENING'],
      ['a counterpart identified twice', [opened()], { type: 'IdentifyCounterpart', agreementId: id, data: { counterpart: { ...openedData().counterparts[0]!, name: 'KYOTO' } as never, identifiedOn: date('2024-02-01') } }, 'COUNTERPART_ALREADY_IDENTIFIED'],
      ['a catalogued organisation identified again under another name', [opened({ kind: 'cooperation-agreement', counterparts: [{ kind: 'international-organisation', name: 'UN-Habitat', organisationId: 'un-habitat' }] })], { type: 'IdentifyCounterpart', agreementId: id, data: { counterpart: { kind: 'international-organisation', name: 'Programa de las Naciones Unidas para los Asentamientos Humanos' }, identifiedOn: date('2024-02-01') } }, 'COUNTERPART_ALREADY_IDENTIFIED'],
      ['a private counterpart identified on a twinning', [opened()], { type: 'IdentifyCounterpart', agreementId: id, data: { counterpart: UNIVERSITY, identifiedOn: date('2024-02-01') } }, 'PRIVATE_COUNTERPART'],
      ['an opinion with no submission', [opened()], { type: 'IssueSreOpinion', agreementId: id, data: { opinionNumber: 'X', outcome: 'favourable', issuedOn: date('2024-02-01') } }, 'OPINION_WITHOUT_SUBMISSION'],
      ['an opinion dated before the submission', [opened(), submitted('2024-02-01')], { type: 'IssueSreOpinion', agreementId: id, data: { opinionNumber: 'X', outcome: 'favourable', issuedOn: date('2024-01-20') } }, 'OPINION_BEFORE_SUBMISSION'],
      ['an opinion number used twice', [opened(), submitted(), favourableOpinion('2024-03-01', 'N-1'), submitted('2024-03-05')], { type: 'IssueSreOpinion', agreementId: id, data: { opinionNumber: 'N-1', outcome: 'favourable', issuedOn: date('2024-03-10') } }, 'OPINION_NUMBER_DUPLICATE'],
      ['a cabildo approval for a municipality that is not a party', [opened()], { type: 'GrantApproval', agreementId: id, data: { body: 'municipal-council', entityCode: '14120', approvedOn: date('2024-02-01'), reference: 'Acta' } }, 'APPROVAL_ENTITY_NOT_A_PARTY'],
      ['a congress approval for another state', [opened()], { type: 'GrantApproval', agreementId: id, data: { body: 'state-congress', entityCode: '19', approvedOn: date('2024-02-01'), reference: 'Decreto' } }, 'APPROVAL_ENTITY_NOT_A_PARTY'],
      ['a second signature', afterSignature, { type: 'SignAgreement', agreementId: id, data: signedData('2024-04-02') }, 'ALREADY_SIGNED'],
      ['registration before signature', [opened()], { type: 'RegisterAgreement', agreementId: id, data: { registryNumber: 'R-1', registeredOn: date('2024-05-01') } }, 'NOT_SIGNED'],
      ['registration dated before the signature', afterSignature, { type: 'RegisterAgreement', agreementId: id, data: { registryNumber: 'R-1', registeredOn: date('2024-03-31') } }, 'DATE_BEFORE_SIGNATURE'],
      ['an agreement registered twice', [...afterSignature, registered()], { type: 'RegisterAgreement', agreementId: id, data: { registryNumber: 'R-2', registeredOn: date('2024-05-02') } }, 'ALREADY_REGISTERED'],
      ['a signed copy filed twice', [...afterSignature, { type: 'SignedCopyFiled', data: { filedOn: date('2024-04-05'), documentReference: 'A' } }], { type: 'FileSignedCopy', agreementId: id, data: { filedOn: date('2024-04-06'), documentReference: 'B' } }, 'SIGNED_COPY_ALREADY_FILED'],
      ['entry into force twice', [...afterSignature, { type: 'AgreementEnteredIntoForce', data: { mode: 'in-force', effectiveOn: date('2024-04-01') } }], { type: 'EnterIntoForce', agreementId: id, data: { mode: 'in-force', effectiveOn: date('2024-05-01') } }, 'ALREADY_IN_FORCE'],
      ['a work plan before signature', [opened()], { type: 'AdoptWorkPlan', agreementId: id, data: { period: '2024', adoptedOn: date('2024-02-01'), summary: 'POA' } }, 'NOT_SIGNED'],
      ['a milestone recorded twice', [...afterSignature, { type: 'CooperationMilestoneRecorded', data: milestoneData('m-1') }], { type: 'RecordCooperationMilestone', agreementId: id, data: milestoneData('m-1', '2024-07-01') }, 'MILESTONE_ALREADY_RECORDED'],
      ['a renewal that does not push the end date later', [opened({ validity: { endsOn: date('2027-01-01'), automaticRenewal: false } }), signed()], { type: 'RenewAgreement', agreementId: id, data: { mode: 'renewed', renewedOn: date('2025-01-01'), newEndsOn: date('2026-01-01') } }, 'RENEWAL_END_NOT_LATER'],
      ['a renewal agreed after the term ran out', [opened({ validity: { endsOn: date('2024-12-31'), automaticRenewal: false } }), signed()], { type: 'RenewAgreement', agreementId: id, data: { mode: 'renewed', renewedOn: date('2025-01-01'), newEndsOn: date('2026-12-31') } }, 'RENEWAL_AFTER_EXPIRY'],
      ['a renewal after a term counted from entry into force ran out', [opened({ validity: { durationMonths: 6, automaticRenewal: false } }), signed(), { type: 'AgreementEnteredIntoForce', data: { mode: 'in-force', effectiveOn: date('2024-05-01') } }], { type: 'RenewAgreement', agreementId: id, data: { mode: 'renewed', renewedOn: date('2024-11-02'), newEndsOn: date('2025-11-01') } }, 'RENEWAL_AFTER_EXPIRY'],
      ['a renewal that shortens a term counted from entry into force', [opened({ validity: { durationMonths: 24, automaticRenewal: false } }), signed(), { type: 'AgreementEnteredIntoForce', data: { mode: 'in-force', effectiveOn: date('2024-05-01') } }], { type: 'RenewAgreement', agreementId: id, data: { mode: 'extended', renewedOn: date('2025-01-01'), newEndsOn: date('2025-12-31') } }, 'RENEWAL_END_NOT_LATER'],
      ['a renewal that shortens a term counted from the signature', [opened({ validity: { durationMonths: 24, automaticRenewal: false } }), signed()], { type: 'RenewAgreement', agreementId: id, data: { mode: 'extended', renewedOn: date('2025-01-01'), newEndsOn: date('2026-03-31') } }, 'RENEWAL_END_NOT_LATER'],
      ['a suspension of a suspended agreement', [...afterSignature, { type: 'AgreementSuspended', data: { suspendedOn: date('2024-10-01'), reason: 'x' } }], { type: 'SuspendAgreement', agreementId: id, data: { suspendedOn: date('2024-11-01'), reason: 'y' } }, 'ALREADY_SUSPENDED'],
      ['resuming an agreement that is not suspended', afterSignature, { type: 'ResumeAgreement', agreementId: id, data: { resumedOn: date('2024-11-01') } }, 'NOT_SUSPENDED'],
      ['resuming before the suspension', [...afterSignature, { type: 'AgreementSuspended', data: { suspendedOn: date('2024-10-01'), reason: 'x' } }], { type: 'ResumeAgreement', agreementId: id, data: { resumedOn: date('2024-09-01') } }, 'RESUMED_BEFORE_SUSPENSION'],
      ['terminating twice', [...afterSignature, terminated()], { type: 'TerminateAgreement', agreementId: id, data: terminated('2025-02-01').data as never }, 'AGREEMENT_TERMINATED'],
      ['a lifecycle fact after termination', [...afterSignature, terminated()], { type: 'AmendAgreement', agreementId: id, data: { amendedOn: date('2025-02-01'), summary: 'x' } }, 'AGREEMENT_TERMINATED'],
      ['termination dated before the signature', afterSignature, { type: 'TerminateAgreement', agreementId: id, data: terminated('2024-03-01').data as never }, 'DATE_BEFORE_SIGNATURE'],
    ];

    it.each(cases)('refuses %s', (_label, given, command, rule) => {
      spec.given(given).when(command).thenThrows({ rule });
    });
  });

  describe('CorrectFact', () => {
    // In the given history below, event-3 is the signature.
    const history = [opened(), submitted(), favourableOpinion(), signed('2024-04-01')];

    it('records a correction that keeps the original event and changes the fact from then on', () => {
      const correction = { correctedEventId: 'event-3', correctedType: 'AgreementSigned' as const, correctedData: signedData('2024-04-02'), reason: 'Fecha mal capturada' };
      spec.given(history).when({ type: 'CorrectFact', agreementId: id, data: correction }).then([{ type: 'FactCorrected', data: correction }]);

      const state = [...history, { type: 'FactCorrected', data: correction } as AgreementEvent].reduce(
        (folded, event, index) => agreementDecider.evolve(folded, event, { eventId: `event-${index}` }),
        agreementDecider.initialState(),
      );
      expect(state.status === 'present' && state.signature?.signedOn).toBe('2024-04-02');
    });

    it('refuses a correction of an event that is not in this agreement', () => {
      spec
        .given(history)
        .when({ type: 'CorrectFact', agreementId: id, data: { correctedEventId: 'event-99', correctedType: 'AgreementSigned', correctedData: signedData(), reason: 'x' } })
        .thenThrows({ rule: 'CORRECTED_EVENT_NOT_FOUND' });
    });

    it('refuses a correction whose type does not match the corrected event', () => {
      spec
        .given(history)
        .when({ type: 'CorrectFact', agreementId: id, data: { correctedEventId: 'event-1', correctedType: 'AgreementSigned', correctedData: signedData(), reason: 'x' } })
        .thenThrows({ rule: 'CORRECTION_TYPE_MISMATCH' });
    });

    it('refuses a correction that moves a date into the future', () => {
      spec
        .given(history)
        .when({ type: 'CorrectFact', agreementId: id, data: { correctedEventId: 'event-3', correctedType: 'AgreementSigned', correctedData: signedData('2026-01-01'), reason: 'x' } })
        .thenThrows({ rule: 'DATE_IN_FUTURE' });
    });

    it('refuses a correction that changes the agreement id', () => {
      spec
        .given(history)
        .when({
          type: 'CorrectFact',
          agreementId: id,
          data: { correctedEventId: 'event-0', correctedType: 'AgreementOpened', correctedData: openedData({ agreementId: '00000000-0000-4000-8000-000000000000' as never }), reason: 'x' },
        })
        .thenThrows({ rule: 'CORRECTION_CHANGES_IDENTITY' });
    });

    it.each([
      ['a validity that ends before it starts', 'event-0', 'AgreementOpened', openedData({ validity: { automaticRenewal: false, startsOn: date('2024-05-01'), endsOn: date('2020-01-01') } }), 'VALIDITY_ENDS_BEFORE_START', /the corrected fact breaks a rule/],
      ['a private counterpart on a twinning', 'event-0', 'AgreementOpened', openedData({ counterparts: [UNIVERSITY] }), 'PRIVATE_COUNTERPART', /the corrected fact breaks a rule/],
      ['a signature before the opening', 'event-3', 'AgreementSigned', signedData('1990-01-01'), 'DATE_BEFORE_OPENING', /the corrected fact breaks a rule/],
    ] as const)('refuses a correction to %s, as the original command would have been refused', (_case, correctedEventId, correctedType, correctedData, rule, message) => {
      spec.given(history).when({ type: 'CorrectFact', agreementId: id, data: { correctedEventId, correctedType, correctedData, reason: 'x' } as never }).thenThrows({ rule, message });
    });

    it('corrects an agreement holding a fact recorded before a rule it breaks existed, when the correction breaks nothing new', () => {
      // A renewal after the term ran out (event-5), recorded before RENEWAL_AFTER_EXPIRY was a rule.
      const legacy = [
        opened({ validity: { endsOn: date('2024-06-30'), automaticRenewal: false } }),
        submitted(),
        favourableOpinion(),
        signed('2024-04-01'),
        { type: 'AgreementRenewed', data: { mode: 'renewed', renewedOn: date('2024-09-01'), newEndsOn: date('2025-09-01') } } as AgreementEvent,
      ];
      const title = { correctedEventId: 'event-0', correctedType: 'AgreementOpened' as const, correctedData: openedData({ title: 'Hermanamiento Guadalajara–Kioto (título corregido)', validity: { endsOn: date('2024-06-30'), automaticRenewal: false } }), reason: 'Errata' };
      spec.given(legacy).when({ type: 'CorrectFact', agreementId: id, data: title }).then([{ type: 'FactCorrected', data: title }]);
      // A correction that breaks a rule of its own is still refused.
      spec
        .given(legacy)
        .when({ type: 'CorrectFact', agreementId: id, data: { correctedEventId: 'event-3', correctedType: 'AgreementSigned', correctedData: signedData('2024-10-01'), reason: 'x' } })
        .thenThrows({ rule: 'DATE_BEFORE_SIGNATURE' });
    });

    it('refuses a correction that would make a later fact break a rule, naming it', () => {
      // The registration (event-4) on 2024-05-01 would come before a signature moved to June.
      spec
        .given([...history, registered('2024-05-01')])
        .when({ type: 'CorrectFact', agreementId: id, data: { correctedEventId: 'event-3', correctedType: 'AgreementSigned', correctedData: signedData('2024-06-01'), reason: 'x' } })
        .thenThrows({ rule: 'DATE_BEFORE_SIGNATURE', message: /the later fact event-4 \(AgreementRegistered\) breaks a rule: registeredOn \(2024-05-01\) is before the signature \(2024-06-01\)/ });
    });
  });
});
