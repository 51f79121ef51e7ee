import type { DecisionContext } from '../eventSourcing/decider';
import { isNetworkId, listNetworks, NETWORKS_VERSION, type NetworkId } from '../reference';
import { RuleViolationError } from '../shared/errors';
import { isAfter, isBefore, type LegalDate } from '../shared/time';
import type { EntityProfileCommand, JoinCityNetwork, LeaveCityNetwork } from './entityProfileCommands';
import type { EntityProfileEvent } from './entityProfileEvents';
import { entityStreamName } from './entityProfileTypes';
import { lastLeft, membershipIn, type EntityProfileState } from './entityProfileState';

/**
 * Consistency rules of an entity's profile. Whether the progress or the memberships make sense for
 * the strategy is the audit's business, not a reason to refuse a fact.
 */
export const decideEntityProfile = (
  command: EntityProfileCommand,
  state: EntityProfileState,
  context: DecisionContext,
): readonly EntityProfileEvent[] => {
  // The decider cannot see the stream name; the first event fixes the stream's entity, and a command
  // for another entity means it was routed to the wrong stream.
  if (state.entityCode !== null && state.entityCode !== command.entityCode) {
    throw new RuleViolationError(
      'ENTITY_MISMATCH',
      `The command is for entity ${command.entityCode} but this profile belongs to ${state.entityCode}: send it to stream ${entityStreamName(command.entityCode)}.`,
    );
  }
  const { entityCode } = command;
  switch (command.type) {
    case 'RecordObjectiveProgress':
      notInFuture(command.data.recordedOn, 'recordedOn', context);
      return [{ type: 'StrategyObjectiveProgressRecorded', data: { entityCode, ...command.data } }];
    case 'JoinCityNetwork':
      return [{ type: 'CityNetworkJoined', data: { entityCode, ...command.data, networkId: join(command, state, context) } }];
    case 'LeaveCityNetwork':
      return [{ type: 'CityNetworkLeft', data: { entityCode, ...command.data, networkId: leave(command, state, context) } }];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown entity profile command ${JSON.stringify(unknown)}`);
    }
  }
};

const join = ({ entityCode, data }: JoinCityNetwork, state: EntityProfileState, context: DecisionContext): NetworkId => {
  notInFuture(data.joinedOn, 'joinedOn', context);
  const networkId = knownNetwork(data.networkId);
  const current = membershipIn(state, networkId);
  if (current) {
    throw new RuleViolationError(
      'ALREADY_A_MEMBER',
      `${entityCode} is a member of ${networkId} since ${current.joinedOn}: record leaving it before joining again.`,
    );
  }
  // Membership periods of one network never overlap, so "member on date D" has one answer.
  const left = lastLeft(state, networkId);
  if (left && isBefore(data.joinedOn, left)) {
    throw new RuleViolationError(
      'JOINED_BEFORE_LAST_LEAVING',
      `joinedOn (${data.joinedOn}) is before ${entityCode} last left ${networkId} (${left}): a new membership starts on or after that date.`,
    );
  }
  return networkId;
};

const leave = ({ entityCode, data }: LeaveCityNetwork, state: EntityProfileState, context: DecisionContext): NetworkId => {
  notInFuture(data.leftOn, 'leftOn', context);
  // A current member may always leave, even a network since dropped from the catalogue.
  const current = membershipIn(state, data.networkId);
  if (!current) {
    knownNetwork(data.networkId);
    throw new RuleViolationError('NOT_A_MEMBER', `${entityCode} is not a member of ${data.networkId}: record joining it before leaving it.`);
  }
  if (isBefore(data.leftOn, current.joinedOn)) {
    throw new RuleViolationError('LEFT_BEFORE_JOINING', `leftOn (${data.leftOn}) is before ${entityCode} joined ${current.networkId} (${current.joinedOn}).`);
  }
  return current.networkId;
};

const knownNetwork = (id: string): NetworkId => {
  if (isNetworkId(id)) return id;
  const ids = listNetworks().map((network) => network.id).join(', ');
  throw new RuleViolationError(
    'UNKNOWN_NETWORK',
    `${JSON.stringify(id)} is not a city network of the reference catalogue (version ${NETWORKS_VERSION.version}): use one of its ids (${ids}), ` +
      'or ask for the network to be added to src/reference/networks.ts.',
  );
};

const notInFuture = (date: LegalDate, field: string, context: DecisionContext): void => {
  if (isAfter(date, context.today)) {
    throw new RuleViolationError('DATE_IN_FUTURE', `${field} (${date}) is in the future (today is ${context.today} in Mexico City): record facts once they have happened.`);
  }
};
