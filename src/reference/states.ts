import {
  NOT_TEXT_HINT,
  ReferenceCodeError,
  parsed,
  refused,
  type Brand,
  type ParseResult,
} from './codes';
import type { MunicipalityCode } from './municipalities';

/** INEGI `CVE_ENT`: two digits, `01`–`32`. Obtain one through `parseStateCode`. */
export type StateCode = Brand<string, 'StateCode'>;

/** A name the entity had in the past, so that older agreements still match their signer. */
export interface FormerName {
  readonly name: string;
  /** First day (ISO date) on which the current name applied. */
  readonly renamedOn: string;
  readonly basis: string;
}

export interface State {
  readonly code: StateCode;
  /** Official name as INEGI publishes it (`NOM_ENT`), e.g. "Coahuila de Zaragoza". */
  readonly name: string;
  /** Name in everyday use, e.g. "Coahuila", "Estado de México". */
  readonly shortName: string;
  /** INEGI's abbreviation (`NOM_ABR`), e.g. "Coah.". */
  readonly abbreviation: string;
  /** ISO 3166-2:MX code, e.g. "MX-COA": what foreign counterparts and other registries use. */
  readonly isoCode: string;
  /** Capital city (the seat, `NOM_CAB`, of the municipality below). */
  readonly capital: string;
  /**
   * Municipality holding the seat of the state government. Mexico City has no municipalities:
   * its government sits in the historic centre, in alcaldía Cuauhtémoc (09015).
   */
  readonly seatOfGovernment: MunicipalityCode;
  readonly formerNames: readonly FormerName[];
}

export const STATE_CATALOGUE = {
  version: '2025.1',
  source:
    'INEGI AGEEML (CVE_ENT, NOM_ENT, NOM_ABR) and Marco Geoestadístico; ISO 3166-2:MX codes checked against the iso-3166 package',
} as const;

type StateRow = Omit<State, 'code' | 'seatOfGovernment' | 'formerNames'> & {
  readonly code: string;
  readonly seatOfGovernment: string;
  readonly formerNames?: readonly FormerName[];
};

