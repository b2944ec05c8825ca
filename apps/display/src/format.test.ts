import { describe, expect, it } from 'vitest';
import { formatClock, formatTimeOfDay } from './format.js';

describe('formatClock', () => {
  it('shows the office time, 24-hour, with the Vietnamese weekday and a dd/mm/yyyy date', () => {
    // 2026-11-30 02:05:09 UTC is Monday 09:05:09 in Hà Nội.
    const at = Date.UTC(2026, 10, 30, 2, 5, 9);
    expect(formatClock(at, 'Asia/Ho_Chi_Minh')).toEqual({ time: '09:05', seconds: '09', date: 'Thứ Hai, 30/11/2026' });
    expect(formatTimeOfDay(at, 'Asia/Ho_Chi_Minh')).toBe('09:05:09');
    expect(formatClock(at, 'UTC').time).toBe('02:05');
  });
});
