import { DateTime } from 'luxon';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../projections/agreements';
import { AUDIT_RULE_CODES, SEVERITIES, type AuditRuleCode, type Severity } from '../../projections/auditFindings';
import { AGREEMENT_EVENT_TYPES, type AgreementEventType } from '../agreements/agreementEvents';
import { AGREEMENT_KINDS, type AgreementKind } from '../agreements/agreementTypes';
import type { AgreementFilter } from '../queries/agreementQueries';
import { listRegions } from '../reference';
import { checkedCodes, checkedSdgs, checkedThemes, checkRange, InputIssues, type FacetCode } from '../queries/filterValues';
import { InvalidInputError } from '../shared/errors';
import { LEGAL_ZONE, parseInstant, parseLegalDate, toInstant, type Instant, type LegalDate } from '../shared/time';

/*
 * What an export asks for, read the same way from the command line (`--signed-from 2019-01-01`)
 * and from an HTTP query string (`?signedFrom=2019-01-01`): the agreements filter of the API
 * (AgreementFilter), plus criteria of findings and history entries. Lists are comma-separated or
 * repeated. Every mistake is reported at once, naming the parameter.
 */

export const EXPORT_WHATS = ['agreements', 'findings', 'history'] as const;
export type ExportWhat = (typeof EXPORT_WHATS)[number];
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportParameter {
  readonly description: string;
  readonly valueName: string;
  /** Which exports take it; the agreement criteria select the agreements of all three. */
  readonly for: readonly ExportWhat[];
}

const ALL: readonly ExportWhat[] = EXPORT_WHATS;
const oneOfList = (values: readonly string[]) => values.join(', ');

/** Parameters by their HTTP name; on the command line each is `--kebab-case` (asOf → --as-of). */
export const EXPORT_PARAMETERS = {
  asOf: { valueName: 'INSTANT', for: ALL, description: 'the registry as it stood then: an ISO instant with zone (2019-12-31T23:59:59-06:00)\nor a date (its end in Mexico City); default now' },
  state: { valueName: 'CODES', for: ALL, description: 'INEGI state codes (CVE_ENT), e.g. 14,19: a state matches its municipalities too' },
  municipality: { valueName: 'CODES', for: ALL, description: 'INEGI municipality codes (CVEGEO), e.g. 14039' },
  country: { valueName: 'CODES', for: ALL, description: 'ISO 3166-1 countries of the counterparts, e.g. JP,US' },
  region: { valueName: 'IDS', for: ALL, description: `priority regions of the policy then in force: ${oneOfList(listRegions().map((region) => region.id))}` },
  kind: { valueName: 'KINDS', for: ALL, description: `agreement kinds: ${oneOfList(AGREEMENT_KINDS)}` },
  status: { valueName: 'STATUSES', for: ALL, description: `status on the export's day: ${oneOfList(AGREEMENT_STATUSES)}` },
  theme: { valueName: 'CODES', for: ALL, description: 'themes, e.g. culture,tourism' },
  sdg: { valueName: 'NUMBERS', for: ALL, description: 'Sustainable Development Goals, 1 to 17' },
  signedFrom: { valueName: 'YYYY-MM-DD', for: ALL, description: 'signed on or after' },
  signedTo: { valueName: 'YYYY-MM-DD', for: ALL, description: 'signed on or before' },
  inForceFrom: { valueName: 'YYYY-MM-DD', for: ALL, description: 'in force (or provisionally applied) on some day from…' },
  inForceTo: { valueName: 'YYYY-MM-DD', for: ALL, description: '…to this day' },
  text: { valueName: 'WORDS', for: ALL, description: 'words of the title (any case, accents optional)' },
  rule: { valueName: 'RULES', for: ['findings'], description: `audit rules: ${oneOfList(AUDIT_RULE_CODES)}` },
  severity: { valueName: 'LEVELS', for: ['findings'], description: `severities: ${oneOfList(SEVERITIES)}` },
  open: { valueName: 'true|false', for: ['findings'], description: 'only open (true) or only resolved (false) findings' },
  type: { valueName: 'TYPES', for: ['history'], description: 'event types, e.g. AgreementSigned,AgreementRegistered' },
  validFrom: { valueName: 'YYYY-MM-DD', for: ['history'], description: 'events whose legal date is on or after' },
  validTo: { valueName: 'YYYY-MM-DD', for: ['history'], description: 'events whose legal date is on or before' },
} as const satisfies Record<string, ExportParameter>;