// Official names, abbreviations and capitals are INEGI's; the seat municipality is the one whose
// cabecera is the capital (checked by test/reference/states.unit.test.ts).
const ROWS: readonly StateRow[] = [
  { code: '01', name: 'Aguascalientes', shortName: 'Aguascalientes', abbreviation: 'Ags.', isoCode: 'MX-AGU', capital: 'Aguascalientes', seatOfGovernment: '01001' },
  { code: '02', name: 'Baja California', shortName: 'Baja California', abbreviation: 'BC', isoCode: 'MX-BCN', capital: 'Mexicali', seatOfGovernment: '02002' },
  { code: '03', name: 'Baja California Sur', shortName: 'Baja California Sur', abbreviation: 'BCS', isoCode: 'MX-BCS', capital: 'La Paz', seatOfGovernment: '03003' },
  { code: '04', name: 'Campeche', shortName: 'Campeche', abbreviation: 'Camp.', isoCode: 'MX-CAM', capital: 'San Francisco de Campeche', seatOfGovernment: '04002' },
  { code: '05', name: 'Coahuila de Zaragoza', shortName: 'Coahuila', abbreviation: 'Coah.', isoCode: 'MX-COA', capital: 'Saltillo', seatOfGovernment: '05030' },
  { code: '06', name: 'Colima', shortName: 'Colima', abbreviation: 'Col.', isoCode: 'MX-COL', capital: 'Colima', seatOfGovernment: '06002' },
  { code: '07', name: 'Chiapas', shortName: 'Chiapas', abbreviation: 'Chis.', isoCode: 'MX-CHP', capital: 'Tuxtla Gutiérrez', seatOfGovernment: '07101' },
  { code: '08', name: 'Chihuahua', shortName: 'Chihuahua', abbreviation: 'Chih.', isoCode: 'MX-CHH', capital: 'Chihuahua', seatOfGovernment: '08019' },
  {
    code: '09', name: 'Ciudad de México', shortName: 'Ciudad de México', abbreviation: 'CDMX', isoCode: 'MX-CMX', capital: 'Ciudad de México', seatOfGovernment: '09015',
    formerNames: [
      {
        name: 'Distrito Federal',
        renamedOn: '2016-01-30',
        basis: 'Constitutional reform published in the DOF on 2016-01-29, in force the next day; ISO 3166-2 code was MX-DIF',
      },
    ],
  },
  { code: '10', name: 'Durango', shortName: 'Durango', abbreviation: 'Dgo.', isoCode: 'MX-DUR', capital: 'Victoria de Durango', seatOfGovernment: '10005' },
  { code: '11', name: 'Guanajuato', shortName: 'Guanajuato', abbreviation: 'Gto.', isoCode: 'MX-GUA', capital: 'Guanajuato', seatOfGovernment: '11015' },
  { code: '12', name: 'Guerrero', shortName: 'Guerrero', abbreviation: 'Gro.', isoCode: 'MX-GRO', capital: 'Chilpancingo de los Bravo', seatOfGovernment: '12029' },
  { code: '13', name: 'Hidalgo', shortName: 'Hidalgo', abbreviation: 'Hgo.', isoCode: 'MX-HID', capital: 'Pachuca de Soto', seatOfGovernment: '13048' },
  { code: '14', name: 'Jalisco', shortName: 'Jalisco', abbreviation: 'Jal.', isoCode: 'MX-JAL', capital: 'Guadalajara', seatOfGovernment: '14039' },
  { code: '15', name: 'México', shortName: 'Estado de México', abbreviation: 'Mex.', isoCode: 'MX-MEX', capital: 'Toluca de Lerdo', seatOfGovernment: '15106' },
  { code: '16', name: 'Michoacán de Ocampo', shortName: 'Michoacán', abbreviation: 'Mich.', isoCode: 'MX-MIC', capital: 'Morelia', seatOfGovernment: '16053' },
  { code: '17', name: 'Morelos', shortName: 'Morelos', abbreviation: 'Mor.', isoCode: 'MX-MOR', capital: 'Cuernavaca', seatOfGovernment: '17007' },
  { code: '18', name: 'Nayarit', shortName: 'Nayarit', abbreviation: 'Nay.', isoCode: 'MX-NAY', capital: 'Tepic', seatOfGovernment: '18017' },
  { code: '19', name: 'Nuevo León', shortName: 'Nuevo León', abbreviation: 'NL', isoCode: 'MX-NLE', capital: 'Monterrey', seatOfGovernment: '19039' },
  { code: '20', name: 'Oaxaca', shortName: 'Oaxaca', abbreviation: 'Oax.', isoCode: 'MX-OAX', capital: 'Oaxaca de Juárez', seatOfGovernment: '20067' },
  { code: '21', name: 'Puebla', shortName: 'Puebla', abbreviation: 'Pue.', isoCode: 'MX-PUE', capital: 'Heroica Puebla de Zaragoza', seatOfGovernment: '21114' },
  { code: '22', name: 'Querétaro', shortName: 'Querétaro', abbreviation: 'Qro.', isoCode: 'MX-QUE', capital: 'Santiago de Querétaro', seatOfGovernment: '22014' },
  { code: '23', name: 'Quintana Roo', shortName: 'Quintana Roo', abbreviation: 'Q. Roo', isoCode: 'MX-ROO', capital: 'Chetumal', seatOfGovernment: '23004' },
  { code: '24', name: 'San Luis Potosí', shortName: 'San Luis Potosí', abbreviation: 'SLP', isoCode: 'MX-SLP', capital: 'San Luis Potosí', seatOfGovernment: '24028' },
  { code: '25', name: 'Sinaloa', shortName: 'Sinaloa', abbreviation: 'Sin.', isoCode: 'MX-SIN', capital: 'Culiacán Rosales', seatOfGovernment: '25006' },
  { code: '26', name: 'Sonora', shortName: 'Sonora', abbreviation: 'Son.', isoCode: 'MX-SON', capital: 'Hermosillo', seatOfGovernment: '26030' },
  { code: '27', name: 'Tabasco', shortName: 'Tabasco', abbreviation: 'Tab.', isoCode: 'MX-TAB', capital: 'Villahermosa', seatOfGovernment: '27004' },
  { code: '28', name: 'Tamaulipas', shortName: 'Tamaulipas', abbreviation: 'Tamps.', isoCode: 'MX-TAM', capital: 'Ciudad Victoria', seatOfGovernment: '28041' },
  { code: '29', name: 'Tlaxcala', shortName: 'Tlaxcala', abbreviation: 'Tlax.', isoCode: 'MX-TLA', capital: 'Tlaxcala de Xicohténcatl', seatOfGovernment: '29033' },
  { code: '30', name: 'Veracruz de Ignacio de la Llave', shortName: 'Veracruz', abbreviation: 'Ver.', isoCode: 'MX-VER', capital: 'Xalapa-Enríquez', seatOfGovernment: '30087' },
  { code: '31', name: 'Yucatán', shortName: 'Yucatán', abbreviation: 'Yuc.', isoCode: 'MX-YUC', capital: 'Mérida', seatOfGovernment: '31050' },
  { code: '32', name: 'Zacatecas', shortName: 'Zacatecas', abbreviation: 'Zac.', isoCode: 'MX-ZAC', capital: 'Zacatecas', seatOfGovernment: '32056' },
];

