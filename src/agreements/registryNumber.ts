import type { Decider } from '../eventSourcing/decider';
import type { DomainEvent } from '../eventSourcing/envelope';
import { RuleViolationError } from '../shared/errors';
import type { AgreementId } from './agreementTypes';

/**
 * Registry numbers are unique across the registry, which no single agreement stream can check.
 * Each number gets its own stream, claimed once: EventStoreDB's optimistic concurrency on that
 * stream is the uniqueness constraint, on one machine or a cluster alike.
 */
export const registryNumberStreamName = (registryNumber: string): string => `registry-number-${registryNumber.toUpperCase()}`;

export type RegistryNumberEvent =
  | DomainEvent<'RegistryNumberAssigned', { readonly registryNumber: string; readonly agreementId: AgreementId }>
  /** A claim given back: the registration it was made for was refused after the number was claimed. */
  | DomainEvent<'RegistryNumberReleased', { readonly registryNumber: string; readonly agreementId: AgreementId }>;
export interface AssignRegistryNumber {
  readonly type: 'AssignRegistryNumber';
  readonly registryNumber: string;
  readonly agreementId: AgreementId;
}
export interface ReleaseRegistryNumber {
  readonly type: 'ReleaseRegistryNumber';
  readonly registryNumber: string;
  readonly agreementId: AgreementId;
}
export type RegistryNumberCommand = AssignRegistryNumber | ReleaseRegistryNumber;
export type RegistryNumberState = { readonly assignedTo?: AgreementId };

export const registryNumberDecider: Decider<RegistryNumberCommand, RegistryNumberEvent, RegistryNumberState> = {
  initialState: () => ({}),
  decide: (command, state) => {
    const { registryNumber, agreementId } = command;
    switch (command.type) {
      case 'AssignRegistryNumber':
        // Held by this agreement already (another registration of it claimed it): said again, so
        // that the number's stream moves and a release decided before it is refused (a release
        // expects the revision of its own claim, see releaseRegistryNumber).
        if (state.assignedTo === agreementId) return [{ type: 'RegistryNumberAssigned', data: { registryNumber, agreementId } }];
        if (state.assignedTo) {
          throw new RuleViolationError(
            'REGISTRY_NUMBER_TAKEN',
            `Registry number ${registryNumber} is already assigned to agreement ${state.assignedTo}: registry numbers are unique across the registry.`,
          );
        }
        return [{ type: 'RegistryNumberAssigned', data: { registryNumber, agreementId } }];
      case 'ReleaseRegistryNumber':
        // Only the agreement holding the number gives it back.
        return state.assignedTo === agreementId ? [{ type: 'RegistryNumberReleased', data: { registryNumber, agreementId } }] : [];
      default: {
        const unknown: never = command;
        throw new Error(`Unknown registry number command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve: (_state, event) => (event.type === 'RegistryNumberAssigned' ? { assignedTo: event.data.agreementId } : {}),
  validAt: () => null,
};
