import { handleCommand, loadStream, type CommandEnvelope, type CommandHandlerDeps, type CommandResult } from '../eventSourcing/commandHandler';
import { ConflictError, RegistryError } from '../shared/errors';
import { legalDateAt } from '../shared/time';
import type { AgreementCommand } from './agreementCommands';
import { agreementDecider } from './agreementDecider';
import type { AgreementEvent } from './agreementEvents';
import type { AgreementState } from './agreementState';
import { agreementStreamName } from './agreementTypes';
import { claimRegistryNumber, releaseRegistryNumber } from './registryNumberClaim';

/** The registry number a command would give the agreement, if it gives one. */
const registryNumberOf = (command: AgreementCommand): string | undefined => {
  if (command.type === 'RegisterAgreement') return command.data.registryNumber;
  if (command.type === 'CorrectFact' && command.data.correctedType === 'AgreementRegistered') {
    return (command.data.correctedData as { registryNumber: string }).registryNumber;
  }
  return undefined;
};

/**
 * Runs one agreement command. A command that assigns a registry number first decides on the
 * current state (so an invalid command claims nothing), then claims the number, then records the
 * fact. A retry of the same command finds its claim already made and goes on. If the fact is then
 * refused (another registration won the race for the agreement), the claim is given back (see
 * releaseRegistryNumber), so the number stays free for another agreement.
 */
export const executeAgreementCommand = async (
  deps: CommandHandlerDeps,
  command: AgreementCommand,
  envelope: CommandEnvelope,
  guard?: (state: AgreementState) => void,
): Promise<CommandResult<AgreementState, AgreementEvent>> => {
  const streamName = agreementStreamName(command.agreementId);
  const registryNumber = registryNumberOf(command);
  if (registryNumber === undefined) return handleCommand(deps, agreementDecider, streamName, command, envelope, guard);
  const loaded = await loadStream(deps, agreementDecider, streamName);
  guard?.(loaded.state);
  if (loaded.events.some((stored) => stored.metadata.causationId === envelope.commandId)) {
    return handleCommand(deps, agreementDecider, streamName, command, envelope, guard);
  }
  if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== loaded.revision) {
    throw new ConflictError(streamName, envelope.expectedRevision, loaded.revision);
  }
  // The caller's expected revision is about the agreement stream, not the number's.
  const { expectedRevision: _agreementRevision, ...claimEnvelope } = envelope;
  const now = deps.clock();
  agreementDecider.decide(command, loaded.state, { now, today: legalDateAt(now) });
  const claim = await claimRegistryNumber(deps, registryNumber, command.agreementId, claimEnvelope);
  try {
    return await handleCommand(deps, agreementDecider, streamName, command, envelope, guard);
  } catch (error) {
    // Refused (by the rules, a conflict, a command id used for other data): nothing of the fact
    // was written. Any other failure (the store unreachable) may hide a write that went through:
    // the claim stays for a retry.
    if (error instanceof RegistryError) await releaseRegistryNumber(deps, claim);
    throw error;
  }
};
