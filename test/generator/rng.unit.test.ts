import { DateTime } from 'luxon';
import { addMonths, dateOf, dayOf, DecisionClock, MS_PER_HOUR, MS_PER_MINUTE } from '../../src/generator/calendar';
import { Rng, WeightedTable } from '../../src/generator/rng';
import { addToLegalDate, legalDateAt, type LegalDate } from '../../src/shared/time';

describe('Rng', () => {
  it('gives the same sequence for the same name, another for another name', () => {
    const draws = (rng: Rng) => Array.from({ length: 20 }, () => rng.nextUint32());
    expect(draws(Rng.of(7, 'agreement', 3))).toEqual(draws(Rng.of(7, 'agreement', 3)));
    expect(draws(Rng.of(7, 'agreement', 3))).not.toEqual(draws(Rng.of(8, 'agreement', 3)));
    expect(draws(Rng.of(7, 'agreement', 3))).not.toEqual(draws(Rng.of(7, 'agreement', 4)));
  });

  it('draws uniformly in [0, 1) and whole numbers within their bounds', () => {
    const rng = Rng.of('uniform');
    const values = Array.from({ length: 20_000 }, () => rng.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 1);
    const ints = Array.from({ length: 5_000 }, () => rng.int(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]));
  });

  it('draws weighted items in proportion to their weights', () => {
    const rng = Rng.of('weights');
    const table = new WeightedTable([['a', 1], ['b', 3], ['never', 0]] as const);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.draw(rng)] += 1;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
    expect(rng.weightedDistinct([['x', 1], ['y', 1], ['z', 1]] as const, 3).sort()).toEqual(['x', 'y', 'z']);
  });
});

describe('calendar', () => {
  it('converts days and adds calendar months as luxon does', () => {
    for (const date of ['2000-01-31', '2019-12-31', '2024-02-29', '2023-03-15']) {
      expect(dateOf(dayOf(date))).toBe(date);
      for (const months of [1, 12, 24, 37]) {
        expect(dateOf(addMonths(dayOf(date), months))).toBe(addToLegalDate(date as LegalDate, { months }));
      }
    }
  });

  it("gives Mexico City's date of an instant, across the years it kept summer time and after", () => {
    const clock = new DecisionClock();
    // Hourly through two DST changes (April and October 2005), then every 7 hours for years.
    const instants = [
      ...Array.from({ length: 24 * 14 }, (_, i) => Date.UTC(2005, 3, 1) + i * MS_PER_HOUR + 17 * MS_PER_MINUTE),
      ...Array.from({ length: 24 * 14 }, (_, i) => Date.UTC(2005, 9, 25) + i * MS_PER_HOUR),
      ...Array.from({ length: 10_000 }, (_, i) => Date.UTC(2018, 0, 1) + i * 7 * MS_PER_HOUR),
    ];
    for (const ms of instants) {
      expect(clock.at(ms).today).toBe(legalDateAt(DateTime.fromMillis(ms, { zone: 'utc' })));
    }
    expect(clock.at(instants[0] as number).now.toMillis()).toBe(instants[0]);
  });
});
