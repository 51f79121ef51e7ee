import type { NetworkId } from '../reference';
import { isBefore, type LegalDate } from '../shared/time';
import type { StrategyObjectiveId } from '../policy/policyTypes';
import type { EntityProfileEvent } from './entityProfileEvents';
import type { EntityCode, ProgressLevel } from './entityProfileTypes';

export interface ObjectiveProgress {
  readonly level: ProgressLevel;
  readonly recordedOn: LegalDate;
  readonly note?: string;
  /** How many progress records the objective has, including this one and any backfilled ones. */
  readonly recordCount: number;
}

export interface Membership {
  readonly networkId: NetworkId;
  readonly joinedOn: LegalDate;
  readonly note?: string;
}

export interface PastMembership extends Membership {
  readonly leftOn: LegalDate;
  readonly reason?: string;
}

export interface EntityProfileState {
  /** The entity of the stream, known from its first event; null for a stream not yet written. */
  readonly entityCode: EntityCode | null;
  /** Per objective, the record with the latest date (not the last one recorded: history is backfilled). */
  readonly objectives: Readonly<Partial<Record<StrategyObjectiveId, ObjectiveProgress>>>;
  readonly memberships: readonly Membership[];
  /** Ended memberships, in the order they ended; a network may appear more than once. */
  readonly pastMemberships: readonly PastMembership[];
}

export const initialEntityProfileState = (): EntityProfileState => ({
  entityCode: null,
  objectives: {},
  memberships: [],
  pastMemberships: [],
});

export const evolveEntityProfile = (state: EntityProfileState, event: EntityProfileEvent): EntityProfileState => {
  const next = { ...state, entityCode: event.data.entityCode };
  switch (event.type) {
    case 'StrategyObjectiveProgressRecorded': {
      const { objective, level, recordedOn, note } = event.data;
      const current = state.objectives[objective];
      const recordCount = (current?.recordCount ?? 0) + 1;
      // On the same date the later record wins: it is the registry's latest word on that day.
      const latest: ObjectiveProgress =
        current && isBefore(recordedOn, current.recordedOn)
          ? { ...current, recordCount }
          : { level, recordedOn, recordCount, ...(note === undefined ? {} : { note }) };
      return { ...next, objectives: { ...state.objectives, [objective]: latest } };
    }
    case 'CityNetworkJoined': {
      const { networkId, joinedOn, note } = event.data;
      return { ...next, memberships: [...state.memberships, { networkId, joinedOn, ...(note === undefined ? {} : { note }) }] };
    }
    case 'CityNetworkLeft': {
      const { networkId, leftOn, reason } = event.data;
      const ended = state.memberships.find((membership) => membership.networkId === networkId);
      // decide never lets an entity leave a network it is not in; nothing to end otherwise.
      if (!ended) return next;
      return {
        ...next,
        memberships: state.memberships.filter((membership) => membership !== ended),
        pastMemberships: [...state.pastMemberships, { ...ended, leftOn, ...(reason === undefined ? {} : { reason }) }],
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown entity profile event ${JSON.stringify(unknown)}`);
    }
  }
};

export const membershipIn = (state: EntityProfileState, networkId: string): Membership | undefined =>
  state.memberships.find((membership) => membership.networkId === networkId);

/** The date the entity last left a network, if it ever did. */
export const lastLeft = (state: EntityProfileState, networkId: string): LegalDate | undefined =>
  state.pastMemberships
    .filter((membership) => membership.networkId === networkId)
    .reduce<LegalDate | undefined>((latest, membership) => (latest && !isBefore(latest, membership.leftOn) ? latest : membership.leftOn), undefined);
