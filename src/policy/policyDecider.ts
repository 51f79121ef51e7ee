import type { Decider } from '../eventSourcing/decider';
import type { PolicyCommand } from './policyCommands';
import { policyEventValidAt, type PolicyEvent } from './policyEvents';
import { evolvePolicy, initialPolicyState, type PolicyState } from './policyState';
import { decidePolicy } from './decidePolicy';

export const policyDecider: Decider<PolicyCommand, PolicyEvent, PolicyState> = {
  initialState: initialPolicyState,
  decide: decidePolicy,
  evolve: evolvePolicy,
  validAt: policyEventValidAt,
};
