/**
 * The boundary between untrusted input (GraphQL variables, an administrator's JSON) and the policy
 * core, built like parseAgreementCommand: every problem of an input is reported together, each with
 * its path (`data.priorityRegions[1].countries[0]`), a stable rule and what to do.
 *
 * The parser also refuses what the decider refuses on its own (empty lists, repeats, deadlines
 * below one): here the caller learns every such problem at once and where it is, while the decider
 * keeps the rules for writers that do not come through this boundary (the seed, imports).
 */
import { isThemeCode, listThemes, parseCountryCode, type CountryCode, type ThemeCode } from '../reference';
import {
  boolean,
  code,
  integer,
  list,
  member,
  object,
  oneOf,
  readInput,
  required,
  text,
  throwing,
  withDefault,
  type Read,
  type Reader,
} from '../shared/inputReader';
import { parseLegalDate } from '../shared/time';
import type { PolicyCommand, PolicyCommandType, PublishPolicyVersion } from './policyCommands';
import { STRATEGY_OBJECTIVE_IDS, type MultilateralAgenda, type PolicyDeadlines, type PolicyRegion, type StrategyObjective } from './policyTypes';

/** Longest text accepted per kind of field, in characters (after trimming). */
export const POLICY_TEXT_LIMITS = { title: 500, name: 300, id: 100 } as const;

/** Sanity bounds (ten years of days, fifty years of months): larger is a typo, not a policy. */
const DEADLINE_LIMITS = { registrationAfterSignatureDays: 3650, dormancyMonths: 600 } as const;

const MAX_ITEMS = { regions: 50, countries: 250, agendas: 50 } as const;

const legalDate = throwing(parseLegalDate, 'a calendar date written YYYY-MM-DD, e.g. 2026-01-01');
const name = text({ max: POLICY_TEXT_LIMITS.name });

// Region and agenda ids are kept in events and compared across versions: a plain lower-case slug
// keeps "eu" and "EU " from becoming two regions.
const slug = text({
  max: POLICY_TEXT_LIMITS.id,
  format: { pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, rule: 'id-format', explanation: 'an id of lower-case letters and digits separated by "-", e.g. "alianza-del-pacifico"' },
});

const countryCode = code(parseCountryCode, 'an ISO 3166-1 alpha-2 country code, e.g. "CL"');
const theme = member(isThemeCode, listThemes().map((t) => t.code), 'a theme of the controlled vocabulary');

const region: Reader<PolicyRegion> = object({
  id: required(slug),
  name: required(name),
  countries: required(list(countryCode, { min: 1, max: MAX_ITEMS.countries, unique: { key: (c: CountryCode) => c, what: 'country' } })),
});

const agenda: Reader<MultilateralAgenda> = object({ id: required(slug), name: required(name) });

const strategyObjective: Reader<StrategyObjective> = object({
  id: required(oneOf(STRATEGY_OBJECTIVE_IDS, 'a strategy objective')),
  name: required(text({ max: 1000 })),
});

const deadlines: Reader<PolicyDeadlines> = object({
  registrationAfterSignatureDays: required(integer({ min: 1, max: DEADLINE_LIMITS.registrationAfterSignatureDays })),
  dormancyMonths: required(integer({ min: 1, max: DEADLINE_LIMITS.dormancyMonths })),
  opinionBeforeSignatureRequired: required(boolean),
});

const publishData: Reader<PublishPolicyVersion['data']> = object({
  effectiveFrom: required(legalDate),
  title: required(text({ max: POLICY_TEXT_LIMITS.title })),
  priorityRegions: required(list(region, { min: 1, max: MAX_ITEMS.regions, unique: { key: (r) => r.id, what: 'id', at: '.id' } })),
  priorityThemes: required(list(theme, { min: 1, max: listThemes().length, unique: { key: (t: ThemeCode) => t, what: 'theme' } })),
  multilateralAgendas: withDefault(list(agenda, { max: MAX_ITEMS.agendas, unique: { key: (a) => a.id, what: 'id', at: '.id' } }), []),
  strategyObjectives: withDefault(
    list(strategyObjective, { max: STRATEGY_OBJECTIVE_IDS.length, unique: { key: (o) => o.id, what: 'id', at: '.id' } }),
    [],
  ),
  deadlines: required(deadlines),
});

export const POLICY_COMMAND_TYPES: readonly PolicyCommandType[] = ['PublishPolicyVersion'];

export const isPolicyCommandType = (value: string): value is PolicyCommandType => POLICY_COMMAND_TYPES.some((type) => type === value);

/**
 * Reads a raw command into a typed PolicyCommand. The version number is not read: the decider
 * assigns it, so a caller cannot skip or reuse one.
 */
export const parsePolicyCommand = (type: string, data: unknown): PolicyCommand =>
  readInput((issues): Read<PolicyCommand> => {
    if (!isPolicyCommandType(type)) {
      return issues.report('type', 'not-in-vocabulary', `${JSON.stringify(type)} is not a policy command; use one of ${POLICY_COMMAND_TYPES.join(', ')}.`);
    }
    const read = publishData.read(data, 'data', issues);
    return read.ok ? { ok: true, value: { type, data: read.value } } : read;
  });
