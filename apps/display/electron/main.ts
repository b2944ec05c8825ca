import { applyLockdown, denyPermissions, ensureSingleInstance, setStartAtLogin } from '@motcua/desktop/electron';
import { secureWebPreferences } from '@motcua/desktop';
import { app, BrowserWindow, powerSaveBlocker, screen, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseMonitor, displayPageUrl, loadDisplayShellSettings, reloadDelayMs } from './displaySettings.js';

const here = dirname(fileURLToPath(import.meta.url));
// The board speaks without anyone clicking: there is no one at a wall screen to click.
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');

const settingsPath = () => join(app.getPath('userData'), 'display-settings.json');
let window: BrowserWindow | null = null;
let pageUrl = '';

/** Puts the window full screen on the chosen monitor (again after monitors are plugged or unplugged). */
function placeOnMonitor(settings: Parameters<typeof chooseMonitor>[1]): void {
  if (!window || window.isDestroyed()) return;
  const target = chooseMonitor(screen.getAllDisplays(), settings, screen.getPrimaryDisplay().id);
  if (!target) return;
  window.setKiosk(false);
  window.setFullScreen(false);
  window.setBounds(target.bounds);
  window.setFullScreen(true);
  window.setKiosk(true);
}

function createWindow(): void {
  const { settings, problem } = loadDisplayShellSettings(settingsPath());
  if (problem) console.error(`display-settings.json: ${problem} (using defaults for those fields)`);
  setStartAtLogin(app, settings.startAtLogin);
  pageUrl = displayPageUrl(settings);
  window = new BrowserWindow({
    show: false,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#0a1020',
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  applyLockdown(window, () => pageUrl);
  placeOnMonitor(settings);
  window.once('ready-to-show', () => window?.show());

  // The PC often starts before the hub: keep trying, faster at first.
  let failures = 0;
  window.webContents.on('did-fail-load', (_event, _code, _description, _url, isMainFrame) => {
    if (!isMainFrame) return;
    failures++;
    setTimeout(() => void window?.loadURL(pageUrl), reloadDelayMs(failures));
  });
  window.webContents.on('did-finish-load', () => {
    failures = 0;
  });
  void window.loadURL(pageUrl);

  for (const change of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
    screen.on(change as 'display-added', () => placeOnMonitor(settings));
  }
}

if (ensureSingleInstance(app, () => window?.focus())) {
  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    // A wall screen must never go dark or sleep while the office is open.
    powerSaveBlocker.start('prevent-display-sleep');
    createWindow();
  });
  app.on('window-all-closed', () => app.quit());
}
