import type { MunicipalityCode, StateCode } from '../reference';

/** A state (INEGI CVE_ENT, two digits) or a municipality (CVEGEO, five digits). */
export type EntityCode = StateCode | MunicipalityCode;

export const ENTITY_STREAM_PREFIX = 'entity-';

/** One profile stream per state or municipality: `entity-14` Jalisco, `entity-14039` Guadalajara. */
export const entityStreamName = (code: EntityCode): string => `${ENTITY_STREAM_PREFIX}${code}`;

export const PROGRESS_LEVELS = ['not-started', 'in-progress', 'achieved'] as const;
/** How far an entity has come on one objective of the national strategy. */
export type ProgressLevel = (typeof PROGRESS_LEVELS)[number];
