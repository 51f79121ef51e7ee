import type { SubnationalParty } from '../../agreements/agreementTypes';
import { getState, listMunicipalities, listStates, type Municipality, type MunicipalityCode, type State, type StateCode } from '../../reference';
import { WeightedTable, type Rng } from '../rng';

/**
 * Mexican signers and how active each is. The weights are rough orders of magnitude (population,
 * economic weight, the international offices big cities and states keep), not measurements: they
 * only make Jalisco sign more than Tlaxcala, as it does.
 */
const STATE_ACTIVITY: Readonly<Record<string, number>> = {
  '01': 3, '02': 5, '03': 2, '04': 1.5, '05': 4, '06': 1.5, '07': 3, '08': 4, '09': 12, '10': 2, '11': 6,
  '12': 2, '13': 2, '14': 9, '15': 7, '16': 3, '17': 2, '18': 1.5, '19': 8, '20': 4, '21': 6, '22': 5,
  '23': 4, '24': 3, '25': 3, '26': 4, '27': 2, '28': 4, '29': 1.5, '30': 4, '31': 5, '32': 2,
};

/** Cities with an international office and a long record of twinnings. */
const BIG_CITIES = new Set([
  '14039', '19039', '21114', '11020', '08037', '02004', '31050', '22014', '14120', '01001', '24028', '20067',
  '11015', '16053', '23005', '09015', '09016', '09014', '09003', '19019', '05030', '26030', '25006', '02002',
  '30193', '12001', '07101', '15106', '17007', '14067', '11003', '32056', '05035', '28027', '26043', '14098',
]);

/** Municipalities better known by their seat: a signature "in Cancún", not "in Benito Juárez". */
const KNOWN_BY_SEAT = new Set(['23005', '27004', '23004', '25001', '26018', '04003']);

export interface MexicanEntity {
  readonly level: 'state' | 'municipality';
  readonly code: StateCode | MunicipalityCode;
  readonly stateCode: StateCode;
  /** "Guadalajara", "Jalisco": as a place of signature or in a title. */
  readonly placeName: string;
  /** "el Municipio de Guadalajara", "el Estado de Jalisco": as a title names a party. */
  readonly formalName: string;
  readonly activity: number;
  readonly municipality?: Municipality;
}

export const stateLabel = (state: State): string =>
  state.code === '09' ? 'Ciudad de México' : state.code === '15' ? 'Estado de México' : `Estado de ${state.shortName}`;

const stateEntity = (state: State): MexicanEntity => ({
  level: 'state',
  code: state.code,
  stateCode: state.code,
  placeName: state.shortName,
  formalName: state.code === '09' ? 'la Ciudad de México' : `el ${stateLabel(state)}`,
  activity: STATE_ACTIVITY[state.code] ?? 2,
});

/**
 * How much a municipality signs, before its state's weight: it grows faster than its population
 * (exponent 1.3), because international offices, twinnings and city networks concentrate in the big
 * cities, so of ~2,500 municipalities a demo of a few thousand agreements involves a few hundred.
 * A city of a million scores 6, one of 100,000 about 0.3, a village almost nothing; the score is
 * capped at 8 so that the most populous alcaldías do not outweigh Guadalajara or Monterrey. Cities
 * with an international office score at least 6, and seats of a state government at least 3.
 */
const MUNICIPAL_SIZE_EXPONENT = 1.3;
const MAX_MUNICIPAL_SIZE = 8;

const municipalSize = (municipality: Municipality, population: number): number => {
  const byPopulation = Math.min(MAX_MUNICIPAL_SIZE, 6 * (population / 1_000_000) ** MUNICIPAL_SIZE_EXPONENT);
  if (BIG_CITIES.has(municipality.code)) return Math.max(byPopulation, 6);
  if (getState(municipality.stateCode).seatOfGovernment === municipality.code) return Math.max(byPopulation, 3);
  return byPopulation;
};

const municipalityEntity = (municipality: Municipality, population: number): MexicanEntity => {
  const placeName = KNOWN_BY_SEAT.has(municipality.code) && municipality.seat ? municipality.seat : municipality.name;
  return {
    level: 'municipality',
    code: municipality.code,
    stateCode: municipality.stateCode,
    placeName,
    formalName: municipality.kind === 'alcaldia' ? `la Alcaldía ${municipality.name}` : `el Municipio de ${municipality.name}`,
    activity: Math.sqrt(STATE_ACTIVITY[municipality.stateCode] ?? 2) * municipalSize(municipality, population),
    municipality,
  };
};

