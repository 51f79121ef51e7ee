import catalogueFile from './data/municipalities.json';
import {
  NOT_TEXT_HINT,
  ReferenceCodeError,
  parsed,
  refused,
  type Brand,
  type ParseResult,
} from './codes';
import { getState, parseStateCode, type FormerName, type StateCode } from './states';

/**
 * INEGI `CVEGEO` of a municipal area: the two-digit state code followed by the three-digit
 * `CVE_MUN`, e.g. "14039" Guadalajara. Obtain one through `parseMunicipalityCode`.
 */
export type MunicipalityCode = Brand<string, 'MunicipalityCode'>;

/** Mexico City is divided into alcaldías, not municipios; INEGI codes both the same way. */
export type MunicipalityKind = 'municipio' | 'alcaldia';

export interface Municipality {
  readonly code: MunicipalityCode;
  readonly stateCode: StateCode;
  readonly kind: MunicipalityKind;
  /** Official name (`NOM_MUN`). Names repeat across states and even inside one: match on code. */
  readonly name: string;
  /** Seat of the municipal government (`NOM_CAB`), often the name people know: Cancún, Villahermosa. */
  readonly seat?: string;
  /** Total population in the 2020 Census (`POB_TOTAL`); absent for municipalities created since. */
  readonly population?: number;
  readonly formerNames: readonly FormerName[];
  readonly note?: string;
}

export type MunicipalityLookup =
  | {
      readonly code: MunicipalityCode;
      readonly inCatalogue: true;
      readonly municipality: Municipality;
      readonly catalogueVersion: string;
    }
  | {
      /**
       * Well-formed but not shipped: INEGI keeps creating municipalities, so a code newer than the
       * catalogue's edition is not an error. Keep the code; never drop or rewrite it.
       */
      readonly code: MunicipalityCode;
      readonly inCatalogue: false;
      readonly stateCode: StateCode;
      readonly catalogueVersion: string;
    };

export const MUNICIPALITY_CATALOGUE = {
  version: catalogueFile.version,
  source: catalogueFile.source,
  crossCheck: catalogueFile.crossCheck,
  coverage: catalogueFile.coverage,
} as const;

const MUNICIPALITY_CODE_PATTERN = /^\d{5}$/;
const MEXICO_CITY = '09';

/**
 * Checks that `input` is a well-formed CVEGEO: five digits, a valid state prefix (01–32) and a
 * municipal part other than 000 (INEGI's code for the state as a whole). Membership in the shipped
 * catalogue is a separate question: see `lookupMunicipality`.
 */
export function parseMunicipalityCode(input: unknown): ParseResult<MunicipalityCode> {
  if (typeof input !== 'string') {
    return refused(
      new ReferenceCodeError(
        'municipality',
        'municipality-code-not-text',
        input,
        NOT_TEXT_HINT,
        'is not text',
      ),
    );
  }
  if (!MUNICIPALITY_CODE_PATTERN.test(input)) {
    return refused(
      new ReferenceCodeError(
        'municipality',
        'municipality-code-format',
        input,
        municipalityFormatHint(input),
        'is not exactly five digits',
      ),
    );
  }
  const statePart = input.slice(0, 2);
  if (!parseStateCode(statePart).ok) {
    return refused(
      new ReferenceCodeError(
        'municipality',
        'municipality-code-state',
        input,
        'The first two digits are the INEGI state code (01–32), e.g. "19039": 19 Nuevo León, 039 Monterrey.',
        `starts with "${statePart}", which is not a state code`,
      ),
    );
  }
  if (input.endsWith('000')) {
    return refused(
      new ReferenceCodeError(
        'municipality',
        'municipality-code-zero',
        input,
        `INEGI uses 000 for the state as a whole. For the state itself record state "${statePart}"; for a municipality give its three-digit CVE_MUN, e.g. "${statePart}001".`,
        'ends in 000',
      ),
    );
  }
  return parsed(input as MunicipalityCode);
}

