import type { AgreementFacets, AgreementFilter, AgreementSort, DateRange } from '../queries/agreementQueries';
import type { CounterpartFilter } from '../queries/counterpartQueries';
import type { EntityDirectoryFilter } from '../queries/entityDirectory';
import type { FindingFilter } from '../queries/findingQueries';
import type { TimelineFilter } from '../queries/timelineQueries';
import type {
  AgreementFilter as AgreementFilterInput,
  AgreementSort as AgreementSortInput,
  AuditFindingFilter,
  CounterpartFilter as CounterpartFilterInput,
  DateRange as DateRangeInput,
  EntityFilter as EntityFilterInput,
  RegistryEventFilter as RegistryEventFilterInput,
  TimelineFilter as TimelineFilterInput,
} from './generated/schemaTypes';
import { AGREEMENT_EVENT_TYPES } from '../agreements/agreementEvents';
import { ENTITY_PROFILE_EVENT_TYPES } from '../entities/entityProfileEvents';
import { POLICY_EVENT_TYPES } from '../policy/policyEvents';
import type { PolicyRegion } from '../policy/policyTypes';
import { checkedCodes, checkedSdgs, checkedThemes, checkRange, InputIssues } from '../queries/filterValues';
import { InvalidInputError } from '../shared/errors';
import { parseUuid } from '../shared/ids';
import { localIdOf } from './globalId';

/*
 * GraphQL inputs (the SDL's input types, as generated) as graphql-js hands them over, explicit
 * nulls included, turned into the query functions' filters, which want absent fields rather than
 * nulls (exactOptionalPropertyTypes). Enum values arrive already as the domain's own strings (see
 * resolvers/enums.ts).
 */

/** `AuditFindingFilter`: what `auditFindings` and, without `open`, `findingsChanged` take. */
export type FindingFilterInput = AuditFindingFilter;

type Maybe<T> = T | null | undefined;

const some = <K extends string, V>(key: K, value: Maybe<V>): { [P in K]?: V } => (value == null ? {} : ({ [key]: value } as { [P in K]: V }));

/**
 * Runs `build`, then refuses the input with every issue it found (see queries/filterValues): a
 * code that names nothing, or a range that ends before it starts, would answer an empty page.
 */
const checked = <T>(build: (issues: InputIssues) => T): T => {
  const issues = new InputIssues();
  const built = build(issues);
  if (issues.list.length > 0) throw new InvalidInputError(issues.list);
  return built;
};

const at = (path: string) => (index: number) => `${path}[${index}]`;

const dateRange = (input: Maybe<DateRangeInput>, path: string, issues: InputIssues): DateRange | undefined => {
  if (input == null) return undefined;
  checkRange(input.from ?? undefined, input.to ?? undefined, path, issues);
  return { ...some('from', input.from), ...some('to', input.to) };
};

/** Agreement ids (UUIDs or global ids), each checked to be one. */
const agreementIds = (input: Maybe<readonly string[]>, issues: InputIssues, field = 'filter.agreements'): string[] | undefined =>
  input?.flatMap((id, index) => {
    const path = `${field}[${index}]`;
    try {
      return [parseUuid<string>(localIdOf('Agreement', id, path), path, 'An agreement id')];
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      for (const issue of error.issues) issues.add(issue.path, issue.rule, issue.message);
      return [];
    }
  });

/** The facets shared by agreement and timeline filters (see AgreementFacets). */
type AgreementFacetsInput = Pick<AgreementFilterInput, keyof AgreementFacets>;

const facets = (input: AgreementFacetsInput, issues: InputIssues): AgreementFacets => ({
  ...some('states', input.states && checkedCodes('state', input.states, at('filter.states'), issues)),
  ...some('municipalities', input.municipalities && checkedCodes('municipality', input.municipalities, at('filter.municipalities'), issues)),
  ...some('countries', input.countries && checkedCodes('country', input.countries, at('filter.countries'), issues)),
  // Checked against the policy of the view queried (see assertRegionsIn): a policy version names its own regions.
  ...some('regions', input.regions),
  ...some('kinds', input.kinds),
  ...some('themes', input.themes && checkedThemes(input.themes, at('filter.themes'), issues)),
});

export const agreementFilter = (input: Maybe<AgreementFilterInput>): AgreementFilter =>
  input == null
    ? {}
    : checked((issues) => ({
        ...facets(input, issues),
        ...some('statuses', input.statuses),
        ...some('sdgs', input.sdgs && checkedSdgs(input.sdgs, at('filter.sdgs'), issues)),
        ...some('signedBetween', dateRange(input.signedBetween, 'filter.signedBetween', issues)),
        ...some('inForceBetween', dateRange(input.inForceBetween, 'filter.inForceBetween', issues)),
        ...some('text', input.text),
      }));

/**
 * A filter narrowed to one entity's agreements; null when it names only other states (or
 * municipalities), so nothing can match (an empty list would read as no constraint at all).
 */
export const withinEntity = (filter: AgreementFilter, code: string): AgreementFilter | null => {
  const field = code.length === 2 ? 'states' : 'municipalities';
  const given = filter[field];
  if (given === undefined || given.length === 0) return { ...filter, [field]: [code] };
  return given.includes(code) ? { ...filter, [field]: [code] } : null;
};

