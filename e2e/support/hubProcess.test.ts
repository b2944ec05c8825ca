import { officeInstant } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { testHubClockOffset } from './hubProcess.js';

const HANOI = 'Asia/Ho_Chi_Minh';
const at = (time: string) => {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return officeInstant('2026-12-04', hour, HANOI) + minute * 60_000;
};

describe('testHubClockOffset: a test hub never meets the demo office closing its day (20:00 in Hà Nội) by accident', () => {
  it('keeps the machine clock away from the close', () => {
    for (const time of ['00:00', '08:00', '12:00', '18:59', '20:00', '20:01', '23:59'])
      expect(testHubClockOffset(at(time), {}), time).toBe(0);
  });

  it('runs two hours behind when started in the hour before the close', () => {
    for (const time of ['19:00', '19:30', '19:59']) expect(testHubClockOffset(at(time), {}), time).toBe(-7_200_000);
  });

  it('takes a forced offset from MOTCUA_TEST_HUB_CLOCK_OFFSET_MS, and refuses one that is not a whole number', () => {
    expect(testHubClockOffset(at('12:00'), { MOTCUA_TEST_HUB_CLOCK_OFFSET_MS: '-3600000' })).toBe(-3_600_000);
    expect(testHubClockOffset(at('19:30'), { MOTCUA_TEST_HUB_CLOCK_OFFSET_MS: '0' })).toBe(0);
    expect(() => testHubClockOffset(at('12:00'), { MOTCUA_TEST_HUB_CLOCK_OFFSET_MS: 'soon' })).toThrow(/whole number/);
  });
});
