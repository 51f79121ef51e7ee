import { policyVersionInForceOn } from '../../../projections/policy';
import { countryByCode } from '../../queries/referenceLookups';
import type { Resolvers } from '../generated/schemaTypes';
import { toGlobalId } from '../globalId';
import { liveReadView } from '../readModels';
import { rootQuery } from './query';
import { themeOf } from './referenceObjects';

/** The federal policy is public: every version, with no access rule. */
export const policyResolvers: Resolvers = {
  Query: {
    policyVersions: rootQuery((_args, context) => liveReadView(context).policy.versions),
    policyInForceOn: rootQuery((args, context) =>
      policyVersionInForceOn(liveReadView(context).policy, args.date, args.knownAt == null ? {} : { knownAt: args.knownAt }) ?? null,
    ),
  },
  PolicyVersion: {
    id: (version) => toGlobalId('PolicyVersion', version.version),
    priorityThemes: (version) => version.priorityThemes.map(themeOf),
    strategyObjectives: (version) => version.strategyObjectives.map((objective) => ({ objective: objective.id, name: objective.name })),
  },
  PolicyRegion: {
    // A code the catalogue does not know (never stored: policy events are validated) is left out.
    countries: (region) => region.countries.flatMap((code) => countryByCode(code) ?? []),
  },
};
