import { describe, expect, it } from 'vitest';
import { formatDayVi, localTime, parseDayVi } from './officeTime.js';

describe('dates as Vietnamese offices write them (dd/mm/yyyy)', () => {
  it('formats an ISO day as dd/mm/yyyy', () => {
    expect(formatDayVi('2026-12-03')).toBe('03/12/2026');
  });

  it('reads dd/mm/yyyy, d/m/yyyy and the - or . separators; refuses days that do not exist', () => {
    expect(parseDayVi('03/12/2026')).toBe('2026-12-03');
    expect(parseDayVi(' 3/7/2026 ')).toBe('2026-07-03');
    expect(parseDayVi('29.02.2028')).toBe('2028-02-29');
    expect(parseDayVi('29-02-2026')).toBeNull();
    expect(parseDayVi('31/04/2026')).toBeNull();
    expect(parseDayVi('2026-12-03')).toBeNull();
    expect(parseDayVi('12/2026')).toBeNull();
  });
});

describe('localTime: the office wall clock', () => {
  const hanoi = 'Asia/Ho_Chi_Minh';
  // 2026-12-03 08:59:30 in Hà Nội (UTC+7), a Thursday.
  const at = Date.UTC(2026, 11, 3, 1, 59, 30);

  it('reads the date, hour, minute and ISO weekday in the office time zone', () => {
    expect(localTime(at, hanoi)).toEqual({ date: '2026-12-03', hour: 8, minute: 59, weekday: 4, clock: '08:59' });
  });

  it('gives the right reading across minutes, days and interleaved time zones (the per-minute memo never leaks)', () => {
    expect(localTime(at + 29_000, hanoi).clock).toBe('08:59');
    expect(localTime(at + 30_000, hanoi).clock).toBe('09:00');
    expect(localTime(at, 'UTC')).toMatchObject({ date: '2026-12-03', clock: '01:59' });
    expect(localTime(at + 30_000, hanoi).clock).toBe('09:00');
    expect(localTime(Date.UTC(2026, 11, 6, 17, 0), hanoi)).toMatchObject({ date: '2026-12-07', weekday: 1 });
    expect(localTime(at - 60_000, hanoi).clock).toBe('08:58');
  });

  it('hands out a copy: a caller changing its reading does not change the next one', () => {
    const first = localTime(at, hanoi);
    first.hour = 23;
    expect(localTime(at, hanoi).hour).toBe(8);
  });
});
