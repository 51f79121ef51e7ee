import { DateTime } from 'luxon';
import { pastInstant } from '../../src/timeTravel/pastInstant';
import type { Instant } from '../../src/shared/time';

const NOW = DateTime.fromISO('2025-06-15T18:00:00Z', { zone: 'utc' });
const instant = (text: string) => text as Instant;

describe('an instant to see the registry as of', () => {
  it('is taken as it is up to now', () => {
    expect(pastInstant(instant('2025-06-15T17:59:59.999Z'), NOW, 'at')).toBe('2025-06-15T17:59:59.999Z');
  });

  it.each(['2025-06-16T05:59:59.999Z', '2025-06-16T05:59:59.000Z', '2025-06-16T05:59:59.500Z'])(
    'means now at the last second of today in Mexico City, with milliseconds or not (%s)',
    (text) => {
      expect(pastInstant(instant(text), NOW, 'at')).toBe('2025-06-15T18:00:00.000Z');
    },
  );

  it.each(['2025-06-16T05:59:58.999Z', '2025-06-16T06:00:00.000Z', '2025-06-15T18:00:00.001Z'])('is refused after now otherwise (%s)', (text) => {
    expect(() => pastInstant(instant(text), NOW, 'at')).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'at', rule: 'instant-in-future' })] }));
  });
});
