import type { DateTime } from 'luxon';
import { InvalidInputError } from '../shared/errors';
import { LEGAL_ZONE, toInstant, type Instant } from '../shared/time';

/**
 * An instant to see the registry as of. Recorded time reaches only the present: a registry "as of"
 * next year would be today's, judged on a later day and presented as what the registry said, so
 * an instant after now is refused. One exception: the last second of today in Mexico City, which
 * is how "as of today" is written (a date in an export, a day picked on the dashboard), means now.
 */
export const pastInstant = (instant: Instant, now: DateTime, path: string): Instant => {
  const at = Date.parse(instant);
  if (at <= now.toMillis()) return instant;
  // The last second of today, written with milliseconds or not (23:59:59-06:00 is the export's own example).
  const endOfToday = now.setZone(LEGAL_ZONE).endOf('day').toMillis();
  if (at > endOfToday - 1_000 && at <= endOfToday) return toInstant(now);
  throw InvalidInputError.of(
    path,
    'instant-in-future',
    `${instant} is after now (${toInstant(now)}): the registry can say only what it knew up to now. Give an instant up to now, or read the live registry.`,
  );
};

/**
 * A pair of instants to compare, the earlier first: `from` after `to` would show every change
 * backwards, what was added as removed.
 */
export const orderedInstants = (from: Instant, to: Instant, path: { readonly from: string; readonly to: string }): void => {
  if (Date.parse(from) > Date.parse(to)) {
    throw InvalidInputError.of(`${path.from}, ${path.to}`, 'instants-reversed', `${path.from} (${from}) is after ${path.to} (${to}): give the earlier instant as ${path.from}.`);
  }
};
