import type { DomainEvent } from '../eventSourcing/envelope';
import type { LegalDate } from '../shared/time';
import type {
  AgreementId,
  AgreementKind,
  ApprovalBody,
  Counterpart,
  ForceMode,
  LanguageCode,
  MilestoneKind,
  Money,
  OpinionOutcome,
  RenewalMode,
  SdgNumber,
  Signatory,
  SubnationalParty,
  TerminationCause,
  ThemeCode,
  Validity,
} from './agreementTypes';

export interface AgreementOpenedData {
  readonly agreementId: AgreementId;
  readonly kind: AgreementKind;
  readonly title: string;
  readonly objectives: readonly string[];
  readonly themes: readonly ThemeCode[];
  readonly sdgs: readonly SdgNumber[];
  readonly languages: readonly LanguageCode[];
  readonly parties: readonly SubnationalParty[];
  readonly counterparts: readonly Counterpart[];
  readonly validity: Validity;
  readonly openedOn: LegalDate;
}

/** The data of each agreement event, by type. Commands carry the same data (see agreementCommands). */
export interface AgreementEventData {
  AgreementOpened: AgreementOpenedData;
  CounterpartIdentified: { readonly counterpart: Counterpart; readonly identifiedOn: LegalDate };
  TextSubmittedToSre: { readonly submittedOn: LegalDate; readonly textReference?: string };
  SreOpinionIssued: {
    readonly opinionNumber: string;
    readonly outcome: OpinionOutcome;
    readonly issuedOn: LegalDate;
    /** Internal observations of the Consultoría Jurídica: not public. */
    readonly observations?: string;
  };
  TextRevised: { readonly revisedOn: LegalDate; readonly summary: string };
  ApprovalGranted: {
    readonly body: ApprovalBody;
    readonly entityCode: string;
    readonly approvedOn: LegalDate;
    readonly reference: string;
  };
  AgreementSigned: {
    readonly signedOn: LegalDate;
    readonly place: string;
    readonly signatories: readonly Signatory[];
    readonly languages: readonly LanguageCode[];
  };
  SignedCopyFiled: { readonly filedOn: LegalDate; readonly documentReference: string };
  AgreementRegistered: { readonly registryNumber: string; readonly registeredOn: LegalDate };
  AgreementEnteredIntoForce: { readonly mode: ForceMode; readonly effectiveOn: LegalDate };
  WorkPlanAdopted: { readonly period: string; readonly adoptedOn: LegalDate; readonly summary: string };
  CooperationMilestoneRecorded: {
    readonly milestoneId: string;
    readonly kind: MilestoneKind;
    readonly occurredOn: LegalDate;
    readonly description: string;
    readonly themes: readonly ThemeCode[];
    readonly sdgs: readonly SdgNumber[];
    readonly amount?: Money;
    readonly evidenceReference?: string;
  };
  AgreementAmended: { readonly amendedOn: LegalDate; readonly summary: string };
  AgreementRenewed: {
    readonly mode: RenewalMode;
    readonly renewedOn: LegalDate;
    readonly newEndsOn?: LegalDate;
    readonly summary?: string;
  };
  AgreementSuspended: { readonly suspendedOn: LegalDate; readonly reason: string };
  AgreementResumed: { readonly resumedOn: LegalDate; readonly reason?: string };
  AgreementTerminated: { readonly cause: TerminationCause; readonly terminatedOn: LegalDate; readonly reason: string };
  /**
   * Amends an earlier fact: `correctedData` replaces that event's data from now on, while the
   * original event stays in the stream, visible in the history.
   */
  FactCorrected: {
    readonly correctedEventId: string;
    readonly correctedType: CorrectableEventType;
    readonly correctedData: AgreementEventData[CorrectableEventType];
    readonly reason: string;
  };
}

export type AgreementEventType = keyof AgreementEventData;
export type CorrectableEventType = Exclude<AgreementEventType, 'FactCorrected'>;

export type AgreementEvent = {
  [Type in AgreementEventType]: DomainEvent<Type, AgreementEventData[Type]>;
}[AgreementEventType];

export type AgreementEventOf<Type extends AgreementEventType> = Extract<AgreementEvent, { type: Type }>;

export const AGREEMENT_EVENT_TYPES: readonly AgreementEventType[] = [
  'AgreementOpened',
  'CounterpartIdentified',
  'TextSubmittedToSre',
  'SreOpinionIssued',
  'TextRevised',
  'ApprovalGranted',
  'AgreementSigned',
  'SignedCopyFiled',
  'AgreementRegistered',
  'AgreementEnteredIntoForce',
  'WorkPlanAdopted',
  'CooperationMilestoneRecorded',
  'AgreementAmended',
  'AgreementRenewed',
  'AgreementSuspended',
  'AgreementResumed',
  'AgreementTerminated',
  'FactCorrected',
];

/** The legal date each fact refers to (its valid time). */
export const agreementEventValidAt = (event: AgreementEvent): LegalDate | null => {
  switch (event.type) {
    case 'AgreementOpened':
      return event.data.openedOn;
    case 'CounterpartIdentified':
      return event.data.identifiedOn;
    case 'TextSubmittedToSre':
      return event.data.submittedOn;
    case 'SreOpinionIssued':
      return event.data.issuedOn;
    case 'TextRevised':
      return event.data.revisedOn;
    case 'ApprovalGranted':
      return event.data.approvedOn;
    case 'AgreementSigned':
      return event.data.signedOn;
    case 'SignedCopyFiled':
      return event.data.filedOn;
    case 'AgreementRegistered':
      return event.data.registeredOn;
    case 'AgreementEnteredIntoForce':
      return event.data.effectiveOn;
    case 'WorkPlanAdopted':
      return event.data.adoptedOn;
    case 'CooperationMilestoneRecorded':
      return event.data.occurredOn;
    case 'AgreementAmended':
      return event.data.amendedOn;
    case 'AgreementRenewed':
      return event.data.renewedOn;
    case 'AgreementSuspended':
      return event.data.suspendedOn;
    case 'AgreementResumed':
      return event.data.resumedOn;
    case 'AgreementTerminated':
      return event.data.terminatedOn;
    case 'FactCorrected':
      return null;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown agreement event ${JSON.stringify(unknown)}`);
    }
  }
};
