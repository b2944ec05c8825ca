import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatDayVi,
  localTime,
  nextDate,
  officeClock,
  officeInstant,
  parseDayVi,
  timeZoneOffsetMs,
  zonedEpoch,
} from './officeTime.js';

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

describe("the office's calendar and wall clock, the one copy reports, bookings and holidays use", () => {
  it('moves a calendar date by whole days, across months, years and leap days, both ways', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-01-15', 0)).toBe('2026-01-15');
    expect(addDays('2026-01-01', -365)).toBe('2025-01-01');
    expect(nextDate('2026-02-28')).toBe('2026-03-01');
  });

  it("knows Vietnam's offset (+7 h, no daylight saving) and the instant of a wall-clock time there", () => {
    const at = Date.UTC(2026, 6, 1, 1, 30); // 08:30 in Hà Nội
    expect(timeZoneOffsetMs(at, 'Asia/Ho_Chi_Minh')).toBe(7 * 3_600_000);
    expect(zonedEpoch('2026-07-01', '08:30', 'Asia/Ho_Chi_Minh')).toBe(at);
    expect(officeInstant('2026-07-01', 17, 'Asia/Ho_Chi_Minh')).toBe(Date.UTC(2026, 6, 1, 10));
    expect(officeClock(at, 'Asia/Ho_Chi_Minh')).toBe('08:30');
    // Midnight belongs to the date it starts.
    expect(officeInstant('2026-01-01', 0, 'Asia/Ho_Chi_Minh')).toBe(Date.UTC(2025, 11, 31, 17));
  });

  it('settles the offset across a daylight-saving change (an office abroad)', () => {
    // Berlin moves from +1 to +2 at 02:00 on 2026-03-29.
    expect(zonedEpoch('2026-03-28', '12:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 11));
    expect(zonedEpoch('2026-03-29', '12:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 10));
    expect(timeZoneOffsetMs(Date.UTC(2026, 2, 29, 10), 'Europe/Berlin')).toBe(2 * 3_600_000);
    for (const clock of ['00:00', '06:45', '23:59']) {
      const at = zonedEpoch('2026-10-25', clock, 'Europe/Berlin');
      expect(localTime(at, 'Europe/Berlin')).toMatchObject({ date: '2026-10-25', clock });
    }
  });
});
