import type { Resolvers } from '../generated/schemaTypes';
import { pastDay, pastModels, policyOn, type PastRegistry, type ReadModelName } from '../readModels';
import { agreementConnection, visibleAgreement } from './agreements';
import { findingConnection } from './audit';
import { pastInstant } from '../../timeTravel/pastInstant';
import { rootQuery } from './query';
import { inForceParent, statisticsOf } from './statistics';

/*
 * `registryAsOf` answers with the same functions as the live root fields, on the registry as it
 * stood at the instant and on that instant's day. Each field builds only the read models it reads,
 * from the nearest history snapshot and the events recorded up to the instant, through the
 * request's loader (keyed by instant and model: fields asking in the same tick share one replay).
 * Agreements and statistics never load the audit model or the timeline, which dominate the cost.
 */

/** The read models each field reads, and its nested fields on the same registry (agreement nodes). */
const READS = {
  // The position is the fold's, whatever the models: the policy is the smallest to build.
  position: ['policy'],
  statistics: ['agreements', 'policy'],
  agreements: ['agreements', 'policy'],
  agreement: ['agreements', 'policy'],
  inForceOn: ['agreements', 'policy'],
  policy: ['policy'],
  auditFindings: ['agreements', 'policy', 'auditFindings'],
} as const satisfies Record<string, readonly ReadModelName[]>;

export const registryAsOfResolvers: Resolvers = {
  Query: {
    registryAsOf: rootQuery((args, context): PastRegistry => {
      const knownAt = pastInstant(args.instant, context.now, 'instant');
      return { knownAt, day: pastDay(knownAt) };
    }),
  },
  RegistrySnapshot: {
    instant: (registry) => registry.knownAt,
    day: (registry) => registry.day,
    position: async (registry, _args, context) => (await pastModels(context, registry, READS.position)).position,
    statistics: async (registry, _args, context) => statisticsOf(await pastModels(context, registry, READS.statistics), context.viewer),
    agreements: async (registry, args, context) => agreementConnection(context, await pastModels(context, registry, READS.agreements), args),
    agreement: async (registry, args, context) => visibleAgreement(context, await pastModels(context, registry, READS.agreement), args.id),
    inForceOn: async (registry, args, context) => inForceParent(await pastModels(context, registry, READS.inForceOn), context.viewer, args.date),
    policy: async (registry, _args, context) => policyOn(await pastModels(context, registry, READS.policy)) ?? null,
    auditFindings: async (registry, args, context) => findingConnection(context, await pastModels(context, registry, READS.auditFindings), args),
  },
};
