import { handleCommand, loadStream, type CommandEnvelope, type CommandHandlerDeps } from '../eventSourcing/commandHandler';
import { ConflictError, RuleViolationError } from '../shared/errors';
import { deterministicUuid, parseCommandId } from '../shared/ids';
import { agreementDecider } from './agreementDecider';
import { agreementStreamName, type AgreementId } from './agreementTypes';
import { registryNumberDecider, registryNumberStreamName } from './registryNumber';

/** A registry number held for an agreement by one command (see claimRegistryNumber). */
export interface RegistryNumberClaim {
  readonly registryNumber: string;
  readonly agreementId: AgreementId;
  /** The envelope the claim was written under (a retry's claim has an id of its own): a release derives its id from it. */
  readonly envelope: CommandEnvelope;
  /** True when this call wrote the claim; false when it found the claim written by an earlier try. */
  readonly claimedNow: boolean;
  /** The number's stream revision after the claim: a release expects it still. */
  readonly revision: bigint | 'no_stream';
}

/**
 * Claims `registryNumber` for `agreementId` on the number's own stream, before the fact that gives
 * it is written (a store has no transaction across streams). A retry of the same command finds its
 * claim made and goes on; a retry of a command whose claim was given back (releaseRegistryNumber)
 * claims again, under an id of its own for the number's state now. Refused with
 * REGISTRY_NUMBER_TAKEN when another agreement holds the number.
 */
export const claimRegistryNumber = async (
  deps: CommandHandlerDeps,
  registryNumber: string,
  agreementId: AgreementId,
  envelope: CommandEnvelope,
): Promise<RegistryNumberClaim> => {
  const numberStream = registryNumberStreamName(registryNumber);
  const assign = { type: 'AssignRegistryNumber', registryNumber, agreementId } as const;
  let claimEnvelope = envelope;
  let claim = await handleCommand(deps, registryNumberDecider, numberStream, assign, claimEnvelope);
  if (claim.replayed && claim.state.assignedTo === undefined) {
    claimEnvelope = { ...envelope, commandId: parseCommandId(deterministicUuid(`${envelope.commandId}/claim/${String(claim.revision)}`)) };
    claim = await handleCommand(deps, registryNumberDecider, numberStream, assign, claimEnvelope);
  }
  // A command id used before on the number's stream reads as a retry of that claim, whoever it
  // was for: the number is this agreement's only if the claim says so.
  const holder = claim.state.assignedTo;
  if (holder !== agreementId) {
    throw new RuleViolationError(
      'REGISTRY_NUMBER_TAKEN',
      `Registry number ${registryNumber} is already assigned to agreement ${holder ?? 'another agreement'}: registry numbers are unique across the registry (and this command id was used to claim it; give each command its own id).`,
    );
  }
  return { registryNumber, agreementId, envelope: claimEnvelope, claimedNow: !claim.replayed && claim.events.length > 0, revision: claim.revision };
};

/**
 * Gives back a number this command claimed for a fact that was then refused (another writer got
 * to the agreement first), so the number stays free for another agreement. Not when the agreement
 * is registered under it after all, and not once anything else claimed it since (the release
 * expects the revision of this claim): another registration of the same agreement with the same
 * number says so on the number's stream before it writes, so it is never left holding a number
 * given back under it.
 */
export const releaseRegistryNumber = async (deps: CommandHandlerDeps, claim: RegistryNumberClaim): Promise<void> => {
  if (!claim.claimedNow) return;
  const { state } = await loadStream(deps, agreementDecider, agreementStreamName(claim.agreementId));
  const registered = state.status === 'present' ? state.registration?.registryNumber : undefined;
  if (registered !== undefined && registered.toUpperCase() === claim.registryNumber.toUpperCase()) return;
  const release = { type: 'ReleaseRegistryNumber', registryNumber: claim.registryNumber, agreementId: claim.agreementId } as const;
  const commandId = parseCommandId(deterministicUuid(`${claim.envelope.commandId}/release`));
  try {
    await handleCommand(deps, registryNumberDecider, registryNumberStreamName(claim.registryNumber), release, { ...claim.envelope, commandId, expectedRevision: claim.revision });
  } catch (error) {
    // Claimed again since: the number is that claim's now.
    if (!(error instanceof ConflictError)) throw error;
  }
};