const STATE_CODE_PATTERN = /^\d{2}$/;
const FIRST_STATE = 1;
const LAST_STATE = 32;

/**
 * Checks that `input` is a well-formed state code. Every well-formed state code is in the
 * catalogue: the 32 entities are fixed by the Constitution (art. 43), unlike municipalities.
 */
export function parseStateCode(input: unknown): ParseResult<StateCode> {
  if (typeof input !== 'string') {
    return refused(
      new ReferenceCodeError('state', 'state-code-not-text', input, NOT_TEXT_HINT, 'is not text'),
    );
  }
  if (!STATE_CODE_PATTERN.test(input)) {
    return refused(
      new ReferenceCodeError(
        'state',
        'state-code-format',
        input,
        stateFormatHint(input),
        'is not exactly two digits',
      ),
    );
  }
  const n = Number(input);
  if (n < FIRST_STATE || n > LAST_STATE) {
    return refused(
      new ReferenceCodeError(
        'state',
        'state-code-range',
        input,
        'INEGI numbers the 32 federal entities from 01 (Aguascalientes) to 32 (Zacatecas).',
        'is outside 01–32',
      ),
    );
  }
  return parsed(input as StateCode);
}

function stateFormatHint(input: string): string {
  const trimmed = input.trim();
  if (trimmed !== input && STATE_CODE_PATTERN.test(trimmed)) {
    return `Remove the surrounding spaces: "${trimmed}".`;
  }
  if (/^\d$/.test(trimmed)) return `Write it with a leading zero: "0${trimmed}".`;
  if (/^\d{5}$/.test(trimmed)) {
    return `That looks like a municipality code (CVEGEO); its state is "${trimmed.slice(0, 2)}".`;
  }
  if (/^MX-[A-Z]{3}$/.test(trimmed)) {
    const byIso = findStateByIsoCode(trimmed);
    if (byIso) return `That is the ISO 3166-2 code; the INEGI code of ${byIso.name} is "${byIso.code}".`;
  }
  return 'Give the two-digit INEGI code, e.g. "09" for Ciudad de México or "14" for Jalisco.';
}

const STATES: readonly State[] = ROWS.map((row) => {
  const result = parseStateCode(row.code);
  if (!result.ok) throw result.error;
  return Object.freeze({
    ...row,
    code: result.value,
    // Not parsed here: the parser lives in municipalities.ts, which imports this module. The
    // state tests parse every seat and find it in the municipality catalogue.
    seatOfGovernment: row.seatOfGovernment as MunicipalityCode,
    formerNames: Object.freeze([...(row.formerNames ?? [])]),
  });
});

const BY_CODE: ReadonlyMap<string, State> = new Map(STATES.map((s) => [s.code, s]));
const BY_ISO: ReadonlyMap<string, State> = new Map(STATES.map((s) => [s.isoCode, s]));

export const listStates = (): readonly State[] => STATES;

/** Total: a parsed state code always names one of the 32 entities. */
export function getState(code: StateCode): State {
  const state = BY_CODE.get(code);
  if (!state) throw new Error(`State ${code} passed parseStateCode but is not in the catalogue`);
  return state;
}

/** Maps an ISO 3166-2:MX code (as foreign documents write it) to the INEGI entity. */
export const findStateByIsoCode = (isoCode: string): State | undefined => BY_ISO.get(isoCode);
