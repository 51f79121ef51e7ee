import type { AgreementStatus } from '../../projections/agreements';
import type { AuditRuleCode, Severity } from '../../projections/auditFindings';
import type { AgreementEventType } from '../agreements/agreementEvents';
import type { AgreementKind, CounterpartKind } from '../agreements/agreementTypes';
import type { AgreementFacets, AgreementFilter, AgreementSort, AgreementSortField, DateRange } from '../queries/agreementQueries';
import type { CounterpartFilter } from '../queries/counterpartQueries';
import type { EntityDirectoryFilter } from '../queries/entityDirectory';
import type { FindingFilter } from '../queries/findingQueries';
import type { TimelineFilter } from '../queries/timelineQueries';
import type { LegalDate } from '../shared/time';
import { localIdOf } from './globalId';

/*
 * GraphQL inputs as graphql-js hands them over (explicit nulls included) turned into the query
 * functions' filters, which want absent fields rather than nulls (exactOptionalPropertyTypes).
 * Enum values arrive already as the domain's own strings (see resolvers/enums.ts).
 */

type Maybe<T> = T | null | undefined;

const some = <K extends string, V>(key: K, value: Maybe<V>): { [P in K]?: V } => (value == null ? {} : ({ [key]: value } as { [P in K]: V }));

export interface DateRangeInput {
  readonly from?: Maybe<LegalDate>;
  readonly to?: Maybe<LegalDate>;
}

const dateRange = (input: Maybe<DateRangeInput>): DateRange | undefined =>
  input == null ? undefined : { ...some('from', input.from), ...some('to', input.to) };

/** The facets shared by agreement and timeline filters (see AgreementFacets). */
export interface AgreementFacetsInput {
  readonly states?: Maybe<readonly string[]>;
  readonly municipalities?: Maybe<readonly string[]>;
  readonly countries?: Maybe<readonly string[]>;
  readonly regions?: Maybe<readonly string[]>;
  readonly kinds?: Maybe<readonly AgreementKind[]>;
  readonly themes?: Maybe<readonly string[]>;
}

const facets = (input: AgreementFacetsInput): AgreementFacets => ({
  ...some('states', input.states),
  ...some('municipalities', input.municipalities),
  ...some('countries', input.countries),
  ...some('regions', input.regions),
  ...some('kinds', input.kinds),
  ...some('themes', input.themes),
});

export interface AgreementFilterInput extends AgreementFacetsInput {
  readonly statuses?: Maybe<readonly AgreementStatus[]>;
  readonly sdgs?: Maybe<readonly number[]>;
  readonly signedBetween?: Maybe<DateRangeInput>;
  readonly inForceBetween?: Maybe<DateRangeInput>;
  readonly text?: Maybe<string>;
}

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

export interface AgreementSortInput {
  readonly field: AgreementSortField;
  readonly direction?: Maybe<'ASC' | 'DESC'>;
}

export const agreementSort = (input: Maybe<AgreementSortInput>): AgreementSort | undefined =>
  input == null ? undefined : { field: input.field, direction: input.direction === 'DESC' ? 'desc' : 'asc' };

export interface FindingFilterInput {
  readonly rules?: Maybe<readonly AuditRuleCode[]>;
  readonly severities?: Maybe<readonly Severity[]>;
  readonly states?: Maybe<readonly string[]>;
  readonly agreements?: Maybe<readonly string[]>;
  readonly open?: Maybe<boolean>;
}

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

export interface TimelineFilterInput extends AgreementFacetsInput {
  readonly agreements?: Maybe<readonly string[]>;
  readonly types?: Maybe<readonly AgreementEventType[]>;
  readonly validBetween?: Maybe<DateRangeInput>;
}

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

export interface CounterpartFilterInput {
  readonly countries?: Maybe<readonly string[]>;
  readonly kinds?: Maybe<readonly CounterpartKind[]>;
  readonly text?: Maybe<string>;
  readonly partyCode?: Maybe<string>;
}

export const counterpartFilter = (input: Maybe<CounterpartFilterInput>): CounterpartFilter =>
  input == null
    ? {}
    : { ...some('countries', input.countries), ...some('kinds', input.kinds), ...some('text', input.text), ...some('partyCode', input.partyCode) };

export interface EntityFilterInput {
  readonly level?: Maybe<'state' | 'municipality'>;
  readonly states?: Maybe<readonly string[]>;
  readonly hasProfile?: Maybe<boolean>;
}

export const entityFilter = (input: Maybe<EntityFilterInput>): EntityDirectoryFilter =>
  input == null ? {} : { ...some('level', input.level), ...some('states', input.states), ...some('hasProfile', input.hasProfile) };
