/* Dates and numbers as people in Mexico write them. No DOM here. */

export const MEXICO_CITY = 'America/Mexico_City';

const numberFormat = new Intl.NumberFormat('es-MX');
const legalDateFormat = new Intl.DateTimeFormat('es-MX', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDateFormat = new Intl.DateTimeFormat('es-MX', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat('es-MX', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: MEXICO_CITY,
});

export const formatNumber = (value: number): string => numberFormat.format(value);

const legalDate = (iso: string): Date | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
};

/** A legal date (valid time, YYYY-MM-DD): a calendar day, never shifted by a time zone. */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const date = legalDate(iso);
  return date ? legalDateFormat.format(date) : iso;
};

export const formatLongDate = (iso: string): string => {
  const date = legalDate(iso);
  return date ? longDateFormat.format(date) : iso;
};

/** A recorded instant, in Mexico City time. */
export const formatInstant = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${instantFormat.format(date)} (hora del centro)`;
};

/** Offset of Mexico City from UTC at an instant, in minutes (it kept summer time until 2022). */
const offsetMinutes = (instant: Date): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: MEXICO_CITY,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - instant.getTime()) / 60_000);
};

/**
 * The last instant of a day in Mexico City, as UTC ISO: "the registry as of 31 Dec 2019" means
 * everything recorded by the end of that day there.
 */
export const endOfDayInMexicoCity = (iso: string): string | undefined => {
  const day = legalDate(iso);
  if (!day) return undefined;
  const localEnd = day.getTime() + 24 * 3_600_000 - 1;
  // Two passes: the offset at the guessed instant settles the real one (no change within hours of midnight).
  let instant = localEnd - offsetMinutes(new Date(localEnd)) * 60_000;
  instant = localEnd - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
};

/** Today's date in Mexico City, YYYY-MM-DD. */
export const todayInMexicoCity = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: MEXICO_CITY, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

export const plural = (count: number, one: string, many: string): string => `${formatNumber(count)} ${count === 1 ? one : many}`;
