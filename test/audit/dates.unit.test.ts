import { addDays, addMonths, legalDayStart } from '../../src/audit/dates';
import { addToLegalDate, type LegalDate } from '../../src/shared/time';

const date = (iso: string) => iso as LegalDate;

describe('audit calendar arithmetic', () => {
  // The audit's fast arithmetic must agree with the domain's luxon-based one everywhere.
  const days = ['2024-01-31', '2024-02-29', '2023-02-28', '2024-12-31', '1999-12-31', '2000-02-29', '2022-10-30', '2024-04-07', '1992-01-02'];

  it.each(days)('adds days to %s as luxon does', (day) => {
    for (const n of [-400, -31, -1, 0, 1, 29, 30, 31, 365, 366, 10_000]) {
      expect(addDays(date(day), n)).toBe(addToLegalDate(date(day), { days: n }));
    }
  });

  it.each(days)('adds months to %s as luxon does, clamping to the end of the month', (day) => {
    for (const n of [-25, -12, -1, 0, 1, 2, 11, 12, 13, 24, 120]) {
      expect(addMonths(date(day), n)).toBe(addToLegalDate(date(day), { months: n }));
    }
  });

  it('walks the calendar day by day as luxon does, 1990 to 2040, month ends included', () => {
    const mismatches: string[] = [];
    let day = date('1990-01-01');
    while (day < '2040-12-31') {
      const next = addDays(day, 1);
      if (next !== addToLegalDate(day, { days: 1 })) mismatches.push(`${day} + 1 day`);
      if (next.endsWith('-31') && addMonths(next, 13) !== addToLegalDate(next, { months: 13 })) mismatches.push(`${next} + 13 months`);
      day = next;
    }
    expect(mismatches).toEqual([]);
  });

  it('clamps 31 January plus a month to the end of February', () => {
    expect(addMonths(date('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(date('2023-01-31'), 1)).toBe('2023-02-28');
  });

  it('gives the UTC instant a legal day starts in Mexico City, with and without daylight saving', () => {
    expect(legalDayStart(date('2024-05-02'))).toBe('2024-05-02T06:00:00.000Z');
    // Mexico City kept daylight saving time until October 2022.
    expect(legalDayStart(date('2019-07-01'))).toBe('2019-07-01T05:00:00.000Z');
  });
});
