/**
 * Starter list of intergovernmental organisations that can be the foreign party of an acuerdo
 * interinstitucional (LCT art. 2 fr. II). There is no ISO standard for them, so each has a stable
 * slug of our own, and a Wikidata QID only where two independent public sources agreed on it.
 *
 * Deliberately absent:
 * - National cooperation agencies (GIZ, AECID, JICA, USAID, AFD, KOICA...): they are bodies of a
 *   foreign national government, a different kind of counterpart with different rules.
 * - City networks: see networks.ts; most are associations under some national law, not
 *   organisations created by States.
 * - CELAC: a dialogue mechanism with no secretariat; it is a priority region (regions.ts).
 * The EU is both: a region (its member States) and an organisation (when it, or one of its
 * institutions, is itself the party).
 */

export interface InternationalOrganisation {
  readonly id: string;
  readonly nameEs: string;
  readonly nameEn: string;
  readonly acronymEs?: string;
  readonly acronymEn?: string;
  /** Wikidata item, only when verified (see the module comment). */
  readonly wikidata?: string;
  /** The organisation this one belongs to, e.g. a UN programme within the UN. */
  readonly partOf?: string;
}

export const ORGANISATIONS_VERSION = {
  version: '2025.1',
  source:
    'Names as used by each organisation in Spanish and English; Wikidata QIDs cross-checked in two public datasets (supraverden list of supranational bodies, OpenSanctions international-organisation registry, SpocWiki exports)',
} as const;

