import type { Resolvers } from '../generated/schemaTypes';
import { pastReadView, policyOn } from '../readModels';
import { agreementConnection, visibleAgreement } from './agreements';
import { findingConnection } from './audit';
import { rootQuery } from './query';
import { inForceParent, statisticsOf } from './statistics';

/*
 * `registryAsOf` rebuilds every read model from the nearest history snapshot and the events
 * recorded up to the instant (once per request and instant: the loader), then answers with the
 * same functions as the live root fields, on that registry and its day.
 */
export const registryAsOfResolvers: Resolvers = {
  Query: {
    registryAsOf: rootQuery(async (args, context) =>
      pastReadView(await context.loaders.registryAsOf.load(args.instant), args.instant),
    ),
  },
  RegistrySnapshot: {
    instant: (registry) => registry.knownAt,
    day: (registry) => registry.day,
    position: (registry) => registry.position,
    statistics: (registry, _args, context) => statisticsOf(registry, context.viewer),
    agreements: (registry, args, context) => agreementConnection(context, registry, args),
    agreement: (registry, args, context) => visibleAgreement(context, registry, args.id),
    inForceOn: (registry, args, context) => inForceParent(registry, context.viewer, args.date),
    policy: (registry) => policyOn(registry) ?? null,
    auditFindings: (registry, args, context) => findingConnection(context, registry, args),
  },
};
