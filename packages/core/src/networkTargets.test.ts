import { describe, expect, it } from 'vitest';
import { targetAddressRefusal, targetUrlRefusal } from './networkTargets.js';
import { webhookSettingsSchema } from './webhookSettings.js';

const strict = { allowPrivate: false, allowLoopback: false };
const lan = { allowPrivate: true, allowLoopback: false };

describe('where the hub may send requests', () => {
  it('allows public addresses and refuses the hub itself, link-local, metadata and unspecified ones', () => {
    expect(targetAddressRefusal('203.113.131.1', strict)).toBeNull();
    expect(targetAddressRefusal('2001:4860:4860::8888', strict)).toBeNull();
    expect(targetAddressRefusal('127.0.0.1', strict)).toBe('loopback');
    expect(targetAddressRefusal('127.8.9.10', lan)).toBe('loopback');
    expect(targetAddressRefusal('::1', lan)).toBe('loopback');
    expect(targetAddressRefusal('::ffff:127.0.0.1', lan)).toBe('loopback');
    expect(targetAddressRefusal('169.254.169.254', lan)).toBe('metadata');
    expect(targetAddressRefusal('fd00:ec2::254', lan)).toBe('metadata');
    expect(targetAddressRefusal('169.254.3.4', lan)).toBe('linkLocal');
    expect(targetAddressRefusal('fe80::1%eth0', lan)).toBe('linkLocal');
    expect(targetAddressRefusal('0.0.0.0', lan)).toBe('unspecified');
    expect(targetAddressRefusal('::', lan)).toBe('unspecified');
    expect(targetAddressRefusal('224.0.0.1', lan)).toBe('reserved');
    expect(targetAddressRefusal('not an address', lan)).toBe('reserved');
  });

  it('lets LAN addresses through only when an admin allowed them, and loopback only with the operator flag', () => {
    for (const address of ['10.1.2.3', '172.16.0.9', '192.168.1.20', 'fd12:3456::1', '100.64.0.1']) {
      expect(targetAddressRefusal(address, strict), address).toBe('private');
      expect(targetAddressRefusal(address, lan), address).toBeNull();
    }
    expect(targetAddressRefusal('127.0.0.1', { allowPrivate: false, allowLoopback: true })).toBeNull();
  });

  it('judges a URL by its host as written: literals of every spelling and localhost names', () => {
    expect(targetUrlRefusal('http://127.0.0.1:8080/hook', strict)).toBe('loopback');
    expect(targetUrlRefusal('http://user:pw@[::1]:8080/hook', strict)).toBe('loopback');
    expect(targetUrlRefusal('http://2130706433/', strict)).toBe('loopback');
    expect(targetUrlRefusal('http://LOCALHOST./', strict)).toBe('loopback');
    expect(targetUrlRefusal('http://api.localhost/', strict)).toBe('loopback');
    expect(targetUrlRefusal('https://[fd00:ec2::254]/latest', lan)).toBe('metadata');
    // A name is resolved and judged by the hub, at save and again at each delivery.
    expect(targetUrlRefusal('https://sms.example.vn/motcua', strict)).toBeNull();
  });

  it('the webhook settings schema names the URL field and keeps LAN targets off by default', () => {
    const settings = { url: 'http://192.168.1.20/hook', secret: 'x'.repeat(16), notifyAhead: 1, enabled: true };
    const refused = webhookSettingsSchema.safeParse(settings);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['url'], params: { refusal: 'private' } });
    expect(refused.error?.issues[0]?.message).toContain('Địa chỉ nhận (URL)');
    expect(webhookSettingsSchema.safeParse({ ...settings, allowLanTargets: true }).success).toBe(true);
  });
});
