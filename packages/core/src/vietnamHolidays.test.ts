import { describe, expect, it } from 'vitest';
import { solarDateOfLunar } from './lunarCalendar.js';
import { vietnamPublicHolidays } from './vietnamHolidays.js';

describe('Vietnamese lunar calendar', () => {
  it('puts Tết (1/1 âm lịch) on the dates Vietnam celebrated it', () => {
    const tet: Record<number, string> = {
      2007: '2007-02-17', // China: 18/02 (UTC+8)
      2020: '2020-01-25',
      2021: '2021-02-12',
      2022: '2022-02-01',
      2023: '2023-01-22',
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2030: '2030-02-02', // New moon 16:07 UTC: 23:07 in Hà Nội, past midnight in Beijing (China: 03/02)
    };
    for (const [year, date] of Object.entries(tet)) expect(solarDateOfLunar(1, 1, Number(year))).toBe(date);
  });

  it('Tết 1985 is 21/01 in Vietnam, a month before China’s', () => {
    expect(solarDateOfLunar(1, 1, 1985)).toBe('1985-01-21');
  });

  it('puts Giỗ Tổ Hùng Vương (10/3 âm lịch) on its known dates, across a leap year (2023 had a leap 2nd month)', () => {
    expect(solarDateOfLunar(10, 3, 2023)).toBe('2023-04-29');
    expect(solarDateOfLunar(10, 3, 2024)).toBe('2024-04-18');
    expect(solarDateOfLunar(10, 3, 2025)).toBe('2025-04-07');
    expect(solarDateOfLunar(10, 3, 2026)).toBe('2026-04-26');
  });
});

describe('Vietnam public holidays', () => {
  it('lists 2026: New Year, five days of Tết, Giỗ Tổ, 30/4, 1/5 and Quốc khánh with its adjacent day', () => {
    expect(vietnamPublicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(vietnamPublicHolidays(2026).find((h) => h.date === '2026-04-26')?.name.vi).toContain('Giỗ Tổ');
  });
});
