/**
 * Controlled vocabulary of cooperation themes. Codes are stable identifiers stored in events;
 * labels may be reworded without touching history. `priorityInSeed` marks the five priority themes
 * of the first federal policy version, which the alignment audit reads.
 */

export interface Theme {
  readonly code: string;
  readonly labelEn: string;
  readonly labelEs: string;
  readonly priorityInSeed: boolean;
}

export const THEMES_VERSION = {
  version: '2025.1',
  source: 'Seed document priority themes plus common subnational cooperation themes',
} as const;

const THEMES = [
  // The seed's priority themes.
  { code: 'climate', labelEn: 'Climate change', labelEs: 'Cambio climático', priorityInSeed: true },
  { code: 'urban-development', labelEn: 'Urban development', labelEs: 'Desarrollo urbano', priorityInSeed: true },
  { code: 'social-cohesion', labelEn: 'Social cohesion', labelEs: 'Cohesión social', priorityInSeed: true },
  { code: 'culture', labelEn: 'Culture', labelEs: 'Cultura', priorityInSeed: true },
  { code: 'tourism', labelEn: 'Tourism', labelEs: 'Turismo', priorityInSeed: true },
  // Other recurring themes.
  { code: 'education', labelEn: 'Education', labelEs: 'Educación', priorityInSeed: false },
  { code: 'health', labelEn: 'Health', labelEs: 'Salud', priorityInSeed: false },
  { code: 'economic-development', labelEn: 'Economic development', labelEs: 'Desarrollo económico', priorityInSeed: false },
  { code: 'trade-investment', labelEn: 'Trade and investment promotion', labelEs: 'Promoción del comercio y la inversión', priorityInSeed: false },
  { code: 'public-security', labelEn: 'Public security', labelEs: 'Seguridad pública', priorityInSeed: false },
  { code: 'water', labelEn: 'Water and sanitation', labelEs: 'Agua y saneamiento', priorityInSeed: false },
  { code: 'environment', labelEn: 'Environment and biodiversity', labelEs: 'Medio ambiente y biodiversidad', priorityInSeed: false },
  { code: 'waste', labelEn: 'Waste management', labelEs: 'Gestión de residuos', priorityInSeed: false },
  { code: 'science-technology', labelEn: 'Science, technology and innovation', labelEs: 'Ciencia, tecnología e innovación', priorityInSeed: false },
  { code: 'digital', labelEn: 'Digital government and transformation', labelEs: 'Gobierno y transformación digital', priorityInSeed: false },
  { code: 'migration', labelEn: 'Migration', labelEs: 'Migración', priorityInSeed: false },
  { code: 'gender', labelEn: 'Gender equality', labelEs: 'Igualdad de género', priorityInSeed: false },
  { code: 'human-rights', labelEn: 'Human rights', labelEs: 'Derechos humanos', priorityInSeed: false },
  { code: 'indigenous-peoples', labelEn: 'Indigenous peoples', labelEs: 'Pueblos indígenas', priorityInSeed: false },
  { code: 'youth', labelEn: 'Youth', labelEs: 'Juventud', priorityInSeed: false },
  { code: 'sport', labelEn: 'Sport', labelEs: 'Deporte', priorityInSeed: false },
  { code: 'agriculture', labelEn: 'Agriculture and rural development', labelEs: 'Agricultura y desarrollo rural', priorityInSeed: false },
  { code: 'energy', labelEn: 'Energy', labelEs: 'Energía', priorityInSeed: false },
  { code: 'transport', labelEn: 'Transport and mobility', labelEs: 'Transporte y movilidad', priorityInSeed: false },
  { code: 'governance', labelEn: 'Governance and public administration', labelEs: 'Gobernanza y administración pública', priorityInSeed: false },
  { code: 'disaster-risk', labelEn: 'Disaster risk reduction and civil protection', labelEs: 'Reducción del riesgo de desastres y protección civil', priorityInSeed: false },
] as const satisfies readonly Theme[];

export type ThemeCode = (typeof THEMES)[number]['code'];

const BY_CODE: ReadonlyMap<string, Theme> = new Map(THEMES.map((t) => [t.code, t]));

export const listThemes = (): readonly Theme[] => THEMES;

export const isThemeCode = (code: string): code is ThemeCode => BY_CODE.has(code);

export function getTheme(code: ThemeCode): Theme {
  const theme = BY_CODE.get(code);
  if (!theme) throw new Error(`Unknown theme ${code}`);
  return theme;
}

export const priorityThemes = (): readonly Theme[] => THEMES.filter((t) => t.priorityInSeed);
