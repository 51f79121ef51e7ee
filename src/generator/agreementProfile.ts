import type { AgreementKind, Counterpart, SubnationalParty, Validity } from '../agreements/agreementTypes';
import { parseLanguageCode, unwrap, type LanguageCode, type SdgNumber, type ThemeCode } from '../reference';
import { dateOf, dayOfYearStart, yearOf, type Day } from './calendar';
import type { IrregularCase } from './irregularities';
import type { Rng } from './rng';
import {
  countryOfCounterpart,
  drawLocalGovernment,
  internationalOrganisation,
  LENDING_COUNTRIES,
  LENDING_ORGANISATIONS,
  localGovernment,
  nationalGovernment,
  privateBody,
  subnationalGovernment,
} from './world/counterparts';
import { drawCity, drawCountry, languageOf, OUTSIDE_PRIORITY_COUNTRIES } from './world/foreignPlaces';
import { drawEntity, partyOf, seatEntityOf, type MexicanEntity } from './world/mexicanParties';
import { FEDERAL_THEMES, THEME_OBJECTIVES, drawThemes, sdgsOf } from './world/themes';
import { agreementTitle } from './world/texts';

/** Who signs what, about what, for how long: everything about an agreement but its timeline. */
export interface AgreementProfile {
  readonly kind: AgreementKind;
  readonly lead: MexicanEntity;
  /** A municipality co-signing with its state, now and then. */
  readonly partner?: MexicanEntity;
  readonly parties: readonly SubnationalParty[];
  /** The first counterpart, then possibly an organisation that joins later. */
  readonly counterparts: readonly Counterpart[];
  readonly themes: readonly ThemeCode[];
  readonly sdgs: readonly SdgNumber[];
  readonly languages: readonly LanguageCode[];
  readonly title: string;
  readonly objectives: readonly string[];
  readonly validity: Validity;
  /** The term in months, when the agreement has one that does not renew by itself. */
  readonly termMonths?: number;
  /** Expected cooperation milestones a year while the agreement is alive. */
  readonly activity: number;
}

/** A twinning already planned, so that a later one can duplicate the pair. */
export interface TwinningPair {
  readonly lead: MexicanEntity;
  readonly counterpart: Counterpart;
}

const SPANISH = unwrap(parseLanguageCode('es'));
const ENGLISH = unwrap(parseLanguageCode('en'));

const signedKinds = (rng: Rng, level: 'state' | 'municipality'): AgreementKind =>
  level === 'municipality'
    ? rng.weighted<AgreementKind>([['twinning', 56], ['cooperation-agreement', 32], ['memorandum-of-understanding', 8], ['letter-of-intent', 4]])
    : rng.weighted<AgreementKind>([['twinning', 24], ['cooperation-agreement', 56], ['memorandum-of-understanding', 14], ['letter-of-intent', 6]]);

const levelFor = (rng: Rng, irregular: IrregularCase | undefined): 'state' | 'municipality' => {
  if (irregular === 'state-with-foreign-national-government') return 'state';
  if (irregular === 'foreign-currency-loan') return rng.chance(0.8) ? 'state' : 'municipality';
  if (irregular === 'municipal-federal-theme') return 'municipality';
  return rng.chance(0.7) ? 'municipality' : 'state';
};

const kindFor = (rng: Rng, irregular: IrregularCase | undefined, level: 'state' | 'municipality', openDay: Day): AgreementKind => {
  switch (irregular) {
    case 'private-counterpart':
      return rng.chance(0.6) ? 'memorandum-of-understanding' : 'letter-of-intent';
    case 'state-with-foreign-national-government':
    case 'foreign-currency-loan':
      return 'cooperation-agreement';
    case 'duplicate-twinning':
      return 'twinning';
    case 'declaratory-never-signed':
      return 'declaratory-twinning';
    case undefined:
    case 'correction':
    case 'municipal-federal-theme':
    case 'outside-priority': {
      // Declaratory twinnings belong mostly to the years before the SRE's twinning programme.
      const declaratory = yearOf(openDay) < 2008 ? 0.08 : 0.015;
      if (irregular === undefined && rng.chance(declaratory)) return 'declaratory-twinning';
      return signedKinds(rng, level);
    }
    default:
      return signedKinds(rng, level);
  }
};

