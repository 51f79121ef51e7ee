/**
 * The boundary between untrusted input (GraphQL variables, JSON or CSV imports) and the agreement
 * core: raw values become typed, branded commands here, once, so the decider never re-checks
 * strings. Every problem of an input is reported together in one InvalidInputError.
 */
import {
  findOrganisation,
  isSdgNumber,
  isThemeCode,
  listOrganisations,
  listThemes,
  parseCountryCode,
  parseCurrencyCode,
  parseLanguageCode,
  parseMunicipalityCode,
  parseStateCode,
  parseSubdivisionCode,
  type CountryCode,
  type SubdivisionCode,
} from '../reference';
import { parseUuid } from '../shared/ids';
import {
  FAILED,
  andThen,
  anyValue,
  boolean,
  code,
  describeGiven,
  fieldOf,
  integer,
  isAbsent,
  isRecord,
  list,
  member,
  object,
  ok,
  oneOf,
  optional,
  readField,
  readInput,
  reader,
  refuseUnknownFields,
  required,
  text,
  throwing,
  variants,
  withDefault,
  type IssueLog,
  type Read,
  type Reader,
} from '../shared/inputReader';
import { parseLegalDate } from '../shared/time';
import { EVENT_OF_COMMAND, type AgreementCommand, type AgreementCommandType, type CorrectFactCommand } from './agreementCommands';
import { AGREEMENT_EVENT_TYPES, type AgreementEventData, type AgreementEventType, type CorrectableEventType } from './agreementEvents';
import {
  AGREEMENT_KINDS,
  APPROVAL_BODIES,
  COUNTERPART_KINDS,
  FORCE_MODES,
  MILESTONE_KINDS,
  OPINION_OUTCOMES,
  PRIVATE_SECTORS,
  RENEWAL_MODES,
  TERMINATION_CAUSES,
  type AgreementId,
  type Counterpart,
  type Money,
  type Signatory,
  type SubnationalParty,
  type Validity,
} from './agreementTypes';

/** Longest text accepted per kind of field, in characters (after trimming). */
export const TEXT_LIMITS = {
  title: 500,
  name: 300,
  objective: 1000,
  description: 5000,
  reference: 200,
  period: 100,
  milestoneId: 100,
  registryNumber: 50,
  opinionNumber: 50,
} as const;

/** Upper bounds on list lengths: generous for real agreements, small enough to refuse garbage. */
const MAX_ITEMS = { parties: 50, counterparts: 50, objectives: 50, signatories: 100, languages: 20 } as const;

// ---------------------------------------------------------------------------------------------
// Field readers

const title = text({ max: TEXT_LIMITS.title });
const name = text({ max: TEXT_LIMITS.name });
const description = text({ max: TEXT_LIMITS.description });
const reference = text({ max: TEXT_LIMITS.reference });

const legalDate = throwing(parseLegalDate, 'a calendar date written YYYY-MM-DD, e.g. 2024-05-17');
const agreementId = throwing((raw, path) => parseUuid<AgreementId>(raw, path, 'An agreement id'), 'a UUID');
const eventId = throwing((raw, path) => parseUuid<string>(raw, path, 'An event id'), "a UUID taken from the agreement's history");

// Registry and opinion numbers are quoted in official letters: plain characters keep them comparable.
const officialNumber = (max: number, rule: string, what: string): Reader<string> =>
  text({ max, format: { pattern: /^[A-Za-z0-9./-]+$/, rule, explanation: `${what} made of letters, digits, "-", "." and "/" only, e.g. "RAI-2024/0001"` } });
const registryNumber = officialNumber(TEXT_LIMITS.registryNumber, 'registry-number-format', 'a registry number');
const opinionNumber = officialNumber(TEXT_LIMITS.opinionNumber, 'opinion-number-format', 'an opinion number');

const stateCode = code(parseStateCode, 'a two-digit INEGI state code (CVE_ENT), e.g. "14"');
const municipalityCode = code(parseMunicipalityCode, 'a five-digit INEGI municipality code (CVEGEO), e.g. "14039"');
const countryCode = code(parseCountryCode, 'an ISO 3166-1 alpha-2 country code, e.g. "JP"');
const subdivisionCode = code(parseSubdivisionCode, 'an ISO 3166-2 subdivision code, e.g. "US-TX"');
const currencyCode = code(parseCurrencyCode, 'an ISO 4217 currency code, e.g. "MXN"');
const languageCode = code(parseLanguageCode, 'an ISO 639-1 language code, e.g. "es"');

