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
  recordedBy: (command, events) => events.every((event) => event.type === EVENT_OF_COMMAND[command.type]),
};

/** Each command and the event it records. */
const EVENT_OF_COMMAND = {
  RecordObjectiveProgress: 'StrategyObjectiveProgressRecorded',
  JoinCityNetwork: 'CityNetworkJoined',
  LeaveCityNetwork: 'CityNetworkLeft',
} as const satisfies Record<EntityProfileCommand['type'], EntityProfileEvent['type']>;
