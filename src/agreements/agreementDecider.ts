import type { Decider } from '../eventSourcing/decider';
import { EVENT_OF_COMMAND, type AgreementCommand } from './agreementCommands';
import { agreementEventValidAt, type AgreementEvent } from './agreementEvents';
import { evolveAgreement, initialAgreementState, type AgreementState } from './agreementState';
import { decideAgreement } from './decideAgreement';

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: initialAgreementState,
  decide: decideAgreement,
  evolve: evolveAgreement,
  validAt: agreementEventValidAt,
  recordedBy: (command, events) => {
    const recorded = command.type === 'CorrectFact' ? 'FactCorrected' : EVENT_OF_COMMAND[command.type];
    return events.every((event) => event.type === recorded);
  },
};
