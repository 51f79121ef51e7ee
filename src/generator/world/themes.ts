import type { AgreementKind } from '../../agreements/agreementTypes';
import { getTheme, priorityThemes, type SdgNumber, type ThemeCode } from '../../reference';
import type { Rng } from '../rng';

/** The SDGs each theme contributes to, as agreements usually cite them. */
export const THEME_SDGS: Readonly<Record<ThemeCode, readonly SdgNumber[]>> = {
  climate: [13, 7],
  'urban-development': [11],
  'social-cohesion': [10, 1],
  culture: [11, 4],
  tourism: [8, 12],
  education: [4],
  health: [3],
  'economic-development': [8],
  'trade-investment': [8, 17],
  'public-security': [16],
  water: [6],
  environment: [15, 14],
  waste: [12],
  'science-technology': [9],
  digital: [9, 16],
  migration: [10],
  gender: [5],
  'human-rights': [16, 10],
  'indigenous-peoples': [10],
  youth: [4, 8],
  sport: [3],
  agriculture: [2],
  energy: [7],
  transport: [11],
  governance: [16, 17],
  'disaster-risk': [11, 13],
};

/** One objective sentence per theme, in the register of real agreements. */
export const THEME_OBJECTIVES: Readonly<Record<ThemeCode, string>> = {
  climate: 'Intercambiar experiencias en mitigación y adaptación al cambio climático',
  'urban-development': 'Cooperar en planeación urbana, vivienda y espacio público',
  'social-cohesion': 'Fortalecer programas de inclusión social y cohesión comunitaria',
  culture: 'Promover el intercambio cultural y artístico entre ambas comunidades',
  tourism: 'Impulsar la promoción turística recíproca',
  education: 'Fomentar el intercambio académico de estudiantes y docentes',
  health: 'Colaborar en programas de salud pública y atención primaria',
  'economic-development': 'Promover el desarrollo económico local y las cadenas de valor',
  'trade-investment': 'Facilitar misiones comerciales y la atracción de inversión',
  'public-security': 'Intercambiar buenas prácticas de seguridad pública y prevención del delito',
  water: 'Cooperar en gestión integral del agua y saneamiento',
  environment: 'Conservar la biodiversidad y las áreas naturales protegidas',
  waste: 'Mejorar la gestión integral de residuos sólidos urbanos',
  'science-technology': 'Vincular centros de investigación e innovación tecnológica',
  digital: 'Impulsar el gobierno digital y la transformación tecnológica',
  migration: 'Atender a las personas migrantes y sus familias',
  gender: 'Promover la igualdad de género y la prevención de la violencia contra las mujeres',
  'human-rights': 'Fortalecer la protección de los derechos humanos',
  'indigenous-peoples': 'Revalorizar las lenguas y culturas de los pueblos indígenas',
  youth: 'Crear oportunidades de intercambio para las juventudes',
  sport: 'Organizar encuentros deportivos y formación de entrenadores',
  agriculture: 'Tecnificar la agricultura y fortalecer el desarrollo rural',
  energy: 'Impulsar la eficiencia energética y las energías renovables',
  transport: 'Cooperar en movilidad sustentable y transporte público',
  governance: 'Profesionalizar la administración pública local',
  'disaster-risk': 'Fortalecer la protección civil y la gestión integral de riesgos',
};

/**
 * Themes the irregular "outside its powers" case gives a municipal agreement: migration is the
 * Federation's (Constitution art. 73 fr. XVI), and is what the audit flags; public security is
 * shared (art. 21, 115), the doubtful case a lawyer would still look at.
 */
export const FEDERAL_THEMES: readonly (readonly [ThemeCode, number])[] = [['migration', 3], ['public-security', 1]];

const PRIORITY: ReadonlySet<string> = new Set(priorityThemes().map((theme) => theme.code));
export const isPriorityTheme = (theme: ThemeCode): boolean => PRIORITY.has(theme);

type Pool = readonly (readonly [ThemeCode, number])[];

const TWINNING_THEMES: Pool = [['culture', 9], ['tourism', 8], ['education', 6], ['economic-development', 5], ['sport', 3], ['youth', 3], ['social-cohesion', 2], ['urban-development', 2]];
const COOPERATION_THEMES: Pool = [
  ['urban-development', 8], ['climate', 6], ['water', 5], ['environment', 5], ['waste', 4], ['health', 4], ['digital', 3], ['governance', 4],
  ['transport', 3], ['energy', 3], ['disaster-risk', 3], ['science-technology', 3], ['trade-investment', 3], ['gender', 3], ['social-cohesion', 4],
  ['agriculture', 2], ['education', 3], ['indigenous-peoples', 1], ['human-rights', 1], ['culture', 2], ['tourism', 2],
];
const MEMORANDUM_THEMES: Pool = [['trade-investment', 6], ['economic-development', 5], ['education', 4], ['science-technology', 3], ['tourism', 3], ['culture', 2], ['energy', 1]];

const POOLS: Readonly<Record<AgreementKind, Pool>> = {
  twinning: TWINNING_THEMES,
  'declaratory-twinning': TWINNING_THEMES,
  'cooperation-agreement': COOPERATION_THEMES,
  'memorandum-of-understanding': MEMORANDUM_THEMES,
  'letter-of-intent': MEMORANDUM_THEMES,
};

/** Two or three themes of the kind's usual subjects; `onlyOutsidePriority` keeps the seed's five out. */
export const drawThemes = (rng: Rng, kind: AgreementKind, onlyOutsidePriority = false): ThemeCode[] => {
  const pool = POOLS[kind].filter(([theme]) => !onlyOutsidePriority || !isPriorityTheme(theme));
  return rng.weightedDistinct(pool, rng.int(1, 3));
};

export const sdgsOf = (themes: readonly ThemeCode[]): SdgNumber[] => [...new Set(themes.flatMap((theme) => THEME_SDGS[theme]))].sort((a, b) => a - b);

export const themeLabel = (theme: ThemeCode): string => getTheme(theme).labelEs.toLocaleLowerCase('es');
