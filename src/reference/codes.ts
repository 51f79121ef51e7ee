/**
 * Shared machinery for the external codes the registry stores (INEGI, ISO). A code is parsed once at
 * the edge into a branded string, so the rest of the code cannot mix a state code with a municipality
 * code, or pass along text nobody checked. Parsing never throws: the caller decides whether a bad
 * code is a user error to show or a fault (`unwrap`).
 */

import type { Brand } from '../shared/brand';

/** A string that went through the named parser. Only the parsers of this module create one. */
export type { Brand };

export type ReferenceCodeKind =
  | 'state'
  | 'municipality'
  | 'country'
  | 'subdivision'
  | 'currency'
  | 'language';

const KIND_LABEL: Readonly<Record<ReferenceCodeKind, string>> = {
  state: 'State code (INEGI CVE_ENT)',
  municipality: 'Municipality code (INEGI CVEGEO)',
  country: 'Country code (ISO 3166-1 alpha-2)',
  subdivision: 'Subdivision code (ISO 3166-2)',
  currency: 'Currency code (ISO 4217)',
  language: 'Language code (ISO 639-1)',
};

/**
 * A code that is not well-formed. It says which rule failed, what was given and what to do, because
 * the people reading it are legal staff fixing a record, not developers reading a stack trace.
 */
export class ReferenceCodeError extends Error {
  readonly code = 'INVALID_REFERENCE_CODE';
  constructor(
    readonly kind: ReferenceCodeKind,
    /** Stable rule identifier, e.g. `municipality-code-zero`. */
    readonly rule: string,
    /** The input exactly as received. */
    readonly given: unknown,
    /** What the user should do about it. */
    readonly hint: string,
    problem: string,
  ) {
    super(`${KIND_LABEL[kind]} ${describeGiven(given)} ${problem}. ${hint}`);
    this.name = 'ReferenceCodeError';
  }
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ReferenceCodeError };

export const parsed = <T>(value: T): ParseResult<T> => ({ ok: true, value });

export const refused = <T>(error: ReferenceCodeError): ParseResult<T> => ({ ok: false, error });

/** For codes that must be valid (shipped data, tests): a refusal here is a bug, so it throws. */
export function unwrap<T>(result: ParseResult<T>): T {
  if (result.ok) return result.value;
  throw result.error;
}

function describeGiven(given: unknown): string {
  if (typeof given === 'string') return JSON.stringify(given);
  if (given === null || given === undefined) return `(${String(given)})`;
  if (typeof given === 'number' || typeof given === 'boolean' || typeof given === 'bigint') {
    return `${String(given)} (a ${typeof given})`;
  }
  return `(a value of type ${typeof given})`;
}

/** Hint shared by every parser: a code given as a number has already lost its leading zeros. */
export const NOT_TEXT_HINT =
  'Pass the code as text: as a number its leading zeros are lost (09 becomes 9).';