const ORGANISATIONS = [
  // United Nations system
  { id: 'un', nameEs: 'Organización de las Naciones Unidas', nameEn: 'United Nations', acronymEs: 'ONU', acronymEn: 'UN', wikidata: 'Q1065' },
  { id: 'undp', nameEs: 'Programa de las Naciones Unidas para el Desarrollo', nameEn: 'United Nations Development Programme', acronymEs: 'PNUD', acronymEn: 'UNDP', wikidata: 'Q161718', partOf: 'un' },
  { id: 'un-habitat', nameEs: 'Programa de las Naciones Unidas para los Asentamientos Humanos', nameEn: 'United Nations Human Settlements Programme', acronymEs: 'ONU-Hábitat', acronymEn: 'UN-Habitat', partOf: 'un' },
  { id: 'unep', nameEs: 'Programa de las Naciones Unidas para el Medio Ambiente', nameEn: 'United Nations Environment Programme', acronymEs: 'PNUMA', acronymEn: 'UNEP', partOf: 'un' },
  { id: 'unicef', nameEs: 'Fondo de las Naciones Unidas para la Infancia', nameEn: "United Nations Children's Fund", acronymEs: 'UNICEF', acronymEn: 'UNICEF', wikidata: 'Q740308', partOf: 'un' },
  { id: 'un-women', nameEs: 'Entidad de las Naciones Unidas para la Igualdad de Género y el Empoderamiento de las Mujeres', nameEn: 'United Nations Entity for Gender Equality and the Empowerment of Women', acronymEs: 'ONU Mujeres', acronymEn: 'UN Women', wikidata: 'Q641576', partOf: 'un' },
  { id: 'unhcr', nameEs: 'Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados', nameEn: 'Office of the United Nations High Commissioner for Refugees', acronymEs: 'ACNUR', acronymEn: 'UNHCR', wikidata: 'Q132551', partOf: 'un' },
  { id: 'eclac', nameEs: 'Comisión Económica para América Latina y el Caribe', nameEn: 'Economic Commission for Latin America and the Caribbean', acronymEs: 'CEPAL', acronymEn: 'ECLAC', wikidata: 'Q32874', partOf: 'un' },
  { id: 'unesco', nameEs: 'Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura', nameEn: 'United Nations Educational, Scientific and Cultural Organization', acronymEs: 'UNESCO', acronymEn: 'UNESCO', wikidata: 'Q7809' },
  { id: 'who', nameEs: 'Organización Mundial de la Salud', nameEn: 'World Health Organization', acronymEs: 'OMS', acronymEn: 'WHO', wikidata: 'Q7817' },
  { id: 'fao', nameEs: 'Organización de las Naciones Unidas para la Alimentación y la Agricultura', nameEn: 'Food and Agriculture Organization of the United Nations', acronymEs: 'FAO', acronymEn: 'FAO', wikidata: 'Q82151' },
  { id: 'ilo', nameEs: 'Organización Internacional del Trabajo', nameEn: 'International Labour Organization', acronymEs: 'OIT', acronymEn: 'ILO', wikidata: 'Q54129' },
  { id: 'iom', nameEs: 'Organización Internacional para las Migraciones', nameEn: 'International Organization for Migration', acronymEs: 'OIM', acronymEn: 'IOM', wikidata: 'Q472311' },
  { id: 'un-tourism', nameEs: 'Organización Mundial del Turismo (ONU Turismo)', nameEn: 'World Tourism Organization (UN Tourism)', acronymEs: 'ONU Turismo', acronymEn: 'UN Tourism' },
  { id: 'world-bank', nameEs: 'Banco Mundial', nameEn: 'World Bank', acronymEs: 'BM', acronymEn: 'WB', wikidata: 'Q7164' },
  // Americas
  { id: 'oas', nameEs: 'Organización de los Estados Americanos', nameEn: 'Organization of American States', acronymEs: 'OEA', acronymEn: 'OAS', wikidata: 'Q123759' },
  { id: 'paho', nameEs: 'Organización Panamericana de la Salud', nameEn: 'Pan American Health Organization', acronymEs: 'OPS', acronymEn: 'PAHO' },
  { id: 'iica', nameEs: 'Instituto Interamericano de Cooperación para la Agricultura', nameEn: 'Inter-American Institute for Cooperation on Agriculture', acronymEs: 'IICA', acronymEn: 'IICA' },
  { id: 'idb', nameEs: 'Banco Interamericano de Desarrollo', nameEn: 'Inter-American Development Bank', acronymEs: 'BID', acronymEn: 'IDB', wikidata: 'Q1153087' },
  { id: 'caf', nameEs: 'CAF – Banco de Desarrollo de América Latina y el Caribe', nameEn: 'CAF – Development Bank of Latin America and the Caribbean', acronymEs: 'CAF', acronymEn: 'CAF' },
  { id: 'nadbank', nameEs: 'Banco de Desarrollo de América del Norte', nameEn: 'North American Development Bank', acronymEs: 'BDAN', acronymEn: 'NADBank' },
  { id: 'pacific-alliance', nameEs: 'Alianza del Pacífico', nameEn: 'Pacific Alliance', wikidata: 'Q7122288' },
  { id: 'sica', nameEs: 'Sistema de la Integración Centroamericana', nameEn: 'Central American Integration System', acronymEs: 'SICA', acronymEn: 'SICA' },
  { id: 'caricom', nameEs: 'Comunidad del Caribe', nameEn: 'Caribbean Community', acronymEs: 'CARICOM', acronymEn: 'CARICOM', wikidata: 'Q205995' },
  { id: 'mercosur', nameEs: 'Mercado Común del Sur', nameEn: 'Southern Common Market', acronymEs: 'MERCOSUR', acronymEn: 'MERCOSUR', wikidata: 'Q4264' },
  { id: 'oei', nameEs: 'Organización de Estados Iberoamericanos para la Educación, la Ciencia y la Cultura', nameEn: 'Organization of Ibero-American States for Education, Science and Culture', acronymEs: 'OEI', acronymEn: 'OEI' },
  // Europe and global
  { id: 'eu', nameEs: 'Unión Europea', nameEn: 'European Union', acronymEs: 'UE', acronymEn: 'EU', wikidata: 'Q458' },
  { id: 'european-commission', nameEs: 'Comisión Europea', nameEn: 'European Commission', wikidata: 'Q8880', partOf: 'eu' },
  { id: 'european-parliament', nameEs: 'Parlamento Europeo', nameEn: 'European Parliament', wikidata: 'Q8889', partOf: 'eu' },
  { id: 'european-committee-of-the-regions', nameEs: 'Comité Europeo de las Regiones', nameEn: 'European Committee of the Regions', acronymEs: 'CDR', acronymEn: 'CoR', wikidata: 'Q205203', partOf: 'eu' },
  { id: 'council-of-europe', nameEs: 'Consejo de Europa', nameEn: 'Council of Europe', wikidata: 'Q8908' },
  { id: 'oecd', nameEs: 'Organización para la Cooperación y el Desarrollo Económicos', nameEn: 'Organisation for Economic Co-operation and Development', acronymEs: 'OCDE', acronymEn: 'OECD', wikidata: 'Q41550' },
] as const satisfies readonly InternationalOrganisation[];

export type OrganisationId = (typeof ORGANISATIONS)[number]['id'];

const BY_ID: ReadonlyMap<string, InternationalOrganisation> = new Map(
  ORGANISATIONS.map((o) => [o.id, o]),
);

export const listOrganisations = (): readonly InternationalOrganisation[] => ORGANISATIONS;

export const findOrganisation = (id: string): InternationalOrganisation | undefined => BY_ID.get(id);

export const isOrganisationId = (id: string): id is OrganisationId => BY_ID.has(id);
