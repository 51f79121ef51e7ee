import type { EvolveContext } from '../eventSourcing/decider';
import type { LegalDate } from '../shared/time';
import type { AgreementEvent, AgreementEventData, AgreementOpenedData } from './agreementEvents';
import type { Counterpart } from './agreementTypes';

type Data<T extends keyof AgreementEventData> = AgreementEventData[T];

/** A fact as it currently stands (after corrections), with the id of the event that recorded it. */
export interface Fact {
  readonly eventId: string;
  readonly event: Exclude<AgreementEvent, { type: 'FactCorrected' }>;
}

export interface AgreementRecord extends Omit<AgreementOpenedData, 'counterparts'> {
  readonly status: 'present';
  readonly counterparts: readonly Counterpart[];
  readonly submissions: readonly Data<'TextSubmittedToSre'>[];
  readonly opinions: readonly Data<'SreOpinionIssued'>[];
  readonly approvals: readonly Data<'ApprovalGranted'>[];
  readonly signature?: Data<'AgreementSigned'>;
  readonly signedCopy?: Data<'SignedCopyFiled'>;
  readonly registration?: Data<'AgreementRegistered'>;
  readonly force?: Data<'AgreementEnteredIntoForce'>;
  readonly suspension?: Data<'AgreementSuspended'>;
  readonly termination?: Data<'AgreementTerminated'>;
  readonly milestoneIds: readonly string[];
  /** The end date set by the latest renewal or extension, when one set it. */
  readonly renewedEndsOn?: LegalDate;
  readonly facts: readonly Fact[];
}

export type AgreementState = { readonly status: 'absent' } | AgreementRecord;

export const initialAgreementState = (): AgreementState => ({ status: 'absent' });

/**
 * Folds one event into the state. A correction replaces the corrected fact's data and the state
 * is folded again from the facts as they now stand: an agreement stream is short, and this keeps
 * every derived field consistent with every correction without a rule per field.
 */
export const evolveAgreement = (state: AgreementState, event: AgreementEvent, context: EvolveContext): AgreementState => {
  if (event.type === 'FactCorrected') {
    if (state.status === 'absent') return state;
    const facts = state.facts.map((fact) =>
      fact.eventId === event.data.correctedEventId
        ? { ...fact, event: { type: fact.event.type, data: event.data.correctedData } as Fact['event'] }
        : fact,
    );
    return facts.reduce<AgreementState>((folded, fact) => applyFact(folded, fact), initialAgreementState());
  }
  return applyFact(state, { eventId: context.eventId, event });
};

const applyFact = (state: AgreementState, fact: Fact): AgreementState => {
  const { event } = fact;
  if (event.type === 'AgreementOpened') {
    return {
      ...event.data,
      status: 'present',
      submissions: [],
      opinions: [],
      approvals: [],
      milestoneIds: [],
      facts: [fact],
    };
  }
  // Events other than the opening one are never decided for an absent agreement.
  if (state.status === 'absent') return state;
  const next: AgreementRecord = { ...state, facts: [...state.facts, fact] };
  switch (event.type) {
    case 'CounterpartIdentified':
      return { ...next, counterparts: [...state.counterparts, event.data.counterpart] };
    case 'TextSubmittedToSre':
      return { ...next, submissions: [...state.submissions, event.data] };
    case 'SreOpinionIssued':
      return { ...next, opinions: [...state.opinions, event.data] };
    case 'TextRevised':
    case 'WorkPlanAdopted':
    case 'AgreementAmended':
      return next;
    case 'ApprovalGranted':
      return { ...next, approvals: [...state.approvals, event.data] };
    case 'AgreementSigned':
      return { ...next, signature: event.data };
    case 'SignedCopyFiled':
      return { ...next, signedCopy: event.data };
    case 'AgreementRegistered':
      return { ...next, registration: event.data };
    case 'AgreementEnteredIntoForce':
      return { ...next, force: event.data };
    case 'CooperationMilestoneRecorded':
      return { ...next, milestoneIds: [...state.milestoneIds, event.data.milestoneId] };
    case 'AgreementRenewed':
      return event.data.newEndsOn ? { ...next, renewedEndsOn: event.data.newEndsOn } : next;
    case 'AgreementSuspended':
      return { ...next, suspension: event.data };
    case 'AgreementResumed': {
      const { suspension: _ended, ...resumed } = next;
      return resumed;
    }
    case 'AgreementTerminated':
      return { ...next, termination: event.data };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown agreement event ${JSON.stringify(unknown)}`);
    }
  }
};
