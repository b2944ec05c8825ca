import { existsSync, readFileSync } from 'node:fs';

/**
 * The display PC's own settings (`display-settings.json` in Electron's userData folder), written by
 * whoever installs the screen. Everything about the office (ticker, voice, counters) lives on the hub.
 */
export interface DisplayShellSettings {
  /** The hub's address on the LAN; the shell shows `<hubUrl>/display/`. */
  hubUrl: string;
  /** Which monitor, counted from the left starting at 1; the primary monitor when null or not connected. */
  monitor: number | null;
  /** Electron's display id, a fixed choice that survives re-ordering; wins over `monitor` when connected. */
  monitorId: number | null;
  /** A small screen above one counter: its number or id (3 or "quay-3"); null for the waiting-room board. */
  counter: string | number | null;
  /** Lets this screen speak or not; null keeps the default (the board speaks, a counter screen does not). */
  voice: boolean | null;
  startAtLogin: boolean;
}

export const DEFAULT_DISPLAY_SHELL_SETTINGS: Readonly<DisplayShellSettings> = {
  hubUrl: 'http://localhost:8080',
  monitor: null,
  monitorId: null,
  counter: null,
  voice: null,
  startAtLogin: true,
};

const HUB_URL = /^https?:\/\/[^\s/]+(:\d+)?\/?$/;

/** Checks a parsed settings object field by field; returns the settings or the list of problems. */
export function parseDisplayShellSettings(input: unknown): { settings: DisplayShellSettings; problems: string[] } {
  const settings: DisplayShellSettings = { ...DEFAULT_DISPLAY_SHELL_SETTINGS };
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { settings, problems: ['the file must hold a JSON object'] };
  }
  const raw = input as Record<string, unknown>;
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  if (raw.hubUrl !== undefined) {
    if (typeof raw.hubUrl === 'string' && HUB_URL.test(raw.hubUrl)) settings.hubUrl = raw.hubUrl;
    else problems.push('hubUrl: http://<máy chủ>:<cổng> / http://<host>:<port>');
  }
  if (raw.monitor !== undefined && raw.monitor !== null) {
    if (isInt(raw.monitor) && raw.monitor >= 1 && raw.monitor <= 16) settings.monitor = raw.monitor;
    else problems.push('monitor: 1–16 (counted from the left)');
  }
  if (raw.monitorId !== undefined && raw.monitorId !== null) {
    if (isInt(raw.monitorId)) settings.monitorId = raw.monitorId;
    else problems.push('monitorId: an Electron display id');
  }
  if (raw.counter !== undefined && raw.counter !== null) {
    const ok =
      (isInt(raw.counter) && raw.counter >= 1) ||
      (typeof raw.counter === 'string' && raw.counter.trim().length > 0 && raw.counter.length <= 40);
    if (ok) settings.counter = raw.counter as string | number;
    else problems.push('counter: a counter number or id');
  }
  if (raw.voice !== undefined && raw.voice !== null) {
    if (typeof raw.voice === 'boolean') settings.voice = raw.voice;
    else problems.push('voice: true or false');
  }
  if (raw.startAtLogin !== undefined) {
    if (typeof raw.startAtLogin === 'boolean') settings.startAtLogin = raw.startAtLogin;
    else problems.push('startAtLogin: true or false');
  }
  return { settings, problems };
}

/** Reads the settings; a missing or damaged file gives the defaults for what is wrong, so the screen still comes up. */
export function loadDisplayShellSettings(path: string): { settings: DisplayShellSettings; problem: string | null } {
  if (!existsSync(path)) return { settings: { ...DEFAULT_DISPLAY_SHELL_SETTINGS }, problem: null };
  try {
    const { settings, problems } = parseDisplayShellSettings(JSON.parse(readFileSync(path, 'utf8')));
    return { settings, problem: problems.length > 0 ? problems.join('; ') : null };
  } catch (error) {
    return { settings: { ...DEFAULT_DISPLAY_SHELL_SETTINGS }, problem: `unreadable JSON: ${(error as Error).message}` };
  }
}

/** The page the shell shows: the hub's display app, for the board or for one counter. */
export function displayPageUrl(settings: DisplayShellSettings): string {
  const url = new URL('/display/', settings.hubUrl);
  if (settings.counter !== null) url.searchParams.set('counter', String(settings.counter));
  if (settings.voice !== null) url.searchParams.set('voice', settings.voice ? 'on' : 'off');
  return url.href;
}

export interface MonitorInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The monitor to show the board on: by Electron id when that monitor is connected, else by position
 * (1 = leftmost, then top to bottom), else the primary one. Plain function: Electron passes its list.
 */
export function chooseMonitor<T extends MonitorInfo>(
  monitors: readonly T[],
  choice: Pick<DisplayShellSettings, 'monitor' | 'monitorId'>,
  primaryId: number,
): T | null {
  if (monitors.length === 0) return null;
  if (choice.monitorId !== null) {
    const byId = monitors.find((m) => m.id === choice.monitorId);
    if (byId) return byId;
  }
  if (choice.monitor !== null) {
    const ordered = [...monitors].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
    const byPosition = ordered[choice.monitor - 1];
    if (byPosition) return byPosition;
  }
  return monitors.find((m) => m.id === primaryId) ?? monitors[0] ?? null;
}

/** Waits before loading the page again after the hub could not be reached (the PC often boots first). */
export function reloadDelayMs(failuresInARow: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, failuresInARow - 1));
}
