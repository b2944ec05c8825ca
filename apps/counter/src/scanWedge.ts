/**
 * A USB barcode/QR scanner is a keyboard (a "keyboard wedge"): it types the code and Enter faster than
 * any hand. Outside a text field the clerk's letter keys are shortcuts ("H" finishes), so the counter
 * holds each key for a moment and reads a burst of fast keys as one scan instead of a run of shortcuts.
 */

/** Keys of one scan arrive closer together than this; a hand is several times slower. */
export const SCAN_KEY_GAP_MS = 40;
/** A dossier code is at least this long; shorter bursts are keys pressed together by hand. */
export const SCAN_MIN_LENGTH = 3;
/** How long a lone key waits for the next one before it counts as a shortcut. */
export const SHORTCUT_HOLD_MS = 2 * SCAN_KEY_GAP_MS;

export interface HeldKey {
  key: string;
  /** `event.timeStamp`, milliseconds. */
  at: number;
}

export type HeldKeysMeaning = { kind: 'scan'; code: string } | { kind: 'shortcut'; key: string } | { kind: 'none' };

/**
 * What the held keys mean once the burst ended: with Enter (`enterAt`) or when no key followed in
 * SHORTCUT_HOLD_MS (`enterAt` null). Several slow keys without Enter are a clerk's fumble: only the first counts.
 */
export function readHeldKeys(keys: readonly HeldKey[], enterAt: number | null): HeldKeysMeaning {
  const first = keys[0];
  if (!first) return { kind: 'none' };
  const times = enterAt === null ? keys.map((k) => k.at) : [...keys.map((k) => k.at), enterAt];
  const fast = times.every((at, i) => i === 0 || at - (times[i - 1] ?? at) <= SCAN_KEY_GAP_MS);
  if (fast && keys.length >= SCAN_MIN_LENGTH) return { kind: 'scan', code: keys.map((k) => k.key).join('') };
  return { kind: 'shortcut', key: first.key };
}

/** Printable single characters are held; Enter ends a burst; everything else passes straight through. */
export function isHeldKey(event: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean }): boolean {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.altKey && !event.metaKey;
}