const theme = member(isThemeCode, listThemes().map((t) => t.code), 'a theme of the controlled vocabulary');
const sdg = andThen(integer({ min: 1, max: 17 }), (n, path, issues) =>
  isSdgNumber(n) ? ok(n) : issues.report(path, 'out-of-range', `is ${n}; there are 17 SDGs, numbered 1 to 17.`),
);

const themes = list(theme, { max: listThemes().length, unique: { key: (t) => t, what: 'theme' } });
const sdgs = list(sdg, { max: 17, unique: { key: String, what: 'SDG' } });
const languages = (min: number) => list(languageCode, { min, max: MAX_ITEMS.languages, unique: { key: (l) => l, what: 'language' } });

// ---------------------------------------------------------------------------------------------
// Parties and counterparts

const party: Reader<SubnationalParty> = variants<SubnationalParty>('level', 'a Mexican party', {
  state: object({ level: required(oneOf(['state'], 'a party level')), code: required(stateCode), agency: required(name) }),
  municipality: object({ level: required(oneOf(['municipality'], 'a party level')), code: required(municipalityCode), agency: required(name) }),
});

const MEXICO = 'MX';

/** A foreign government is, by definition, not Mexican: a Mexican body is a party, not a counterpart. */
const foreignCountry = andThen(countryCode, (country, path, issues) =>
  country === MEXICO
    ? issues.report(
        path,
        'counterpart-not-foreign',
        `is ${MEXICO}, Mexico: a foreign government must be outside Mexico. Record a Mexican state or municipality as a party instead.`,
      )
    : ok(country),
);

const reportSubdivisionOutside = (subdivision: SubdivisionCode, country: CountryCode, path: string, issues: IssueLog): Read<never> =>
  issues.report(
    path,
    'subdivision-not-in-country',
    `${JSON.stringify(subdivision)} is a subdivision of ${subdivision.slice(0, 2)}, not of ${country}: give a subdivision of ${country} (its code starts with "${country}-") or correct the country.`,
  );

const belongsTo = (subdivision: SubdivisionCode, country: CountryCode): boolean => subdivision.startsWith(`${country}-`);

const kindIs = <K extends string>(kind: K) => required(oneOf([kind], 'a counterpart kind'));

const nationalGovernment = object({ kind: kindIs('foreign-national-government'), name: required(name), country: required(foreignCountry) });

const subnationalGovernment = andThen(
  object({ kind: kindIs('foreign-subnational-government'), name: required(name), country: required(foreignCountry), subdivision: required(subdivisionCode) }),
  (counterpart, path, issues) =>
    belongsTo(counterpart.subdivision, counterpart.country)
      ? ok(counterpart)
      : reportSubdivisionOutside(counterpart.subdivision, counterpart.country, `${path}.subdivision`, issues),
);

const localGovernment = andThen(
  object({ kind: kindIs('foreign-local-government'), name: required(name), country: required(foreignCountry), parentSubdivision: optional(subdivisionCode) }),
  (counterpart, path, issues) =>
    counterpart.parentSubdivision === undefined || belongsTo(counterpart.parentSubdivision, counterpart.country)
      ? ok(counterpart)
      : reportSubdivisionOutside(counterpart.parentSubdivision, counterpart.country, `${path}.parentSubdivision`, issues),
);

const organisationId = andThen(text({ max: TEXT_LIMITS.reference }), (id, path, issues) =>
  findOrganisation(id)
    ? ok(id)
    : issues.report(
        path,
        'unknown-organisation',
        `${JSON.stringify(id)} is not in the catalogue of international organisations. Use one of ${listOrganisations()
          .map((o) => o.id)
          .join(', ')}; or leave organisationId out and give its wikidataId or iatiId.`,
      ),
);

const wikidataId = text({
  max: 20,
  format: { pattern: /^Q[1-9]\d*$/, rule: 'wikidata-id-format', explanation: 'a Wikidata item id: "Q" followed by digits, e.g. "Q1065"' },
});

const internationalOrganisation = object({
  kind: kindIs('international-organisation'),
  name: required(name),
  organisationId: optional(organisationId),
  wikidataId: optional(wikidataId),
  iatiId: optional(reference),
});

const privateBody = object({
  kind: kindIs('private'),
  name: required(name),
  sector: required(oneOf(PRIVATE_SECTORS, 'a private sector')),
  country: optional(countryCode),
});

const COUNTERPART_READERS: { readonly [Kind in (typeof COUNTERPART_KINDS)[number]]: Reader<Extract<Counterpart, { kind: Kind }>> } = {
  'foreign-national-government': nationalGovernment,
  'foreign-subnational-government': subnationalGovernment,
  'foreign-local-government': localGovernment,
  'international-organisation': internationalOrganisation,
  private: privateBody,
};

