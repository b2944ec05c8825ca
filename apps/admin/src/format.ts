import { adminVi } from './i18n/strings';
/** "1 giờ 05 phút", "12 phút", "45 giây": a span of time as staff say it. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return adminVi('duration.seconds', { seconds: s });
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return adminVi('duration.minutes', { minutes, seconds: String(s % 60).padStart(2, '0') });
  return adminVi('duration.hours', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
}

/** "07:45" in the office's time zone. */
export function formatClock(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );
}

export function formatDateTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

/** YYYY-MM-DD of a moment in the office's time zone. */
export function isoDateIn(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return parts;
}

/** "2026-04-26" ↔ "26/04/2026": the way dates are written in Vietnam (core's, shared with the hub's exports). */
export { formatDayVi as formatIsoDate, parseDayVi as parseVietnameseDate } from '@motcua/core';

/** "26/04/2026 07:45" in the office's time zone: the audit log's and reports' local time. */
export function formatLocalDateTime(at: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
