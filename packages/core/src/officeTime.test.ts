import { describe, expect, it } from 'vitest';
import { formatDayVi, parseDayVi } from './officeTime.js';

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
