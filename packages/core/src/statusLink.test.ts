import { describe, expect, it } from 'vitest';
import { checkStatusLink, defaultStatusBaseUrl } from './statusLink.js';

const everywhere = { listenHost: '0.0.0.0', port: 8080, lanAddresses: ['192.168.1.10'] };

describe('the status link on tickets', () => {
  it('uses the address the hub listens on: never a LAN address it does not answer on', () => {
    expect(defaultStatusBaseUrl(everywhere)).toBe('http://192.168.1.10:8080');
    expect(defaultStatusBaseUrl({ ...everywhere, listenHost: '127.0.0.1' })).toBe('http://127.0.0.1:8080');
    expect(defaultStatusBaseUrl({ ...everywhere, listenHost: '10.0.0.5' })).toBe('http://10.0.0.5:8080');
    expect(defaultStatusBaseUrl({ ...everywhere, lanAddresses: [] })).toBe('http://127.0.0.1:8080');
  });

  it('warns when phones cannot reach it, and says a LAN address works on the office Wi-Fi only', () => {
    expect(checkStatusLink('', { ...everywhere, listenHost: '127.0.0.1' }).warnings).toEqual([
      'hubListensOnLoopback',
      'loopbackBaseUrl',
    ]);
    expect(checkStatusLink('', { ...everywhere, lanAddresses: [] }).warnings).toEqual([
      'noLanAddress',
      'loopbackBaseUrl',
    ]);
    expect(checkStatusLink('', everywhere)).toEqual({
      baseUrl: 'http://192.168.1.10:8080',
      configured: false,
      warnings: ['lanOnlyBaseUrl'],
    });
    expect(checkStatusLink('http://localhost:8080', everywhere).warnings).toEqual(['loopbackBaseUrl']);
    expect(checkStatusLink('http://may-chu.local', everywhere).warnings).toEqual(['lanOnlyBaseUrl']);
    expect(checkStatusLink('http://[::1]:8080/', everywhere).warnings).toEqual(['loopbackBaseUrl']);
    expect(checkStatusLink('ftp://x', everywhere).warnings).toEqual(['invalidBaseUrl']);
  });

  it('has nothing to say about a public address, even when the hub listens on loopback behind a proxy', () => {
    expect(checkStatusLink('https://motcua.hoangmai.gov.vn/', { ...everywhere, listenHost: '127.0.0.1' })).toEqual({
      baseUrl: 'https://motcua.hoangmai.gov.vn',
      configured: true,
      warnings: [],
    });
  });
});
