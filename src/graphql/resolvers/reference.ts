import {
  listCountries,
  listCurrencies,
  listLanguages,
  listMunicipalities,
  listNetworks,
  listOrganisations,
  listSdgs,
  listStates,
  listThemes,
  parseCountryCode,
  parseStateCode,
  referenceDataVersions,
  subdivisionsOf,
  type Country,
} from '../../reference';
import { InvalidInputError } from '../../shared/errors';
import type { Resolvers } from '../generated/schemaTypes';
import { rootQuery } from './query';

const bySpanishName = (a: Country, b: Country): number => a.nameEs.localeCompare(b.nameEs, 'es');
let countriesInSpanishOrder: readonly Country[] | undefined;

/** Reference data for pickers: the shipped catalogues, public, unpaginated (the largest, municipalities, has ~2,500 items; filter by state). */
export const referenceResolvers: Resolvers = {
  Query: {
    states: rootQuery(() => listStates()),
    municipalities: rootQuery((args) => {
      if (args.state == null) return listMunicipalities();
      const state = parseStateCode(args.state);
      if (!state.ok) throw InvalidInputError.of('state', state.error.rule, state.error.message);
      return listMunicipalities().filter((municipality) => municipality.stateCode === state.value);
    }),
    countries: rootQuery(() => (countriesInSpanishOrder ??= [...listCountries()].sort(bySpanishName))),
    subdivisions: rootQuery((args) => {
      const country = parseCountryCode(args.country);
      if (!country.ok) throw InvalidInputError.of('country', country.error.rule, country.error.message);
      return subdivisionsOf(country.value).map((subdivision) => ({
        code: subdivision.code,
        name: subdivision.name,
        inCatalogue: true,
        countryCode: subdivision.countryCode,
        parentSubdivision: subdivision.parentSubdivision ?? null,
      }));
    }),
    organisations: rootQuery(() => listOrganisations()),
    networks: rootQuery(() => listNetworks()),
    themes: rootQuery(() => listThemes()),
    sdgs: rootQuery(() => listSdgs()),
    currencies: rootQuery(() => listCurrencies()),
    languages: rootQuery(() => listLanguages()),
    referenceVersions: rootQuery(() => Object.entries(referenceDataVersions()).map(([catalogue, version]) => ({ catalogue, version }))),
  },
};
