import { DateTime } from 'luxon';
import type { Brand } from './brand';
import { InvalidInputError } from './errors';
import { describeGiven } from './inputReader';

/** Legal dates are calendar dates in Mexico City: a signature "on 3 May" is 3 May there. */
export const LEGAL_ZONE = 'America/Mexico_City';

/** A calendar date (`YYYY-MM-DD`) in `America/Mexico_City`: when a fact happened (valid time). */
export type LegalDate = Brand<string, 'LegalDate'>;

/** An instant in UTC, ISO 8601 with milliseconds: when the registry learned a fact (recorded time). */
export type Instant = Brand<string, 'Instant'>;

/** The injected clock: decide/evolve never read the real one. Returns an instant in UTC. */
export type Clock = () => DateTime;

export const systemClock: Clock = () => DateTime.utc();

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export const parseLegalDate = (raw: unknown, path: string): LegalDate => {
  if (typeof raw !== 'string' || !DATE_SHAPE.test(raw)) {
    throw InvalidInputError.of(path, 'legal-date-format', `must be a calendar date written YYYY-MM-DD, e.g. 2024-05-17; got ${describeGiven(raw)}.`);
  }
  if (!DateTime.fromISO(raw, { zone: LEGAL_ZONE }).isValid) {
    throw InvalidInputError.of(path, 'legal-date-invalid', `${raw} is not a date on the calendar.`);
  }
  if (raw.startsWith('0000')) throw InvalidInputError.of(path, 'legal-date-out-of-range', `${raw} is in the year 0: give a date from the year 0001 on.`);
  return raw as LegalDate;
};

/**
 * ISO 8601 with a four-digit year, a time and a zone: `Z` or an offset of at most 23:59, which
 * luxon alone would take up to 99:99 and turn into another day without a word. Extended
 * (2024-05-17T15:30:00Z) and basic (20240517T153000Z) forms, `T` and `Z` in either case.
 */
const INSTANT_SHAPE = /^\d{4}-?\d{2}-?\d{2}[Tt]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d{1,9})?)?)?(?:[zZ]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

export const parseInstant = (raw: unknown, path: string): Instant => {
  const parsed = typeof raw === 'string' && INSTANT_SHAPE.test(raw) ? DateTime.fromISO(raw, { setZone: true }) : undefined;
  if (!parsed?.isValid) {
    throw InvalidInputError.of(
      path,
      'instant-format',
      `must be an ISO 8601 instant with a four-digit year and a zone (Z, or an offset up to ±23:59), e.g. 2024-05-17T15:30:00Z; got ${describeGiven(raw)}.`,
    );
  }
  const utc = parsed.toUTC();
  if (utc.year < 1 || utc.year > 9999) {
    throw InvalidInputError.of(path, 'instant-out-of-range', `${raw} falls outside the years 0001 to 9999 once in UTC; give an instant within them.`);
  }
  return toInstant(parsed);
};

export const toInstant = (dateTime: DateTime): Instant => dateTime.toUTC().toISO() as Instant;

/** The legal day last asked about, as the instants it covers: [from, to) in epoch milliseconds. */
let lastLegalDay: { readonly from: number; readonly to: number; readonly date: LegalDate } | undefined;

/**
 * The legal date an instant falls on in Mexico City. Every request and live delivery asks it of
 * the clock, and a zone conversion is dear: the day last computed is remembered with its bounds,
 * so an instant inside it is answered by two comparisons.
 */
export const legalDateAt = (instant: DateTime): LegalDate => {
  const millis = instant.toMillis();
  const known = lastLegalDay;
  if (known !== undefined && millis >= known.from && millis < known.to) return known.date;
  const zoned = instant.setZone(LEGAL_ZONE);
  const date = zoned.toISODate() as LegalDate;
  const start = zoned.startOf('day');
  if (start.isValid) lastLegalDay = { from: start.toMillis(), to: start.plus({ days: 1 }).toMillis(), date };
  return date;
};

export const legalDateTime = (date: LegalDate): DateTime => DateTime.fromISO(date, { zone: LEGAL_ZONE });

/** Calendar arithmetic in Mexico City (luxon clamps 31 Jan + 1 month to 28/29 Feb). */
export const addToLegalDate = (date: LegalDate, duration: { months?: number; days?: number }): LegalDate =>
  legalDateTime(date).plus(duration).toISODate() as LegalDate;

/** ISO dates order as strings; named so call sites read as dates, not text. */
export const isBefore = (a: LegalDate, b: LegalDate): boolean => a < b;
export const isAfter = (a: LegalDate, b: LegalDate): boolean => a > b;
