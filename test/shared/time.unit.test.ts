import { DateTime } from 'luxon';
import { LEGAL_ZONE, legalDateAt } from '../../src/shared/time';

describe('legalDateAt', () => {
  const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

  it('gives the date in Mexico City, whatever the zone of the instant', () => {
    // Mexico City is UTC−6 (no daylight saving since 2022): its midnight is 06:00 UTC.
    expect(legalDateAt(utc('2025-03-10T05:59:59.999Z'))).toBe('2025-03-09');
    expect(legalDateAt(utc('2025-03-10T06:00:00.000Z'))).toBe('2025-03-10');
    expect(legalDateAt(DateTime.fromISO('2025-03-10T23:30:00', { zone: 'Asia/Tokyo' }))).toBe('2025-03-10');
    expect(legalDateAt(DateTime.fromISO('2025-03-10T01:30:00', { zone: 'Asia/Tokyo' }))).toBe('2025-03-09');
  });

  it('answers alike when asked again, around a remembered day and across daylight saving days', () => {
    // Every 8 h 43 min over two years (2021 still had daylight saving), back and forth, against luxon directly.
    const instants = Array.from({ length: 2000 }, (_, index) => utc('2021-01-01T00:00:00Z').plus({ minutes: index * 523 }));
    for (const instant of [...instants, ...instants.reverse()]) {
      expect(legalDateAt(instant)).toBe(instant.setZone(LEGAL_ZONE).toISODate());
      expect(legalDateAt(instant.minus({ milliseconds: 1 }))).toBe(instant.minus({ milliseconds: 1 }).setZone(LEGAL_ZONE).toISODate());
    }
  });
});