export const STATES: readonly MexicanEntity[] = listStates().map(stateEntity);
// Municipalities created after the 2020 Census have no population in the catalogue, and too short a
// life to have an international record: the demo leaves them out.
export const MUNICIPALITIES: readonly MexicanEntity[] = listMunicipalities().flatMap((municipality) =>
  municipality.population === undefined ? [] : [municipalityEntity(municipality, municipality.population)],
);
export const ALL_ENTITIES: readonly MexicanEntity[] = [...STATES, ...MUNICIPALITIES];

const STATE_TABLE = new WeightedTable(STATES.map((entity) => [entity, entity.activity] as const));
const MUNICIPALITY_TABLE = new WeightedTable(MUNICIPALITIES.map((entity) => [entity, entity.activity] as const));

export const drawEntity = (rng: Rng, level: 'state' | 'municipality'): MexicanEntity =>
  level === 'state' ? STATE_TABLE.draw(rng) : MUNICIPALITY_TABLE.draw(rng);

const BY_STATE: ReadonlyMap<string, readonly MexicanEntity[]> = MUNICIPALITIES.reduce((byState, entity) => {
  byState.set(entity.stateCode, [...(byState.get(entity.stateCode) ?? []), entity]);
  return byState;
}, new Map<string, MexicanEntity[]>());

/** The municipality where the state government sits: the usual co-signer of a state. */
export const seatEntityOf = (stateCode: StateCode): MexicanEntity | undefined =>
  (BY_STATE.get(stateCode) ?? []).find((entity) => entity.code === getState(stateCode).seatOfGovernment);

const STATE_AGENCIES = [
  'Gobierno del {state}',
  'Secretaría de Desarrollo Económico del {state}',
  'Secretaría de Turismo del {state}',
  'Coordinación de Asuntos Internacionales del {state}',
  'Secretaría de Educación del {state}',
  'Secretaría de Medio Ambiente del {state}',
] as const;

const MEXICO_CITY_AGENCIES = ['Gobierno de la Ciudad de México', 'Coordinación General de Asuntos Internacionales de la Ciudad de México'] as const;

/** The signing agency (dependencia) as the party records it. */
export const partyOf = (entity: MexicanEntity, rng: Rng): SubnationalParty => {
  if (entity.level === 'state') {
    const state = getState(entity.stateCode);
    const agency = state.code === '09' ? rng.pick(MEXICO_CITY_AGENCIES) : rng.pick(STATE_AGENCIES).replace('{state}', stateLabel(state));
    return { level: 'state', code: entity.code as StateCode, agency };
  }
  const municipality = entity.municipality as Municipality;
  const agency = municipality.kind === 'alcaldia' ? `Alcaldía ${municipality.name}` : `H. Ayuntamiento de ${municipality.name}`;
  return { level: 'municipality', code: entity.code as MunicipalityCode, agency };
};

/** Where a Mexican party signs: "Guadalajara, Jalisco". */
export const placeOf = (entity: MexicanEntity): string => {
  const state = getState(entity.stateCode);
  if (entity.level === 'state') return state.code === '09' ? 'Ciudad de México' : `${state.capital}, ${state.shortName}`;
  return `${entity.placeName}, ${state.shortName}`;
};

/** The title of whoever signs for the party. */
export const mexicanSignatoryTitle = (entity: MexicanEntity, female: boolean): string => {
  if (entity.level === 'state') {
    const state = getState(entity.stateCode);
    if (state.code === '09') return female ? 'Jefa de Gobierno de la Ciudad de México' : 'Jefe de Gobierno de la Ciudad de México';
    return `${female ? 'Gobernadora' : 'Gobernador'} Constitucional del ${stateLabel(state)}`;
  }
  const municipality = entity.municipality as Municipality;
  if (municipality.kind === 'alcaldia') return `${female ? 'Alcaldesa' : 'Alcalde'} de ${municipality.name}`;
  return `${female ? 'Presidenta' : 'Presidente'} Municipal de ${municipality.name}`;
};
