import type { CounterpartEntry, CounterpartsModel } from '../../../projections/counterparts';
import { counterpartCountries, countryDetail, searchCounterparts, type CountryDetail } from '../../queries/counterpartQueries';
import { organisationById, placeOf, stateByCode, subdivisionByCode } from '../../queries/referenceLookups';
import { API_PAGE_LIMITS, pageRequest } from '../connections';
import { counterpartFilter } from '../filters';
import type { Resolvers } from '../generated/schemaTypes';
import { toGlobalId } from '../globalId';
import { liveReadView, visibleCounterparts } from '../readModels';
import { agreementIdConnection } from './agreements';
import { rootQuery } from './query';
import { countryOf } from './referenceObjects';

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

/** A counterpart of `model` by key: the page's keys were read from the same model, so it is there. */
const entryOf = (model: CounterpartsModel, key: string): CounterpartEntry => {
  const entry = model.counterparts.get(key);
  if (entry === undefined) throw new Error(`Counterpart ${key} is missing from the model it was listed from.`);
  return entry;
};

const sortedIds = (entry: CounterpartEntry): readonly string[] => [...entry.agreements.keys()].sort();

/*
 * Counterparts are read from the counterparts model restricted to the agreements the caller may
 * see (src/queries/visibleModels.ts): a body named only by unpublished agreements does not appear
 * to the public, and every count covers visible agreements only.
 */
export const counterpartResolvers: Resolvers = {
  Query: {
    counterparts: rootQuery((args, context) => {
      const model = visibleCounterparts(liveReadView(context), context.viewer);
      const page = searchCounterparts(model, counterpartFilter(args.filter), pageRequest(args), API_PAGE_LIMITS);
      return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: entryOf(model, edge.node.key) })) };
    }),
    counterpart: rootQuery((args, context) => visibleCounterparts(liveReadView(context), context.viewer).counterparts.get(args.key) ?? null),
    counterpartCountries: rootQuery((_args, context) => {
      const model = visibleCounterparts(liveReadView(context), context.viewer);
      return counterpartCountries(model).flatMap((summary) => countryParent(model, summary.country) ?? []);
    }),
    country: rootQuery((args, context) => countryParent(visibleCounterparts(liveReadView(context), context.viewer), args.code)),
  },
  Counterpart: {
    id: (entry) => toGlobalId('Counterpart', entry.key),
    country: (entry, _args, context) => (entry.country === undefined ? null : context.loaders.country.load(entry.country)),
    organisation: (entry) => (entry.counterpart.kind === 'international-organisation' ? organisationById(entry.counterpart.organisationId) : null),
    subdivision: (entry) => (entry.subdivision === undefined ? null : subdivisionByCode(entry.subdivision)),
    agreementCount: (entry) => entry.agreements.size,
    // A counterpart reached from a past view lists the agreements of that registry, as they stood.
    agreements: (entry, args, context) => agreementIdConnection(context, context.loaders.pastCounterparts.get(entry) ?? liveReadView(context), sortedIds(entry), args),
  },
  CounterpartCountry: {
    id: ({ detail }) => toGlobalId('CounterpartCountry', detail.country),
    country: ({ detail }) => countryOf(detail.country),
    agreementCount: ({ detail }) => detail.agreementCount,
    counterpartCount: ({ detail }) => detail.counterpartCount,
    counterparts: ({ detail, model }) => detail.counterparts.flatMap((summary) => model.counterparts.get(summary.key) ?? []),
    byState: ({ detail }) => detail.byState.map((entry) => ({ ...entry, label: stateByCode(entry.key)?.name ?? null })),
    byParty: ({ detail }) => detail.byParty.map((entry) => ({ ...entry, label: placeOf(entry.key).name })),
    agreements: ({ detail }, args, context) => agreementIdConnection(context, liveReadView(context), detail.agreementIds, args),
  },
};
