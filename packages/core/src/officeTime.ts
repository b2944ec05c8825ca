import type { Office, WeeklyHours } from './schemas.js';

/** A moment as read on the office's wall clock. */
export interface LocalTime {
  date: string; // YYYY-MM-DD
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:MM" */
  clock: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * The last reading per time zone, by whole minute: every time zone's offset is a whole number of minutes, so
 * two moments in the same UTC minute read the same on the wall clock. The hub asks for the local time on every
 * command (opening hours, the service day), and `formatToParts` is the costliest step of issuing a ticket.
 */
const lastReading = new Map<string, { minute: number; local: LocalTime }>();

export function localTime(at: number, timeZone: string): LocalTime {
  const minute = Math.floor(at / 60_000);
  const last = lastReading.get(timeZone);
  if (last?.minute === minute) return { ...last.local };
  const local = readLocalTime(at, timeZone);
  lastReading.set(timeZone, { minute, local });
  return { ...local };
}

function readLocalTime(at: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour,
    minute,
    weekday: weekdays[parts.weekday ?? ''] ?? 1,
    clock: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
  };
}

/** The calendar date `days` after `date` (YYYY-MM-DD; `days` may be negative), computed without a time zone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The calendar date after `date` (YYYY-MM-DD). */
export function nextDate(date: string): string {
  return addDays(date, 1);
}

/** Milliseconds the office's wall clock is ahead of UTC at `at` (Vietnam: 7 h, all year). */
export function timeZoneOffsetMs(at: number, timeZone: string): number {
  const local = localTime(at, timeZone);
  const [y, m, d] = local.date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, local.hour, local.minute);
  return wall - Math.floor(at / 60_000) * 60_000;
}

/** The instant the office's wall clock shows `clock` ("HH:MM") on `date`. */
export function zonedEpoch(date: string, clock: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  // Two rounds settle the zone's offset, also across a daylight-saving change.
  let at = wall - timeZoneOffsetMs(wall, timeZone);
  at = wall - timeZoneOffsetMs(at, timeZone);
  return at;
}

/** The instant the office's wall clock shows `date` at `hour`:00. */
export function officeInstant(date: string, hour: number, timeZone: string): number {
  return zonedEpoch(date, `${String(hour).padStart(2, '0')}:00`, timeZone);
}

/** "HH:MM" of a moment in the office's time zone, for messages such as "come back from 08:30". */
export function officeClock(at: number, timeZone: string): string {
  return localTime(at, timeZone).clock;
}

/**
 * The service day a moment belongs to. The day closes at `dayCloseHour` local time; after that
 * hour, the moment belongs to the next calendar day. With `dayCloseHour` 0 it is the local date.
 */
export function serviceDayOf(at: number, office: Pick<Office, 'timeZone' | 'dayCloseHour'>): string {
  const local = localTime(at, office.timeZone);
  if (office.dayCloseHour > 0 && local.hour >= office.dayCloseHour) return nextDate(local.date);
  return local.date;
}

export type OpeningCheck =
  | { open: true }
  | { open: false; reason: 'holiday' | 'closedToday' | 'beforeOpening' | 'afterClosing'; nextOpening: string | null };

/**
 * Whether a moment falls inside the weekly opening hours and outside the holidays.
 * `nextOpening` is "HH:MM" today, or "YYYY-MM-DD HH:MM" on a later day, for the screen to say when to come back.
 */
export function checkOpeningHours(at: number, hours: WeeklyHours, timeZone: string, holidays: string[]): OpeningCheck {
  const local = localTime(at, timeZone);
  // Only a refusal needs the next opening; the open case is every ticket issued.
  const closed = (reason: 'holiday' | 'closedToday' | 'beforeOpening' | 'afterClosing'): OpeningCheck => ({
    open: false,
    reason,
    nextOpening: findNextOpening(local, hours, holidays),
  });
  if (holidays.includes(local.date)) return closed('holiday');
  const today = hours[String(local.weekday) as keyof WeeklyHours] ?? [];
  if (today.length === 0) return closed('closedToday');
  if (today.some((range) => range.from <= local.clock && local.clock < range.to)) return { open: true };
  return closed(today.some((range) => range.from > local.clock) ? 'beforeOpening' : 'afterClosing');
}

/** The first opening on a later day than `at`'s ("YYYY-MM-DD HH:MM"), for what opens only tomorrow. */
export function nextOpeningAfterToday(
  at: number,
  hours: WeeklyHours,
  timeZone: string,
  holidays: string[],
): string | null {
  // A clock past every range skips the rest of today.
  return findNextOpening({ ...localTime(at, timeZone), clock: '24:00' }, hours, holidays);
}

function findNextOpening(local: LocalTime, hours: WeeklyHours, holidays: string[]): string | null {
  if (!holidays.includes(local.date)) {
    const today = hours[String(local.weekday) as keyof WeeklyHours] ?? [];
    const later = today.filter((r) => r.from > local.clock).sort((a, b) => a.from.localeCompare(b.from))[0];
    if (later) return later.from;
  }
  let date = local.date;
  let weekday = local.weekday;
  for (let i = 0; i < 60; i++) {
    date = nextDate(date);
    weekday = (weekday % 7) + 1;
    if (holidays.includes(date)) continue;
    const ranges = hours[String(weekday) as keyof WeeklyHours] ?? [];
    const first = [...ranges].sort((a, b) => a.from.localeCompare(b.from))[0];
    if (first) return `${date} ${first.from}`;
  }
  return null;
}

/** A service day (ISO yyyy-mm-dd) as Vietnamese offices write it: dd/mm/yyyy. */
export function formatDayVi(isoDay: string): string {
  const [year = '', month = '', day = ''] = isoDay.split('-');
  return `${day}/${month}/${year}`;
}

/** A date typed as d/m/yyyy or dd/mm/yyyy (also with - or .), as an ISO day; null if it is no real date. */
export function parseDayVi(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
