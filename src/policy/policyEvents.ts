import type { DomainEvent } from '../eventSourcing/envelope';
import type { LegalDate } from '../shared/time';
import type { PolicyVersion } from './policyTypes';

/** The data of each policy event, by type. */
export interface PolicyEventData {
  PolicyVersionPublished: PolicyVersion;
}

export type PolicyEventType = keyof PolicyEventData;

export type PolicyEvent = {
  [Type in PolicyEventType]: DomainEvent<Type, PolicyEventData[Type]>;
}[PolicyEventType];

export const POLICY_EVENT_TYPES: readonly PolicyEventType[] = ['PolicyVersionPublished'];

/**
 * A version's valid time is the day it starts to apply, which may be in the future: "what policy
 * was in force on D" is a question about effectiveFrom, while the publication itself is the
 * event's recorded time.
 */
export const policyEventValidAt = (event: PolicyEvent): LegalDate | null => {
  switch (event.type) {
    case 'PolicyVersionPublished':
      return event.data.effectiveFrom;
    default: {
      const unknown: never = event.type;
      throw new Error(`Unknown policy event ${JSON.stringify(unknown)}`);
    }
  }
};
