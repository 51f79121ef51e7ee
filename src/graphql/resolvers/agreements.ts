import type { AgreementView } from '../../../projections/agreements';
import type { AgreementId } from '../../agreements/agreementTypes';
import { getAgreement, searchAgreements } from '../../queries/agreementQueries';
import type { AgreementFilter } from '../../queries/agreementQueries';
import type { Page } from '../../queries/pagination';
import { API_PAGE_LIMITS, lazyConnectionOf, pageRequest, type ConnectionArgs } from '../connections';
import type { RegistryContext } from '../context';
import { agreementFilter, agreementSort, assertRegionsIn } from '../filters';
import type { QueryAgreementsArgs, Resolvers } from '../generated/schemaTypes';
import { localIdOf } from '../globalId';
import { agreementQueryContext, liveReadView, markPast, regionsOn, visibleAgreements, type RegistryReadView } from '../readModels';
import { agreementAccess } from '../visibility';
import { rootQuery } from './query';

/** What every `agreements` field (root, entity, snapshot) takes besides `consistentWith`. */
export type AgreementsArgs = Omit<QueryAgreementsArgs, 'consistentWith'>;

/** A view as a node of `registry`: past views are marked so their fields judge on that day. */
export const agreementNode = (context: RegistryContext, registry: RegistryReadView, view: AgreementView): AgreementView =>
  registry.knownAt === null ? view : markPast(context, view, { knownAt: registry.knownAt, day: registry.day, registry });

/** One agreement of a registry view, if the caller may see it. */
export const visibleAgreement = (context: RegistryContext, registry: RegistryReadView, id: string): AgreementView | null => {
  const view = getAgreement(registry.agreements, localIdOf('Agreement', id, 'id'));
  if (view === undefined || agreementAccess(context.viewer, view) === 'none') return null;
  return agreementNode(context, registry, view);
};

/** Filtered, sorted, paginated agreements of a registry view, over what the caller may see. */
export const agreementConnection = (context: RegistryContext, registry: RegistryReadView, args: AgreementsArgs, filter: AgreementFilter = agreementFilter(args.filter)): Page<AgreementView> => {
  assertRegionsIn(filter.regions, regionsOn(registry));
  const sort = agreementSort(args.sort);
  const page = searchAgreements(
    visibleAgreements(registry, context.viewer),
    { filter, ...(sort ? { sort } : {}), page: pageRequest(args) },
    agreementQueryContext(registry),
    API_PAGE_LIMITS,
  );
  if (registry.knownAt === null) return page;
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: agreementNode(context, registry, edge.node) })) };
};

/** A connection over agreement ids (in force on a day, naming a counterpart...), views built per page. */
export const agreementIdConnection = (context: RegistryContext, registry: RegistryReadView, ids: readonly string[], args: ConnectionArgs): Page<AgreementView> => {
  // The ids come from the caller's visible models, so each has a view.
  const views = registry.agreements.agreements;
  return lazyConnectionOf(ids.length, args, (index) => agreementNode(context, registry, views.get(ids[index] as AgreementId) as AgreementView));
};

export const agreementQueryResolvers: Resolvers = {
  Query: {
    agreement: rootQuery((args, context) => visibleAgreement(context, liveReadView(context), args.id)),
    agreements: rootQuery((args, context) => agreementConnection(context, liveReadView(context), args)),
  },
};