export type ExportParameterName = keyof typeof EXPORT_PARAMETERS;
export const EXPORT_PARAMETER_NAMES = Object.keys(EXPORT_PARAMETERS) as ExportParameterName[];
export const kebabCase = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export interface ExportRequest {
  readonly what: ExportWhat;
  readonly format: ExportFormat;
  /** Undefined: the registry now. */
  readonly asOf: Instant | undefined;
  readonly agreements: AgreementFilter;
  readonly findings: { readonly rules?: readonly AuditRuleCode[]; readonly severities?: readonly Severity[]; readonly open?: boolean };
  readonly history: { readonly types?: readonly AgreementEventType[]; readonly validFrom?: LegalDate; readonly validTo?: LegalDate };
  /** The criteria as read, for the header of a JSON export. */
  readonly criteria: Readonly<Record<string, unknown>>;
}

type Values = ReadonlyMap<string, readonly string[]>;

const listOf = (values: Values, name: string): string[] | undefined => {
  const given = values.get(name);
  if (given === undefined) return undefined;
  const items = given.flatMap((value) => value.split(',')).map((item) => item.trim()).filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
};

const singleOf = (values: Values, name: string, issues: InputIssues): string | undefined => {
  const given = values.get(name);
  if (given === undefined) return undefined;
  if (given.length > 1) return issues.add(name, 'repeated', `is given ${given.length} times: give it once.`);
  const value = (given[0] ?? '').trim();
  return value === '' ? issues.add(name, 'required', 'is empty: give a value or leave the parameter out.') : value;
};

/** Enum values as the domain spells them (`under-sre-review`) or as GraphQL does (`UNDER_SRE_REVIEW`). */
const members = <V extends string>(values: Values, name: string, allowed: readonly V[], issues: InputIssues): V[] | undefined => {
  const items = listOf(values, name);
  if (items === undefined) return undefined;
  const read: V[] = [];
  for (const item of items) {
    const normalised = item.toLowerCase().replace(/_/g, '-');
    const found = allowed.find((value) => value === item || value.toLowerCase() === normalised);
    if (found) read.push(found);
    else issues.add(name, 'not-in-vocabulary', `${JSON.stringify(item)} is not one of ${oneOfList(allowed)}.`);
  }
  return read;
};

const codes = (values: Values, name: string, facet: FacetCode, issues: InputIssues): string[] | undefined => {
  const items = listOf(values, name);
  return items === undefined ? undefined : checkedCodes(facet, items, () => name, issues);
};

const legalDate = (values: Values, name: string, issues: InputIssues): LegalDate | undefined => {
  const value = singleOf(values, name, issues);
  if (value === undefined) return undefined;
  try {
    return parseLegalDate(value, name);
  } catch (error) {
    if (error instanceof InvalidInputError) for (const issue of error.issues) issues.add(name, issue.rule, issue.message);
    return undefined;
  }
};

/** An instant with a zone, or a legal date meaning the end of that day in Mexico City. */
const asOfInstant = (values: Values, issues: InputIssues): Instant | undefined => {
  const value = singleOf(values, 'asOf', issues);
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone: LEGAL_ZONE });
    return day.isValid ? toInstant(day.endOf('day')) : issues.add('asOf', 'legal-date-invalid', `${value} is not a date on the calendar.`);
  }
  try {
    return parseInstant(value, 'asOf');
  } catch (error) {
    if (error instanceof InvalidInputError) {
      // In a query string a bare + reads as a space: the offset the caller wrote arrives as " 06:00".
      const plusAsSpace = / \d{2}:?\d{2}$/.test(value) ? ' In a URL, write the + of an offset as %2B.' : '';
      const [issue] = error.issues;
      if (issue?.rule === 'instant-out-of-range') return issues.add('asOf', issue.rule, issue.message);
      return issues.add('asOf', 'instant-format', `must be an ISO 8601 instant with a zone, e.g. 2019-12-31T23:59:59-06:00, or a date YYYY-MM-DD (its end in Mexico City); got ${JSON.stringify(value)}.${plusAsSpace}`);
    }
    throw error;
  }
};

