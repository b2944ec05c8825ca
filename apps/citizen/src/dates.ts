import type { Language } from '@motcua/core';
import { isoWeekdayOf } from '@motcua/core';
import { fillText } from '@motcua/ui';
import { citizenStrings, type CitizenStringKey } from './i18n/strings';

/** "Thứ Hai, 30/11/2026" or "Monday 30/11/2026": the day as people say it, from YYYY-MM-DD. */
export function dayLabel(day: string, language: Language): string {
  const [y, m, d] = day.split('-');
  const weekday = citizenStrings[`weekday.${isoWeekdayOf(day)}` as CitizenStringKey];
  return fillText(citizenStrings['date.day'][language], { weekday, date: `${d}/${m}/${y}` }, language);
}

/** "ABCD 2345": a booking code in two groups, easier to read out and type. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}
