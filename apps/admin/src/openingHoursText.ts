import { adminVi } from './i18n/strings';
import type { WeeklyHours } from '@motcua/core';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Weekly hours as one line an admin can edit: "1-5 07:30-11:30 13:30-17:00; 6 07:30-11:30". */
export function formatOpeningHours(hours: WeeklyHours): string {
  const parts: string[] = [];
  let i = 0;
  while (i < DAYS.length) {
    const day = DAYS[i] as (typeof DAYS)[number];
    const ranges = (hours[day] ?? []).map((r) => `${r.from}-${r.to}`).join(' ');
    let j = i;
    while (
      j + 1 < DAYS.length &&
      (hours[DAYS[j + 1] as (typeof DAYS)[number]] ?? []).map((r) => `${r.from}-${r.to}`).join(' ') === ranges
    )
      j++;
    if (ranges) parts.push(`${i === j ? day : `${day}-${DAYS[j]}`} ${ranges}`);
    i = j + 1;
  }
  return parts.join('; ');
}

/** The reverse of formatOpeningHours; throws a message the admin can act on. */
export function parseOpeningHours(text: string): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [days, ...ranges] = part.split(/\s+/);
    const match = /^([1-7])(?:-([1-7]))?$/.exec(days ?? '');
    if (!match) throw new Error(adminVi('openingHours.badDays', { part }));
    const first = Number(match[1]);
    const last = Number(match[2] ?? match[1]);
    const parsed = ranges.map((r) => {
      const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(r);
      if (!m) throw new Error(adminVi('openingHours.badRange', { range: r }));
      return { from: m[1] as string, to: m[2] as string };
    });
    for (let d = first; d <= last; d++) hours[String(d) as (typeof DAYS)[number]] = parsed;
  }
  return hours;
}
