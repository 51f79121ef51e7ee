/**
 * The 17 Sustainable Development Goals (UN General Assembly resolution 70/1, 2015), one of the
 * multilateral agendas the seed asks agreements to align with. Short names as the UN publishes
 * them in English and Spanish.
 */

export type SdgNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17;

export interface Sdg {
  readonly number: SdgNumber;
  readonly nameEn: string;
  readonly nameEs: string;
}

export const SDGS_VERSION = {
  version: '2015',
  source: 'United Nations, Transforming our world: the 2030 Agenda for Sustainable Development (A/RES/70/1)',
} as const;

const SDGS: readonly Sdg[] = [
  { number: 1, nameEn: 'No poverty', nameEs: 'Fin de la pobreza' },
  { number: 2, nameEn: 'Zero hunger', nameEs: 'Hambre cero' },
  { number: 3, nameEn: 'Good health and well-being', nameEs: 'Salud y bienestar' },
  { number: 4, nameEn: 'Quality education', nameEs: 'Educación de calidad' },
  { number: 5, nameEn: 'Gender equality', nameEs: 'Igualdad de género' },
  { number: 6, nameEn: 'Clean water and sanitation', nameEs: 'Agua limpia y saneamiento' },
  { number: 7, nameEn: 'Affordable and clean energy', nameEs: 'Energía asequible y no contaminante' },
  { number: 8, nameEn: 'Decent work and economic growth', nameEs: 'Trabajo decente y crecimiento económico' },
  { number: 9, nameEn: 'Industry, innovation and infrastructure', nameEs: 'Industria, innovación e infraestructura' },
  { number: 10, nameEn: 'Reduced inequalities', nameEs: 'Reducción de las desigualdades' },
  { number: 11, nameEn: 'Sustainable cities and communities', nameEs: 'Ciudades y comunidades sostenibles' },
  { number: 12, nameEn: 'Responsible consumption and production', nameEs: 'Producción y consumo responsables' },
  { number: 13, nameEn: 'Climate action', nameEs: 'Acción por el clima' },
  { number: 14, nameEn: 'Life below water', nameEs: 'Vida submarina' },
  { number: 15, nameEn: 'Life on land', nameEs: 'Vida de ecosistemas terrestres' },
  { number: 16, nameEn: 'Peace, justice and strong institutions', nameEs: 'Paz, justicia e instituciones sólidas' },
  { number: 17, nameEn: 'Partnerships for the goals', nameEs: 'Alianzas para lograr los objetivos' },
];

export const listSdgs = (): readonly Sdg[] => SDGS;

export const isSdgNumber = (n: unknown): n is SdgNumber =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 17;

export function getSdg(n: SdgNumber): Sdg {
  const sdg = SDGS[n - 1];
  if (!sdg) throw new Error(`Unknown SDG ${n}`);
  return sdg;
}
