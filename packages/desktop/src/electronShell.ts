import type { App, BrowserWindow, Session } from 'electron';
import { crashReloadDelayMs, isNavigationAllowed, isPermissionAllowed } from './lockdown.js';

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
