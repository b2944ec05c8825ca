import { describe, expect, it } from 'vitest';
import {
  appFilePath,
  crashReloadDelayMs,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedIpcSender,
  secureWebPreferences,
  shellContentSecurityPolicy,
} from './lockdown.js';

describe('Electron lock-down rules', () => {
  it('keeps a window on its own app', () => {
    const app = 'http://192.168.1.10:8080/kiosk/';
    expect(isNavigationAllowed('http://192.168.1.10:8080/kiosk/', app)).toBe(true);
    expect(isNavigationAllowed('http://192.168.1.10:8080/kiosk/settings', app)).toBe(true);
    expect(isNavigationAllowed('http://192.168.1.10:8080/admin/', app)).toBe(false);
    expect(isNavigationAllowed('https://example.com/kiosk/', app)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', app)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', app)).toBe(false);
    expect(isNavigationAllowed('not a url', app)).toBe(false);
  });

  it('turns on isolation and the sandbox and turns off Node in the page', () => {
    expect(secureWebPreferences('/p.js')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });

  it('reloads a crashed page quickly, but backs off when it keeps crashing', () => {
    expect(crashReloadDelayMs([], 100_000)).toBe(1000);
    expect(crashReloadDelayMs([99_000, 99_500, 99_600, 99_700, 99_800], 100_000)).toBe(30_000);
    expect(crashReloadDelayMs([1_000, 2_000, 3_000, 4_000, 5_000], 100_000)).toBe(1000);
  });

  it('denies every permission prompt', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal'])
      expect(isPermissionAllowed(p)).toBe(false);
  });
});

describe('the app:// renderer and its IPC', () => {
  it('answers IPC only from the app’s own top frame', () => {
    const app = 'app://motcua/';
    expect(isTrustedIpcSender({ url: 'app://motcua/', isMainFrame: true }, app)).toBe(true);
    expect(isTrustedIpcSender({ url: 'app://motcua/', isMainFrame: false }, app)).toBe(false);
    expect(isTrustedIpcSender({ url: 'https://evil.example/', isMainFrame: true }, app)).toBe(false);
    expect(isTrustedIpcSender({ url: undefined, isMainFrame: true }, app)).toBe(false);
  });

  it('serves files only from inside the renderer folder', () => {
    expect(appFilePath('/opt/kiosk/dist', 'app://motcua/')).toBe('/opt/kiosk/dist/index.html');
    expect(appFilePath('/opt/kiosk/dist', 'app://motcua/assets/index-1.js')).toBe('/opt/kiosk/dist/assets/index-1.js');
    expect(appFilePath('/opt/kiosk/dist', 'app://motcua/settings')).toBe('/opt/kiosk/dist/index.html');
    expect(appFilePath('/opt/kiosk/dist', 'app://motcua/..%2F..%2Fetc/passwd.txt')).toBeNull();
    expect(appFilePath('/opt/kiosk/dist', 'app://motcua/a%5C..%5Cb.js')).toBeNull();
    expect(appFilePath('/opt/kiosk/dist', 'app://motcua/%E0%A4%A')).toBeNull();
    expect(appFilePath('/opt/kiosk/dist', 'app://other/x.js')).toBeNull();
  });

  it('runs the renderer under the hub’s CSP, with the hub allowed for sockets and media', () => {
    const csp = shellContentSecurityPolicy('http://192.168.1.10:8080');
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/connect-src 'self' http:\/\/192\.168\.1\.10:8080 ws:\/\/192\.168\.1\.10:8080/);
    expect(csp).not.toMatch(/unsafe-eval/);
  });

  it('lets the kiosk reach its ID card reader, and nothing else local, when one is set', () => {
    const csp = shellContentSecurityPolicy('http://192.168.1.10:8080', 'ws://127.0.0.1:8765');
    expect(csp).toMatch(
      /connect-src 'self' http:\/\/192\.168\.1\.10:8080 ws:\/\/192\.168\.1\.10:8080 ws:\/\/127\.0\.0\.1:8765;/,
    );
    expect(shellContentSecurityPolicy('http://192.168.1.10:8080')).not.toContain('127.0.0.1');
  });
});
