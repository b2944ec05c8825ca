import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { electronRecord, resetElectronRecord, type RecordedCall } from './testing/fakeElectron.js';

// Electron's binary cannot be downloaded where these tests run, so each app's real main and preload are
// bundled as they ship (same entry points, same externals) with `electron` replaced by a recording
// stand-in, loaded under Node, and checked for what the shell must do.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fake = join(repo, 'packages/desktop/src/testing/fakeElectron.ts');
const userData = mkdtempSync(join(tmpdir(), 'motcua-shell-'));
const outDirs: string[] = [];

afterAll(() => {
  rmSync(userData, { recursive: true, force: true });
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

async function loadShell(app: 'kiosk' | 'counter' | 'display', file: 'main' | 'preload', external: string[] = []) {
  const outdir = join(repo, 'apps', app, '.electron-smoke');
  outDirs.push(outdir);
  const outfile = join(outdir, `${file}-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(repo, 'apps', app, 'electron', `${file}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    alias: { electron: fake },
    external,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  await import(pathToFileURL(outfile).href);
  // app.whenReady().then(...) runs after the import; let it finish.
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 10));
}

const called = (calls: RecordedCall[], target: string, method: string) =>
  calls.filter((c) => c.target === target && c.method === method).map((c) => c.args);

function expectLockedDownWindow() {
  const { windows, calls } = electronRecord();
  expect(windows).toHaveLength(1);
  const window = windows[0]!;
  expect(window.options).toMatchObject({
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false },
  });
  expect((window.options as { webPreferences: { preload: string } }).webPreferences.preload).toMatch(/preload\.cjs$/);
  const openHandler = window.listeners.get('webContents:windowOpen')?.[0] as (() => unknown) | undefined;
  expect(openHandler?.()).toEqual({ action: 'deny' });
  expect(window.listeners.get('webContents:will-navigate')).toHaveLength(1);
  expect(window.listeners.get('webContents:render-process-gone')).toHaveLength(1);
  expect(called(calls, 'session', 'setPermissionRequestHandler')).toHaveLength(1);
  expect(called(calls, 'app', 'setLoginItemSettings').length).toBeGreaterThan(0);
  return window;
}

describe('the Electron shells, loaded with a stand-in for Electron', () => {
  it('kiosk: one full-screen locked-down window on the bundled renderer, and the printing bridge', async () => {
    resetElectronRecord(userData);
    mkdirSync(userData, { recursive: true });
    writeFileSync(
      join(userData, 'kiosk-settings.json'),
      JSON.stringify({ settings: { hubUrl: 'http://127.0.0.1:8080', discoverHub: false, startAtLogin: false } }),
    );
    await loadShell('kiosk', 'main', ['@resvg/resvg-js', '@expo-google-fonts/*', 'bonjour-service']);
    const window = expectLockedDownWindow();
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true });
    // The bundled renderer comes from app://motcua/ (the hub's CSP), not file://.
    expect(window.calls.find((c) => c.method === 'loadURL')?.args[0]).toBe('app://motcua/');
    const { calls } = electronRecord();
    expect(called(calls, 'protocol', 'registerSchemesAsPrivileged')).toHaveLength(1);
    expect(called(calls, 'protocol', 'handle').map((args) => args[0])).toEqual(['app']);
    const channels = called(calls, 'ipcMain', 'handle').map((args) => args[0]);
    expect(channels).toHaveLength(5);
    // Every handler refuses a call from a frame that is not the app's own top frame.
    const handler = called(calls, 'ipcMain', 'handle')[0]![1] as (event: unknown) => unknown;
    const mainFrame = { url: 'https://evil.example/' };
    expect(() => handler({ senderFrame: mainFrame, sender: { mainFrame } })).toThrow(/refused/);
  });

  it('display: full screen on a monitor, never sleeping, sound allowed without a click', async () => {
    resetElectronRecord(userData);
    await loadShell('display', 'main');
    const window = expectLockedDownWindow();
    const { calls } = electronRecord();
    expect(called(calls, 'powerSaveBlocker', 'start')).toEqual([['prevent-display-sleep']]);
    expect(called(calls, 'app.commandLine', 'appendSwitch')).toContainEqual([
      'autoplay-policy',
      'no-user-gesture-required',
    ]);
    expect(window.calls.find((c) => c.method === 'loadURL')?.args[0]).toMatch(/\/display\//);
    expect(window.calls.some((c) => c.method === 'setKiosk' && c.args[0] === true)).toBe(true);
  });

  it('counter: the counter screen locked down, with its bridge for the compact bar and notifications', async () => {
    resetElectronRecord(userData);
    await loadShell('counter', 'main');
    const window = expectLockedDownWindow();
    expect(window.calls.find((c) => c.method === 'loadURL')?.args[0]).toMatch(/\/counter\//);
    const { calls } = electronRecord();
    expect(called(calls, 'ipcMain', 'on').length + called(calls, 'ipcMain', 'handle').length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['kiosk', 'kioskBridge'],
    ['counter', 'motcuaCounter'],
    ['display', 'motcuaDisplayShell'],
  ] as const)('%s preload exposes one typed object, %s, and nothing else', async (app, name) => {
    resetElectronRecord(userData);
    await loadShell(app, 'preload');
    const exposed = called(electronRecord().calls, 'contextBridge', 'exposeInMainWorld');
    expect(exposed).toHaveLength(1);
    expect(exposed[0]![0]).toBe(name);
  });
});
