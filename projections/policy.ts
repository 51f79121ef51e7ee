import type { PolicyVersion } from '../src/policy/policyTypes';
import type { Projection } from '../src/projectionRunner/projection';
import type { ProjectedEvent } from '../src/projectionRunner/registryEvent';
import type { Instant, LegalDate } from '../src/shared/time';

/** A published policy version with where and when the registry learned of it. */
export interface PolicyVersionRecord extends PolicyVersion {
  readonly eventId: string;
  /** Recorded time of the publication; it may precede effectiveFrom (published ahead) or follow it. */
  readonly publishedAt: Instant;
}

export interface PolicyModel {
  /** Position of the last policy event applied (-1n before any): with `versions.length`, a cache key. */
  position: bigint;
  /** Every version, ordered by effectiveFrom (which the policy decider makes the publication order). */
  readonly versions: PolicyVersionRecord[];
}

const apply = (model: PolicyModel, { event, id, recordedAt, position }: ProjectedEvent): void => {
  if (event.type !== 'PolicyVersionPublished') return;
  const record: PolicyVersionRecord = { ...event.data, eventId: id, publishedAt: recordedAt };
  // The decider only appends strictly later versions; inserting in place keeps lookups right
  // even for a log it did not write (an import), at no cost in the normal case.
  let index = model.versions.length;
  while (index > 0 && model.versions[index - 1]!.effectiveFrom > record.effectiveFrom) index--;
  model.versions.splice(index, 0, record);
  model.position = position;
};

export const policyProjection: Projection<PolicyModel> = {
  name: 'policy',
  version: 1,
  create: () => ({ position: -1n, versions: [] }),
  apply,
};

export interface PolicyLookupOptions {
  /**
   * Only versions the registry had recorded by this instant ("what did the registry say then").
   * Without it every recorded version counts, including one published after `date` with a
   * retroactive effectiveFrom: a policy applies from its effective date, not its publication.
   */
  readonly knownAt?: Instant;
}

/**
 * The version in force on `date`: the one with the latest effectiveFrom on or before it (as
 * `policyInForceOn` of the policy state), found by binary search because the audit asks once per
 * agreement. Undefined before the first version takes effect.
 */
export const policyVersionInForceOn = (
  model: { readonly versions: readonly PolicyVersionRecord[] },
  date: LegalDate,
  options: PolicyLookupOptions = {},
): PolicyVersionRecord | undefined => {
  const { versions } = model;
  let low = 0;
  let high = versions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (versions[middle]!.effectiveFrom <= date) low = middle + 1;
    else high = middle;
  }
  const { knownAt } = options;
  for (let index = low - 1; index >= 0; index--) {
    const candidate = versions[index]!;
    if (knownAt === undefined || candidate.publishedAt <= knownAt) return candidate;
  }
  return undefined;
};

export const policyVersionByNumber = (model: PolicyModel, version: number): PolicyVersionRecord | undefined =>
  model.versions.find((candidate) => candidate.version === version);

/** The version published last (it may not be in force yet: see effectiveFrom). */
export const latestPublishedPolicyVersion = (model: PolicyModel): PolicyVersionRecord | undefined =>
  model.versions[model.versions.length - 1];