const some = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

/** A range of days from two parameters, refused when its start is after its end. */
const range = (values: Values, [fromName, toName]: readonly [string, string], issues: InputIssues) => {
  const from = legalDate(values, fromName, issues);
  const to = legalDate(values, toName, issues);
  checkRange(from, to, `${fromName}, ${toName}`, issues);
  return from === undefined && to === undefined ? undefined : { ...some('from', from), ...some('to', to) };
};

/**
 * Reads an export's parameters (by HTTP name) for `what`. Throws one InvalidInputError listing
 * every problem: unknown parameters, ones that do not apply to `what`, malformed values.
 */
export const parseExportRequest = (what: ExportWhat, format: ExportFormat, values: Values): ExportRequest => {
  const issues = new InputIssues();
  for (const name of values.keys()) {
    // Own keys only: `toString` or `constructor` would otherwise find what every object inherits.
    const parameter = Object.hasOwn(EXPORT_PARAMETERS, name) ? (EXPORT_PARAMETERS as Record<string, ExportParameter>)[name] : undefined;
    if (parameter === undefined) issues.add(name, 'unknown-parameter', `is not a parameter of the export; use ${oneOfList(EXPORT_PARAMETER_NAMES)}.`);
    else if (!parameter.for.includes(what)) issues.add(name, 'not-for-this-export', `applies to the ${oneOfList(parameter.for)} export, not to ${what}.`);
  }
  const sdgItems = listOf(values, 'sdg');
  const sdgs = sdgItems && checkedSdgs(sdgItems, () => 'sdg', issues);
  const themeItems = listOf(values, 'theme');
  const themes = themeItems && checkedThemes(themeItems, () => 'theme', issues);
  const regions = members(values, 'region', listRegions().map((region) => region.id), issues);
  const openText = singleOf(values, 'open', issues);
  const open = openText === undefined ? undefined : openText === 'true' ? true : openText === 'false' ? false : issues.add('open', 'not-a-boolean', `must be true or false; got ${JSON.stringify(openText)}.`);
  const text = singleOf(values, 'text', issues);
  const valid = range(values, ['validFrom', 'validTo'], issues);

  const agreements: AgreementFilter = {
    ...some('states', codes(values, 'state', 'state', issues)),
    ...some('municipalities', codes(values, 'municipality', 'municipality', issues)),
    ...some('countries', codes(values, 'country', 'country', issues)),
    ...some('regions', regions),
    ...some('kinds', members<AgreementKind>(values, 'kind', AGREEMENT_KINDS, issues)),
    ...some('statuses', members<AgreementStatus>(values, 'status', AGREEMENT_STATUSES, issues)),
    ...some('themes', themes),
    ...some('sdgs', sdgs),
    ...some('signedBetween', range(values, ['signedFrom', 'signedTo'], issues)),
    ...some('inForceBetween', range(values, ['inForceFrom', 'inForceTo'], issues)),
    ...some('text', text),
  };
  const request: ExportRequest = {
    what,
    format,
    asOf: asOfInstant(values, issues),
    agreements,
    findings: {
      ...some('rules', members<AuditRuleCode>(values, 'rule', AUDIT_RULE_CODES, issues)),
      ...some('severities', members<Severity>(values, 'severity', SEVERITIES, issues)),
      ...some('open', open),
    },
    history: {
      ...some('types', members<AgreementEventType>(values, 'type', AGREEMENT_EVENT_TYPES, issues)),
      ...some('validFrom', valid?.from),
      ...some('validTo', valid?.to),
    },
    criteria: {},
  };
  if (issues.list.length > 0) throw new InvalidInputError(issues.list);
  return { ...request, criteria: { ...request.agreements, ...(what === 'findings' ? request.findings : {}), ...(what === 'history' ? request.history : {}) } };
};
