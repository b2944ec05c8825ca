import { formatStopwatch } from '@motcua/ui';

/** "4:05" for a running timer of `ms` milliseconds, "1:02:09" past an hour. */
export function formatDuration(ms: number): string {
  return formatStopwatch(ms / 1000);
}

/** Whole minutes waited, for the waiting list ("12 phút"). */
export function minutesSince(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 60_000));
}
