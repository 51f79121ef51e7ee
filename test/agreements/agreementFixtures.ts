import type { AgreementEvent, AgreementEventData } from '../../src/agreements/agreementEvents';
import type { AgreementId, Counterpart } from '../../src/agreements/agreementTypes';
import {
  parseCountryCode,
  parseLanguageCode,
  parseMunicipalityCode,
  parseStateCode,
  parseSubdivisionCode,
  unwrap,
} from '../../src/reference';
import type { LegalDate } from '../../src/shared/time';

export const AGREEMENT_ID = '6f1f5a4e-2c3b-4d5e-8f90-a1b2c3d4e5f6' as AgreementId;
export const date = (iso: string) => iso as LegalDate;

export const GUADALAJARA = unwrap(parseMunicipalityCode('14039'));
export const JALISCO = unwrap(parseStateCode('14'));

export const KYOTO_CITY: Counterpart = {
  kind: 'foreign-local-government',
  name: 'Kyoto',
  country: unwrap(parseCountryCode('JP')),
  parentSubdivision: unwrap(parseSubdivisionCode('JP-26')),
};
export const TEXAS: Counterpart = {
  kind: 'foreign-subnational-government',
  name: 'Texas',
  country: unwrap(parseCountryCode('US')),
  subdivision: unwrap(parseSubdivisionCode('US-TX')),
};
export const UNIVERSITY: Counterpart = { kind: 'private', name: 'Universidad de Salamanca', sector: 'university' };

export const openedData = (overrides: Partial<AgreementEventData['AgreementOpened']> = {}): AgreementEventData['AgreementOpened'] => ({
  agreementId: AGREEMENT_ID,
  kind: 'twinning',
  title: 'Hermanamiento Guadalajara–Kioto',
  objectives: ['Intercambio cultural'],
  themes: ['culture', 'tourism'],
  sdgs: [11],
  languages: [unwrap(parseLanguageCode('es')), unwrap(parseLanguageCode('ja'))],
  parties: [{ level: 'municipality', code: GUADALAJARA, agency: 'Ayuntamiento de Guadalajara' }],
  counterparts: [KYOTO_CITY],
  validity: { automaticRenewal: true },
  openedOn: date('2024-01-10'),
  ...overrides,
});

export const opened = (overrides: Partial<AgreementEventData['AgreementOpened']> = {}): AgreementEvent => ({
  type: 'AgreementOpened',
  data: openedData(overrides),
});

export const submitted = (submittedOn = '2024-02-01'): AgreementEvent => ({ type: 'TextSubmittedToSre', data: { submittedOn: date(submittedOn) } });

export const favourableOpinion = (issuedOn = '2024-03-01', opinionNumber = 'DGCP-2024-001'): AgreementEvent => ({
  type: 'SreOpinionIssued',
  data: { opinionNumber, outcome: 'favourable', issuedOn: date(issuedOn) },
});

export const signedData = (signedOn = '2024-04-01'): AgreementEventData['AgreementSigned'] => ({
  signedOn: date(signedOn),
  place: 'Guadalajara, Jalisco',
  signatories: [
    { name: 'Presidenta municipal', title: 'Presidenta municipal de Guadalajara', side: 'mexican' },
    { name: 'Alcalde de Kioto', title: 'Alcalde', side: 'counterpart' },
  ],
  languages: [unwrap(parseLanguageCode('es')), unwrap(parseLanguageCode('ja'))],
});

export const signed = (signedOn = '2024-04-01'): AgreementEvent => ({ type: 'AgreementSigned', data: signedData(signedOn) });

export const registered = (registeredOn = '2024-05-01', registryNumber = 'RAI-2024-0001'): AgreementEvent => ({
  type: 'AgreementRegistered',
  data: { registryNumber, registeredOn: date(registeredOn) },
});

export const terminated = (terminatedOn = '2025-01-15'): AgreementEvent => ({
  type: 'AgreementTerminated',
  data: { cause: 'mutual-consent', terminatedOn: date(terminatedOn), reason: 'Acuerdo de las partes' },
});

export const milestoneData = (milestoneId = 'm-1', occurredOn = '2024-06-01'): AgreementEventData['CooperationMilestoneRecorded'] => ({
  milestoneId,
  kind: 'visit',
  occurredOn: date(occurredOn),
  description: 'Visita de la delegación de Kioto',
  themes: ['culture'],
  sdgs: [11],
});
