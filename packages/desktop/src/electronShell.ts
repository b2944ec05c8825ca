import type { App, BrowserWindow, IpcMain, IpcMainEvent, IpcMainInvokeEvent, Protocol, Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, sep } from 'node:path';
import {
  APP_SCHEME,
  appFilePath,
  crashReloadDelayMs,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedIpcSender,
} from './lockdown.js';

/** Blocks navigation away from the app, new windows and permission prompts; reloads after a crash. */
export function applyLockdown(window: BrowserWindow, appUrl: () => string): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, appUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, appUrl())) event.preventDefault();
  });
  const crashes: number[] = [];
  contents.on('render-process-gone', () => {
    const now = Date.now();
    crashes.push(now);
    setTimeout(
      () => {
        if (!window.isDestroyed()) contents.reload();
      },
      crashReloadDelayMs(crashes, now),
    );
  });
  window.on('unresponsive', () => {
    if (!window.isDestroyed()) contents.reload();
  });
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}

/** One instance per machine; a second start focuses the first window. */
export function ensureSingleInstance(app: App, focus: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focus);
  return true;
}

export function setStartAtLogin(app: App, enabled: boolean): void {
  app.setLoginItemSettings({ openAtLogin: enabled });
}

/** Before `app.whenReady()`: `app://` behaves like a web origin (storage, fetch, a secure context). */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
};

/** Serves the bundled renderer in `root` at `app://motcua/` under `contentSecurityPolicy()`. */
export function serveAppProtocol(protocol: Protocol, root: string, contentSecurityPolicy: () => string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = appFilePath(root, request.url, sep);
    if (!path) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, {
        headers: {
          'Content-Type': MIME[extname(path)] ?? 'application/octet-stream',
          'Content-Security-Policy': contentSecurityPolicy(),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function fromAppFrame(event: IpcMainEvent | IpcMainInvokeEvent, appUrl: string): boolean {
  const frame = event.senderFrame;
  return isTrustedIpcSender(
    { url: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame },
    appUrl,
  );
}

/** `ipcMain.handle`, answering only the app's own top frame (`appUrl()`); anything else is refused. */
export function handleTrusted(
  ipcMain: IpcMain,
  channel: string,
  appUrl: () => string,
  handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
): void {
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    if (!fromAppFrame(event, appUrl())) throw new Error(`IPC ${channel} refused: not the app's own frame`);
    return handler(event, ...args);
  });
}

/** `ipcMain.on` for the app's own top frame only; messages from anything else are dropped. */
export function onTrusted(
  ipcMain: IpcMain,
  channel: string,
  appUrl: () => string,
  listener: (event: IpcMainEvent, ...args: unknown[]) => void,
): void {
  ipcMain.on(channel, (event, ...args: unknown[]) => {
    if (fromAppFrame(event, appUrl())) listener(event, ...args);
  });
}
