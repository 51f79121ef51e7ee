import type { EntityProfileEventData } from './entityProfileEvents';
import type { EntityCode } from './entityProfileTypes';

/**
 * Commands name their entity once, at the top, as agreement commands name their agreement: it
 * picks the stream (`entityStreamName(command.entityCode)`) and decide copies it into the event, so
 * the data cannot disagree with the stream. A network id arrives as plain text because decide is
 * where it is checked against the catalogue (UNKNOWN_NETWORK).
 */
type DataOf<Type extends keyof EntityProfileEventData> = Omit<EntityProfileEventData[Type], 'entityCode'>;
type WithNetworkText<Data> = Omit<Data, 'networkId'> & { readonly networkId: string };

export interface RecordObjectiveProgress {
  readonly type: 'RecordObjectiveProgress';
  readonly entityCode: EntityCode;
  readonly data: DataOf<'StrategyObjectiveProgressRecorded'>;
}

export interface JoinCityNetwork {
  readonly type: 'JoinCityNetwork';
  readonly entityCode: EntityCode;
  readonly data: WithNetworkText<DataOf<'CityNetworkJoined'>>;
}

export interface LeaveCityNetwork {
  readonly type: 'LeaveCityNetwork';
  readonly entityCode: EntityCode;
  readonly data: WithNetworkText<DataOf<'CityNetworkLeft'>>;
}

export type EntityProfileCommand = RecordObjectiveProgress | JoinCityNetwork | LeaveCityNetwork;
export type EntityProfileCommandType = EntityProfileCommand['type'];
