/**
 * International networks of cities and local governments. Kept apart from organisations.ts on
 * purpose: most networks are associations incorporated under one country's law, or programmes run
 * by an organisation, not bodies created by States. Joining one, or signing with one, is therefore
 * not automatically an acuerdo interinstitucional under the LCT: legal staff decide case by case,
 * and the registry must let them record a network without presuming the answer.
 *
 * No Wikidata QIDs yet: none could be confirmed in two independent sources.
 */

export interface CityNetwork {
  readonly id: string;
  readonly nameEs: string;
  readonly nameEn: string;
  readonly acronymEs?: string;
  readonly acronymEn?: string;
  readonly wikidata?: string;
  /** Organisation (organisations.ts id) that runs the network, when it is a programme of one. */
  readonly convenedBy?: string;
}

export const NETWORKS_VERSION = {
  version: '2025.1',
  source: 'Names as used by each network in Spanish and English',
} as const;

const NETWORKS = [
  { id: 'uclg', nameEs: 'Ciudades y Gobiernos Locales Unidos', nameEn: 'United Cities and Local Governments', acronymEs: 'CGLU', acronymEn: 'UCLG' },
  { id: 'metropolis', nameEs: 'Asociación Mundial de las Grandes Metrópolis (Metropolis)', nameEn: 'World Association of the Major Metropolises (Metropolis)' },
  { id: 'iclei', nameEs: 'ICLEI – Gobiernos Locales por la Sustentabilidad', nameEn: 'ICLEI – Local Governments for Sustainability', acronymEs: 'ICLEI', acronymEn: 'ICLEI' },
  { id: 'c40', nameEs: 'C40 Grupo de Liderazgo Climático de Ciudades', nameEn: 'C40 Cities Climate Leadership Group', acronymEs: 'C40', acronymEn: 'C40' },
  { id: 'gcom', nameEs: 'Pacto Global de Alcaldes por el Clima y la Energía', nameEn: 'Global Covenant of Mayors for Climate & Energy', acronymEn: 'GCoM' },
  { id: 'mercociudades', nameEs: 'Mercociudades', nameEn: 'Mercocities' },
  { id: 'al-las', nameEs: 'Alianza Euro-Latinoamericana de Cooperación entre Ciudades', nameEn: 'Euro-Latin American Alliance of Cooperation among Cities', acronymEs: 'AL-LAs', acronymEn: 'AL-LAs' },
  { id: 'flacma', nameEs: 'Federación Latinoamericana de Ciudades, Municipios y Asociaciones de Gobiernos Locales', nameEn: 'Latin American Federation of Cities, Municipalities and Local Government Associations', acronymEs: 'FLACMA', acronymEn: 'FLACMA' },
  { id: 'ucci', nameEs: 'Unión de Ciudades Capitales Iberoamericanas', nameEn: 'Union of Ibero-American Capital Cities', acronymEs: 'UCCI', acronymEn: 'UCCI' },
  { id: 'eurocities', nameEs: 'Eurocities', nameEn: 'Eurocities' },
  { id: 'educating-cities', nameEs: 'Asociación Internacional de Ciudades Educadoras', nameEn: 'International Association of Educating Cities', acronymEs: 'AICE', acronymEn: 'IAEC' },
  { id: 'world-heritage-cities', nameEs: 'Organización de las Ciudades del Patrimonio Mundial', nameEn: 'Organization of World Heritage Cities', acronymEs: 'OCPM', acronymEn: 'OWHC' },
  { id: 'unesco-creative-cities', nameEs: 'Red de Ciudades Creativas de la UNESCO', nameEn: 'UNESCO Creative Cities Network', acronymEn: 'UCCN', convenedBy: 'unesco' },
  { id: 'mayors-for-peace', nameEs: 'Alcaldes por la Paz', nameEn: 'Mayors for Peace' },
] as const satisfies readonly CityNetwork[];

export type NetworkId = (typeof NETWORKS)[number]['id'];

const BY_ID: ReadonlyMap<string, CityNetwork> = new Map(NETWORKS.map((n) => [n.id, n]));

export const listNetworks = (): readonly CityNetwork[] => NETWORKS;

export const findNetwork = (id: string): CityNetwork | undefined => BY_ID.get(id);

export const isNetworkId = (id: string): id is NetworkId => BY_ID.has(id);
