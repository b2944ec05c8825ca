import { solarDateOfLunar } from './lunarCalendar.js';
import { addDays } from './officeTime.js';
import type { LocalizedName } from './schemas.js';

export interface PublicHoliday {
  /** YYYY-MM-DD */
  date: string;
  name: LocalizedName;
}

/**
 * Vietnam's public holidays of a solar year (Bộ luật Lao động 2019, Điều 112): Tết Dương lịch, five days of Tết
 * Nguyên đán (the last day of the lunar year and mùng 1–4, the usual choice), Giỗ Tổ Hùng Vương (10/3 âm lịch),
 * 30/4, 1/5, and Quốc khánh 2/9 with 1/9. The Government may move days each year (and adds make-up days for
 * holidays on a weekend); the admin edits the list after adding it.
 */
export function vietnamPublicHolidays(year: number): PublicHoliday[] {
  const tet = solarDateOfLunar(1, 1, year);
  const tetNames = ['Tất niên (30 Tết)', 'Mùng 1 Tết', 'Mùng 2 Tết', 'Mùng 3 Tết', 'Mùng 4 Tết'];
  const holidays: PublicHoliday[] = [
    { date: `${year}-01-01`, name: { vi: 'Tết Dương lịch', en: "New Year's Day" } },
    ...tetNames.map((vi, i) => ({
      date: addDays(tet, i - 1),
      name: { vi: `Tết Nguyên đán – ${vi}`, en: `Lunar New Year (${i === 0 ? 'eve' : `day ${i}`})` },
    })),
    { date: solarDateOfLunar(10, 3, year), name: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hung Kings day' } },
    { date: `${year}-04-30`, name: { vi: 'Ngày Giải phóng miền Nam', en: 'Reunification Day' } },
    { date: `${year}-05-01`, name: { vi: 'Ngày Quốc tế Lao động', en: 'Labour Day' } },
    { date: `${year}-09-01`, name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' } },
    { date: `${year}-09-02`, name: { vi: 'Quốc khánh', en: 'National Day' } },
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}
