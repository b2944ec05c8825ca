import { describe, expect, it } from 'vitest';
import { formatOpeningHours, parseOpeningHours } from './openingHoursText';

describe('opening hours as one editable line', () => {
  it('groups weekdays with the same hours and reads them back', () => {
    const text = '1-5 07:30-11:30 13:30-17:00; 6 07:30-11:30';
    const hours = parseOpeningHours(text);
    expect(hours['3']).toEqual([
      { from: '07:30', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ]);
    expect(hours['7']).toBeUndefined();
    expect(formatOpeningHours(hours)).toBe(text);
  });
  it('explains a malformed line in Vietnamese', () => {
    expect(() => parseOpeningHours('Mon 07:30-11:30')).toThrow(/thứ phải là số/);
    expect(() => parseOpeningHours('1 7h30-11h')).toThrow(/giờ phải có dạng/);
  });
});
