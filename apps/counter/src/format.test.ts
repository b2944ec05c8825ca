import { describe, expect, it } from 'vitest';
import { formatDuration, minutesSince } from './format';

describe('formatDuration', () => {
  it('reads like a stopwatch', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_729_000)).toBe('1:02:09');
    expect(formatDuration(-5_000)).toBe('0:00');
  });
  it('counts whole minutes waited', () => {
    expect(minutesSince(0, 59_999)).toBe(0);
    expect(minutesSince(0, 12 * 60_000 + 5)).toBe(12);
  });
});
