import { describe, expect, it } from 'vitest';
import { formatStopwatch } from './format.js';

describe('formatStopwatch', () => {
  it('reads like a stopwatch, past an hour too, and never below zero', () => {
    expect(formatStopwatch(0)).toBe('0:00');
    expect(formatStopwatch(65)).toBe('1:05');
    expect(formatStopwatch(3729)).toBe('1:02:09');
    expect(formatStopwatch(59.9)).toBe('0:59');
    expect(formatStopwatch(-5)).toBe('0:00');
  });
});
