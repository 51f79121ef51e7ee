import { agreementStatus, isInForceOn, type CounterpartView, type PartyView } from '../../../projections/agreements';
import { counterpartKey } from '../../agreements/agreementTypes';
import { organisationById, stateByCode, subdivisionByCode } from '../../queries/referenceLookups';
import type { LegalDate } from '../../shared/time';
import type { RegistryContext } from '../context';
import { toGlobalId } from '../globalId';
import type { AgreementParent } from '../parents';
import { judgingDay, pastOf } from '../readModels';
import { agreementAccess, isPublished, visibleObservations } from '../visibility';
import { languageOf, sdgOf, themeOf } from './referenceObjects';

type Context = RegistryContext;

/*
 * Fields of `Agreement`, `Party` and `AgreementCounterpart`. Most fields are the view's own and use
 * the default resolver; these compute, look up reference data (through the request's loaders, so
 * a page of 100 agreements costs one batch per catalogue) or apply the access rules.
 */
export const agreementDetailResolvers = {
  Agreement: {
    id: (view: AgreementParent) => toGlobalId('Agreement', view.id),
    agreementId: (view: AgreementParent) => view.id,
    themes: (view: AgreementParent) => view.themes.map(themeOf),
    sdgs: (view: AgreementParent) => view.sdgs.map(sdgOf),
    languages: (view: AgreementParent) => view.languages.map(languageOf),
    status: (view: AgreementParent, args: { readonly on?: LegalDate | null }, context: Context) => agreementStatus(view, args.on ?? judgingDay(context, view)),
    inForceOn: (view: AgreementParent, args: { readonly date: LegalDate }) => isInForceOn(view, args.date),
    published: (view: AgreementParent) => isPublished(view),
    opinions: (view: AgreementParent, _args: unknown, context: Context) => {
      const access = agreementAccess(context.viewer, view);
      return view.opinions.map((opinion) => ({ ...opinion, observations: visibleObservations(opinion, access) }));
    },
    knownAt: (view: AgreementParent, _args: unknown, context: Context) => pastOf(context, view)?.knownAt ?? null,
  },
  Signature: {
    languages: (signature: { readonly languages: readonly string[] }) => signature.languages.map(languageOf),
  },
  Party: {
    name: async (party: PartyView, _args: unknown, context: Context) => (await context.loaders.place.load(party.code)).name,
    inCatalogue: async (party: PartyView, _args: unknown, context: Context) => (await context.loaders.place.load(party.code)).inCatalogue,
    state: (party: PartyView) => stateByCode(party.stateCode),
    entity: (party: PartyView, _args: unknown, context: Context) => context.loaders.entity.load(party.code),
  },
  AgreementCounterpart: {
    kind: ({ counterpart }: CounterpartView) => counterpart.kind,
    name: ({ counterpart }: CounterpartView) => counterpart.name,
    country: ({ country }: CounterpartView, _args: unknown, context: Context) => (country === undefined ? null : context.loaders.country.load(country)),
    subdivision: ({ counterpart }: CounterpartView) => (counterpart.kind === 'foreign-subnational-government' ? subdivisionByCode(counterpart.subdivision) : null),
    parentSubdivision: ({ counterpart }: CounterpartView) =>
      counterpart.kind === 'foreign-local-government' && counterpart.parentSubdivision !== undefined ? subdivisionByCode(counterpart.parentSubdivision) : null,
    organisation: ({ counterpart }: CounterpartView) => (counterpart.kind === 'international-organisation' ? organisationById(counterpart.organisationId) : null),
    organisationId: ({ counterpart }: CounterpartView) => (counterpart.kind === 'international-organisation' ? (counterpart.organisationId ?? null) : null),
    wikidataId: ({ counterpart }: CounterpartView) => (counterpart.kind === 'international-organisation' ? (counterpart.wikidataId ?? null) : null),
    iatiId: ({ counterpart }: CounterpartView) => (counterpart.kind === 'international-organisation' ? (counterpart.iatiId ?? null) : null),
    sector: ({ counterpart }: CounterpartView) => (counterpart.kind === 'private' ? counterpart.sector : null),
    key: ({ counterpart }: CounterpartView) => counterpartKey(counterpart),
    counterpart: ({ counterpart }: CounterpartView, _args: unknown, context: Context) => context.loaders.counterpart.load(counterpartKey(counterpart)),
  },
};
