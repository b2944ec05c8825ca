import { applyLockdown, denyPermissions, ensureSingleInstance, setStartAtLogin } from '@motcua/desktop/electron';
import { secureWebPreferences } from '@motcua/desktop';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discoverHub } from './discovery.js';
import { KIOSK_IPC } from './ipc.js';
import { KioskPrinter } from './printing.js';
import { loadSettingsFile, saveSettings, type SettingsFile } from './settings.js';

const here = dirname(fileURLToPath(import.meta.url));
const settingsPath = () => join(app.getPath('userData'), 'kiosk-settings.json');
// The renderer is bundled with the shell; it reaches the hub at the address from the settings.
const rendererUrl = pathToFileURL(join(here, '../dist/index.html')).href;

let window: BrowserWindow | null = null;
let file: SettingsFile = {
  settings: { hubUrl: '', discoverHub: true, printer: null, startAtLogin: true },
  adminPinHash: null,
};
let discoveredHubUrl = '';
const printer = new KioskPrinter(() => file.settings);

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
  ipcMain.handle(KIOSK_IPC.print, (_event, request: unknown) => printer.print(request));
  ipcMain.handle(KIOSK_IPC.printerStatus, () => printer.status());
  ipcMain.handle(KIOSK_IPC.getSettings, () => ({
    ...file.settings,
    hubUrl: file.settings.hubUrl || discoveredHubUrl,
  }));
  ipcMain.handle(KIOSK_IPC.saveSettings, async (_event, pin: unknown, settings: unknown) => {
    const outcome = await saveSettings(settingsPath(), typeof pin === 'string' ? pin : '', settings);
    if (!outcome.ok) return outcome;
    file = outcome.file;
    setStartAtLogin(app, file.settings.startAtLogin);
    window?.webContents.reload();
    return { ok: true };
  });
}

if (ensureSingleInstance(app, () => window?.focus())) {
  void app.whenReady().then(async () => {
    file = loadSettingsFile(settingsPath());
    setStartAtLogin(app, file.settings.startAtLogin);
    if (!file.settings.hubUrl && file.settings.discoverHub) discoveredHubUrl = (await discoverHub(5000)) ?? '';
    denyPermissions(session.defaultSession);
    registerBridge();
    createWindow();
  });
  app.on('window-all-closed', () => app.quit());
}
