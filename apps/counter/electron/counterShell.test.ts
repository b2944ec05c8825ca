import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  compactBarBounds,
  counterPageUrl,
  DEFAULT_COUNTER_SHELL_SETTINGS,
  GLOBAL_SHORTCUTS,
  loadCounterShellSettings,
  parseCounterShellSettings,
  sanitizeNotification,
  saveCounterShellSettings,
} from './counterShell';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'counter-shell-'));
  dirs.push(dir);
  return join(dir, 'nested', 'counter-settings.json');
}

describe('counter shell settings', () => {
  it('remembers the counter across restarts', () => {
    const path = tempFile();
    expect(loadCounterShellSettings(path)).toEqual({ settings: DEFAULT_COUNTER_SHELL_SETTINGS, problem: null });
    saveCounterShellSettings(path, {
      ...DEFAULT_COUNTER_SHELL_SETTINGS,
      hubUrl: 'http://192.168.1.10:8080',
      counterId: 'quay-3',
    });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ counterId: 'quay-3' });
    expect(loadCounterShellSettings(path).settings).toMatchObject({
      hubUrl: 'http://192.168.1.10:8080',
      counterId: 'quay-3',
    });
  });

  it('keeps the good fields of a damaged file and says what is wrong', () => {
    const { settings, problems } = parseCounterShellSettings({
      hubUrl: 'ftp://nope',
      counterId: 'quầy 1',
      startAtLogin: true,
      startCompact: 'yes',
    });
    expect(settings).toEqual({ ...DEFAULT_COUNTER_SHELL_SETTINGS, startAtLogin: true });
    expect(problems).toHaveLength(3);
    const path = tempFile();
    saveCounterShellSettings(path, DEFAULT_COUNTER_SHELL_SETTINGS);
    writeFileSync(path, '{ not json');
    expect(loadCounterShellSettings(path).problem).toMatch(/unreadable JSON/);
  });

  it('opens the remembered counter, full or as the compact bar', () => {
    const settings = { ...DEFAULT_COUNTER_SHELL_SETTINGS, hubUrl: 'http://10.0.0.2:8080/', counterId: 'quay-2' };
    const parsed = parseCounterShellSettings(settings).settings;
    expect(counterPageUrl(parsed, false)).toBe('http://10.0.0.2:8080/counter/?counter=quay-2');
    expect(counterPageUrl(parsed, true)).toBe('http://10.0.0.2:8080/counter/?counter=quay-2&compact=1');
    expect(counterPageUrl(DEFAULT_COUNTER_SHELL_SETTINGS, false)).toBe('http://localhost:8080/counter/');
  });
});

describe('compact bar', () => {
  it('sits 420×90 in the bottom-right corner of the work area, also on a second monitor', () => {
    expect(compactBarBounds({ x: 0, y: 0, width: 1920, height: 1040 })).toEqual({
      x: 1484,
      y: 934,
      width: 420,
      height: 90,
    });
    expect(compactBarBounds({ x: 1920, y: 0, width: 1366, height: 728 })).toMatchObject({ x: 1920 + 930, y: 622 });
  });

  it('has a global shortcut for each of its buttons, with the letter shown on the button', () => {
    expect(Object.values(GLOBAL_SHORTCUTS).sort()).toEqual(['callNext', 'finish', 'noShow', 'recall']);
    expect(Object.keys(GLOBAL_SHORTCUTS).every((k) => k.startsWith('CommandOrControl+Alt+'))).toBe(true);
  });

  it('passes only short plain-text notifications from the page', () => {
    expect(sanitizeNotification('Có công dân đang chờ', 'x'.repeat(500))?.body).toHaveLength(200);
    expect(sanitizeNotification(42, 'x')).toBeNull();
    expect(sanitizeNotification(' ', 'x')).toBeNull();
  });
});