const counterpartFor = (rng: Rng, irregular: IrregularCase | undefined, kind: AgreementKind, lead: MexicanEntity): Counterpart => {
  switch (irregular) {
    case 'private-counterpart':
      return privateBody(rng);
    case 'state-with-foreign-national-government':
      return nationalGovernment(rng, drawCountry(rng));
    case 'foreign-currency-loan':
      return rng.chance(0.5) ? internationalOrganisation(rng, rng.pick(LENDING_ORGANISATIONS)) : nationalGovernment(rng, rng.pick(LENDING_COUNTRIES));
    case 'outside-priority': {
      const country = rng.pick(OUTSIDE_PRIORITY_COUNTRIES);
      return lead.level === 'state' && kind !== 'twinning' ? subnationalGovernment(rng, country) : localGovernment(drawCity(rng, country));
    }
    default:
      break;
  }
  if (kind === 'twinning' || kind === 'declaratory-twinning') {
    const country = drawCountry(rng);
    return lead.level === 'state' && rng.chance(0.85) ? subnationalGovernment(rng, country) : drawLocalGovernment(rng, country);
  }
  const roll = rng.next();
  const organisationShare = kind === 'cooperation-agreement' ? 0.3 : 0.35;
  if (roll < organisationShare) return internationalOrganisation(rng);
  const country = drawCountry(rng);
  return roll < organisationShare + (lead.level === 'state' ? 0.4 : 0.2) ? subnationalGovernment(rng, country) : drawLocalGovernment(rng, country);
};

const themesFor = (rng: Rng, irregular: IrregularCase | undefined, kind: AgreementKind): ThemeCode[] => {
  if (irregular === 'outside-priority') return drawThemes(rng, kind, true);
  const themes = drawThemes(rng, kind);
  if (irregular === 'municipal-federal-theme') {
    const federal = rng.weighted(FEDERAL_THEMES);
    return [federal, ...themes.filter((theme) => theme !== federal).slice(0, 2)];
  }
  return themes;
};

/** Indefinite, renewing by itself, or a fixed term that expires unless renewed. */
const validityFor = (rng: Rng, irregular: IrregularCase | undefined, openDay: Day): { validity: Validity; termMonths?: number } => {
  if (irregular === 'milestone-after-expiry') return { validity: { durationMonths: 24, automaticRenewal: false }, termMonths: 24 };
  if (irregular === 'dormant' || irregular === 'foreign-currency-loan') return { validity: { automaticRenewal: rng.chance(0.5) } };
  const roll = rng.next();
  if (roll < 0.35) return { validity: { automaticRenewal: false } };
  if (roll < 0.65) return { validity: { durationMonths: rng.pick([24, 36, 48, 60]), automaticRenewal: true } };
  if (roll < 0.85) {
    const months = rng.pick([24, 36, 48]);
    return { validity: { durationMonths: months, automaticRenewal: false }, termMonths: months };
  }
  const endsOn = dayOfYearStart(yearOf(openDay) + rng.int(3, 6), 11, 31);
  return { validity: { endsOn: dateOf(endsOn), automaticRenewal: false }, termMonths: 36 };
};

const KIND_ACTIVITY: Readonly<Record<AgreementKind, number>> = {
  twinning: 1.2,
  'cooperation-agreement': 2,
  'memorandum-of-understanding': 0.9,
  'letter-of-intent': 0.5,
  'declaratory-twinning': 0.4,
};

export const drawProfile = (rng: Rng, irregular: IrregularCase | undefined, openDay: Day, earlierTwinning: TwinningPair | undefined): AgreementProfile => {
  const duplicate = irregular === 'duplicate-twinning' ? earlierTwinning : undefined;
  const level = duplicate?.lead.level ?? levelFor(rng, irregular);
  const lead = duplicate?.lead ?? drawEntity(rng, level);
  const kind = kindFor(rng, irregular, level, openDay);
  const counterpart = duplicate?.counterpart ?? counterpartFor(rng, irregular, kind, lead);
  const themes = themesFor(rng, irregular, kind);

  const seat = lead.level === 'state' && kind === 'cooperation-agreement' && rng.chance(0.08) ? seatEntityOf(lead.stateCode) : undefined;
  const parties = [partyOf(lead, rng), ...(seat ? [partyOf(seat, rng)] : [])];
  const joining = kind === 'cooperation-agreement' && counterpart.kind !== 'international-organisation' && rng.chance(0.05) ? [internationalOrganisation(rng)] : [];

  const country = countryOfCounterpart(counterpart);
  const foreignLanguage =
    country === undefined ? (rng.chance(0.4) ? ENGLISH : SPANISH) : languageOf(country, counterpart.kind === 'foreign-subnational-government' ? counterpart.subdivision : undefined);
  const { validity, termMonths } = validityFor(rng, irregular, openDay);
  return {
    kind,
    lead,
    ...(seat ? { partner: seat } : {}),
    parties,
    counterparts: [counterpart, ...joining],
    themes,
    sdgs: sdgsOf(themes).slice(0, 3),
    languages: foreignLanguage === SPANISH ? [SPANISH] : [SPANISH, foreignLanguage],
    title: agreementTitle(kind, lead, counterpart, themes),
    objectives: themes.map((theme) => THEME_OBJECTIVES[theme]),
    validity,
    ...(termMonths === undefined ? {} : { termMonths }),
    activity: KIND_ACTIVITY[kind] * Math.min(2, 0.5 + lead.activity / 10) * (0.4 + rng.next() * 1.4),
  };
};
