import { listOrganisations, type CountryCode, type LanguageCode, type MunicipalityCode, type SdgNumber, type StateCode, type SubdivisionCode, type ThemeCode, type CurrencyCode } from '../reference';
import type { Brand } from '../shared/brand';
import type { LegalDate } from '../shared/time';

export type AgreementId = Brand<string, 'AgreementId'>;

export const agreementStreamName = (id: AgreementId): string => `agreement-${id}`;
export const AGREEMENT_STREAM_PREFIX = 'agreement-';

export const AGREEMENT_KINDS = [
  /** Hermanamiento: sister cities or sister states. */
  'twinning',
  /** Acuerdo interinstitucional (LCT art. 2 fr. II). */
  'cooperation-agreement',
  'memorandum-of-understanding',
  'letter-of-intent',
  /** Hermanamiento declarativo: a declaration with no signed text. */
  'declaratory-twinning',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** Kinds that are acuerdos interinstitucionales under the LCT: no private counterpart allowed. */
export const INTERINSTITUTIONAL_KINDS: readonly AgreementKind[] = ['twinning', 'cooperation-agreement', 'declaratory-twinning'];

/** A Mexican state or municipality that signs, with the signing agency (dependencia). */
export type SubnationalParty =
  | { readonly level: 'state'; readonly code: StateCode; readonly agency: string }
  | { readonly level: 'municipality'; readonly code: MunicipalityCode; readonly agency: string };

export const COUNTERPART_KINDS = [
  'foreign-national-government',
  'foreign-subnational-government',
  'foreign-local-government',
  'international-organisation',
  'private',
] as const;
export type CounterpartKind = (typeof COUNTERPART_KINDS)[number];

export const PRIVATE_SECTORS = ['company', 'ngo', 'university', 'other'] as const;
export type PrivateSector = (typeof PRIVATE_SECTORS)[number];

export type Counterpart =
  | { readonly kind: 'foreign-national-government'; readonly name: string; readonly country: CountryCode }
  | {
      readonly kind: 'foreign-subnational-government';
      readonly name: string;
      readonly country: CountryCode;
      readonly subdivision: SubdivisionCode;
    }
  | {
      readonly kind: 'foreign-local-government';
      readonly name: string;
      readonly country: CountryCode;
      readonly parentSubdivision?: SubdivisionCode;
    }
  | {
      readonly kind: 'international-organisation';
      readonly name: string;
      /** Id in the shipped catalogue of organisations, when it is there. */
      readonly organisationId?: string;
      readonly wikidataId?: string;
      readonly iatiId?: string;
    }
  | {
      readonly kind: 'private';
      readonly name: string;
      readonly sector: PrivateSector;
      readonly country?: CountryCode;
    };

/**
 * Two counterparts are the same body when their kind, place and name match, ignoring case; an
 * international organisation of the shipped catalogue is the same body whatever it is called
 * (UN-Habitat, ONU-Hábitat, Programa de las Naciones Unidas para los Asentamientos Humanos).
 */
export const counterpartKey = (counterpart: Counterpart): string => {
  const name = counterpart.name.trim().toLocaleLowerCase('es');
  if (counterpart.kind === 'international-organisation') {
    const catalogued = counterpart.organisationId ?? catalogueIdByName().get(name);
    return `${counterpart.kind}||${catalogued === undefined ? name : `#${catalogued}`}`;
  }
  const place = 'subdivision' in counterpart ? counterpart.subdivision : 'country' in counterpart ? (counterpart.country ?? '') : '';
  return `${counterpart.kind}|${place}|${name}`;
};

let byName: ReadonlyMap<string, string> | undefined;
/** The catalogue's organisations by each of their names and acronyms, in lower case. */
const catalogueIdByName = (): ReadonlyMap<string, string> =>
  (byName ??= new Map(
    listOrganisations().flatMap((organisation) =>
      [organisation.nameEs, organisation.nameEn, organisation.acronymEs, organisation.acronymEn]
        .filter((text): text is string => text !== undefined)
        .map((text) => [text.trim().toLocaleLowerCase('es'), organisation.id] as const),
    ),
  ));

export interface Validity {
  readonly startsOn?: LegalDate;
  readonly endsOn?: LegalDate;
  /** Used when no end date is given: the term counted from entry into force or signature. */
  readonly durationMonths?: number;
  readonly automaticRenewal: boolean;
}

export const OPINION_OUTCOMES = ['favourable', 'unfavourable', 'favourable-with-observations'] as const;
/** Dictamen de procedencia of the SRE (LCT art. 7). */
export type OpinionOutcome = (typeof OPINION_OUTCOMES)[number];

export const APPROVAL_BODIES = ['municipal-council', 'state-congress'] as const;
/** Cabildo or congreso local. */
export type ApprovalBody = (typeof APPROVAL_BODIES)[number];

export const FORCE_MODES = ['in-force', 'provisional-application'] as const;
export type ForceMode = (typeof FORCE_MODES)[number];

export const MILESTONE_KINDS = [
  'visit',
  'exchange',
  'project',
  'training',
  'technical-assistance',
  'report',
  'event',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const TERMINATION_CAUSES = ['denounced', 'mutual-consent', 'other'] as const;
export type TerminationCause = (typeof TERMINATION_CAUSES)[number];

export const RENEWAL_MODES = ['renewed', 'extended'] as const;
export type RenewalMode = (typeof RENEWAL_MODES)[number];

export interface Signatory {
  readonly name: string;
  readonly title: string;
  readonly side: 'mexican' | 'counterpart';
}

/** A decimal amount as text (no binary floating point in money) with its ISO 4217 currency. */
export interface Money {
  readonly value: string;
  readonly currency: CurrencyCode;
}

export type { ThemeCode, SdgNumber, LanguageCode };
