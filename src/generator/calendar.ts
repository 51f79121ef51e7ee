import { DateTime } from 'luxon';
import type { DecisionContext } from '../eventSourcing/decider';
import { LEGAL_ZONE, legalDateAt, legalDateTime, type Instant, type LegalDate } from '../shared/time';

/**
 * The generator plans in whole days (days since 1970-01-01 on the proleptic calendar) and in epoch
 * milliseconds: a million events of luxon arithmetic would cost more than the rest together.
 * Conversions to the domain's LegalDate and Instant happen once per fact.
 */
export type Day = number;

export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_MINUTE = 60_000;

export const dayOf = (date: string): Day => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
};

const DATES = new Map<Day, LegalDate>();

/** One string per day, shared: a million events name a few thousand distinct days. */
export const dateOf = (day: Day): LegalDate => {
  let date = DATES.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as LegalDate;
    DATES.set(day, date);
  }
  return date;
};

export const yearOf = (day: Day): number => new Date(day * MS_PER_DAY).getUTCFullYear();

export const dayOfYearStart = (year: number, monthIndex = 0, dayOfMonth = 1): Day => Date.UTC(year, monthIndex, dayOfMonth) / MS_PER_DAY;

/** Calendar months, clamped to the month's last day as luxon does (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (day: Day, months: number): Day => {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
};

/**
 * Noon UTC of a day is morning in Mexico City whatever the offset of the time (UTC-5 in the
 * summers of 1996–2022, UTC-6 otherwise), so an instant from it on falls on that legal date or
 * later: a fact is never recorded before the day it happened.
 */
export const earliestRecordingMs = (day: Day): number => day * MS_PER_DAY + 12 * MS_PER_HOUR;

/** The first instant of a legal date in Mexico City. */
export const legalDayStartMs = (date: LegalDate): number => legalDateTime(date).toMillis();

export const instantOf = (ms: number): Instant => new Date(ms).toISOString() as Instant;

/**
 * The decision context at a recorded instant, as the command handler builds it from its clock
 * (`today` is the instant's date in Mexico City). Looking the zone up through luxon for each of a
 * million steps would dominate the run, so the offset is looked up once per UTC day (steps arrive
 * in recorded order), and luxon decides only on the days an offset change falls in.
 */
export class DecisionClock {
  private day = Number.NaN;
  private offsetMs = 0;
  private uniform = false;

  at(ms: number): DecisionContext {
    const day = Math.floor(ms / MS_PER_DAY);
    if (day !== this.day) {
      this.day = day;
      const start = DateTime.fromMillis(day * MS_PER_DAY, { zone: LEGAL_ZONE }).offset;
      const end = DateTime.fromMillis((day + 1) * MS_PER_DAY - 1, { zone: LEGAL_ZONE }).offset;
      this.uniform = start === end;
      this.offsetMs = start * MS_PER_MINUTE;
    }
    const today = this.uniform ? dateOf(Math.floor((ms + this.offsetMs) / MS_PER_DAY)) : legalDateAt(DateTime.fromMillis(ms, { zone: 'utc' }));
    return {
      // Built only if a decider reads it; none of today's does.
      get now() {
        return DateTime.fromMillis(ms, { zone: 'utc' });
      },
      today,
    };
  }
}
