/**
 * GraphQL names derived from the domain's: the mutation of a command (`signAgreement` for
 * SignAgreement) and the CorrectedFactInput field of an event type (`agreementSigned`). Derived,
 * not listed, so a new command or event cannot be forgotten: the schema refuses a resolver whose
 * field it lacks, and the mutations e2e test compares the correction's fields with the event types.
 */
export const graphqlFieldName = (domainName: string): string => `${domainName.charAt(0).toLowerCase()}${domainName.slice(1)}`;
