import type { LocalizedName } from '@motcua/core';
import { formatStopwatch, localizedText } from '@motcua/ui';
import { centralStrings } from '../i18n/strings';

/** Minutes and seconds ("12 phút 05 giây" is too long for a table: "12:05"). */
export function formatDuration(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? '—' : formatStopwatch(Math.round(seconds));
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1).replace('.', ',')}%`;
}

/** How long ago, in Vietnamese first: "12 giây trước / 12 s ago". */
export function formatAgo(at: number | null, now: number): LocalizedName {
  if (at === null) return centralStrings['ago.never'];
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return localizedText(centralStrings['ago.seconds'], { seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return localizedText(centralStrings['ago.minutes'], { minutes });
  return localizedText(centralStrings['ago.hours'], { hours: Math.round(minutes / 60) });
}

/** Today in Vietnam (YYYY-MM-DD), the default report day. */
export function todayInVietnam(now = Date.now()): string {
  return new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
}
