import { describe, expect, it } from 'vitest';
import { crashReloadDelayMs, isNavigationAllowed, isPermissionAllowed, secureWebPreferences } from './lockdown.js';

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
