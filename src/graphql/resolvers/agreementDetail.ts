import { agreementStatus, isInForceOn } from '../../../projections/agreements';
import { counterpartKey } from '../../agreements/agreementTypes';
import { organisationById, stateByCode, subdivisionByCode } from '../../queries/referenceLookups';
import { InvalidInputError } from '../../shared/errors';
import type { Resolvers } from '../generated/schemaTypes';
import { toGlobalId } from '../globalId';
import { entityParent } from '../parents';
import { judgingDay, pastModels, pastOf, visibleCounterparts } from '../readModels';
import { agreementAccess, isPublished, visibleObservations } from '../visibility';
import { languageOf, sdgOf, themeOf } from './referenceObjects';

/*
 * Fields of `Agreement`, `Party` and `AgreementCounterpart`. Most fields are the view's own and use
 * the default resolver; these compute, look up reference data (through the request's loaders, so
 * a page of 100 agreements costs one batch per catalogue) or apply the access rules.
 */
export const agreementDetailResolvers: Resolvers = {
  Agreement: {
    id: (view) => toGlobalId('Agreement', view.id),
    agreementId: (view) => view.id,
    themes: (view) => view.themes.map(themeOf),
    sdgs: (view) => view.sdgs.map(sdgOf),
    languages: (view) => view.languages.map(languageOf),
    status: (view, args, context) => {
      // No file existed before the opening: there is no status to give, not even a draft's.
      if (args.on != null && args.on < view.openedOn) {
        throw InvalidInputError.of('on', 'before-opening', `The agreement was opened on ${view.openedOn}: ask for its status on that day or later.`);
      }
      return agreementStatus(view, args.on ?? judgingDay(context, view));
    },
    inForceOn: (view, args) => isInForceOn(view, args.date),
    published: (view) => isPublished(view),
    opinions: (view, _args, context) => {
      const access = agreementAccess(context.viewer, view);
      return view.opinions.map((opinion) => ({ ...opinion, observations: visibleObservations(opinion, access) }));
    },
    knownAt: (view, _args, context) => pastOf(context, view)?.knownAt ?? null,
  },
  Signature: {
    languages: (signature) => signature.languages.map(languageOf),
  },
  Party: {
    name: async (party, _args, context) => (await context.loaders.place.load(party.code)).name,
    inCatalogue: async (party, _args, context) => (await context.loaders.place.load(party.code)).inCatalogue,
    state: (party) => stateByCode(party.stateCode),
    entity: async (party, _args, context) => {
      // A past view's party is the entity as the registry stood then, not today's portfolio.
      const past = context.loaders.pastParts.get(party);
      if (past === undefined) return context.loaders.entity.load(party.code);
      return entityParent(await pastModels(context, past, ['entities', 'agreements', 'policy']), context.viewer, party.code);
    },
  },
  AgreementCounterpart: {
    kind: ({ counterpart }) => counterpart.kind,
    name: ({ counterpart }) => counterpart.name,
    country: ({ country }, _args, context) => (country === undefined ? null : context.loaders.country.load(country)),
    subdivision: ({ counterpart }) => (counterpart.kind === 'foreign-subnational-government' ? subdivisionByCode(counterpart.subdivision) : null),
    parentSubdivision: ({ counterpart }) =>
      counterpart.kind === 'foreign-local-government' && counterpart.parentSubdivision !== undefined ? subdivisionByCode(counterpart.parentSubdivision) : null,
    organisation: ({ counterpart }) => (counterpart.kind === 'international-organisation' ? organisationById(counterpart.organisationId) : null),
    organisationId: ({ counterpart }) => (counterpart.kind === 'international-organisation' ? (counterpart.organisationId ?? null) : null),
    wikidataId: ({ counterpart }) => (counterpart.kind === 'international-organisation' ? (counterpart.wikidataId ?? null) : null),
    iatiId: ({ counterpart }) => (counterpart.kind === 'international-organisation' ? (counterpart.iatiId ?? null) : null),
    sector: ({ counterpart }) => (counterpart.kind === 'private' ? counterpart.sector : null),
    key: ({ counterpart }) => counterpartKey(counterpart),
    counterpart: async (entry, _args, context) => {
      const key = counterpartKey(entry.counterpart);
      const past = context.loaders.pastParts.get(entry);
      if (past === undefined) return context.loaders.counterpart.load(key);
      const registry = await pastModels(context, past, ['counterparts', 'agreements', 'policy']);
      const found = visibleCounterparts(registry, context.viewer).counterparts.get(key);
      if (found !== undefined) context.loaders.pastCounterparts.set(found, registry);
      return found ?? null;
    },
  },
};
