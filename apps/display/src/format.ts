/** Clock and date in the office's time zone, Vietnamese style: "14:05", "Thứ Hai, 30/11/2026". */
export function formatClock(epochMs: number, timeZone: string): { time: string; seconds: string; date: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('vi-VN', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      weekday: 'long',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    })
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string | undefined>;
  const weekday = (parts.weekday ?? '').replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase('vi'));
  return {
    time: `${parts.hour ?? '--'}:${parts.minute ?? '--'}`,
    seconds: parts.second ?? '--',
    date: `${weekday}, ${parts.day ?? ''}/${parts.month ?? ''}/${parts.year ?? ''}`,
  };
}

/** "14:05:09" in the office's time zone. */
export function formatTimeOfDay(epochMs: number, timeZone: string): string {
  const clock = formatClock(epochMs, timeZone);
  return `${clock.time}:${clock.seconds}`;
}
