import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The counter PC's own settings (`counter-settings.json` in Electron's userData folder). The shell
 * remembers the counter the clerk signed in at, so the next start opens it again.
 */
export interface CounterShellSettings {
  /** The hub's address on the LAN; the shell shows `<hubUrl>/counter/`. */
  hubUrl: string;
  counterId: string | null;
  startAtLogin: boolean;
  /** Open as the small always-on-top bar instead of the full window. */
  startCompact: boolean;
}

export const DEFAULT_COUNTER_SHELL_SETTINGS: Readonly<CounterShellSettings> = {
  hubUrl: 'http://localhost:8080',
  counterId: null,
  startAtLogin: false,
  startCompact: false,
};

const HUB_URL = /^https?:\/\/[^\s/]+(:\d+)?\/?$/;
const COUNTER_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function isCounterId(value: unknown): value is string {
  return typeof value === 'string' && COUNTER_ID.test(value);
}

/** Checks a parsed settings object field by field: a wrong field falls back to its default and is reported. */
export function parseCounterShellSettings(input: unknown): { settings: CounterShellSettings; problems: string[] } {
  const settings: CounterShellSettings = { ...DEFAULT_COUNTER_SHELL_SETTINGS };
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { settings, problems: ['the file must hold a JSON object'] };
  }
  const raw = input as Record<string, unknown>;
  if (raw.hubUrl !== undefined) {
    if (typeof raw.hubUrl === 'string' && HUB_URL.test(raw.hubUrl)) settings.hubUrl = raw.hubUrl.replace(/\/$/, '');
    else problems.push('hubUrl: http://<máy chủ>:<cổng> / http://<host>:<port>');
  }
  if (raw.counterId !== undefined && raw.counterId !== null) {
    if (isCounterId(raw.counterId)) settings.counterId = raw.counterId;
    else problems.push('counterId: a counter id such as "quay-1"');
  }
  for (const key of ['startAtLogin', 'startCompact'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] === 'boolean') settings[key] = raw[key];
    else problems.push(`${key}: true or false`);
  }
  return { settings, problems };
}

/** Reads the settings; a missing or damaged file gives defaults, so the counter still comes up. */
export function loadCounterShellSettings(path: string): { settings: CounterShellSettings; problem: string | null } {
  if (!existsSync(path)) return { settings: { ...DEFAULT_COUNTER_SHELL_SETTINGS }, problem: null };
  try {
    const { settings, problems } = parseCounterShellSettings(JSON.parse(readFileSync(path, 'utf8')));
    return { settings, problem: problems.length > 0 ? problems.join('; ') : null };
  } catch (error) {
    return { settings: { ...DEFAULT_COUNTER_SHELL_SETTINGS }, problem: `unreadable JSON: ${(error as Error).message}` };
  }
}

export function saveCounterShellSettings(path: string, settings: CounterShellSettings): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(settings, null, 2)}\n`);
}

/** The page a window shows: the counter app on the hub, with the remembered counter preselected. */
export function counterPageUrl(settings: CounterShellSettings, compact: boolean): string {
  const url = new URL('/counter/', settings.hubUrl);
  if (settings.counterId) url.searchParams.set('counter', settings.counterId);
  if (compact) url.searchParams.set('compact', '1');
  return url.href;
}

export const COMPACT_BAR_SIZE = { width: 420, height: 90 } as const;

export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The compact bar sits in the bottom-right corner of the screen, above the taskbar, clear of the edge. */
export function compactBarBounds(workArea: WorkArea, margin = 16): WorkArea {
  return {
    x: workArea.x + Math.max(0, workArea.width - COMPACT_BAR_SIZE.width - margin),
    y: workArea.y + Math.max(0, workArea.height - COMPACT_BAR_SIZE.height - margin),
    ...COMPACT_BAR_SIZE,
  };
}

/** Keys that work while the clerk is in another program: Ctrl+Alt plus the letter shown on the button. */
export const GLOBAL_SHORTCUTS: Record<string, 'callNext' | 'recall' | 'finish' | 'noShow'> = {
  'CommandOrControl+Alt+N': 'callNext',
  'CommandOrControl+Alt+L': 'recall',
  'CommandOrControl+Alt+H': 'finish',
  'CommandOrControl+Alt+V': 'noShow',
};

/** A notification asked for by the page: short plain text only, so the page cannot flood the desktop. */
export function sanitizeNotification(title: unknown, body: unknown): { title: string; body: string } | null {
  if (typeof title !== 'string' || typeof body !== 'string' || title.trim() === '') return null;
  return { title: title.slice(0, 80), body: body.slice(0, 200) };
}