export const agreementSort = (input: Maybe<AgreementSortInput>): AgreementSort | undefined =>
  input == null ? undefined : { field: input.field, direction: input.direction === 'DESC' ? 'desc' : 'asc' };

export const findingFilter = (input: Maybe<FindingFilterInput>): FindingFilter =>
  input == null
    ? {}
    : checked((issues) => ({
        ...some('rules', input.rules),
        ...some('severities', input.severities),
        ...some('states', input.states && checkedCodes('state', input.states, at('filter.states'), issues)),
        ...some('agreementIds', agreementIds(input.agreements, issues)),
        ...some('open', input.open),
      }));

export const timelineFilter = (input: Maybe<TimelineFilterInput>): TimelineFilter =>
  input == null
    ? {}
    : checked((issues) => {
        const valid = dateRange(input.validBetween, 'filter.validBetween', issues);
        return {
          ...facets(input, issues),
          ...some('agreementIds', agreementIds(input.agreements, issues)),
          ...some('types', input.types),
          ...some('validFrom', valid?.from),
          ...some('validTo', valid?.to),
        };
      });

export const counterpartFilter = (input: Maybe<CounterpartFilterInput>): CounterpartFilter =>
  input == null
    ? {}
    : checked((issues) => ({
        ...some('countries', input.countries && checkedCodes('country', input.countries, at('filter.countries'), issues)),
        ...some('kinds', input.kinds),
        ...some('text', input.text),
        ...some('partyCode', input.partyCode == null ? undefined : checkedCodes(input.partyCode.length === 2 ? 'state' : 'municipality', [input.partyCode], () => 'filter.partyCode', issues)[0]),
      }));

export const entityFilter = (input: Maybe<EntityFilterInput>): EntityDirectoryFilter =>
  input == null
    ? {}
    : checked((issues) => ({
        ...some('level', input.level),
        ...some('states', input.states && checkedCodes('state', input.states, at('filter.states'), issues)),
        ...some('hasProfile', input.hasProfile),
      }));

/** What `registryEvents` may deliver, by type name (registry-number claims never are). */
const FEED_EVENT_TYPES: readonly string[] = [...AGREEMENT_EVENT_TYPES, ...POLICY_EVENT_TYPES, ...ENTITY_PROFILE_EVENT_TYPES];
const feedTypeKey = (type: string) => type.replace(/_/g, '').toLowerCase();
const FEED_TYPES_BY_KEY = new Map(FEED_EVENT_TYPES.map((type) => [feedTypeKey(type), type]));

/**
 * Each list of a subscription's filter is checked against every event it is offered, for as long
 * as the subscription lasts: it is kept short.
 */
const MAX_FEED_FILTER_VALUES = 100;

/**
 * `RegistryEventFilter`: event types (as recorded, AgreementSigned, or as the history spells them,
 * AGREEMENT_SIGNED), agreement ids (UUIDs or global ids) and INEGI codes, each checked: a
 * subscription whose filter matches nothing would stay open and never deliver.
 */
export const registryEventFilter = (input: Maybe<RegistryEventFilterInput>): RegistryEventFilterInput | undefined =>
  input == null
    ? undefined
    : checked((issues) => {
        for (const [field, values] of Object.entries(input)) {
          if (Array.isArray(values) && values.length > MAX_FEED_FILTER_VALUES) {
            issues.add(`filter.${field}`, 'too-many-values', `has ${values.length} values; a subscription filter takes at most ${MAX_FEED_FILTER_VALUES}: subscribe more broadly and filter on your side.`);
          }
        }
        const types = input.types?.flatMap((type, index) => {
          const known = FEED_TYPES_BY_KEY.get(feedTypeKey(type));
          return known !== undefined ? [known] : (issues.add(`filter.types[${index}]`, 'unknown-event-type', `${JSON.stringify(type)} is not an event type the feed delivers; use ${FEED_EVENT_TYPES.join(', ')}.`) ?? []);
        });
        const entityCodes = input.entityCodes?.flatMap((code, index) => checkedCodes(code.length === 2 ? 'state' : 'municipality', [code], () => `filter.entityCodes[${index}]`, issues));
        return {
          ...some('types', types),
          ...some('agreementIds', agreementIds(input.agreementIds, issues, 'filter.agreementIds')),
          ...some('entityCodes', entityCodes),
        };
      });

/**
 * Refuses region ids that are not priority regions of `regions` (the policy in force on the day
 * queried, which names its own): such a filter would match nothing.
 */
export const assertRegionsIn = (given: readonly string[] | undefined, regions: readonly PolicyRegion[]): void => {
  if (given === undefined) return;
  const ids = regions.map((region) => region.id);
  checked((issues) =>
    given.forEach((region, index) => {
      if (!ids.includes(region)) issues.add(`filter.regions[${index}]`, 'not-in-vocabulary', `${JSON.stringify(region)} is not a priority region of the policy in force on the day queried; use ${ids.join(', ')}.`);
    }),
  );
};
