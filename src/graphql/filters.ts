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
  TimelineFilter as TimelineFilterInput,
} from './generated/schemaTypes';
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

const dateRange = (input: Maybe<DateRangeInput>): DateRange | undefined =>
  input == null ? undefined : { ...some('from', input.from), ...some('to', input.to) };

/** The facets shared by agreement and timeline filters (see AgreementFacets). */
type AgreementFacetsInput = Pick<AgreementFilterInput, keyof AgreementFacets>;

const facets = (input: AgreementFacetsInput): AgreementFacets => ({
  ...some('states', input.states),
  ...some('municipalities', input.municipalities),
  ...some('countries', input.countries),
  ...some('regions', input.regions),
  ...some('kinds', input.kinds),
  ...some('themes', input.themes),
});

export const agreementFilter = (input: Maybe<AgreementFilterInput>): AgreementFilter =>
  input == null
    ? {}
    : {
        ...facets(input),
        ...some('statuses', input.statuses),
        ...some('sdgs', input.sdgs),
        ...some('signedBetween', dateRange(input.signedBetween)),
        ...some('inForceBetween', dateRange(input.inForceBetween)),
        ...some('text', input.text),
      };

/** An entity's own agreements AND the caller's criteria: the entity narrows its level's list. */
export const withinEntity = (filter: AgreementFilter, code: string): AgreementFilter => {
  const field = code.length === 2 ? 'states' : 'municipalities';
  const given = filter[field];
  return { ...filter, [field]: given === undefined || given.length === 0 ? [code] : given.filter((value) => value === code) };
};

export const agreementSort = (input: Maybe<AgreementSortInput>): AgreementSort | undefined =>
  input == null ? undefined : { field: input.field, direction: input.direction === 'DESC' ? 'desc' : 'asc' };

export const findingFilter = (input: Maybe<FindingFilterInput>): FindingFilter =>
  input == null
    ? {}
    : {
        ...some('rules', input.rules),
        ...some('severities', input.severities),
        ...some('states', input.states),
        ...some('agreementIds', input.agreements?.map((id, index) => localIdOf('Agreement', id, `filter.agreements[${index}]`))),
        ...some('open', input.open),
      };

export const timelineFilter = (input: Maybe<TimelineFilterInput>): TimelineFilter =>
  input == null
    ? {}
    : {
        ...facets(input),
        ...some('agreementIds', input.agreements?.map((id, index) => localIdOf('Agreement', id, `filter.agreements[${index}]`))),
        ...some('types', input.types),
        ...some('validFrom', input.validBetween?.from),
        ...some('validTo', input.validBetween?.to),
      };

export const counterpartFilter = (input: Maybe<CounterpartFilterInput>): CounterpartFilter =>
  input == null
    ? {}
    : { ...some('countries', input.countries), ...some('kinds', input.kinds), ...some('text', input.text), ...some('partyCode', input.partyCode) };

export const entityFilter = (input: Maybe<EntityFilterInput>): EntityDirectoryFilter =>
  input == null ? {} : { ...some('level', input.level), ...some('states', input.states), ...some('hasProfile', input.hasProfile) };
