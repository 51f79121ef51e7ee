import type { AgreementStatus } from '../../../projections/agreements';
import type { AgreementKind } from '../../agreements/agreementTypes';
import { entityCodes, isEntityCode } from '../../queries/entityDirectory';
import { findNetwork } from '../../reference';
import { stateByCode } from '../../queries/referenceLookups';
import { lazyConnectionOf } from '../connections';
import { agreementFilter, assertRegionsIn, entityFilter, withinEntity } from '../filters';
import type { Resolvers } from '../generated/schemaTypes';
import { toGlobalId } from '../globalId';
import { entityParent } from '../parents';
import { liveReadView, policyOn, regionsOn, visibleAgreements } from '../readModels';
import { agreementConnection, agreementIdConnection } from './agreements';
import { rootQuery } from './query';
import { themeOf } from './referenceObjects';

export const entityResolvers: Resolvers = {
  Query: {
    entity: rootQuery((args, context) => (isEntityCode(args.code) ? context.loaders.entity.load(args.code) : null)),
    entities: rootQuery((args, context) => {
      const registry = liveReadView(context);
      const codes = entityCodes(visibleAgreements(registry, context.viewer), registry.entities, entityFilter(args.filter));
      return lazyConnectionOf(codes.length, args, (index) => entityParent(registry, context.viewer, codes[index] as string));
    }),
  },
  Entity: {
    id: (entity) => toGlobalId('Entity', entity.code),
    level: (entity) => entity.place.level,
    name: (entity) => entity.place.name,
    inCatalogue: (entity) => entity.place.inCatalogue,
    stateCode: (entity) => entity.place.stateCode,
    state: (entity) => stateByCode(entity.place.stateCode),
    includesMunicipalities: (entity) => entity.portfolio.includesMunicipalities,
    agreementCount: (entity) => entity.portfolio.agreementCount,
    ownAgreementCount: (entity) => entity.portfolio.ownAgreementCount,
    municipalAgreementCount: (entity) => entity.portfolio.municipalAgreementCount,
    byStatus: (entity) => entity.portfolio.byStatus.map((entry) => ({ status: entry.key as AgreementStatus, count: entry.count })),
    byKind: (entity) => entity.portfolio.byKind.map((entry) => ({ kind: entry.key as AgreementKind, count: entry.count })),
    byRegion: (entity) => {
      const regions = policyOn(entity.view)?.priorityRegions ?? [];
      return entity.portfolio.byRegion.map((entry) => ({ ...entry, label: regions.find((region) => region.id === entry.key)?.name ?? null }));
    },
    withoutPriorityRegion: (entity) => entity.portfolio.withoutPriorityRegion,
    byTheme: (entity) => entity.portfolio.byTheme.map((entry) => ({ ...entry, label: themeOf(entry.key).labelEs })),
    objectives: (entity) => {
      if (!entity.profileVisible) return null;
      const names = policyOn(entity.view)?.strategyObjectives ?? [];
      return entity.portfolio.objectives.map(({ objective, progress }) => ({
        objective,
        name: names.find((named) => named.id === objective)?.name ?? null,
        progress: progress ?? null,
      }));
    },
    networks: (entity) => (entity.profileVisible ? entity.portfolio.networks : null),
    hasProfile: (entity) => entity.portfolio.hasProfile,
    agreements: (entity, args, context) => {
      const given = agreementFilter(args.filter);
      const filter = withinEntity(given, entity.code);
      if (filter !== null) return agreementConnection(context, entity.view, args, filter);
      assertRegionsIn(given.regions, regionsOn(entity.view));
      return agreementIdConnection(context, entity.view, [], args);
    },
  },
  NetworkMembership: {
    network: (membership) => findNetwork(membership.networkId) ?? null,
  },
  PastNetworkMembership: {
    network: (membership) => findNetwork(membership.networkId) ?? null,
  },
};
