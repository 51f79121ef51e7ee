import type { EntityCode, ProgressLevel } from '../src/entities/entityProfileTypes';
import type { StrategyObjectiveId } from '../src/policy/policyTypes';
import type { Projection } from '../src/projectionRunner/projection';
import type { ProjectedEvent } from '../src/projectionRunner/registryEvent';
import type { NetworkId } from '../src/reference';
import type { Instant, LegalDate } from '../src/shared/time';

export interface ObjectiveProgressView {
  readonly level: ProgressLevel;
  readonly recordedOn: LegalDate;
  readonly note: string | undefined;
  /** How many progress records the objective has, backfilled ones included. */
  readonly recordCount: number;
}

export interface MembershipView {
  readonly networkId: NetworkId;
  readonly joinedOn: LegalDate;
  readonly note: string | undefined;
}

export interface PastMembershipView extends MembershipView {
  readonly leftOn: LegalDate;
  readonly reason: string | undefined;
}

/** The profile of one state or municipality, as its entity-profile events describe it. */
export interface EntityView {
  readonly code: EntityCode;
  readonly level: 'state' | 'municipality';
  /** The state itself, or the state of a municipality. */
  readonly stateCode: string;
  /** Per objective, the record with the latest date (history is backfilled, so not the last recorded). */
  readonly objectives: ReadonlyMap<StrategyObjectiveId, ObjectiveProgressView>;
  readonly memberships: readonly MembershipView[];
  /** Ended memberships in the order they ended; a network may appear more than once. */
  readonly pastMemberships: readonly PastMembershipView[];
  readonly lastEventPosition: bigint;
  readonly lastRecordedAt: Instant;
}

export interface EntitiesModel {
  readonly entities: ReadonlyMap<string, EntityView>;
  readonly lastPosition: bigint;
}

interface MutableEntity {
  code: EntityCode;
  level: 'state' | 'municipality';
  stateCode: string;
  objectives: Map<StrategyObjectiveId, { level: ProgressLevel; recordedOn: LegalDate; note: string | undefined; recordCount: number }>;
  memberships: MembershipView[];
  pastMemberships: PastMembershipView[];
  lastEventPosition: bigint;
  lastRecordedAt: Instant;
}

interface MutableModel {
  entities: Map<string, MutableEntity>;
  lastPosition: bigint;
}

const entityOf = (model: MutableModel, code: EntityCode, projected: ProjectedEvent): MutableEntity => {
  let entity = model.entities.get(code);
  if (entity === undefined) {
    entity = {
      code,
      level: code.length === 2 ? 'state' : 'municipality',
      stateCode: code.slice(0, 2),
      objectives: new Map(),
      memberships: [],
      pastMemberships: [],
      lastEventPosition: projected.position,
      lastRecordedAt: projected.recordedAt,
    };
    model.entities.set(code, entity);
  }
  return entity;
};

// Same rules as evolveEntityProfile (src/entities/entityProfileState.ts), in place.
const apply = (entities: EntitiesModel, projected: ProjectedEvent): void => {
  const model = entities as unknown as MutableModel;
  const { event } = projected;
  switch (event.type) {
    case 'StrategyObjectiveProgressRecorded': {
      const { entityCode, objective, level, recordedOn, note } = event.data;
      const entity = entityOf(model, entityCode, projected);
      const current = entity.objectives.get(objective);
      if (current === undefined) {
        entity.objectives.set(objective, { level, recordedOn, note, recordCount: 1 });
      } else {
        current.recordCount += 1;
        // On the same date the later record wins: it is the registry's latest word on that day.
        if (recordedOn >= current.recordedOn) {
          current.level = level;
          current.recordedOn = recordedOn;
          current.note = note;
        }
      }
      touch(model, entity, projected);
      return;
    }
    case 'CityNetworkJoined': {
      const { entityCode, networkId, joinedOn, note } = event.data;
      const entity = entityOf(model, entityCode, projected);
      entity.memberships.push({ networkId, joinedOn, note });
      touch(model, entity, projected);
      return;
    }
    case 'CityNetworkLeft': {
      const { entityCode, networkId, leftOn, reason } = event.data;
      const entity = entityOf(model, entityCode, projected);
      const index = entity.memberships.findIndex((membership) => membership.networkId === networkId);
      // decide never lets an entity leave a network it is not in; nothing to end otherwise.
      if (index >= 0) {
        const ended = entity.memberships[index] as MembershipView;
        entity.memberships.splice(index, 1);
        entity.pastMemberships.push({ ...ended, leftOn, reason });
      }
      touch(model, entity, projected);
      return;
    }
    default:
      return;
  }
};

const touch = (model: MutableModel, entity: MutableEntity, projected: ProjectedEvent): void => {
  entity.lastEventPosition = projected.position;
  entity.lastRecordedAt = projected.recordedAt;
  model.lastPosition = projected.position;
};

export const entitiesProjection: Projection<EntitiesModel> = {
  name: 'entities',
  version: 1,
  create: () => ({ entities: new Map(), lastPosition: -1n }),
  apply,
};
