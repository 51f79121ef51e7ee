import { isAfter, type LegalDate } from '../shared/time';
import type { PolicyEvent } from './policyEvents';
import type { PolicyVersion } from './policyTypes';

export interface PolicyState {
  /** Every published version, in publication order (which decide keeps in effectiveFrom order). */
  readonly versions: readonly PolicyVersion[];
}

export const initialPolicyState = (): PolicyState => ({ versions: [] });

export const evolvePolicy = (state: PolicyState, event: PolicyEvent): PolicyState => {
  switch (event.type) {
    case 'PolicyVersionPublished':
      return { versions: [...state.versions, event.data] };
    default: {
      const unknown: never = event.type;
      throw new Error(`Unknown policy event ${JSON.stringify(unknown)}`);
    }
  }
};

export const latestPolicyVersion = (state: PolicyState): PolicyVersion | undefined => state.versions[state.versions.length - 1];

/**
 * The version an agreement signed on `date` is judged against: the one with the latest
 * effectiveFrom on or before that date. It does not rely on the versions' order, so it stays right
 * even for a state assembled by hand (tests, projections).
 */
export const policyInForceOn = (state: PolicyState, date: LegalDate): PolicyVersion | undefined =>
  state.versions.reduce<PolicyVersion | undefined>(
    (best, candidate) =>
      isAfter(candidate.effectiveFrom, date) || (best && !isAfter(candidate.effectiveFrom, best.effectiveFrom)) ? best : candidate,
    undefined,
  );
