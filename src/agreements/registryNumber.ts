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

export type RegistryNumberEvent = DomainEvent<'RegistryNumberAssigned', { readonly registryNumber: string; readonly agreementId: AgreementId }>;
export interface AssignRegistryNumber {
  readonly registryNumber: string;
  readonly agreementId: AgreementId;
}
export type RegistryNumberState = { readonly assignedTo?: AgreementId };

export const registryNumberDecider: Decider<AssignRegistryNumber, RegistryNumberEvent, RegistryNumberState> = {
  initialState: () => ({}),
  decide: (command, state) => {
    if (state.assignedTo === command.agreementId) return [];
    if (state.assignedTo) {
      throw new RuleViolationError(
        'REGISTRY_NUMBER_TAKEN',
        `Registry number ${command.registryNumber} is already assigned to agreement ${state.assignedTo}: registry numbers are unique across the registry.`,
      );
    }
    return [{ type: 'RegistryNumberAssigned', data: { registryNumber: command.registryNumber, agreementId: command.agreementId } }];
  },
  evolve: (_state, event) => ({ assignedTo: event.data.agreementId }),
  validAt: () => null,
};