const counterpart: Reader<Counterpart> = variants<Counterpart>('kind', 'a counterpart', COUNTERPART_READERS);

// ---------------------------------------------------------------------------------------------
// Other parts of agreement data

const validityFields = object({
  startsOn: optional(legalDate),
  endsOn: optional(legalDate),
  durationMonths: optional(integer({ min: 1, max: 1200 })),
  automaticRenewal: withDefault(boolean, false),
});

/** The term is an end date or a duration, never both: two sources of truth would disagree. */
const validity: Reader<Validity> = reader(validityFields.expected, (raw, path, issues) => {
  const read = validityFields.read(raw, path, issues);
  // Checked on the raw input so the conflict is reported even when one of the two is malformed.
  if (isRecord(raw) && !isAbsent(fieldOf(raw, 'endsOn')) && !isAbsent(fieldOf(raw, 'durationMonths'))) {
    return issues.report(
      `${path}.durationMonths`,
      'end-and-duration',
      'cannot be given together with endsOn: the term is either an end date or a duration. Keep the one the text states.',
    );
  }
  return read;
});

const NOT_GIVEN_VALIDITY: Validity = { automaticRenewal: false };

const DECIMAL = /^\d{1,15}(\.\d{1,4})?$/;

/** Amounts stay decimal text: binary floating point cannot hold 0.10 exactly. */
const decimal: Reader<string> = reader('a decimal amount such as "1500.50"', (raw, path, issues) => {
  const given = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  return given !== undefined && DECIMAL.test(given)
    ? ok(given)
    : issues.report(
        path,
        'decimal-format',
        `must be an amount of zero or more with at most 15 digits and 4 decimals, written with a dot and no thousands separators, e.g. "1500.50"; got ${describeGiven(raw)}.`,
      );
});

const money: Reader<Money> = object({ value: required(decimal), currency: required(currencyCode) });

const signatory: Reader<Signatory> = object({
  name: required(name),
  title: required(name),
  side: required(oneOf(['mexican', 'counterpart'], 'a signatory side')),
});

// ---------------------------------------------------------------------------------------------
// Event data, per event type

const openedBody = {
  kind: required(oneOf(AGREEMENT_KINDS, 'an agreement kind')),
  title: required(title),
  objectives: withDefault(list(text({ max: TEXT_LIMITS.objective }), { max: MAX_ITEMS.objectives }), []),
  themes: withDefault(themes, []),
  sdgs: withDefault(sdgs, []),
  languages: withDefault(languages(0), []),
  parties: required(
    list(party, { min: 1, max: MAX_ITEMS.parties, unique: { key: (p) => p.code, what: 'code', at: '.code' } }),
  ),
  counterparts: withDefault(list(counterpart, { max: MAX_ITEMS.counterparts }), []),
  validity: withDefault(validity, NOT_GIVEN_VALIDITY),
  openedOn: required(legalDate),
} as const;

const approvalBody = oneOf(APPROVAL_BODIES, 'an approving body');

const approvalOf = (entityCode: Reader<string>) =>
  object({ body: required(approvalBody), entityCode: required(entityCode), approvedOn: required(legalDate), reference: required(reference) });

/** A cabildo approves for a municipality, a state congress for a state: the code follows the body. */
const APPROVAL_BY_BODY: { readonly [Body in (typeof APPROVAL_BODIES)[number]]: Reader<AgreementEventData['ApprovalGranted']> } = {
  'municipal-council': approvalOf(municipalityCode),
  'state-congress': approvalOf(stateCode),
};
// With an unknown body the body is reported; the code can only be checked to be short text.
const approvalOfUnknownBody = approvalOf(text({ max: 5 }));

const approvalGranted: Reader<AgreementEventData['ApprovalGranted']> = reader(approvalOfUnknownBody.expected, (raw, path, issues) => {
  const body = isRecord(raw) ? fieldOf(raw, 'body') : undefined;
  const byBody = APPROVAL_BODIES.find((known) => typeof body === 'string' && body.trim() === known);
  return (byBody ? APPROVAL_BY_BODY[byBody] : approvalOfUnknownBody).read(raw, path, issues);
});

type EventDataReaders = { readonly [Type in AgreementEventType]: Reader<AgreementEventData[Type]> };

const CORRECTABLE_TYPES: readonly CorrectableEventType[] = AGREEMENT_EVENT_TYPES.filter(
  (type): type is CorrectableEventType => type !== 'FactCorrected',
);

