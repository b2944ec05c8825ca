import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chooseMonitor,
  displayPageUrl,
  DEFAULT_DISPLAY_SHELL_SETTINGS,
  loadDisplayShellSettings,
  reloadDelayMs,
  type MonitorInfo,
} from './displaySettings.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function settingsFile(content: string | null): string {
  const folder = mkdtempSync(join(tmpdir(), 'display-shell-'));
  folders.push(folder);
  const path = join(folder, 'display-settings.json');
  if (content !== null) writeFileSync(path, content);
  return path;
}

// Laptop screen (primary) in the middle, a TV on the left and a portrait monitor on the right.
const laptop: MonitorInfo = { id: 10, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const tv: MonitorInfo = { id: 20, bounds: { x: -1920, y: 0, width: 1920, height: 1080 } };
const portrait: MonitorInfo = { id: 30, bounds: { x: 1366, y: 0, width: 1080, height: 1920 } };
const monitors = [laptop, tv, portrait];

describe('chooseMonitor', () => {
  it('counts monitors from the left, starting at 1', () => {
    expect(chooseMonitor(monitors, { monitor: 1, monitorId: null }, 10)).toBe(tv);
    expect(chooseMonitor(monitors, { monitor: 2, monitorId: null }, 10)).toBe(laptop);
    expect(chooseMonitor(monitors, { monitor: 3, monitorId: null }, 10)).toBe(portrait);
  });
  it('prefers a connected monitor id, and falls back to the primary monitor', () => {
    expect(chooseMonitor(monitors, { monitor: 1, monitorId: 30 }, 10)).toBe(portrait);
    expect(chooseMonitor(monitors, { monitor: null, monitorId: 99 }, 10)).toBe(laptop);
    expect(chooseMonitor(monitors, { monitor: 5, monitorId: null }, 10)).toBe(laptop);
    expect(chooseMonitor([tv], { monitor: 2, monitorId: null }, 10)).toBe(tv);
    expect(chooseMonitor([], { monitor: 1, monitorId: null }, 10)).toBeNull();
  });
});

describe('display shell settings', () => {
  it('gives working defaults for a missing or damaged file, and says what was wrong', () => {
    expect(loadDisplayShellSettings(settingsFile(null))).toEqual({
      settings: DEFAULT_DISPLAY_SHELL_SETTINGS,
      problem: null,
    });
    expect(loadDisplayShellSettings(settingsFile('{ nope')).problem).toMatch(/JSON/);
    const bad = loadDisplayShellSettings(settingsFile(JSON.stringify({ hubUrl: 'ftp://hub', monitor: 0 })));
    expect(bad.settings.hubUrl).toBe('http://localhost:8080');
    expect(bad.problem).toMatch(/hubUrl/);
  });

  it('reads a counter screen on the second monitor', () => {
    const { settings } = loadDisplayShellSettings(
      settingsFile(JSON.stringify({ hubUrl: 'http://192.168.1.10:8080', monitor: 2, counter: 3 })),
    );
    expect(settings).toMatchObject({ monitor: 2, counter: 3, startAtLogin: true });
    expect(displayPageUrl(settings)).toBe('http://192.168.1.10:8080/display/?counter=3');
  });

  it('builds the page address for the board, with the voice switch when set', () => {
    const settings = { ...DEFAULT_DISPLAY_SHELL_SETTINGS, hubUrl: 'http://hub.local:8080/', voice: false };
    expect(displayPageUrl(settings)).toBe('http://hub.local:8080/display/?voice=off');
  });

  it('retries an unreachable hub quickly at first, then every 30 s at most', () => {
    expect(reloadDelayMs(1)).toBe(2000);
    expect(reloadDelayMs(2)).toBe(4000);
    expect(reloadDelayMs(20)).toBe(30_000);
  });
});
