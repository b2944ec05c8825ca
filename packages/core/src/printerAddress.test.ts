import { describe, expect, it } from 'vitest';
import { printerAddressRefusal, printerProfileCommandSchema } from './printerAddress.js';

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
