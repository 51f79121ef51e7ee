import type { Decider } from '../eventSourcing/decider';
import type { EntityProfileCommand } from './entityProfileCommands';
import { entityProfileEventValidAt, type EntityProfileEvent } from './entityProfileEvents';
import { evolveEntityProfile, initialEntityProfileState, type EntityProfileState } from './entityProfileState';
import { decideEntityProfile } from './decideEntityProfile';

export const entityProfileDecider: Decider<EntityProfileCommand, EntityProfileEvent, EntityProfileState> = {
  initialState: initialEntityProfileState,
  decide: decideEntityProfile,
  evolve: evolveEntityProfile,
  validAt: entityProfileEventValidAt,
};
