import { handleCommand, loadStream, type CommandHandlerDeps } from '../eventSourcing/commandHandler';
import { SYSTEM_ACTOR } from '../eventSourcing/systemActor';
import { deterministicUuid, type CommandId } from '../shared/ids';
import { policyDecider } from './policyDecider';
import { POLICY_STREAM } from './policyTypes';
import { seedPolicyCommand } from './seedPolicy';

/** Fixed, so that every start of every replica issues the very same command. */
const SEED_COMMAND_ID = deterministicUuid('registry/seed-policy/v1') as CommandId;

/**
 * Publishes the seed's policy as the first version when the store has no policy yet. A store
 * whose policy was already published (by the seed or by an administrator) is left untouched.
 */
export const ensureSeedPolicy = async (deps: CommandHandlerDeps): Promise<'published' | 'present'> => {
  const loaded = await loadStream(deps, policyDecider, POLICY_STREAM);
  if (loaded.state.versions.length > 0) return 'present';
  await handleCommand(deps, policyDecider, POLICY_STREAM, seedPolicyCommand(), { commandId: SEED_COMMAND_ID, actor: SYSTEM_ACTOR });
  return 'published';
};
