import type { Instant, LegalDate } from '../../shared/time';
import type { ConnectionArgs } from '../connections';
import type { RegistryContext } from '../context';
import { pastReadView, policyOn, type RegistryReadView } from '../readModels';
import { agreementConnection, visibleAgreement, type AgreementsArgs } from './agreements';
import { findingConnection, type FindingsArgs } from './audit';
import { rootQuery, type ConsistentArgs } from './query';
import { inForceParent, statisticsOf } from './statistics';

type Context = RegistryContext;

/*
 * `registryAsOf` rebuilds every read model from the nearest history snapshot and the events
 * recorded up to the instant (once per request and instant: the loader), then answers with the
 * same functions as the live root fields, on that registry and its day.
 */
export const registryAsOfResolvers = {
  Query: {
    registryAsOf: rootQuery(async (args: ConsistentArgs & { readonly instant: Instant }, context) =>
      pastReadView(await context.loaders.registryAsOf.load(args.instant), args.instant),
    ),
  },
  RegistrySnapshot: {
    instant: (registry: RegistryReadView) => registry.knownAt,
    day: (registry: RegistryReadView) => registry.day,
    position: (registry: RegistryReadView) => registry.position,
    statistics: (registry: RegistryReadView, _args: unknown, context: Context) => statisticsOf(registry, context.viewer),
    agreements: (registry: RegistryReadView, args: AgreementsArgs, context: Context) => agreementConnection(context, registry, args),
    agreement: (registry: RegistryReadView, args: { readonly id: string }, context: Context) => visibleAgreement(context, registry, args.id),
    inForceOn: (registry: RegistryReadView, args: { readonly date: LegalDate }, context: Context) => inForceParent(registry, context.viewer, args.date),
    policy: (registry: RegistryReadView) => policyOn(registry) ?? null,
    auditFindings: (registry: RegistryReadView, args: FindingsArgs & ConnectionArgs, context: Context) => findingConnection(context, registry, args),
  },
};
