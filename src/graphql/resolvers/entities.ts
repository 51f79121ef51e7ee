import type { AgreementStatus } from '../../../projections/agreements';
import type { MembershipView } from '../../../projections/entities';
import type { AgreementKind } from '../../agreements/agreementTypes';
import { entityCodes, isEntityCode } from '../../queries/entityDirectory';
import { findNetwork } from '../../reference';
import { stateByCode } from '../../queries/referenceLookups';
import { lazyConnectionOf, type ConnectionArgs } from '../connections';
import type { RegistryContext } from '../context';
import { agreementFilter, entityFilter, withinEntity, type EntityFilterInput } from '../filters';
import { toGlobalId } from '../globalId';
import { entityParent, type EntityParent } from '../parents';
import { liveReadView, policyOn, visibleAgreements } from '../readModels';
import { agreementConnection, type AgreementsArgs } from './agreements';
import { rootQuery, type ConsistentArgs } from './query';
import { themeOf } from './referenceObjects';

type Context = RegistryContext;

export const entityResolvers = {
  Query: {
    entity: rootQuery((args: ConsistentArgs & { readonly code: string }, context) => (isEntityCode(args.code) ? context.loaders.entity.load(args.code) : null)),
    entities: rootQuery((args: ConsistentArgs & ConnectionArgs & { readonly filter?: EntityFilterInput | null }, context) => {
      const registry = liveReadView(context);
      const codes = entityCodes(visibleAgreements(registry, context.viewer), registry.entities, entityFilter(args.filter));
      return lazyConnectionOf(codes.length, args, (index) => entityParent(registry, context.viewer, codes[index] as string));
    }),
  },
  Entity: {
    id: (entity: EntityParent) => toGlobalId('Entity', entity.code),
    level: (entity: EntityParent) => entity.place.level,
    name: (entity: EntityParent) => entity.place.name,
    inCatalogue: (entity: EntityParent) => entity.place.inCatalogue,
    stateCode: (entity: EntityParent) => entity.place.stateCode,
    state: (entity: EntityParent) => stateByCode(entity.place.stateCode),
    includesMunicipalities: (entity: EntityParent) => entity.portfolio.includesMunicipalities,
    agreementCount: (entity: EntityParent) => entity.portfolio.agreementCount,
    ownAgreementCount: (entity: EntityParent) => entity.portfolio.ownAgreementCount,
    municipalAgreementCount: (entity: EntityParent) => entity.portfolio.municipalAgreementCount,
    byStatus: (entity: EntityParent) => entity.portfolio.byStatus.map((entry) => ({ status: entry.key as AgreementStatus, count: entry.count })),
    byKind: (entity: EntityParent) => entity.portfolio.byKind.map((entry) => ({ kind: entry.key as AgreementKind, count: entry.count })),
    byRegion: (entity: EntityParent) => {
      const regions = policyOn(entity.view)?.priorityRegions ?? [];
      return entity.portfolio.byRegion.map((entry) => ({ ...entry, label: regions.find((region) => region.id === entry.key)?.name ?? null }));
    },
    withoutPriorityRegion: (entity: EntityParent) => entity.portfolio.withoutPriorityRegion,
    byTheme: (entity: EntityParent) => entity.portfolio.byTheme.map((entry) => ({ ...entry, label: themeOf(entry.key).labelEs })),
    objectives: (entity: EntityParent) => {
      if (!entity.profileVisible) return null;
      const names = policyOn(entity.view)?.strategyObjectives ?? [];
      return entity.portfolio.objectives.map(({ objective, progress }) => ({
        objective,
        name: names.find((named) => named.id === objective)?.name ?? null,
        progress: progress ?? null,
      }));
    },
    networks: (entity: EntityParent) => (entity.profileVisible ? entity.portfolio.networks : null),
    hasProfile: (entity: EntityParent) => entity.portfolio.hasProfile,
    agreements: (entity: EntityParent, args: AgreementsArgs, context: Context) =>
      agreementConnection(context, entity.view, args, withinEntity(agreementFilter(args.filter), entity.code)),
  },
  NetworkMembership: {
    network: (membership: MembershipView) => findNetwork(membership.networkId) ?? null,
  },
  PastNetworkMembership: {
    network: (membership: MembershipView) => findNetwork(membership.networkId) ?? null,
  },
};
