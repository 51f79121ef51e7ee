import type { Decider } from '../eventSourcing/decider';
import { canonicalJson } from '../shared/canonicalJson';
import { EVENT_OF_COMMAND, type AgreementCommand } from './agreementCommands';
import { agreementEventValidAt, type AgreementEvent } from './agreementEvents';
import { evolveAgreement, initialAgreementState, type AgreementState } from './agreementState';
import { decideAgreement } from './decideAgreement';

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: initialAgreementState,
  decide: decideAgreement,
  evolve: evolveAgreement,
  validAt: agreementEventValidAt,
  // A fact's event carries exactly its command's data (see EVENT_OF_COMMAND), a correction's too.
  recordedBy: (command, events) => {
    const recorded = command.type === 'CorrectFact' ? 'FactCorrected' : EVENT_OF_COMMAND[command.type];
    const data = canonicalJson(command.data);
    return events.every((event) => event.type === recorded && canonicalJson(event.data) === data);
  },
};
