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

/** The scheme and origin the bundled renderers are served from (never `file://`). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://motcua';

/**
 * An IPC call is answered only for the window's own top frame showing the app: not an iframe, not a page
 * the window was somehow navigated to.
 */
export function isTrustedIpcSender(sender: { url: string | undefined; isMainFrame: boolean }, appUrl: string): boolean {
  if (!sender.isMainFrame || !sender.url) return false;
  return isNavigationAllowed(sender.url, appUrl);
}

/**
 * The file an `app://motcua/...` request asks for inside `root`, or null (another host, a bad encoding, or a
 * path that leaves the folder). Paths without an extension are the single-page app's index.
 */
export function appFilePath(root: string, requestUrl: string, separator = '/'): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..' || part.includes('\\') || part.includes('\0'))) return null;
  const last = parts.at(-1) ?? '';
  if (!last.includes('.')) return [root, 'index.html'].join(separator);
  return [root, ...parts].join(separator);
}

/**
 * The hub's Content-Security-Policy for a renderer served by the shell: the same rules, with the hub's origin
 * allowed where the page talks to it (sockets, the ticket preview, voice clips).
 */
export function shellContentSecurityPolicy(hubOrigin: string | null, cardReaderOrigin: string | null = null): string {
  const hub = hubOrigin ? [hubOrigin, hubOrigin.replace(/^http/, 'ws')] : [];
  // The kiosk's ID card reader publishes on a local WebSocket (docs/id-card-reader.md): its origin only.
  const reader = cardReaderOrigin ? [cardReaderOrigin] : [];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', ...hub].join(' '),
    "font-src 'self' data:",
    ['media-src', "'self'", 'data:', 'blob:', ...hub].join(' '),
    ['connect-src', "'self'", ...hub, ...reader].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Waits after wrong settings PINs: three free tries, then 1 s doubling up to 5 minutes. Attempts while waiting
 * are refused unchecked. In memory: restarting the kiosk needs someone at the machine anyway.
 */
export class PinAttempts {
  private failures = 0;
  private blockedUntil = 0;

  constructor(
    private readonly freeAttempts = 3,
    private readonly maxDelayMs = 5 * 60_000,
  ) {}

  retryAfterMs(now: number): number {
    return Math.max(0, this.blockedUntil - now);
  }

  failed(now: number): void {
    this.failures += 1;
    const over = this.failures - this.freeAttempts;
    this.blockedUntil = over < 0 ? 0 : now + Math.min(this.maxDelayMs, 1000 * 2 ** Math.min(over, 20));
  }

  succeeded(): void {
    this.failures = 0;
    this.blockedUntil = 0;
  }
}
