import type { AgreementCommandType } from '../../agreements/agreementCommands';
import { agreementDecider } from '../../agreements/agreementDecider';
import { executeAgreementCommand } from '../../agreements/executeAgreementCommand';
import { AGREEMENT_COMMAND_TYPES, parseAgreementCommand } from '../../agreements/parseAgreementCommand';
import { assertActsForAParty, authorizeCommand } from '../../access/permissions';
import type { RegistryContext } from '../context';
import type { AgreementCommandPayloadResolvers, Resolvers } from '../generated/schemaTypes';
import { dataAsInput, readCommand, type CommandArguments } from '../inputs/commandArguments';
import { correctionData } from '../inputs/correction';
import { fieldsNamedFor } from '../inputs/names';
import { plainInput } from '../inputs/plainInput';
import { liveReadView } from '../readModels';
import { visibleAgreement } from './agreements';
import { afterWrite, commandPayload, type CommandPayload } from './mutationsPayload';
import { observedCommand } from './observedCommand';

interface AgreementMutationArguments extends CommandArguments {
  readonly agreementId: string;
  readonly input: unknown;
}

export interface AgreementPayload extends CommandPayload {
  readonly agreementId: string;
}

/**
 * Role first (an anonymous caller learns nothing about its input), then the input, then the
 * subnational scope: for a new agreement against the parties it names, otherwise against the
 * parties recorded, checked by executeAgreementCommand's guard on the state it loaded.
 */
const agreementMutation =
  (type: AgreementCommandType) =>
  async (_parent: unknown, args: AgreementMutationArguments, context: RegistryContext): Promise<AgreementPayload> => {
    const actor = authorizeCommand(context.viewer, type);
    const input = plainInput(args.input);
    const { data, rebase } = type === 'CorrectFact' ? correctionData(input, args.agreementId) : { data: input, rebase: dataAsInput };
    const { command, envelope } = readCommand(args, actor, context.correlationId, () => parseAgreementCommand(type, args.agreementId, data), rebase);
    const label = `agreement ${command.agreementId}`;
    if (command.type === 'OpenAgreement') assertActsForAParty(actor, command.data.parties, label);
    const result = await executeAgreementCommand(context.services.commands, command, envelope, (state) => {
      // An unknown agreement is left to the decider, which answers NOT_FOUND.
      if (state.status === 'present') assertActsForAParty(actor, state.parties, label);
    });
    return { agreementId: command.agreementId, ...commandPayload(result, agreementDecider.validAt) };
  };

/** The agreement as the reads show it (same visibility rule) once its write is applied. */
const agreementAfterWrite: AgreementCommandPayloadResolvers['agreement'] = async (payload, _args, context) => {
  if (!(await afterWrite(payload, context))) return null;
  return visibleAgreement(context, liveReadView(context), payload.agreementId);
};

export const agreementMutationResolvers: Resolvers = {
  Mutation: fieldsNamedFor(AGREEMENT_COMMAND_TYPES, (type) => observedCommand(type, agreementMutation(type))),
  AgreementCommandPayload: { agreement: agreementAfterWrite },
};
