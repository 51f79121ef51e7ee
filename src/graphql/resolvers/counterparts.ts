import type { CounterpartEntry, CounterpartsModel } from '../../../projections/counterparts';
import { counterpartCountries, countryDetail, searchCounterparts, type CountryDetail } from '../../queries/counterpartQueries';
import { countryByCode, organisationById, placeOf, stateByCode, subdivisionByCode } from '../../queries/referenceLookups';
import { API_PAGE_LIMITS, pageRequest, type ConnectionArgs } from '../connections';
import type { RegistryContext } from '../context';
import { counterpartFilter, type CounterpartFilterInput } from '../filters';
import { toGlobalId } from '../globalId';
import { liveReadView, visibleCounterparts } from '../readModels';
import { agreementIdConnection } from './agreements';
import { rootQuery, type ConsistentArgs } from './query';

type Context = RegistryContext;

/** A country with the (visible) counterparts model it was read from, to resolve its counterparts. */
export interface CountryParent {
  readonly __typename: 'CounterpartCountry';
  readonly detail: CountryDetail;
  readonly model: CounterpartsModel;
}

export const countryParent = (model: CounterpartsModel, code: string): CountryParent | null => {
  const detail = countryDetail(model, code);
  return detail === undefined ? null : { __typename: 'CounterpartCountry', detail, model };
};

const sortedIds = (entry: CounterpartEntry): readonly string[] => [...entry.agreements.keys()].sort();

/*
 * Counterparts are read from the counterparts model restricted to the agreements the caller may
 * see (src/queries/visibleModels.ts): a body named only by unpublished agreements does not appear
 * to the public, and every count covers visible agreements only.
 */
export const counterpartResolvers = {
  Query: {
    counterparts: rootQuery((args: ConsistentArgs & ConnectionArgs & { readonly filter?: CounterpartFilterInput | null }, context) => {
      const model = visibleCounterparts(liveReadView(context), context.viewer);
      const page = searchCounterparts(model, counterpartFilter(args.filter), pageRequest(args), API_PAGE_LIMITS);
      return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: model.counterparts.get(edge.node.key) })) };
    }),
    counterpart: rootQuery((args: ConsistentArgs & { readonly key: string }, context) => visibleCounterparts(liveReadView(context), context.viewer).counterparts.get(args.key) ?? null),
    counterpartCountries: rootQuery((_args: ConsistentArgs, context) => {
      const model = visibleCounterparts(liveReadView(context), context.viewer);
      return counterpartCountries(model).flatMap((summary) => countryParent(model, summary.country) ?? []);
    }),
    country: rootQuery((args: ConsistentArgs & { readonly code: string }, context) => countryParent(visibleCounterparts(liveReadView(context), context.viewer), args.code)),
  },
  Counterpart: {
    id: (entry: CounterpartEntry) => toGlobalId('Counterpart', entry.key),
    country: (entry: CounterpartEntry, _args: unknown, context: Context) => (entry.country === undefined ? null : context.loaders.country.load(entry.country)),
    organisation: (entry: CounterpartEntry) => (entry.counterpart.kind === 'international-organisation' ? organisationById(entry.counterpart.organisationId) : null),
    subdivision: (entry: CounterpartEntry) => (entry.subdivision === undefined ? null : subdivisionByCode(entry.subdivision)),
    agreementCount: (entry: CounterpartEntry) => entry.agreements.size,
    agreements: (entry: CounterpartEntry, args: ConnectionArgs, context: Context) => agreementIdConnection(context, liveReadView(context), sortedIds(entry), args),
  },
  CounterpartCountry: {
    id: ({ detail }: CountryParent) => toGlobalId('CounterpartCountry', detail.country),
    country: ({ detail }: CountryParent) => countryByCode(detail.country),
    agreementCount: ({ detail }: CountryParent) => detail.agreementCount,
    counterpartCount: ({ detail }: CountryParent) => detail.counterpartCount,
    counterparts: ({ detail, model }: CountryParent) => detail.counterparts.flatMap((summary) => model.counterparts.get(summary.key) ?? []),
    byState: ({ detail }: CountryParent) => detail.byState.map((entry) => ({ ...entry, label: stateByCode(entry.key)?.name ?? null })),
    byParty: ({ detail }: CountryParent) => detail.byParty.map((entry) => ({ ...entry, label: placeOf(entry.key).name })),
    agreements: ({ detail }: CountryParent, args: ConnectionArgs, context: Context) => agreementIdConnection(context, liveReadView(context), detail.agreementIds, args),
  },
};
