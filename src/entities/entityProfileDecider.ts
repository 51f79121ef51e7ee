import type { Decider } from '../eventSourcing/decider';
import { canonicalJson } from '../shared/canonicalJson';
import type { EntityProfileCommand } from './entityProfileCommands';
import { entityProfileEventValidAt, type EntityProfileEvent } from './entityProfileEvents';
import { evolveEntityProfile, initialEntityProfileState, type EntityProfileState } from './entityProfileState';
import { decideEntityProfile } from './decideEntityProfile';

export const entityProfileDecider: Decider<EntityProfileCommand, EntityProfileEvent, EntityProfileState> = {
  initialState: initialEntityProfileState,
  decide: decideEntityProfile,
  evolve: evolveEntityProfile,
  validAt: entityProfileEventValidAt,
  // The same command sent again records the same data: another level or date under one command id is another command.
  recordedBy: (command, events) => {
    const data = canonicalJson({ entityCode: command.entityCode, ...command.data });
    return events.every((event) => event.type === EVENT_OF_COMMAND[command.type] && canonicalJson(event.data) === data);
  },
};

/** Each command and the event it records. */
const EVENT_OF_COMMAND = {
  RecordObjectiveProgress: 'StrategyObjectiveProgressRecorded',
  JoinCityNetwork: 'CityNetworkJoined',
  LeaveCityNetwork: 'CityNetworkLeft',
} as const satisfies Record<EntityProfileCommand['type'], EntityProfileEvent['type']>;
