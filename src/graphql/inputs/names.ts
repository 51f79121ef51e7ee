/**
 * GraphQL names derived from the domain's: the mutation of a command (`signAgreement` for
 * SignAgreement) and the CorrectedFactInput field of an event type (`agreementSigned`). Derived,
 * not listed, so a new command or event cannot be forgotten: the schema refuses a resolver whose
 * field it lacks, and the mutations e2e test compares the correction's fields with the event types.
 */
export const graphqlFieldName = <Name extends string>(domainName: Name): Uncapitalize<Name> =>
  `${domainName.charAt(0).toLowerCase()}${domainName.slice(1)}` as Uncapitalize<Name>;

/**
 * One field per domain name (a mutation per command type), under its GraphQL name. The keys are
 * typed, so each field is checked against the generated type of the schema field it resolves.
 */
export const fieldsNamedFor = <Name extends string, Field>(domainNames: readonly Name[], fieldOf: (name: Name) => Field) =>
  Object.fromEntries(domainNames.map((name) => [graphqlFieldName(name), fieldOf(name)])) as { readonly [N in Name as Uncapitalize<N>]: Field };
