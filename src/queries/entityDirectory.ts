import type { AgreementsModel } from '../../projections/agreements';
import type { EntitiesModel } from '../../projections/entities';
import { listStates } from '../reference';

export interface EntityDirectoryFilter {
  readonly level?: 'state' | 'municipality';
  /** INEGI state codes: the states themselves and their municipalities. */
  readonly states?: readonly string[];
  readonly hasProfile?: boolean;
}

/**
 * The entities the registry knows, by code: every state (all 32 always exist as actors, with or
 * without agreements), and the municipalities that are a party to an agreement of the given model
 * (pass the reader's visible model) or have a recorded profile. Municipalities without either are
 * left out: the shipped catalogue is a selection and listing it would suggest it is complete.
 */
export const entityCodes = (agreements: AgreementsModel, entities: EntitiesModel, filter: EntityDirectoryFilter = {}): readonly string[] => {
  const codes = new Set<string>(listStates().map((state) => state.code));
  for (const code of agreements.byMunicipality.keys()) codes.add(code);
  for (const code of entities.entities.keys()) codes.add(code);
  const states = filter.states !== undefined && filter.states.length > 0 ? new Set(filter.states) : undefined;
  return [...codes]
    .filter((code) => {
      if (filter.level !== undefined && (code.length === 2 ? 'state' : 'municipality') !== filter.level) return false;
      if (states !== undefined && !states.has(code.slice(0, 2))) return false;
      if (filter.hasProfile !== undefined && entities.entities.has(code) !== filter.hasProfile) return false;
      return true;
    })
    .sort();
};

/** A well-formed INEGI code of a state (2 digits) or municipality (5 digits). */
export const isEntityCode = (code: string): boolean => /^(\d{2}|\d{5})$/.test(code) && Number(code.slice(0, 2)) >= 1 && Number(code.slice(0, 2)) <= 32;
