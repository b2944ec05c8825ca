/** The web preferences of every window (docs/architecture.md, rule 7). */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

/** A window may only show its own app on the hub: same origin and under the app's path. */
export function isNavigationAllowed(targetUrl: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(targetUrl);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (target.origin !== app.origin) return false;
  const appPath = app.pathname.endsWith('/') ? app.pathname : `${app.pathname}/`;
  return target.pathname === app.pathname || target.pathname.startsWith(appPath);
}

/**
 * After a renderer crash the shell reloads, unless it crashed `maxCrashes` times within `windowMs`
 * (then it waits, so a broken page does not spin the CPU).
 */
export function crashReloadDelayMs(crashTimes: number[], now: number, windowMs = 60_000, maxCrashes = 5): number {
  const recent = crashTimes.filter((t) => now - t < windowMs).length;
  return recent >= maxCrashes ? 30_000 : 1_000;
}

/** Permissions a queue screen never needs. Everything is denied; nothing is asked of the user. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
