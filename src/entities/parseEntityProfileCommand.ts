/**
 * The boundary between untrusted input and the entity-profile core, built like
 * parseAgreementCommand: every problem of an input is reported together, each with its path, a
 * stable rule and what to do.
 *
 * A network id is only checked to be short text here: whether it names a network of the catalogue
 * is decide's rule (UNKNOWN_NETWORK), because an entity may always leave a network the catalogue
 * has since dropped.
 */
import { parseMunicipalityCode, parseStateCode } from '../reference';
import { STRATEGY_OBJECTIVE_IDS } from '../policy/policyTypes';
import {
  FAILED,
  code,
  object,
  ok,
  oneOf,
  optional,
  readInput,
  reader,
  required,
  text,
  throwing,
  type IssueLog,
  type Read,
  type Reader,
} from '../shared/inputReader';
import { parseLegalDate } from '../shared/time';
import type { EntityProfileCommand, EntityProfileCommandType } from './entityProfileCommands';
import { PROGRESS_LEVELS, type EntityCode } from './entityProfileTypes';

export const ENTITY_TEXT_LIMITS = { note: 2000, networkId: 100 } as const;

const legalDate = throwing(parseLegalDate, 'a calendar date written YYYY-MM-DD, e.g. 2024-05-17');
const note = text({ max: ENTITY_TEXT_LIMITS.note });
const networkId = text({ max: ENTITY_TEXT_LIMITS.networkId });

const stateCode: Reader<EntityCode> = code(parseStateCode, 'a two-digit INEGI state code (CVE_ENT)');
const municipalityCode: Reader<EntityCode> = code(parseMunicipalityCode, 'a five-digit INEGI municipality code (CVEGEO)');

/**
 * A state (two digits) or a municipality (five): the length picks the catalogue, so "1403" is
 * reported with the municipality parser's hint, which says how a CVEGEO is built.
 */
export const entityCode: Reader<EntityCode> = reader(
  'an INEGI code: a state (CVE_ENT, two digits, e.g. "14") or a municipality (CVEGEO, five digits, e.g. "14039")',
  (raw, path, issues) => {
    // A number counts by its digits, so that 9 (a state that lost its leading zero) gets the state hint.
    const digits = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
    return (digits.length > 0 && digits.length <= 2 ? stateCode : municipalityCode).read(raw, path, issues);
  },
);

const DATA_READERS = {
  RecordObjectiveProgress: object({
    objective: required(oneOf(STRATEGY_OBJECTIVE_IDS, 'a strategy objective')),
    level: required(oneOf(PROGRESS_LEVELS, 'a progress level')),
    recordedOn: required(legalDate),
    note: optional(note),
  }),
  JoinCityNetwork: object({ networkId: required(networkId), joinedOn: required(legalDate), note: optional(note) }),
  LeaveCityNetwork: object({ networkId: required(networkId), leftOn: required(legalDate), reason: optional(note) }),
} as const satisfies { readonly [Type in EntityProfileCommandType]: Reader<Extract<EntityProfileCommand, { type: Type }>['data']> };

export const ENTITY_PROFILE_COMMAND_TYPES: readonly EntityProfileCommandType[] = ['RecordObjectiveProgress', 'JoinCityNetwork', 'LeaveCityNetwork'];

export const isEntityProfileCommandType = (value: string): value is EntityProfileCommandType =>
  ENTITY_PROFILE_COMMAND_TYPES.some((type) => type === value);

const withEntity = <Type extends EntityProfileCommandType>(type: Type, entity: Read<EntityCode>, data: unknown, issues: IssueLog): Read<EntityProfileCommand> => {
  const read = DATA_READERS[type].read(data, 'data', issues);
  if (!entity.ok || !read.ok) return FAILED;
  // Each branch of the union pairs a type with its own data reader above.
  return ok({ type, entityCode: entity.value, data: read.value } as EntityProfileCommand);
};

/** Reads a raw command into a typed EntityProfileCommand; throws one InvalidInputError listing every issue. */
export const parseEntityProfileCommand = (type: string, rawEntityCode: unknown, data: unknown): EntityProfileCommand =>
  readInput((issues): Read<EntityProfileCommand> => {
    const entity = entityCode.read(rawEntityCode, 'entityCode', issues);
    if (!isEntityProfileCommandType(type)) {
      return issues.report('type', 'not-in-vocabulary', `${JSON.stringify(type)} is not an entity profile command; use one of ${ENTITY_PROFILE_COMMAND_TYPES.join(', ')}.`);
    }
    return withEntity(type, entity, data, issues);
  });
