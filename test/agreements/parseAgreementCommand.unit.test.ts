import type { AgreementCommand, AgreementCommandType } from '../../src/agreements/agreementCommands';
import type { AgreementEventData } from '../../src/agreements/agreementEvents';
import { OPINION_OUTCOMES } from '../../src/agreements/agreementTypes';
import { AGREEMENT_COMMAND_TYPES, parseAgreementCommand, parseAgreementEventData } from '../../src/agreements/parseAgreementCommand';
import { lookupMunicipality, parseCurrencyCode, parseMunicipalityCode, parseStateCode, unwrap } from '../../src/reference';
import { InvalidInputError, type InputIssue } from '../../src/shared/errors';
import {
  AGREEMENT_ID,
  GUADALAJARA,
  JALISCO,
  KYOTO_CITY,
  TEXAS,
  date,
  favourableOpinion,
  milestoneData,
  openedData,
  registered,
  signedData,
  submitted,
  terminated,
} from './agreementFixtures';

/** What a client sends: plain JSON, no brands. */
const raw = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const EVENT_ID = '0b0c7c1e-5d1f-4c1a-9e59-3f1c2b8a9d10';

const issuesOf = (type: string, data: unknown, agreementId: unknown = AGREEMENT_ID): readonly InputIssue[] => {
  try {
    parseAgreementCommand(type, agreementId, data);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  throw new Error(`${type} was accepted`);
};

/** Path and rule of every issue, in the order reported. */
const rulesOf = (type: string, data: unknown, agreementId?: unknown) =>
  issuesOf(type, data, agreementId).map(({ path, rule }) => ({ path, rule }));

const open = (overrides: Record<string, unknown> = {}) => ({ ...(raw(openedData()) as Record<string, unknown>), ...overrides });
const signing = (overrides: Record<string, unknown> = {}) => ({ ...(raw(signedData()) as Record<string, unknown>), ...overrides });
const milestone = (overrides: Record<string, unknown> = {}) => ({ ...(raw(milestoneData()) as Record<string, unknown>), ...overrides });
const opening = (counterparts: readonly unknown[]) => open({ counterparts });

describe('parseAgreementCommand', () => {
  describe('accepts a valid command of every type, typed exactly', () => {
    const cases: readonly { readonly type: AgreementCommandType; readonly data: AgreementCommand['data'] }[] = [
      { type: 'OpenAgreement', data: openedData() },
      { type: 'IdentifyCounterpart', data: { counterpart: TEXAS, identifiedOn: date('2024-01-20') } },
      { type: 'SubmitTextToSre', data: { ...submitted().data, textReference: 'Oficio PM/123/2024' } },
      { type: 'IssueSreOpinion', data: { ...favourableOpinion().data, observations: 'Sin observaciones de fondo.' } },
      { type: 'ReviseText', data: { revisedOn: date('2024-03-10'), summary: 'Se ajustó la cláusula de vigencia.' } },
      { type: 'GrantApproval', data: { body: 'municipal-council', entityCode: GUADALAJARA, approvedOn: date('2024-03-20'), reference: 'Acta de cabildo 12/2024' } },
      { type: 'SignAgreement', data: signedData() },
      { type: 'FileSignedCopy', data: { filedOn: date('2024-04-05'), documentReference: 'DOC-2024-77' } },
      { type: 'RegisterAgreement', data: registered().data },
      { type: 'EnterIntoForce', data: { mode: 'in-force', effectiveOn: date('2024-05-02') } },
      { type: 'AdoptWorkPlan', data: { period: '2024-2025', adoptedOn: date('2024-05-10'), summary: 'Programa Operativo Anual' } },
      {
        type: 'RecordCooperationMilestone',
        data: { ...milestoneData(), amount: { value: '1500.50', currency: unwrap(parseCurrencyCode('MXN')) }, evidenceReference: 'Informe 3' },
      },
      { type: 'AmendAgreement', data: { amendedOn: date('2024-07-01'), summary: 'Se añade un anexo.' } },
      { type: 'RenewAgreement', data: { mode: 'extended', renewedOn: date('2024-08-01'), newEndsOn: date('2027-08-01'), summary: 'Prórroga' } },
      { type: 'SuspendAgreement', data: { suspendedOn: date('2024-09-01'), reason: 'Emergencia sanitaria' } },
      { type: 'ResumeAgreement', data: { resumedOn: date('2024-10-01') } },
      { type: 'TerminateAgreement', data: terminated().data },
      {
        type: 'CorrectFact',
        data: { correctedEventId: EVENT_ID, correctedType: 'AgreementRegistered', correctedData: { registryNumber: 'RAI-2024-0001', registeredOn: date('2024-05-02') }, reason: 'Fecha mal capturada' },
      },
    ];

    it('covers every command type', () => {
      expect(cases.map((c) => c.type).sort()).toEqual([...AGREEMENT_COMMAND_TYPES].sort());
    });

    it.each(cases)('$type', ({ type, data }) => {
      expect(parseAgreementCommand(type, AGREEMENT_ID, raw(data))).toEqual({ type, agreementId: AGREEMENT_ID, data });
    });
  });

  describe('normalises', () => {
    it('trims text and enum values', () => {
      const command = parseAgreementCommand('TerminateAgreement', AGREEMENT_ID, { cause: ' denounced ', terminatedOn: '2025-01-15', reason: '  Denuncia  ' });
      expect(command.data).toEqual({ cause: 'denounced', terminatedOn: '2025-01-15', reason: 'Denuncia' });
    });

    it('leaves optional fields absent, not undefined, when missing, null or blank', () => {
      const command = parseAgreementCommand('SubmitTextToSre', AGREEMENT_ID, { submittedOn: '2024-02-01', textReference: null });
      expect(Object.keys(command.data)).toEqual(['submittedOn']);
      const blank = parseAgreementCommand('RenewAgreement', AGREEMENT_ID, { mode: 'renewed', renewedOn: '2024-08-01', summary: '   ' });
      expect(Object.keys(blank.data)).toEqual(['mode', 'renewedOn']);
    });

    it('fills the defaults of an agreement opened with only what is known', () => {
      const command = parseAgreementCommand('OpenAgreement', AGREEMENT_ID, {
        kind: 'twinning',
        title: 'Hermanamiento',
        parties: [{ level: 'state', code: '14', agency: 'Gobierno de Jalisco' }],
        openedOn: '2024-01-10',
      });
      expect(command.data).toEqual({
        agreementId: AGREEMENT_ID,
        kind: 'twinning',
        title: 'Hermanamiento',
        objectives: [],
        themes: [],
        sdgs: [],
        languages: [],
        parties: [{ level: 'state', code: JALISCO, agency: 'Gobierno de Jalisco' }],
        counterparts: [],
        validity: { automaticRenewal: false },
        openedOn: '2024-01-10',
      });
    });

    it('defaults automaticRenewal to false and keeps a duration', () => {
      const command = parseAgreementCommand('OpenAgreement', AGREEMENT_ID, open({ validity: { startsOn: '2024-04-01', durationMonths: 36 } }));
      expect(command.type === 'OpenAgreement' && command.data.validity).toEqual({ startsOn: '2024-04-01', durationMonths: 36, automaticRenewal: false });
    });

    it('takes the agreement id from the command when data leaves it out, in lower case', () => {
      const { agreementId: _omitted, ...withoutId } = open();
      const command = parseAgreementCommand('OpenAgreement', AGREEMENT_ID.toUpperCase(), withoutId);
      expect(command).toEqual({ type: 'OpenAgreement', agreementId: AGREEMENT_ID, data: openedData() });
    });

    it('accepts an amount given as a number and keeps it as decimal text', () => {
      const command = parseAgreementCommand('RecordCooperationMilestone', AGREEMENT_ID, milestone({ amount: { value: 1500.5, currency: 'USD' } }));
      expect(command.type === 'RecordCooperationMilestone' && command.data.amount).toEqual({ value: '1500.5', currency: 'USD' });
    });

    it('accepts a well-formed municipality code that is not in the shipped catalogue', () => {
      const code = unwrap(parseMunicipalityCode('14126'));
      expect(lookupMunicipality(code).inCatalogue).toBe(false);
      const command = parseAgreementCommand('OpenAgreement', AGREEMENT_ID, open({ parties: [{ level: 'municipality', code: '14126', agency: 'Ayuntamiento' }] }));
      expect(command.type === 'OpenAgreement' && command.data.parties).toEqual([{ level: 'municipality', code: '14126', agency: 'Ayuntamiento' }]);
    });

    it('accepts every counterpart kind in its own shape', () => {
      const counterparts = [
        { kind: 'foreign-national-government', name: 'Ministerio de Cultura', country: 'ES' },
        raw(TEXAS),
        raw(KYOTO_CITY),
        { kind: 'foreign-local-government', name: 'Lyon', country: 'FR' },
        { kind: 'international-organisation', name: 'ONU-Hábitat', organisationId: 'un-habitat', wikidataId: 'Q1065', iatiId: 'XM-DAC-41120' },
        { kind: 'international-organisation', name: 'Red de ciudades' },
        { kind: 'private', name: 'Universidad de Salamanca', sector: 'university', country: 'ES' },
      ];
      const command = parseAgreementCommand('OpenAgreement', AGREEMENT_ID, open({ kind: 'letter-of-intent', counterparts }));
      expect(command.type === 'OpenAgreement' && command.data.counterparts).toEqual(counterparts);
    });
  });

  describe('refuses each rule with its path and rule', () => {
    const cases: readonly { readonly name: string; readonly type: string; readonly data: unknown; readonly path: string; readonly rule: string; readonly id?: string }[] = [
      // Command envelope
      { name: 'unknown command type', type: 'DeleteAgreement', data: {}, path: 'type', rule: 'not-in-vocabulary' },
      { name: 'agreement id not a UUID', type: 'ResumeAgreement', data: { resumedOn: '2024-10-01' }, id: 'agreement-1', path: 'agreementId', rule: 'uuid-format' },
      { name: 'data not an object', type: 'ResumeAgreement', data: ['2024-10-01'], path: 'data', rule: 'not-an-object' },
      { name: 'data.agreementId of another agreement', type: 'OpenAgreement', data: open({ agreementId: EVENT_ID }), path: 'data.agreementId', rule: 'agreement-id-mismatch' },
      // Text
      { name: 'missing title', type: 'OpenAgreement', data: open({ title: undefined }), path: 'data.title', rule: 'required' },
      { name: 'blank title', type: 'OpenAgreement', data: open({ title: '   ' }), path: 'data.title', rule: 'required' },
      { name: 'title not text', type: 'OpenAgreement', data: open({ title: 42 }), path: 'data.title', rule: 'not-text' },
      { name: 'title of invisible characters only', type: 'OpenAgreement', data: open({ title: '\u200f\u200b\u202e' }), path: 'data.title', rule: 'required' },
      { name: 'title with NUL', type: 'OpenAgreement', data: open({ title: 'Hermanamiento\u0000' }), path: 'data.title', rule: 'control-character' },
      { name: 'title with a lone surrogate', type: 'OpenAgreement', data: open({ title: 'A\ud800B' }), path: 'data.title', rule: 'not-unicode' },
      { name: 'opened in the year 0', type: 'OpenAgreement', data: open({ openedOn: '0000-01-01' }), path: 'data.openedOn', rule: 'legal-date-out-of-range' },
      { name: 'title over 500', type: 'OpenAgreement', data: open({ title: 'x'.repeat(501) }), path: 'data.title', rule: 'too-long' },
      { name: 'blank objective', type: 'OpenAgreement', data: open({ objectives: ['Cultura', ' '] }), path: 'data.objectives[1]', rule: 'required' },
      { name: 'summary over 5000', type: 'ReviseText', data: { revisedOn: '2024-03-10', summary: 'x'.repeat(5001) }, path: 'data.summary', rule: 'too-long' },
      { name: 'reference over 200', type: 'FileSignedCopy', data: { filedOn: '2024-04-05', documentReference: 'x'.repeat(201) }, path: 'data.documentReference', rule: 'too-long' },
      { name: 'blank milestone id', type: 'RecordCooperationMilestone', data: milestone({ milestoneId: ' ' }), path: 'data.milestoneId', rule: 'required' },
      { name: 'milestone id over 100', type: 'RecordCooperationMilestone', data: milestone({ milestoneId: 'm'.repeat(101) }), path: 'data.milestoneId', rule: 'too-long' },
      { name: 'registry number with a space', type: 'RegisterAgreement', data: { registryNumber: 'RAI 2024', registeredOn: '2024-05-01' }, path: 'data.registryNumber', rule: 'registry-number-format' },
      { name: 'registry number over 50', type: 'RegisterAgreement', data: { registryNumber: 'R'.repeat(51), registeredOn: '2024-05-01' }, path: 'data.registryNumber', rule: 'too-long' },
      { name: 'opinion number with #', type: 'IssueSreOpinion', data: { opinionNumber: 'DGCP#1', outcome: 'favourable', issuedOn: '2024-03-01' }, path: 'data.opinionNumber', rule: 'opinion-number-format' },
      // Unknown fields
      { name: 'misspelt field', type: 'ResumeAgreement', data: { resumedOn: '2024-10-01', reasons: 'x' }, path: 'data.reasons', rule: 'unknown-field' },
      { name: 'prototype key', type: 'ResumeAgreement', data: JSON.parse('{"resumedOn":"2024-10-01","__proto__":{"x":1}}'), path: 'data.__proto__', rule: 'unknown-field' },
      { name: 'field of another counterpart kind', type: 'OpenAgreement', data: opening([{ kind: 'foreign-national-government', name: 'Gobierno de Chile', country: 'CL', subdivision: 'CL-RM' }]), path: 'data.counterparts[0].subdivision', rule: 'unknown-field' },
      { name: 'unknown validity field', type: 'OpenAgreement', data: open({ validity: { automaticRenewal: true, renewal: 'yes' } }), path: 'data.validity.renewal', rule: 'unknown-field' },
      // Vocabularies
      { name: 'agreement kind', type: 'OpenAgreement', data: open({ kind: 'treaty' }), path: 'data.kind', rule: 'not-in-vocabulary' },
      { name: 'opinion outcome', type: 'IssueSreOpinion', data: { opinionNumber: 'DGCP-1', outcome: 'positive', issuedOn: '2024-03-01' }, path: 'data.outcome', rule: 'not-in-vocabulary' },
      { name: 'approval body', type: 'GrantApproval', data: { body: 'senate', entityCode: '14', approvedOn: '2024-03-20', reference: 'Acta' }, path: 'data.body', rule: 'not-in-vocabulary' },
      { name: 'force mode', type: 'EnterIntoForce', data: { mode: 'provisional', effectiveOn: '2024-05-02' }, path: 'data.mode', rule: 'not-in-vocabulary' },
      { name: 'milestone kind', type: 'RecordCooperationMilestone', data: milestone({ kind: 'party' }), path: 'data.kind', rule: 'not-in-vocabulary' },
      { name: 'termination cause', type: 'TerminateAgreement', data: { cause: 'expired', terminatedOn: '2025-01-15', reason: 'x' }, path: 'data.cause', rule: 'not-in-vocabulary' },
      { name: 'renewal mode', type: 'RenewAgreement', data: { mode: 'tacit', renewedOn: '2024-08-01' }, path: 'data.mode', rule: 'not-in-vocabulary' },
      { name: 'enum not text', type: 'EnterIntoForce', data: { mode: 1, effectiveOn: '2024-05-02' }, path: 'data.mode', rule: 'not-text' },
      { name: 'theme', type: 'OpenAgreement', data: open({ themes: ['culture', 'cultura'] }), path: 'data.themes[1]', rule: 'not-in-vocabulary' },
      { name: 'repeated theme', type: 'OpenAgreement', data: open({ themes: ['culture', 'tourism', 'culture'] }), path: 'data.themes[2]', rule: 'duplicate' },
      { name: 'themes not a list', type: 'RecordCooperationMilestone', data: milestone({ themes: 'culture' }), path: 'data.themes', rule: 'not-a-list' },
      { name: 'SDG 18', type: 'OpenAgreement', data: open({ sdgs: [11, 18] }), path: 'data.sdgs[1]', rule: 'out-of-range' },
      { name: 'SDG not a whole number', type: 'OpenAgreement', data: open({ sdgs: [11.5] }), path: 'data.sdgs[0]', rule: 'not-an-integer' },
      { name: 'SDG as text', type: 'RecordCooperationMilestone', data: milestone({ sdgs: ['11'] }), path: 'data.sdgs[0]', rule: 'not-an-integer' },
      { name: 'repeated SDG', type: 'OpenAgreement', data: open({ sdgs: [11, 11] }), path: 'data.sdgs[1]', rule: 'duplicate' },
      { name: 'language not ISO 639-1', type: 'OpenAgreement', data: open({ languages: ['es', 'spa'] }), path: 'data.languages[1]', rule: 'language-code-format' },
      { name: 'repeated language', type: 'SignAgreement', data: signing({ languages: ['es', 'es'] }), path: 'data.languages[1]', rule: 'duplicate' },
      // Parties
      { name: 'no party', type: 'OpenAgreement', data: open({ parties: [] }), path: 'data.parties', rule: 'too-few' },
      { name: 'missing parties', type: 'OpenAgreement', data: open({ parties: null }), path: 'data.parties', rule: 'required' },
      {
        name: 'repeated party',
        type: 'OpenAgreement',
        data: open({ parties: [{ level: 'municipality', code: '14039', agency: 'A' }, { level: 'municipality', code: '14039', agency: 'B' }] }),
        path: 'data.parties[1].code',
        rule: 'duplicate',
      },
      { name: 'party level', type: 'OpenAgreement', data: open({ parties: [{ level: 'federal', code: '14', agency: 'A' }] }), path: 'data.parties[0].level', rule: 'not-in-vocabulary' },
      { name: 'state code without leading zero', type: 'OpenAgreement', data: open({ parties: [{ level: 'state', code: '9', agency: 'A' }] }), path: 'data.parties[0].code', rule: 'state-code-format' },
      { name: 'state code as a number', type: 'OpenAgreement', data: open({ parties: [{ level: 'state', code: 9, agency: 'A' }] }), path: 'data.parties[0].code', rule: 'state-code-not-text' },
      { name: 'municipality code 000', type: 'OpenAgreement', data: open({ parties: [{ level: 'municipality', code: '14000', agency: 'A' }] }), path: 'data.parties[0].code', rule: 'municipality-code-zero' },
      { name: 'municipality code on a state party', type: 'OpenAgreement', data: open({ parties: [{ level: 'state', code: '14039', agency: 'A' }] }), path: 'data.parties[0].code', rule: 'state-code-format' },
      { name: 'party without agency', type: 'OpenAgreement', data: open({ parties: [{ level: 'state', code: '14' }] }), path: 'data.parties[0].agency', rule: 'required' },
      // Counterparts
      { name: 'counterpart kind', type: 'OpenAgreement', data: opening([{ kind: 'city', name: 'Lyon' }]), path: 'data.counterparts[0].kind', rule: 'not-in-vocabulary' },
      { name: 'counterpart without kind', type: 'OpenAgreement', data: opening([{ name: 'Lyon' }]), path: 'data.counterparts[0].kind', rule: 'required' },
      {
        name: 'subdivision of another country',
        type: 'OpenAgreement',
        data: opening([raw(KYOTO_CITY), { kind: 'foreign-subnational-government', name: 'Texas', country: 'CA', subdivision: 'US-TX' }]),
        path: 'data.counterparts[1].subdivision',
        rule: 'subdivision-not-in-country',
      },
      {
        name: 'parent subdivision of another country',
        type: 'IdentifyCounterpart',
        data: { counterpart: { kind: 'foreign-local-government', name: 'Kioto', country: 'JP', parentSubdivision: 'CN-BJ' }, identifiedOn: '2024-01-20' },
        path: 'data.counterpart.parentSubdivision',
        rule: 'subdivision-not-in-country',
      },
      { name: 'subnational without subdivision', type: 'OpenAgreement', data: opening([{ kind: 'foreign-subnational-government', name: 'Texas', country: 'US' }]), path: 'data.counterparts[0].subdivision', rule: 'required' },
      { name: 'subdivision malformed', type: 'OpenAgreement', data: opening([{ kind: 'foreign-subnational-government', name: 'Texas', country: 'US', subdivision: 'TX' }]), path: 'data.counterparts[0].subdivision', rule: 'subdivision-code-format' },
      { name: 'country not assigned', type: 'OpenAgreement', data: opening([{ kind: 'foreign-national-government', name: 'HM Government', country: 'UK' }]), path: 'data.counterparts[0].country', rule: 'country-code-not-assigned' },
      { name: 'Mexico as a foreign government', type: 'OpenAgreement', data: opening([{ kind: 'foreign-national-government', name: 'SRE', country: 'MX' }]), path: 'data.counterparts[0].country', rule: 'counterpart-not-foreign' },
      { name: 'local government without country', type: 'OpenAgreement', data: opening([{ kind: 'foreign-local-government', name: 'Lyon' }]), path: 'data.counterparts[0].country', rule: 'required' },
      { name: 'organisation not in the catalogue', type: 'OpenAgreement', data: opening([{ kind: 'international-organisation', name: 'X', organisationId: 'unhabitat' }]), path: 'data.counterparts[0].organisationId', rule: 'unknown-organisation' },
      { name: 'wikidata id', type: 'OpenAgreement', data: opening([{ kind: 'international-organisation', name: 'X', wikidataId: 'q1065' }]), path: 'data.counterparts[0].wikidataId', rule: 'wikidata-id-format' },
      { name: 'private without sector', type: 'OpenAgreement', data: opening([{ kind: 'private', name: 'ACME' }]), path: 'data.counterparts[0].sector', rule: 'required' },
      { name: 'private sector', type: 'OpenAgreement', data: opening([{ kind: 'private', name: 'ACME', sector: 'church' }]), path: 'data.counterparts[0].sector', rule: 'not-in-vocabulary' },
      { name: 'counterpart not an object', type: 'OpenAgreement', data: opening(['Kioto']), path: 'data.counterparts[0]', rule: 'not-an-object' },
      // Validity
      { name: 'end date and duration', type: 'OpenAgreement', data: open({ validity: { endsOn: '2027-01-01', durationMonths: 36 } }), path: 'data.validity.durationMonths', rule: 'end-and-duration' },
      { name: 'duration 0', type: 'OpenAgreement', data: open({ validity: { durationMonths: 0 } }), path: 'data.validity.durationMonths', rule: 'out-of-range' },
      { name: 'duration over 1200', type: 'OpenAgreement', data: open({ validity: { durationMonths: 1201 } }), path: 'data.validity.durationMonths', rule: 'out-of-range' },
      { name: 'duration as text', type: 'OpenAgreement', data: open({ validity: { durationMonths: '36' } }), path: 'data.validity.durationMonths', rule: 'not-an-integer' },
      { name: 'automatic renewal not boolean', type: 'OpenAgreement', data: open({ validity: { automaticRenewal: 'yes' } }), path: 'data.validity.automaticRenewal', rule: 'not-a-boolean' },
      { name: 'validity not an object', type: 'OpenAgreement', data: open({ validity: '3 years' }), path: 'data.validity', rule: 'not-an-object' },
      // Dates
      { name: 'date format', type: 'OpenAgreement', data: open({ openedOn: '10/01/2024' }), path: 'data.openedOn', rule: 'legal-date-format' },
      { name: 'date not on the calendar', type: 'OpenAgreement', data: open({ validity: { startsOn: '2024-02-30' } }), path: 'data.validity.startsOn', rule: 'legal-date-invalid' },
      { name: 'missing date', type: 'ResumeAgreement', data: { reason: 'Fin de la emergencia' }, path: 'data.resumedOn', rule: 'required' },
      // Money
      { name: 'negative amount', type: 'RecordCooperationMilestone', data: milestone({ amount: { value: '-1', currency: 'MXN' } }), path: 'data.amount.value', rule: 'decimal-format' },
      { name: 'thousands separator', type: 'RecordCooperationMilestone', data: milestone({ amount: { value: '1,500.00', currency: 'MXN' } }), path: 'data.amount.value', rule: 'decimal-format' },
      { name: 'five decimals', type: 'RecordCooperationMilestone', data: milestone({ amount: { value: 1.23456, currency: 'MXN' } }), path: 'data.amount.value', rule: 'decimal-format' },
      { name: 'currency in lower case', type: 'RecordCooperationMilestone', data: milestone({ amount: { value: '10', currency: 'mxn' } }), path: 'data.amount.currency', rule: 'currency-code-format' },
      { name: 'withdrawn currency', type: 'RecordCooperationMilestone', data: milestone({ amount: { value: '10', currency: 'MXP' } }), path: 'data.amount.currency', rule: 'currency-code-unknown' },
      // Signature
      { name: 'no signatory', type: 'SignAgreement', data: signing({ signatories: [] }), path: 'data.signatories', rule: 'too-few' },
      { name: 'no language', type: 'SignAgreement', data: signing({ languages: [] }), path: 'data.languages', rule: 'too-few' },
      {
        name: 'signatory side',
        type: 'SignAgreement',
        data: signing({ signatories: [{ name: 'A', title: 'B', side: 'both' }] }),
        path: 'data.signatories[0].side',
        rule: 'not-in-vocabulary',
      },
      // Approval: the entity code follows the body
      { name: 'cabildo with a state code', type: 'GrantApproval', data: { body: 'municipal-council', entityCode: '14', approvedOn: '2024-03-20', reference: 'Acta' }, path: 'data.entityCode', rule: 'municipality-code-format' },
      { name: 'congress with a municipality code', type: 'GrantApproval', data: { body: 'state-congress', entityCode: '14039', approvedOn: '2024-03-20', reference: 'Acta' }, path: 'data.entityCode', rule: 'state-code-format' },
      // Correction
      { name: 'corrected event id', type: 'CorrectFact', data: { correctedEventId: 'event-0', correctedType: 'AgreementResumed', correctedData: { resumedOn: '2024-10-01' }, reason: 'x' }, path: 'data.correctedEventId', rule: 'uuid-format' },
      { name: 'correcting a correction', type: 'CorrectFact', data: { correctedEventId: EVENT_ID, correctedType: 'FactCorrected', correctedData: {}, reason: 'x' }, path: 'data.correctedType', rule: 'not-in-vocabulary' },
      { name: 'correction without data', type: 'CorrectFact', data: { correctedEventId: EVENT_ID, correctedType: 'AgreementResumed', reason: 'x' }, path: 'data.correctedData', rule: 'required' },
      { name: 'correction without reason', type: 'CorrectFact', data: { correctedEventId: EVENT_ID, correctedType: 'AgreementResumed', correctedData: { resumedOn: '2024-10-01' } }, path: 'data.reason', rule: 'required' },
    ];

    it.each(cases)('$name → $path $rule', ({ type, data, path, rule, id }) => {
      expect(rulesOf(type, data, id ?? AGREEMENT_ID)).toEqual([{ path, rule }]);
    });
  });

  describe('messages', () => {
    it('reuse the rule, message and hint of the reference code parsers', () => {
      const [issue] = issuesOf('OpenAgreement', open({ parties: [{ level: 'state', code: '9', agency: 'A' }] }));
      const refused = parseStateCode('9');
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(issue).toEqual({ path: 'data.parties[0].code', rule: refused.error.rule, message: refused.error.message });
      expect(issue?.message).toContain('Write it with a leading zero: "09"');
    });

    it('list the allowed values of a vocabulary', () => {
      const [issue] = issuesOf('IssueSreOpinion', { opinionNumber: 'DGCP-1', outcome: 'positive', issuedOn: '2024-03-01' });
      for (const outcome of OPINION_OUTCOMES) expect(issue?.message).toContain(`"${outcome}"`);
    });

    it('suggest the field a typo meant', () => {
      const [issue] = issuesOf('OpenAgreement', { ...open(), openedon: '2024-01-10' });
      expect(issue).toMatchObject({ path: 'data.openedon', rule: 'unknown-field' });
      expect(issue?.message).toContain('did you mean "openedOn"?');
    });

    it('say how long text may be', () => {
      const [issue] = issuesOf('OpenAgreement', open({ title: 'x'.repeat(501) }));
      expect(issue?.message).toBe('has 501 characters; at most 500 are allowed: shorten it.');
    });

    it('come as one InvalidInputError of kind BAD_USER_INPUT', () => {
      expect(() => parseAgreementCommand('ResumeAgreement', AGREEMENT_ID, {})).toThrow(InvalidInputError);
      try {
        parseAgreementCommand('ResumeAgreement', AGREEMENT_ID, {});
      } catch (error) {
        expect(error).toMatchObject({ kind: 'BAD_USER_INPUT', message: expect.stringContaining('data.resumedOn: is required') });
      }
    });
  });

  it('reports every issue at once', () => {
    const data = {
      kind: 'twining',
      title: '',
      themes: ['culture', 'cultura', 'culture'],
      sdgs: [0],
      parties: [
        { level: 'municipality', code: '14039', agency: 'Ayuntamiento de Guadalajara' },
        { level: 'municipality', code: '14039', agency: 'Ayuntamiento' },
        { level: 'state', code: 14, agency: 'Gobierno' },
      ],
      counterparts: [{ kind: 'foreign-subnational-government', name: 'Texas', country: 'JP', subdivision: 'US-TX' }],
      validity: { endsOn: '2025-02-30', durationMonths: 12 },
      openedon: '2024-01-10',
    };
    expect(rulesOf('OpenAgreement', data, 'not-a-uuid')).toEqual([
      { path: 'agreementId', rule: 'uuid-format' },
      { path: 'data.kind', rule: 'not-in-vocabulary' },
      { path: 'data.title', rule: 'required' },
      { path: 'data.themes[1]', rule: 'not-in-vocabulary' },
      { path: 'data.themes[2]', rule: 'duplicate' },
      { path: 'data.sdgs[0]', rule: 'out-of-range' },
      { path: 'data.parties[2].code', rule: 'state-code-not-text' },
      { path: 'data.parties[1].code', rule: 'duplicate' },
      { path: 'data.counterparts[0].subdivision', rule: 'subdivision-not-in-country' },
      { path: 'data.validity.endsOn', rule: 'legal-date-invalid' },
      { path: 'data.validity.durationMonths', rule: 'end-and-duration' },
      { path: 'data.openedOn', rule: 'required' },
      { path: 'data.openedon', rule: 'unknown-field' },
    ]);
  });

  describe('CorrectFact', () => {
    const correction = (correctedType: string, correctedData: unknown) => ({ correctedEventId: EVENT_ID, correctedType, correctedData, reason: 'Error de captura' });

    it('validates correctedData with the parser of correctedType', () => {
      expect(rulesOf('CorrectFact', correction('AgreementRegistered', { registryNumber: 'RAI 1', registeredOn: '2024-5-1' }))).toEqual([
        { path: 'data.correctedData.registryNumber', rule: 'registry-number-format' },
        { path: 'data.correctedData.registeredOn', rule: 'legal-date-format' },
      ]);
    });

    it('refuses data shaped for another event type', () => {
      expect(rulesOf('CorrectFact', correction('AgreementSuspended', raw(registered().data)))).toEqual([
        { path: 'data.correctedData.suspendedOn', rule: 'required' },
        { path: 'data.correctedData.reason', rule: 'required' },
        { path: 'data.correctedData.registryNumber', rule: 'unknown-field' },
        { path: 'data.correctedData.registeredOn', rule: 'unknown-field' },
      ]);
    });

    it('holds a corrected opening to the opening rules, agreement id included', () => {
      const { agreementId: _omitted, ...withoutId } = open({ parties: [] });
      expect(rulesOf('CorrectFact', correction('AgreementOpened', withoutId))).toEqual([
        { path: 'data.correctedData.agreementId', rule: 'required' },
        { path: 'data.correctedData.parties', rule: 'too-few' },
      ]);
    });

    it('checks only the presence of correctedData when correctedType is unknown', () => {
      expect(rulesOf('CorrectFact', correction('AgreementDeleted', { anything: true }))).toEqual([{ path: 'data.correctedType', rule: 'not-in-vocabulary' }]);
    });

    it('parses a corrected opening to typed data', () => {
      const command = parseAgreementCommand('CorrectFact', AGREEMENT_ID, correction('AgreementOpened', open({ title: 'Hermanamiento Guadalajara–Kioto ' })));
      expect(command).toEqual({ type: 'CorrectFact', agreementId: AGREEMENT_ID, data: correction('AgreementOpened', openedData()) });
    });
  });
});

describe('parseAgreementEventData', () => {
  it('returns the typed data of one event type', () => {
    const data: AgreementEventData['AgreementSigned'] = parseAgreementEventData('AgreementSigned', raw(signedData()));
    expect(data).toEqual(signedData());
  });

  it('reports issues under the path it is given', () => {
    expect(() => parseAgreementEventData('AgreementSigned', signing({ place: '' }), 'rows[3]')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'rows[3].place', rule: 'required' })] }),
    );
  });

  it('requires the agreement id in opening data', () => {
    const { agreementId: _omitted, ...withoutId } = open();
    expect(() => parseAgreementEventData('AgreementOpened', withoutId)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'data.agreementId', rule: 'required' })] }),
    );
  });

  it('reads the data of a correction as parseAgreementCommand does', () => {
    const data = { correctedEventId: EVENT_ID.toUpperCase(), correctedType: 'AgreementResumed', correctedData: { resumedOn: '2024-10-01' }, reason: 'x' };
    expect(parseAgreementEventData('FactCorrected', data)).toEqual({ ...data, correctedEventId: EVENT_ID });
  });
});
