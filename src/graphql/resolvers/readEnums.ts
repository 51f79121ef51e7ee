import type { EndDateSource } from '../../../projections/agreements';
import { AGREEMENT_EVENT_TYPES } from '../../agreements/agreementEvents';
import { AGREEMENT_SORT_FIELDS } from '../../queries/agreementQueries';
import type { AgreementScope } from '../../queries/visibleModels';
import type { Resolvers } from '../generated/schemaTypes';

const END_DATE_SOURCES = ['validity', 'duration-from-entry-into-force', 'duration-from-signature', 'renewal'] as const satisfies readonly EndDateSource[];
const SCOPES = ['all', 'published', 'published-and-own'] as const satisfies readonly AgreementScope['kind'][];
export type VisibilityScope = (typeof SCOPES)[number];

/** SCREAMING_CASE of a camelCase or PascalCase name: `signedOn` is SIGNED_ON, `AgreementOpened` AGREEMENT_OPENED. */
const screaming = (value: string): string => value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toUpperCase();

const enumOf = <Value extends string>(values: readonly Value[]): Readonly<Record<string, Value>> => Object.fromEntries(values.map((value) => [screaming(value), value]));

/**
 * Internal values of the read side's own enums: as for the domain enums (enums.ts), resolvers
 * and query functions work with the domain's strings and GraphQL shows the SCREAMING_CASE names.
 */
export const readEnumResolvers: Resolvers = {
  AgreementSortField: enumOf(AGREEMENT_SORT_FIELDS),
  AgreementEventType: enumOf(AGREEMENT_EVENT_TYPES),
  EndDateSource: enumOf(END_DATE_SOURCES),
  VisibilityScope: enumOf(SCOPES),
};
