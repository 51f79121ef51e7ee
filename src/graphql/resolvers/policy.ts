import { policyVersionInForceOn, type PolicyVersionRecord } from '../../../projections/policy';
import type { PolicyRegion, StrategyObjective } from '../../policy/policyTypes';
import { countryByCode } from '../../queries/referenceLookups';
import type { Instant, LegalDate } from '../../shared/time';
import { toGlobalId } from '../globalId';
import { liveReadView } from '../readModels';
import { rootQuery, type ConsistentArgs } from './query';
import { themeOf } from './referenceObjects';

/** The federal policy is public: every version, with no access rule. */
export const policyResolvers = {
  Query: {
    policyVersions: rootQuery((_args: ConsistentArgs, context) => liveReadView(context).policy.versions),
    policyInForceOn: rootQuery((args: ConsistentArgs & { readonly date: LegalDate; readonly knownAt?: Instant | null }, context) =>
      policyVersionInForceOn(liveReadView(context).policy, args.date, args.knownAt == null ? {} : { knownAt: args.knownAt }) ?? null,
    ),
  },
  PolicyVersion: {
    id: (version: PolicyVersionRecord) => toGlobalId('PolicyVersion', version.version),
    priorityThemes: (version: PolicyVersionRecord) => version.priorityThemes.map(themeOf),
    strategyObjectives: (version: PolicyVersionRecord) => version.strategyObjectives.map((objective: StrategyObjective) => ({ objective: objective.id, name: objective.name })),
  },
  PolicyRegion: {
    // A code the catalogue does not know (never stored: policy events are validated) is left out.
    countries: (region: PolicyRegion) => region.countries.flatMap((code) => countryByCode(code) ?? []),
  },
};
