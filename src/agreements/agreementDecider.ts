import type { Decider } from '../eventSourcing/decider';
import type { AgreementCommand } from './agreementCommands';
import { agreementEventValidAt, type AgreementEvent } from './agreementEvents';
import { evolveAgreement, initialAgreementState, type AgreementState } from './agreementState';
import { decideAgreement } from './decideAgreement';

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: initialAgreementState,
  decide: decideAgreement,
  evolve: evolveAgreement,
  validAt: agreementEventValidAt,
};