function municipalityFormatHint(input: string): string {
  const trimmed = input.trim();
  if (trimmed !== input && MUNICIPALITY_CODE_PATTERN.test(trimmed)) {
    return `Remove the surrounding spaces: "${trimmed}".`;
  }
  if (/^\d{4}$/.test(trimmed)) {
    return `Spreadsheets drop the leading zero: did you mean "0${trimmed}"?`;
  }
  if (/^\d{3}$/.test(trimmed)) {
    return `That looks like a CVE_MUN alone: put the two-digit state code in front, e.g. "14" + "${trimmed}".`;
  }
  if (/^\d{2}-?\d{3}$/.test(trimmed)) {
    return `Write the five digits together: "${trimmed.replace('-', '')}".`;
  }
  return 'Give the five-digit INEGI CVEGEO: state code + municipal code, e.g. "09015" (Cuauhtémoc, Ciudad de México).';
}

interface MunicipalityRow {
  readonly code: string;
  readonly name: string;
  readonly seat?: string;
  readonly population?: number;
  readonly note?: string;
  readonly formerNames?: readonly FormerName[];
}

// The data file is checked as it loads: a malformed or duplicated code is a broken release, not
// something to discover when a user types it.
const MUNICIPALITIES: readonly Municipality[] = (catalogueFile.municipalities as readonly MunicipalityRow[]).map(
  (row) => {
    const result = parseMunicipalityCode(row.code);
    if (!result.ok) throw result.error;
    const stateCode = stateOf(result.value);
    return Object.freeze({
      code: result.value,
      stateCode,
      kind: stateCode === MEXICO_CITY ? 'alcaldia' : 'municipio',
      name: row.name,
      ...(row.seat === undefined ? {} : { seat: row.seat }),
      ...(row.population === undefined ? {} : { population: row.population }),
      formerNames: Object.freeze([...(row.formerNames ?? [])]),
      ...(row.note === undefined ? {} : { note: row.note }),
    } satisfies Municipality);
  },
);

const BY_CODE: ReadonlyMap<string, Municipality> = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
if (BY_CODE.size !== MUNICIPALITIES.length) {
  throw new Error('municipalities.json lists the same CVEGEO twice');
}

/** The state a municipality belongs to: its first two digits, valid by construction. */
export function stateOf(code: MunicipalityCode): StateCode {
  const result = parseStateCode(code.slice(0, 2));
  if (!result.ok) throw result.error;
  return result.value;
}

export function lookupMunicipality(code: MunicipalityCode): MunicipalityLookup {
  const municipality = BY_CODE.get(code);
  const catalogueVersion = MUNICIPALITY_CATALOGUE.version;
  return municipality
    ? { code, inCatalogue: true, municipality, catalogueVersion }
    : { code, inCatalogue: false, stateCode: stateOf(code), catalogueVersion };
}

/** Parse and look up in one step, for input arriving from a form or an import. */
export function resolveMunicipalityCode(input: unknown): ParseResult<MunicipalityLookup> {
  const result = parseMunicipalityCode(input);
  return result.ok ? parsed(lookupMunicipality(result.value)) : result;
}

export const findMunicipality = (code: MunicipalityCode): Municipality | undefined =>
  BY_CODE.get(code);

export const listMunicipalities = (): readonly Municipality[] => MUNICIPALITIES;

export const municipalitiesOfState = (stateCode: StateCode): readonly Municipality[] =>
  MUNICIPALITIES.filter((m) => m.stateCode === stateCode);

/** The municipality holding the seat of a state's government (for 09, alcaldía Cuauhtémoc). */
export function seatOfGovernmentOf(stateCode: StateCode): Municipality {
  const seat = BY_CODE.get(getState(stateCode).seatOfGovernment);
  if (!seat) throw new Error(`Seat of government of state ${stateCode} is not in the catalogue`);
  return seat;
}
