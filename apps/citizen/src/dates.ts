import type { Language } from '@motcua/core';
import { isoWeekdayOf } from '@motcua/core';

const weekdaysVi = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const weekdaysEn = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Thứ Hai, 30/11/2026" or "Monday 30/11/2026": the day as people say it, from YYYY-MM-DD. */
export function dayLabel(day: string, language: Language): string {
  const [y, m, d] = day.split('-');
  const weekday = (language === 'en' ? weekdaysEn : weekdaysVi)[isoWeekdayOf(day)] ?? '';
  return language === 'en' ? `${weekday} ${d}/${m}/${y}` : `${weekday}, ${d}/${m}/${y}`;
}

/** "ABCD 2345": a booking code in two groups, easier to read out and type. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}
