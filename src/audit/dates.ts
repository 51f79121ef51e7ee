import { LEGAL_ZONE, legalDateTime, type Instant, type LegalDate } from '../shared/time';

/*
 * Calendar arithmetic on `YYYY-MM-DD` without luxon. Evaluating the audit adds a deadline to a date
 * several times per agreement, on every query, over every agreement: luxon's DateTime costs
 * microseconds per call, integer arithmetic costs nanoseconds. Calendar dates carry no zone, so
 * plain calendar arithmetic gives the same answer as `addToLegalDate` (a unit test holds them
 * together, including luxon's clamping of 31 Jan + 1 month to the end of February).
 */

const pad2 = (value: number): string => (value < 10 ? `0${value}` : `${value}`);

const format = (year: number, month: number, day: number): LegalDate =>
  `${year < 1000 ? String(year).padStart(4, '0') : year}-${pad2(month)}-${pad2(day)}` as LegalDate;

const isLeap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const daysInMonth = (year: number, month: number): number => (month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!);

// Days since 1970-01-01 and back, in the proleptic Gregorian calendar (H. Hinnant's algorithms):
// integer arithmetic only, no Date object per call.
const toDayNumber = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

const fromDayNumber = (dayNumber: number): LegalDate => {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return format(year, month, day);
};

const yearOf = (date: LegalDate): number => Number(date.slice(0, 4));
const monthOf = (date: LegalDate): number => (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
const dayOf = (date: LegalDate): number => (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);

export const addDays = (date: LegalDate, days: number): LegalDate =>
  fromDayNumber(toDayNumber(yearOf(date), monthOf(date), dayOf(date)) + days);

/** Adds calendar months, clamping to the last day of a shorter month (as luxon does). */
export const addMonths = (date: LegalDate, months: number): LegalDate => {
  const total = yearOf(date) * 12 + (monthOf(date) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return format(year, month, Math.min(dayOf(date), daysInMonth(year, month)));
};

export const minDate = (a: LegalDate, b: LegalDate): LegalDate => (a < b ? a : b);
export const maxDate = (a: LegalDate, b: LegalDate): LegalDate => (a > b ? a : b);

/*
 * Recorded instants are written by `toInstant` (UTC, milliseconds, `Z`), so they order as strings;
 * comparing them as text avoids parsing one per fact.
 */
export const maxInstant = (a: Instant, b: Instant): Instant => (a > b ? a : b);

// Dates in the registry span a few decades: a few thousand entries at most, never evicted.
const dayStarts = new Map<LegalDate, Instant>();

/** The instant a legal day begins in Mexico City (the zone's offset has changed over the years). */
export const legalDayStart = (date: LegalDate): Instant => {
  let start = dayStarts.get(date);
  if (start === undefined) {
    start = legalDateTime(date).setZone(LEGAL_ZONE).toUTC().toISO() as Instant;
    dayStarts.set(date, start);
  }
  return start;
};
