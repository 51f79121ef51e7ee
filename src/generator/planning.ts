import type { MilestoneKind, Money } from '../agreements/agreementTypes';
import type { Actor } from '../eventSourcing/envelope';
import { parseCurrencyCode, regionsOf, unwrap, type CountryCode, type CurrencyCode, type SdgNumber, type ThemeCode } from '../reference';
import type { AgreementProfile } from './agreementProfile';
import type { PlanBuilder } from './agreementPlan';
import { flat } from './historyStep';
import { dateOf, yearOf, type Day } from './calendar';
import type { IrregularCase } from './irregularities';
import type { Rng } from './rng';
import { countryOfCounterpart } from './world/counterparts';
import { countryNameEs } from './world/foreignPlaces';
import { placeOf } from './world/mexicanParties';
import { THEME_SDGS } from './world/themes';
import { counterpartTitleName, grantDescription, loanDescription, milestoneDescription } from './world/texts';

/** Everything the planning phases of one agreement share. */
export interface Planning {
  readonly rng: Rng;
  readonly plan: PlanBuilder;
  readonly profile: AgreementProfile;
  readonly irregular: IrregularCase | undefined;
  readonly openDay: Day;
  readonly lastDay: Day;
  /** The lead party's liaison office, which records what the parties did. */
  readonly local: Actor;
  /** The Consultoría Jurídica lawyer who handles the file. */
  readonly sre: Actor;
  milestones: number;
}

const currency = (raw: string): CurrencyCode => unwrap(parseCurrencyCode(raw));
const MXN = currency('MXN');
const USD = currency('USD');
const EUR = currency('EUR');
const NATIONAL_CURRENCIES: Readonly<Record<string, CurrencyCode>> = {
  US: USD, JP: currency('JPY'), KR: currency('KRW'), CN: currency('CNY'), CA: currency('CAD'), GB: currency('GBP'), CH: currency('CHF'),
};
const WITHOUT_DECIMALS = new Set(['JPY', 'KRW']);

const currencyOf = (country: CountryCode | undefined): CurrencyCode => {
  if (country === undefined) return USD;
  if (regionsOf(country).some((region) => region.id === 'eu')) return EUR;
  return NATIONAL_CURRENCIES[country] ?? USD;
};

const money = (value: number, code: CurrencyCode): Money => ({ value: WITHOUT_DECIMALS.has(code) ? String(value) : `${value}.00`, currency: code });

const MILESTONE_KINDS_BY_AGREEMENT: Readonly<Record<'twinning' | 'other', readonly (readonly [MilestoneKind, number])[]>> = {
  twinning: [['visit', 4], ['exchange', 3], ['event', 3], ['training', 1], ['project', 1], ['report', 1], ['other', 1]],
  other: [['project', 4], ['technical-assistance', 3], ['training', 3], ['visit', 2], ['report', 2], ['exchange', 1], ['event', 1], ['other', 1]],
};

// Milestones repeat their wording and themes endlessly; sharing the strings and lists keeps a
// million-event history's open agreements small in memory. Event data is never mutated.
const THEMES_OF = Object.fromEntries(Object.keys(THEME_SDGS).map((theme) => [theme, Object.freeze([theme])])) as unknown as Record<ThemeCode, readonly ThemeCode[]>;
const SDGS_OF = Object.fromEntries(Object.entries(THEME_SDGS).map(([theme, sdgs]) => [theme, Object.freeze(sdgs.slice(0, 2))])) as unknown as Record<ThemeCode, readonly SdgNumber[]>;
const INTERNED = new Map<string, string>();
const intern = (text: string): string => {
  const known = INTERNED.get(text);
  if (known !== undefined) return known;
  if (INTERNED.size < 200_000) INTERNED.set(text, text);
  return text;
};

/**
 * One cooperation milestone. Amounts are occasional and mostly in pesos; a foreign amount is a
 * grant. Only `loan` words it as borrowing in a foreign currency (the art. 117 fr. VIII case).
 */
export const planMilestone = (p: Planning, day: Day, options: { readonly loan?: boolean } = {}): void => {
  const { rng, profile } = p;
  p.milestones += 1;
  const number = p.milestones;
  const counterpart = profile.counterparts[0];
  if (!counterpart) throw new Error('An agreement profile always has a counterpart');
  const counterpartName = counterpartTitleName(counterpart);
  const theme = rng.pick(profile.themes) as ThemeCode;
  const country = countryOfCounterpart(counterpart);
  const kind: MilestoneKind = options.loan
    ? 'project'
    : rng.weighted(MILESTONE_KINDS_BY_AGREEMENT[profile.kind === 'twinning' || profile.kind === 'declaratory-twinning' ? 'twinning' : 'other']);

  let description = milestoneDescription(rng, kind, { counterpart: counterpartName, place: profile.lead.placeName, theme });
  let amount: Money | undefined;
  if (options.loan) {
    description = loanDescription(rng, counterpart.name, theme);
    amount = money(rng.int(2, 80) * 1_000_000, currencyOf(country) === EUR ? EUR : USD);
  } else if (rng.chance(kind === 'project' || kind === 'technical-assistance' ? 0.15 : kind === 'report' || kind === 'visit' ? 0 : 0.03)) {
    // Foreign money comes as a grant to a project; other activities are costed in pesos.
    if (kind !== 'project' || rng.chance(0.7)) {
      amount = money(rng.int(5, 800) * 5_000, MXN);
    } else {
      const foreign = currencyOf(country);
      amount = money(rng.int(1, 200) * (WITHOUT_DECIMALS.has(foreign) ? 100_000 : 1_000), foreign);
      description = grantDescription(rng, counterpart.name, theme);
    }
  }
  p.plan.add(day, `milestone-${number}`, p.local, 'RecordCooperationMilestone', {
    milestoneId: `M${String(number).padStart(3, '0')}`,
    kind,
    occurredOn: dateOf(day),
    description: intern(description),
    themes: THEMES_OF[theme],
    sdgs: SDGS_OF[theme],
    ...(amount === undefined ? {} : { amount }),
    ...(rng.chance(0.3) ? { evidenceReference: flat(`Informe ${yearOf(day)}/${rng.int(1, 999)}`) } : {}),
  });
};

/** Where the signature took place: mostly at home, sometimes abroad. */
export const signaturePlace = (p: Planning): string => {
  const counterpart = p.profile.counterparts[0];
  const home = placeOf(p.profile.lead);
  if (!counterpart || !p.rng.chance(0.3)) return home;
  if (counterpart.kind === 'foreign-local-government' || counterpart.kind === 'foreign-subnational-government') {
    return `${counterpart.name}, ${countryNameEs(counterpart.country)}`;
  }
  return p.rng.chance(0.5) ? 'Ciudad de México' : home;
};