/**
 * The correction's own fields are read first; its `correctedData` is then read by the reader of
 * `correctedType`, so a correction is held to the same rules as the fact it replaces.
 */
const CORRECTION_FIELDS = {
  correctedEventId: required(eventId),
  correctedType: required(oneOf(CORRECTABLE_TYPES, 'a correctable event type')),
  correctedData: required(anyValue('the corrected data of the event, shaped as that event type')),
  reason: required(description),
} as const;

const factCorrected: Reader<CorrectFactCommand['data']> = reader('a correction', (raw, path, issues) => {
  const fields = CORRECTION_FIELDS;
  if (!isRecord(raw)) return issues.report(path, 'not-an-object', `must be a correction, an object with the fields ${Object.keys(fields).join(', ')}; got ${describeGiven(raw)}.`);
  const correctedEventId = readField(raw, 'correctedEventId', fields.correctedEventId, path, issues);
  const correctedType = readField(raw, 'correctedType', fields.correctedType, path, issues);
  const reason = readField(raw, 'reason', fields.reason, path, issues);
  if (!correctedType.ok || correctedType.value === undefined) {
    // Without a valid type there is no shape to check the data against; only its presence is.
    readField(raw, 'correctedData', fields.correctedData, path, issues);
    refuseUnknownFields(raw, Object.keys(fields), path, issues);
    return FAILED;
  }
  const dataReader: Reader<AgreementEventData[CorrectableEventType]> = EVENT_DATA[correctedType.value];
  const correctedData = readField(raw, 'correctedData', required(dataReader), path, issues);
  refuseUnknownFields(raw, Object.keys(fields), path, issues);
  if (!correctedEventId.ok || !reason.ok || !correctedData.ok) return FAILED;
  // Required fields read ok are never undefined; the checks only tell the compiler so.
  if (correctedEventId.value === undefined || reason.value === undefined || correctedData.value === undefined) return FAILED;
  return ok({
    correctedEventId: correctedEventId.value,
    correctedType: correctedType.value,
    correctedData: correctedData.value,
    reason: reason.value,
  });
});

const EVENT_DATA: EventDataReaders = {
  AgreementOpened: object({ agreementId: required(agreementId), ...openedBody }),
  CounterpartIdentified: object({ counterpart: required(counterpart), identifiedOn: required(legalDate) }),
  TextSubmittedToSre: object({ submittedOn: required(legalDate), textReference: optional(reference) }),
  SreOpinionIssued: object({
    opinionNumber: required(opinionNumber),
    outcome: required(oneOf(OPINION_OUTCOMES, 'an opinion outcome')),
    issuedOn: required(legalDate),
    observations: optional(description),
  }),
  TextRevised: object({ revisedOn: required(legalDate), summary: required(description) }),
  ApprovalGranted: approvalGranted,
  AgreementSigned: object({
    signedOn: required(legalDate),
    place: required(name),
    signatories: required(list(signatory, { min: 1, max: MAX_ITEMS.signatories })),
    languages: required(languages(1)),
  }),
  SignedCopyFiled: object({ filedOn: required(legalDate), documentReference: required(reference) }),
  AgreementRegistered: object({ registryNumber: required(registryNumber), registeredOn: required(legalDate) }),
  AgreementEnteredIntoForce: object({ mode: required(oneOf(FORCE_MODES, 'a mode of entry into force')), effectiveOn: required(legalDate) }),
  WorkPlanAdopted: object({ period: required(text({ max: TEXT_LIMITS.period })), adoptedOn: required(legalDate), summary: required(description) }),
  CooperationMilestoneRecorded: object({
    milestoneId: required(text({ max: TEXT_LIMITS.milestoneId })),
    kind: required(oneOf(MILESTONE_KINDS, 'a milestone kind')),
    occurredOn: required(legalDate),
    description: required(description),
    themes: withDefault(themes, []),
    sdgs: withDefault(sdgs, []),
    amount: optional(money),
    evidenceReference: optional(reference),
  }),
  AgreementAmended: object({ amendedOn: required(legalDate), summary: required(description) }),
  AgreementRenewed: object({
    mode: required(oneOf(RENEWAL_MODES, 'a renewal mode')),
    renewedOn: required(legalDate),
    newEndsOn: optional(legalDate),
    summary: optional(description),
  }),
  AgreementSuspended: object({ suspendedOn: required(legalDate), reason: required(description) }),
  AgreementResumed: object({ resumedOn: required(legalDate), reason: optional(description) }),
  AgreementTerminated: object({
    cause: required(oneOf(TERMINATION_CAUSES, 'a termination cause')),
    terminatedOn: required(legalDate),
    reason: required(description),
  }),
  FactCorrected: factCorrected,
};

