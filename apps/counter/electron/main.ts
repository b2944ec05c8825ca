import {
  applyLockdown,
  denyPermissions,
  ensureSingleInstance,
  handleTrusted,
  onTrusted,
  setStartAtLogin,
} from '@motcua/desktop/electron';
import { secureWebPreferences } from '@motcua/desktop';
import { app, BrowserWindow, globalShortcut, ipcMain, Notification, screen, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compactBarBounds,
  counterPageUrl,
  GLOBAL_SHORTCUTS,
  isCounterId,
  loadCounterShellSettings,
  sanitizeNotification,
  saveCounterShellSettings,
  type CounterShellSettings,
} from './counterShell.js';
import { COUNTER_IPC } from './ipc.js';

const here = dirname(fileURLToPath(import.meta.url));
const settingsPath = () => join(app.getPath('userData'), 'counter-settings.json');
const preload = () => join(here, 'preload.cjs');
// Any page of the counter app on the hub is allowed, whichever query the windows carry.
const appUrl = () => new URL('/counter/', settings.hubUrl).href;

let settings: CounterShellSettings;
let full: BrowserWindow | null = null;
let compact: BrowserWindow | null = null;

function createFullWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: !settings.startCompact,
    autoHideMenuBar: true,
    backgroundColor: '#eef2f7',
    title: 'Quầy giao dịch · Một cửa',
    webPreferences: secureWebPreferences(preload()),
  });
  applyLockdown(window, appUrl);
  void window.loadURL(counterPageUrl(settings, false));
  window.on('closed', () => app.quit());
  return window;
}

function createCompactWindow(): BrowserWindow {
  const bounds = compactBarBounds(screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow({
    ...bounds,
    show: false,
    frame: false,
    resizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload()),
  });
  // Above ordinary windows, including full-screen office programs.
  window.setAlwaysOnTop(true, 'floating');
  applyLockdown(window, appUrl);
  void window.loadURL(counterPageUrl(settings, true));
  window.on('close', (event) => {
    // Closing the bar brings the full window back instead of leaving the clerk with nothing.
    if (full && !full.isDestroyed()) {
      event.preventDefault();
      toggleCompact(false);
    }
  });
  return window;
}

function toggleCompact(showCompact = !(compact?.isVisible() ?? false)): void {
  if (showCompact) {
    compact ??= createCompactWindow();
    compact.showInactive();
    full?.hide();
  } else {
    compact?.hide();
    full?.show();
    full?.focus();
  }
}

function registerBridge(): void {
  // Only the counter page itself (top frame, on the hub's /counter/) may call the shell.
  const on = (channel: string, listener: Parameters<typeof onTrusted>[3]) =>
    onTrusted(ipcMain, channel, appUrl, listener);
  const handle = (channel: string, handler: Parameters<typeof handleTrusted>[3]) =>
    handleTrusted(ipcMain, channel, appUrl, handler);
  on(COUNTER_IPC.toggleCompact, () => toggleCompact());
  on(COUNTER_IPC.notify, (_event, title: unknown, body: unknown) => {
    const note = sanitizeNotification(title, body);
    if (note && Notification.isSupported())
      new Notification({ title: note.title, body: note.body, silent: true }).show();
  });
  on(COUNTER_IPC.rememberCounter, (_event, counterId: unknown) => {
    if (!isCounterId(counterId) || counterId === settings.counterId) return;
    settings = { ...settings, counterId };
    saveCounterShellSettings(settingsPath(), settings);
  });
  handle(COUNTER_IPC.getStartAtLogin, () => settings.startAtLogin);
  handle(COUNTER_IPC.setStartAtLogin, (_event, enabled: unknown) => {
    if (typeof enabled !== 'boolean') return;
    settings = { ...settings, startAtLogin: enabled };
    saveCounterShellSettings(settingsPath(), settings);
    setStartAtLogin(app, enabled);
  });
}

/** Ctrl+Alt+N/L/H/V act on the counter while the clerk types in another program. */
function registerGlobalShortcuts(): void {
  for (const [accelerator, action] of Object.entries(GLOBAL_SHORTCUTS)) {
    globalShortcut.register(accelerator, () => {
      const target = compact?.isVisible() ? compact : full;
      target?.webContents.send(COUNTER_IPC.action, action);
    });
  }
}

if (ensureSingleInstance(app, () => toggleCompact(false))) {
  void app.whenReady().then(() => {
    const loaded = loadCounterShellSettings(settingsPath());
    if (loaded.problem) console.error(`counter-settings.json: ${loaded.problem} (using defaults for those fields)`);
    settings = loaded.settings;
    setStartAtLogin(app, settings.startAtLogin);
    denyPermissions(session.defaultSession);
    registerBridge();
    full = createFullWindow();
    if (settings.startCompact) toggleCompact(true);
    registerGlobalShortcuts();
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('window-all-closed', () => app.quit());
}
