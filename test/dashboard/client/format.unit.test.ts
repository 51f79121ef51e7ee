import { endOfDayInMexicoCity, formatDate, todayInMexicoCity } from '../../../src/dashboard/client/format';
import { tokenFromFragment } from '../../../src/dashboard/client/token';

describe('dates as the dashboard shows and asks for them', () => {
  it('shows a legal date as that calendar day, whatever the time zone', () => {
    expect(formatDate('2025-01-01')).toMatch(/^1 ene\.? 2025$/);
    expect(formatDate(null)).toBe('—');
  });

  it('asks for the registry as of the last instant of a day in Mexico City', () => {
    expect(endOfDayInMexicoCity('2025-06-15')).toBe('2025-06-16T05:59:59.999Z');
    // Mexico City kept summer time until October 2022.
    expect(endOfDayInMexicoCity('2019-07-01')).toBe('2019-07-02T04:59:59.999Z');
    expect(endOfDayInMexicoCity('2019-12-31')).toBe('2020-01-01T05:59:59.999Z');
    expect(endOfDayInMexicoCity('31/12/2019')).toBeUndefined();
  });

  it("tells today's date in Mexico City", () => {
    expect(todayInMexicoCity(new Date('2025-06-16T05:30:00Z'))).toBe('2025-06-15');
  });
});

describe('a token handed in the address', () => {
  it('is taken out of the fragment, leaving the rest', () => {
    expect(tokenFromFragment('#token=abc.def.ghi')).toEqual({ token: 'abc.def.ghi', rest: '' });
    expect(tokenFromFragment('#token=abc&vista=mapa')).toEqual({ token: 'abc', rest: '#vista=mapa' });
    expect(tokenFromFragment('#vista=mapa')).toEqual({ token: undefined, rest: '#vista=mapa' });
    expect(tokenFromFragment('')).toEqual({ token: undefined, rest: '' });
  });
});