// ---------------------------------------------------------------------------------------------
// Commands

type CommandOf<Type extends AgreementCommandType> = Extract<AgreementCommand, { readonly type: Type }>;
type CommandReader<Type extends AgreementCommandType> = (id: Read<AgreementId>, data: unknown, issues: IssueLog) => Read<CommandOf<Type>>;

const withId = <Type extends AgreementCommandType, Data>(type: Type, id: Read<AgreementId>, data: Read<Data>): Read<{ readonly type: Type; readonly agreementId: AgreementId; readonly data: Data }> =>
  id.ok && data.ok ? ok({ type, agreementId: id.value, data: data.value }) : FAILED;

const fact =
  <Type extends keyof typeof EVENT_OF_COMMAND>(type: Type) =>
  (id: Read<AgreementId>, data: unknown, issues: IssueLog) =>
    withId(type, id, EVENT_DATA[EVENT_OF_COMMAND[type]].read(data, 'data', issues));

/**
 * `data.agreementId` of OpenAgreement repeats the command's agreement id: it may be left out (it is
 * taken from the command) but, when given, it must be the same.
 */
const openAgreementData = object({ agreementId: optional(agreementId), ...openedBody });

const openAgreement: CommandReader<'OpenAgreement'> = (id, raw, issues) => {
  const data = openAgreementData.read(raw, 'data', issues);
  if (!id.ok || !data.ok) return FAILED;
  const { agreementId: repeated = id.value, ...body } = data.value;
  if (repeated !== id.value) {
    return issues.report('data.agreementId', 'agreement-id-mismatch', `is ${repeated} but the command is for agreement ${id.value}: give the same id or leave data.agreementId out.`);
  }
  return ok({ type: 'OpenAgreement', agreementId: id.value, data: { agreementId: id.value, ...body } });
};

const COMMANDS: { readonly [Type in AgreementCommandType]: CommandReader<Type> } = {
  OpenAgreement: openAgreement,
  IdentifyCounterpart: fact('IdentifyCounterpart'),
  SubmitTextToSre: fact('SubmitTextToSre'),
  IssueSreOpinion: fact('IssueSreOpinion'),
  ReviseText: fact('ReviseText'),
  GrantApproval: fact('GrantApproval'),
  SignAgreement: fact('SignAgreement'),
  FileSignedCopy: fact('FileSignedCopy'),
  RegisterAgreement: fact('RegisterAgreement'),
  EnterIntoForce: fact('EnterIntoForce'),
  AdoptWorkPlan: fact('AdoptWorkPlan'),
  RecordCooperationMilestone: fact('RecordCooperationMilestone'),
  AmendAgreement: fact('AmendAgreement'),
  RenewAgreement: fact('RenewAgreement'),
  SuspendAgreement: fact('SuspendAgreement'),
  ResumeAgreement: fact('ResumeAgreement'),
  TerminateAgreement: fact('TerminateAgreement'),
  CorrectFact: (id, data, issues) => withId('CorrectFact', id, factCorrected.read(data, 'data', issues)),
};

export const AGREEMENT_COMMAND_TYPES: readonly AgreementCommandType[] = Object.keys(COMMANDS).filter(
  (type): type is AgreementCommandType => Object.hasOwn(COMMANDS, type),
);

export const isAgreementCommandType = (value: string): value is AgreementCommandType => AGREEMENT_COMMAND_TYPES.some((type) => type === value);

/**
 * Reads a raw command into a typed AgreementCommand. Throws one InvalidInputError listing every
 * issue found, each with its path (`data.parties[0].code`), a stable rule and what to do.
 */
export const parseAgreementCommand = (type: string, rawAgreementId: unknown, data: unknown): AgreementCommand =>
  readInput((issues): Read<AgreementCommand> => {
    const id = agreementId.read(rawAgreementId, 'agreementId', issues);
    if (!isAgreementCommandType(type)) {
      return issues.report('type', 'not-in-vocabulary', `${JSON.stringify(type)} is not an agreement command; use one of ${AGREEMENT_COMMAND_TYPES.join(', ')}.`);
    }
    return COMMANDS[type](id, data, issues);
  });

/** Reads the data of one event type, e.g. a row of a historical import or a correction's data. */
export const parseAgreementEventData = <Type extends AgreementEventType>(eventType: Type, data: unknown, path = 'data'): AgreementEventData[Type] =>
  readInput((issues) => EVENT_DATA[eventType].read(data, path, issues));
