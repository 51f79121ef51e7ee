import { policyVersionByNumber } from '../../../projections/policy';
import { authorizeCommand } from '../../access/permissions';
import { handleCommand } from '../../eventSourcing/commandHandler';
import { parsePolicyCommand } from '../../policy/parsePolicyCommand';
import { policyDecider } from '../../policy/policyDecider';
import { POLICY_STREAM } from '../../policy/policyTypes';
import type { RegistryContext } from '../context';
import type { PolicyCommandPayloadResolvers, Resolvers } from '../generated/schemaTypes';
import { readCommand, type CommandArguments } from '../inputs/commandArguments';
import { plainInput } from '../inputs/plainInput';
import { liveReadView } from '../readModels';
import { afterWrite, commandPayload, type CommandPayload } from './mutationsPayload';
import { observedCommand } from './observedCommand';

interface PolicyMutationArguments extends CommandArguments {
  readonly input: unknown;
}

export interface PolicyPayload extends CommandPayload {
  readonly version: number;
}

const publishPolicyVersion = async (_parent: unknown, args: PolicyMutationArguments, context: RegistryContext): Promise<PolicyPayload> => {
  const actor = authorizeCommand(context.viewer, 'PublishPolicyVersion');
  const { command, envelope } = readCommand(args, actor, context.correlationId, () => parsePolicyCommand('PublishPolicyVersion', plainInput(args.input)));
  const result = await handleCommand(context.services.commands, policyDecider, POLICY_STREAM, command, envelope);
  // The number is the decider's: read from the event written (or, for a retry, originally written).
  const published = result.events.find((event) => event.type === 'PolicyVersionPublished');
  if (!published) throw new Error('PublishPolicyVersion wrote no PolicyVersionPublished event.');
  return { version: published.data.version, ...commandPayload(result, policyDecider.validAt) };
};

/** The version as `policyVersions` shows it, once the policy read model has applied it. */
const policyVersionAfterWrite: PolicyCommandPayloadResolvers['policyVersion'] = async (payload, _args, context) => {
  if (!(await afterWrite(payload, context))) return null;
  return policyVersionByNumber(liveReadView(context).policy, payload.version) ?? null;
};

export const policyMutationResolvers: Resolvers = {
  Mutation: { publishPolicyVersion: observedCommand('PublishPolicyVersion', publishPolicyVersion) },
  PolicyCommandPayload: { policyVersion: policyVersionAfterWrite },
};
