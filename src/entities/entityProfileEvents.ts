import type { DomainEvent } from '../eventSourcing/envelope';
import type { NetworkId } from '../reference';
import type { LegalDate } from '../shared/time';
import type { StrategyObjectiveId } from '../policy/policyTypes';
import type { EntityCode, ProgressLevel } from './entityProfileTypes';

/**
 * The data of each entity-profile event, by type. Each carries its entity code although the stream
 * name holds it too, so that a reader of all events (projections, exports) needs no stream parsing.
 */
export interface EntityProfileEventData {
  StrategyObjectiveProgressRecorded: {
    readonly entityCode: EntityCode;
    readonly objective: StrategyObjectiveId;
    readonly level: ProgressLevel;
    readonly recordedOn: LegalDate;
    readonly note?: string;
  };
  CityNetworkJoined: {
    readonly entityCode: EntityCode;
    readonly networkId: NetworkId;
    readonly joinedOn: LegalDate;
    readonly note?: string;
  };
  CityNetworkLeft: {
    readonly entityCode: EntityCode;
    readonly networkId: NetworkId;
    readonly leftOn: LegalDate;
    readonly reason?: string;
  };
}

export type EntityProfileEventType = keyof EntityProfileEventData;

export type EntityProfileEvent = {
  [Type in EntityProfileEventType]: DomainEvent<Type, EntityProfileEventData[Type]>;
}[EntityProfileEventType];

export const ENTITY_PROFILE_EVENT_TYPES: readonly EntityProfileEventType[] = [
  'StrategyObjectiveProgressRecorded',
  'CityNetworkJoined',
  'CityNetworkLeft',
];

/** The legal date each fact refers to (its valid time). */
export const entityProfileEventValidAt = (event: EntityProfileEvent): LegalDate => {
  switch (event.type) {
    case 'StrategyObjectiveProgressRecorded':
      return event.data.recordedOn;
    case 'CityNetworkJoined':
      return event.data.joinedOn;
    case 'CityNetworkLeft':
      return event.data.leftOn;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown entity profile event ${JSON.stringify(unknown)}`);
    }
  }
};
