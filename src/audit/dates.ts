import { LEGAL_ZONE, legalDateTime, type Instant, type LegalDate } from '../shared/time';

/*
 * Calendar arithmetic on `YYYY-MM-DD` without luxon. Evaluating the audit adds a deadline to a date
 * several times per agreement, on every query, over every agreement: luxon's DateTime costs
 * microseconds per call, integer arithmetic costs nanoseconds. Calendar dates carry no zone, so
 * plain calendar arithmetic gives the same answer as `addToLegalDate` (a unit test holds them
 * together, including luxon's clamping of 31 Jan + 1 month to the end of February).
 */

export { addDays, addMonths } from '../shared/calendarArithmetic';

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
