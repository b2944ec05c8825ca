import { describe, expect, it } from 'vitest';
import { allowedShareHosts, printerAddressRefusal, printerProfileCommandSchema } from './printerAddress.js';
import {
  kioskSettingsSchema,
  MAX_PRINTER_SHARE_HOSTS,
  printerShareHostSchema,
  printerShareHostsSchema,
} from './schemas.js';
import { defaultOfficeConfig } from './state.js';

const hub = { dataDir: '/var/lib/motcua', shareHosts: ['KETOAN-PC'] };

describe('printer addresses an admin may save', () => {
  it('takes device and serial ports of printers only', () => {
    for (const url of [
      'device:///dev/usb/lp0',
      'serial:///dev/ttyUSB0?baud=9600',
      'serial:///dev/ttyS1',
      'serial://COM3',
    ]) {
      expect(printerAddressRefusal(url, hub), url).toBeNull();
    }
    for (const url of [
      'device:///var/lib/motcua/motcua.sqlite',
      'device:///etc/passwd',
      'device:///dev/usb/lp0/../../sda',
      'device:///dev/sda',
      'serial:///dev/tty/../sda',
    ]) {
      expect(printerAddressRefusal(url, null), url).toBe('devicePath');
    }
  });

  it('lets file:// write below the data folder only, without .. or encoded tricks', () => {
    expect(printerAddressRefusal('file:///var/lib/motcua/prints', hub)).toBeNull();
    expect(printerAddressRefusal('file:///var/lib/motcua', hub)).toBeNull();
    expect(printerAddressRefusal('file:///var/lib/motcua-other/prints', hub)).toBe('fileOutsideData');
    expect(printerAddressRefusal('file:///tmp/prints', hub)).toBe('fileOutsideData');
    expect(printerAddressRefusal('file:///var/lib/motcua/../../etc', null)).toBe('filePath');
    expect(printerAddressRefusal('file:///var/lib/motcua/%2e%2e/x', null)).toBe('filePath');
    expect(printerAddressRefusal('file://server/share', null)).toBe('filePath');
    expect(
      printerAddressRefusal('file:///C:/ProgramData/motcua/prints', { ...hub, dataDir: 'C:\\ProgramData\\motcua' }),
    ).toBeNull();
  });

  it('uses shared Windows printers of this machine and of listed hosts only', () => {
    expect(printerAddressRefusal('windows-share://XP80', hub)).toBeNull();
    expect(printerAddressRefusal('windows-share://ketoan-pc/XP80', hub)).toBeNull();
    expect(printerAddressRefusal('windows-share://attacker.example/XP80', hub)).toBe('shareHost');
    // The command schema has no context: it judges the form, the hub the host.
    expect(printerAddressRefusal('windows-share://attacker.example/XP80', null)).toBeNull();
  });

  it('refuses other schemes, and the command schema names the address field in Vietnamese', () => {
    expect(printerAddressRefusal('http://192.168.1.9/print', hub)).toBe('scheme');
    expect(printerAddressRefusal('/dev/usb/lp0', hub)).toBe('scheme');
    expect(printerAddressRefusal('tcp://192.168.1.50:9100', hub)).toBeNull();
    const profile = {
      id: 'may-in',
      name: 'Máy in',
      transportUrl: 'device:///var/lib/motcua/motcua.sqlite',
      paperWidth: 80,
      mode: 'raster',
      codePage: '',
      cut: 'full',
      density: 4,
      beep: false,
    };
    const refused = printerProfileCommandSchema.safeParse(profile);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['transportUrl'], params: { refusal: 'devicePath' } });
    expect(refused.error?.issues[0]?.message).toMatch(/^Địa chỉ máy in:/);
  });
});

describe('share hosts an admin lists', () => {
  const withHosts = (printerShareHosts: string[] | undefined) => {
    const config = defaultOfficeConfig();
    return { ...config, kiosk: { ...config.kiosk, printerShareHosts } };
  };

  it('allows the operator’s hosts and the admin’s, in any case, once each', () => {
    expect(allowedShareHosts(['KETOAN-PC'], withHosts(['may-mot-cua', 'ketoan-pc']))).toEqual([
      'ketoan-pc',
      'may-mot-cua',
    ]);
    expect(allowedShareHosts([], withHosts(undefined))).toEqual([]);
    const context = { dataDir: '/var/lib/motcua', shareHosts: allowedShareHosts([], withHosts(['may-mot-cua'])) };
    expect(printerAddressRefusal('windows-share://MAY-MOT-CUA/XP80', context)).toBeNull();
    expect(printerAddressRefusal('windows-share://ketoan-pc/XP80', context)).toBe('shareHost');
  });

  it('takes host names and IPv4 addresses, trimmed and in lower case', () => {
    expect(printerShareHostsSchema.parse([' KeToan-PC ', 'may.xa.local', '192.168.1.20'])).toEqual([
      'ketoan-pc',
      'may.xa.local',
      '192.168.1.20',
    ]);
  });

  it('refuses paths, ports, users, bad addresses and too many hosts', () => {
    for (const host of [
      '',
      'ketoan-pc/XP80',
      'ketoan-pc\\XP80',
      'ketoan-pc:445',
      'admin@ketoan-pc',
      'máy-kế-toán',
      '-ketoan',
      'ketoan..pc',
      '999.1.1.1',
      '192.168.01.2',
      '192.168.1',
      'a'.repeat(64),
      `${'a.'.repeat(127)}a`,
    ]) {
      expect(printerShareHostSchema.safeParse(host).success, host).toBe(false);
    }
    const many = Array.from({ length: MAX_PRINTER_SHARE_HOSTS + 1 }, (_, i) => `may-${i}`);
    expect(printerShareHostsSchema.safeParse(many).success).toBe(false);
    expect(printerShareHostsSchema.safeParse(many.slice(1)).success).toBe(true);
  });

  it('keeps kiosk settings saved before the list valid', () => {
    const { printerShareHosts: _absent, ...before } = withHosts(undefined).kiosk;
    expect(kioskSettingsSchema.safeParse(before).success).toBe(true);
    expect(kioskSettingsSchema.safeParse({ ...before, printerShareHosts: ['x/y'] }).success).toBe(false);
  });
});
