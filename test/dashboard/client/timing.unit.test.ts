import { debounceWait } from '../../../src/dashboard/client/timing';

describe('a debounced refresh', () => {
  it('waits its pause after the latest call of a burst', () => {
    expect(debounceWait(1_000, 1_000, 800, 3_200)).toBe(800);
    expect(debounceWait(1_000, 2_000, 800, 3_200)).toBe(800);
  });

  it('runs by the burst\'s first call plus its longest wait, however many calls keep coming', () => {
    expect(debounceWait(1_000, 3_800, 800, 3_200)).toBe(400);
    expect(debounceWait(1_000, 4_200, 800, 3_200)).toBe(0);
    expect(debounceWait(1_000, 9_000, 800, 3_200)).toBe(0);
  });
});
