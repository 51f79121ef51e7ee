import type { AgreementEventData, CorrectableEventType } from './agreementEvents';
import type { AgreementId } from './agreementTypes';

/** Each command and the event it records when the rules allow it. */
export const EVENT_OF_COMMAND = {
  OpenAgreement: 'AgreementOpened',
  IdentifyCounterpart: 'CounterpartIdentified',
  SubmitTextToSre: 'TextSubmittedToSre',
  IssueSreOpinion: 'SreOpinionIssued',
  ReviseText: 'TextRevised',
  GrantApproval: 'ApprovalGranted',
  SignAgreement: 'AgreementSigned',
  FileSignedCopy: 'SignedCopyFiled',
  RegisterAgreement: 'AgreementRegistered',
  EnterIntoForce: 'AgreementEnteredIntoForce',
  AdoptWorkPlan: 'WorkPlanAdopted',
  RecordCooperationMilestone: 'CooperationMilestoneRecorded',
  AmendAgreement: 'AgreementAmended',
  RenewAgreement: 'AgreementRenewed',
  SuspendAgreement: 'AgreementSuspended',
  ResumeAgreement: 'AgreementResumed',
  TerminateAgreement: 'AgreementTerminated',
} as const satisfies Record<string, CorrectableEventType>;

export type FactCommandType = keyof typeof EVENT_OF_COMMAND;

/** A command that records one lifecycle fact carries exactly that fact's data. */
export type FactCommand = {
  [Type in FactCommandType]: {
    readonly type: Type;
    readonly agreementId: AgreementId;
    readonly data: AgreementEventData[(typeof EVENT_OF_COMMAND)[Type]];
  };
}[FactCommandType];

export type CorrectFactCommand = {
  readonly type: 'CorrectFact';
  readonly agreementId: AgreementId;
  readonly data: {
    readonly correctedEventId: string;
    readonly correctedType: CorrectableEventType;
    readonly correctedData: AgreementEventData[CorrectableEventType];
    readonly reason: string;
  };
};

export type AgreementCommand = FactCommand | CorrectFactCommand;
export type AgreementCommandType = AgreementCommand['type'];
