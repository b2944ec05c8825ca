import {
  applyLockdown,
  denyPermissions,
  ensureSingleInstance,
  handleTrusted,
  registerAppScheme,
  serveAppProtocol,
  setStartAtLogin,
} from '@motcua/desktop/electron';
import { APP_ORIGIN, PinAttempts, secureWebPreferences, shellContentSecurityPolicy } from '@motcua/desktop';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverHub } from './discovery.js';
import { KIOSK_IPC } from './ipc.js';
import { KioskPrinter } from './printing.js';
import { loadSettingsFile, pinHub, saveSettings, setAdminPin, type SettingsFile } from './settings.js';

const here = dirname(fileURLToPath(import.meta.url));
const settingsPath = () => join(app.getPath('userData'), 'kiosk-settings.json');
// The renderer is bundled with the shell and served as app://motcua/ (a real origin with the hub's CSP, not file://).
const rendererUrl = `${APP_ORIGIN}/`;

let window: BrowserWindow | null = null;
let file: SettingsFile = {
  settings: { hubUrl: '', discoverHub: true, printer: null, startAtLogin: true, cardReaderUrl: '' },
  adminPinHash: null,
  pinnedHubId: null,
};
let discoveredHubUrl = '';
const printer = new KioskPrinter(() => file.settings);
const pinAttempts = new PinAttempts();

const hubUrl = () => file.settings.hubUrl || discoveredHubUrl;
/** ws://host:port of the ID card reader the settings name, for the page's connect-src. */
function cardReaderOrigin(url: string): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

function hubOrigin(): string | null {
  try {
    return hubUrl() ? new URL(hubUrl()).origin : null;
  } catch {
    return null;
  }
}

function createWindow(): void {
  window = new BrowserWindow({
    fullscreen: true,
    kiosk: true,
    autoHideMenuBar: true,
    backgroundColor: '#eef2f7',
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  applyLockdown(window, () => rendererUrl);
  void window.loadURL(rendererUrl);
}

function registerBridge(): void {
  const handle = (channel: string, handler: Parameters<typeof handleTrusted>[3]) =>
    handleTrusted(ipcMain, channel, () => rendererUrl, handler);
  handle(KIOSK_IPC.print, (_event, request) => printer.print(request));
  handle(KIOSK_IPC.printerStatus, () => printer.status());
  handle(KIOSK_IPC.getSettings, () => ({ ...file.settings, hubUrl: hubUrl(), pinSet: file.adminPinHash !== null }));
  handle(KIOSK_IPC.setAdminPin, async (_event, pin, confirmation) => {
    const outcome = await setAdminPin(
      settingsPath(),
      typeof pin === 'string' ? pin : '',
      typeof confirmation === 'string' ? confirmation : '',
    );
    if (!outcome.ok) return outcome;
    file = outcome.file;
    return { ok: true };
  });
  handle(KIOSK_IPC.saveSettings, async (_event, pin, settings) => {
    const outcome = await saveSettings(settingsPath(), typeof pin === 'string' ? pin : '', settings, pinAttempts);
    if (!outcome.ok) return outcome;
    file = outcome.file;
    setStartAtLogin(app, file.settings.startAtLogin);
    window?.webContents.reload();
    return { ok: true };
  });
}

/** Finds the hub on the LAN; the first one found is pinned, and from then on only that one is taken. */
async function findHub(): Promise<void> {
  const hub = await discoverHub(file.pinnedHubId, 5000);
  if (!hub) return;
  discoveredHubUrl = hub.url;
  if (file.pinnedHubId === null) file = pinHub(settingsPath(), hub.hubId);
}

registerAppScheme(protocol);
if (ensureSingleInstance(app, () => window?.focus())) {
  void app.whenReady().then(async () => {
    file = loadSettingsFile(settingsPath());
    setStartAtLogin(app, file.settings.startAtLogin);
    if (!file.settings.hubUrl && file.settings.discoverHub) await findHub();
    denyPermissions(session.defaultSession);
    serveAppProtocol(protocol, join(here, '../dist'), () =>
      shellContentSecurityPolicy(hubOrigin(), cardReaderOrigin(file.settings.cardReaderUrl)),
    );
    registerBridge();
    createWindow();
  });
  app.on('window-all-closed', () => app.quit());
}
