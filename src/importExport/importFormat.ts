import type { AgreementCommandType } from '../agreements/agreementCommands';

/*
 * The import format (docs/import-format.md): one row per agreement, its identity, what it is about
 * and its lifecycle dates. Field names are the command fields' own English names (the project's
 * identifier language), so a validation message of the API ("signedOn: must be a calendar date…")
 * names the very column to fix. CSV and JSON carry the same fields: JSON with native lists and
 * objects, CSV with the flat spellings below.
 */

/** One lifecycle step a row may carry, and the command it becomes. */
export interface ImportStep {
  /** Part of the step's command id: stable across versions of the importer. */
  readonly step: string;
  readonly type: AgreementCommandType;
  /** Command data path (dots for nesting) → row field. */
  readonly fields: Readonly<Record<string, string>>;
  /** Data the row does not give: the mode of entry into force is implied by the column. */
  readonly fixed?: Readonly<Record<string, string>>;
  /** The field a refusal of the whole command (a consistency rule) is reported against. */
  readonly mainField: string;
}

/** In lifecycle order: each step is decided on the state the previous ones leave. */
export const IMPORT_STEPS: readonly ImportStep[] = [
  {
    step: 'open',
    type: 'OpenAgreement',
    fields: {
      kind: 'kind',
      title: 'title',
      objectives: 'objectives',
      parties: 'parties',
      counterparts: 'counterparts',
      themes: 'themes',
      sdgs: 'sdgs',
      languages: 'languages',
      'validity.startsOn': 'startsOn',
      'validity.endsOn': 'endsOn',
      'validity.durationMonths': 'durationMonths',
      'validity.automaticRenewal': 'automaticRenewal',
      openedOn: 'openedOn',
    },
    mainField: 'openedOn',
  },
  { step: 'submission', type: 'SubmitTextToSre', fields: { submittedOn: 'submittedOn', textReference: 'textReference' }, mainField: 'submittedOn' },
  {
    step: 'opinion',
    type: 'IssueSreOpinion',
    fields: { opinionNumber: 'opinionNumber', outcome: 'opinionOutcome', issuedOn: 'opinionIssuedOn', observations: 'opinionObservations' },
    mainField: 'opinionIssuedOn',
  },
  {
    step: 'approval',
    type: 'GrantApproval',
    fields: { body: 'approvalBody', entityCode: 'approvalEntityCode', approvedOn: 'approvedOn', reference: 'approvalReference' },
    mainField: 'approvedOn',
  },
  {
    step: 'signature',
    type: 'SignAgreement',
    fields: { signedOn: 'signedOn', place: 'signedPlace', signatories: 'signatories', languages: 'signatureLanguages' },
    mainField: 'signedOn',
  },
  { step: 'signed-copy', type: 'FileSignedCopy', fields: { filedOn: 'signedCopyFiledOn', documentReference: 'signedCopyReference' }, mainField: 'signedCopyFiledOn' },
  { step: 'registration', type: 'RegisterAgreement', fields: { registryNumber: 'registryNumber', registeredOn: 'registeredOn' }, mainField: 'registeredOn' },
  {
    step: 'provisional-application',
    type: 'EnterIntoForce',
    fields: { effectiveOn: 'provisionalApplicationOn' },
    fixed: { mode: 'provisional-application' },
    mainField: 'provisionalApplicationOn',
  },
  { step: 'entry-into-force', type: 'EnterIntoForce', fields: { effectiveOn: 'enteredIntoForceOn' }, fixed: { mode: 'in-force' }, mainField: 'enteredIntoForceOn' },
  {
    step: 'termination',
    type: 'TerminateAgreement',
    fields: { terminatedOn: 'terminatedOn', cause: 'terminationCause', reason: 'terminationReason' },
    mainField: 'terminatedOn',
  },
];

/** The stable external key of the row: the agreement id and every command id derive from it. */
export const KEY_FIELD = 'key';
export const KEY_MAX_LENGTH = 200;

/** Every field of a row (JSON keys), in documentation order. */
export const ROW_FIELDS: readonly string[] = [KEY_FIELD, ...IMPORT_STEPS.flatMap((step) => Object.values(step.fields))];

/** Fields whose JSON value is a list; in CSV their items are separated by `|`. */
export const LIST_FIELDS: ReadonlySet<string> = new Set(['objectives', 'themes', 'sdgs', 'languages', 'parties', 'counterparts', 'signatories', 'signatureLanguages']);

/** Lists of numbers and plain numbers: a CSV cell of digits becomes a number. */
export const NUMBER_FIELDS: ReadonlySet<string> = new Set(['sdgs', 'durationMonths']);
export const BOOLEAN_FIELDS: ReadonlySet<string> = new Set(['automaticRenewal']);

/** Separators inside one CSV cell. */
export const ITEM_SEPARATOR = '|';
export const PART_SEPARATOR = ':';

/**
 * CSV columns of the counterparts, one value per counterpart separated by `|` (the n-th value of
 * each column belongs to the n-th counterpart). `counterpartSubdivision` is the `subdivision` of a
 * foreign subnational government and the `parentSubdivision` of a foreign local government.
 */
export const COUNTERPART_COLUMNS: Readonly<Record<string, string>> = {
  counterpartKind: 'kind',
  counterpartName: 'name',
  counterpartCountry: 'country',
  counterpartSubdivision: 'subdivision',
  counterpartOrganisationId: 'organisationId',
  counterpartWikidataId: 'wikidataId',
  counterpartSector: 'sector',
};

/** The CSV header: every row field, with `counterparts` spread over its columns. */
export const CSV_COLUMNS: readonly string[] = ROW_FIELDS.flatMap((field) => (field === 'counterparts' ? Object.keys(COUNTERPART_COLUMNS) : [field]));

/** Columns a CSV header must have: the fields every agreement needs to be opened. */
export const REQUIRED_COLUMNS: readonly string[] = [KEY_FIELD, 'kind', 'title', 'parties', 'openedOn'];

export type ImportFormat = 'csv' | 'json';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'json'];

/** One thing wrong with a row: the field (a CSV column or JSON key, with the item), the rule and what to do. */
export interface RowProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** A row as read from the file: its fields in the JSON shape, or why it could not be read. */
export type SourceRow =
  | { readonly line: number; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly line: number; readonly problems: readonly RowProblem[] };
