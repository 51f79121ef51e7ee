import type { Decider } from '../eventSourcing/decider';
import { canonicalJson } from '../shared/canonicalJson';
import type { PolicyCommand } from './policyCommands';
import { policyEventValidAt, type PolicyEvent } from './policyEvents';
import { evolvePolicy, initialPolicyState, type PolicyState } from './policyState';
import { decidePolicy } from './decidePolicy';

export const policyDecider: Decider<PolicyCommand, PolicyEvent, PolicyState> = {
  initialState: initialPolicyState,
  decide: decidePolicy,
  evolve: evolvePolicy,
  validAt: policyEventValidAt,
  // A publication records the version's number beside the data it was given.
  recordedBy: (command, events) => {
    const data = canonicalJson(command.data);
    return events.every((event) => {
      const { version: _version, ...published } = event.data;
      return event.type === 'PolicyVersionPublished' && canonicalJson(published) === data;
    });
  },
};
