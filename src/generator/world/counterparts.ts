import type { Counterpart, PrivateSector } from '../../agreements/agreementTypes';
import { findOrganisation, parseCountryCode, unwrap, type CountryCode } from '../../reference';
import type { Rng } from '../rng';
import { countryNameEs, drawCity, drawCountry, drawRegion, type ForeignPlace } from './foreignPlaces';

export const localGovernment = (place: ForeignPlace): Counterpart => ({
  kind: 'foreign-local-government',
  name: place.name,
  country: place.country,
  ...(place.region === undefined ? {} : { parentSubdivision: place.region }),
});

/** A sister region; a country without ISO regions falls back to one of its cities. */
export const subnationalGovernment = (rng: Rng, country: CountryCode): Counterpart => {
  const region = drawRegion(rng, country);
  if (!region?.region) return localGovernment(drawCity(rng, country));
  return { kind: 'foreign-subnational-government', name: region.name, country, subdivision: region.region };
};

export const drawLocalGovernment = (rng: Rng, country = drawCountry(rng)): Counterpart => localGovernment(drawCity(rng, country));

/**
 * Bodies of foreign national governments that sign with Mexican states and municipalities, mostly
 * cooperation agencies and development banks; elsewhere the government as a whole.
 */
const NATIONAL_BODIES: Readonly<Record<string, readonly string[]>> = {
  US: ['Agencia de los Estados Unidos para el Desarrollo Internacional (USAID)', 'Departamento de Estado de los Estados Unidos de América'],
  ES: ['Agencia Española de Cooperación Internacional para el Desarrollo (AECID)'],
  DE: ['Ministerio Federal de Cooperación Económica y Desarrollo (BMZ)', 'Banco de Desarrollo KfW'],
  JP: ['Agencia de Cooperación Internacional del Japón (JICA)'],
  KR: ['Agencia de Cooperación Internacional de Corea (KOICA)'],
  FR: ['Agencia Francesa de Desarrollo (AFD)'],
  CN: ['Ministerio de Comercio de la República Popular China'],
  GT: ['Ministerio de Relaciones Exteriores de la República de Guatemala'],
  CU: ['Ministerio del Comercio Exterior y la Inversión Extranjera de la República de Cuba'],
  CA: ['Departamento de Asuntos Mundiales de Canadá'],
  IT: ['Agencia Italiana de Cooperación para el Desarrollo (AICS)'],
};

/** Those that lend: the foreign-currency borrowing case (Constitution art. 117 fr. VIII). */
export const LENDING_COUNTRIES: readonly CountryCode[] = ['JP', 'DE', 'FR', 'US', 'KR'].map((raw) => unwrap(parseCountryCode(raw)));

export const nationalGovernment = (rng: Rng, country: CountryCode): Counterpart => {
  const bodies = NATIONAL_BODIES[country];
  return { kind: 'foreign-national-government', name: bodies ? rng.pick(bodies) : `Gobierno de ${countryNameEs(country)}`, country };
};

/** How often each catalogued organisation is a counterpart: UN-Habitat and the IDB far more than the OAS. */
const ORGANISATION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['un-habitat', 8], ['undp', 8], ['unesco', 6], ['idb', 6], ['european-commission', 5], ['eu', 3], ['world-bank', 4], ['caf', 3],
  ['oecd', 3], ['unicef', 3], ['iom', 3], ['unhcr', 2], ['eclac', 3], ['fao', 2], ['iica', 2], ['un-women', 3], ['un-tourism', 2],
  ['paho', 2], ['who', 1], ['oas', 1], ['nadbank', 2], ['oei', 2], ['european-committee-of-the-regions', 1], ['unep', 2], ['ilo', 1],
];

/** The banks among them, for loan-like projects. */
export const LENDING_ORGANISATIONS = ['idb', 'world-bank', 'caf', 'nadbank'] as const;

export const internationalOrganisation = (rng: Rng, id = rng.weighted(ORGANISATION_WEIGHTS)): Counterpart => {
  const organisation = findOrganisation(id);
  if (!organisation) throw new Error(`The generator names organisation ${id}, which is not in the catalogue`);
  return {
    kind: 'international-organisation',
    name: organisation.nameEs,
    organisationId: organisation.id,
    ...(organisation.wikidata === undefined ? {} : { wikidataId: organisation.wikidata }),
  };
};

const PRIVATE_NAMES: Readonly<Record<PrivateSector, readonly string[]>> = {
  company: ['Grupo Industrial {city}', 'Cámara de Comercio de {city}', 'Corporación Logística {city}', 'Energías Renovables {city}'],
  ngo: ['Fundación {city} para el Desarrollo', 'Asociación Civil Amigos de {city}', 'Fundación Cultural {city}'],
  university: ['Universidad de {city}', 'Instituto Tecnológico de {city}', 'Escuela de Negocios de {city}'],
  other: ['Club Rotario de {city}', 'Patronato de Turismo de {city}'],
};

/** A company, NGO or university: never a party to an acuerdo interinstitucional (LCT art. 2 fr. II). */
export const privateBody = (rng: Rng): Counterpart => {
  const country = drawCountry(rng);
  const city = drawCity(rng, country);
  const sector = rng.weighted<PrivateSector>([['company', 4], ['university', 3], ['ngo', 2], ['other', 1]]);
  return { kind: 'private', name: rng.pick(PRIVATE_NAMES[sector]).replace('{city}', city.name), sector, country };
};

/** The country a counterpart belongs to, when it has one. */
export const countryOfCounterpart = (counterpart: Counterpart): CountryCode | undefined =>
  'country' in counterpart ? counterpart.country : undefined;
