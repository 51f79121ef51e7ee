import { assertActsForEntity, authorizeCommand } from '../../access/permissions';
import type { EntityProfileCommandType } from '../../entities/entityProfileCommands';
import { entityProfileDecider } from '../../entities/entityProfileDecider';
import { entityStreamName } from '../../entities/entityProfileTypes';
import { ENTITY_PROFILE_COMMAND_TYPES, parseEntityProfileCommand } from '../../entities/parseEntityProfileCommand';
import { handleCommand } from '../../eventSourcing/commandHandler';
import type { RegistryContext } from '../context';
import type { EntityProfileCommandPayloadResolvers, Resolvers } from '../generated/schemaTypes';
import { readCommand, type CommandArguments } from '../inputs/commandArguments';
import { fieldsNamedFor } from '../inputs/names';
import { plainInput } from '../inputs/plainInput';
import { entityParent } from '../parents';
import { liveReadView } from '../readModels';
import { afterWrite, commandPayload, type CommandPayload } from './mutationsPayload';
import { observedCommand } from './observedCommand';

interface EntityMutationArguments extends CommandArguments {
  readonly entityCode: string;
  readonly input: unknown;
}

export interface EntityProfilePayload extends CommandPayload {
  readonly entityCode: string;
}

/** Role first, then the input, then the scope: a subnational user keeps only its own entities' profiles. */
const entityMutation =
  (type: EntityProfileCommandType) =>
  async (_parent: unknown, args: EntityMutationArguments, context: RegistryContext): Promise<EntityProfilePayload> => {
    const actor = authorizeCommand(context.viewer, type);
    const { command, envelope } = readCommand(args, actor, context.correlationId, () => parseEntityProfileCommand(type, args.entityCode, plainInput(args.input)));
    assertActsForEntity(actor, command.entityCode);
    const result = await handleCommand(context.services.commands, entityProfileDecider, entityStreamName(command.entityCode), command, envelope);
    return { entityCode: command.entityCode, ...commandPayload(result, entityProfileDecider.validAt) };
  };

/** The entity as `entity(code:)` shows it (profile visibility included), once its write is applied. */
const entityAfterWrite: EntityProfileCommandPayloadResolvers['entity'] = async (payload, _args, context) => {
  if (!(await afterWrite(payload, context))) return null;
  return entityParent(liveReadView(context), context.viewer, payload.entityCode);
};

export const entityMutationResolvers: Resolvers = {
  Mutation: fieldsNamedFor(ENTITY_PROFILE_COMMAND_TYPES, (type) => observedCommand(type, entityMutation(type))),
  EntityProfileCommandPayload: { entity: entityAfterWrite },
};
