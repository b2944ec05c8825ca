import { describe, expect, it } from 'vitest';
import { PrinterError } from '../errors.js';
import { parseTransportUrl } from './url.js';

describe('parseTransportUrl', () => {
  it('parses every supported form', () => {
    expect(parseTransportUrl('tcp://192.168.1.50:9100')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
      statusQueries: true,
    });
    expect(parseTransportUrl('tcp://printer.local')).toMatchObject({ port: 9100 });
    expect(parseTransportUrl('tcp://10.0.0.9:9100?status=off')).toMatchObject({ statusQueries: false });
    expect(parseTransportUrl('file:///tmp/tickets')).toEqual({ kind: 'file', folder: '/tmp/tickets' });
    expect(parseTransportUrl('device:///dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(parseTransportUrl('serial:///dev/ttyUSB0?baud=19200')).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 19200,
      statusQueries: true,
    });
    expect(parseTransportUrl('serial://COM3?baud=9600')).toMatchObject({ path: 'COM3', baudRate: 9600 });
    expect(parseTransportUrl('serial:///dev/ttyS0')).toMatchObject({ baudRate: 9600 });
    expect(parseTransportUrl('windows-share://XP80')).toEqual({
      kind: 'windows-share',
      host: 'localhost',
      share: 'XP80',
    });
    expect(parseTransportUrl('windows-share://pc-01/May%20in%20ve')).toEqual({
      kind: 'windows-share',
      host: 'pc-01',
      share: 'May in ve',
    });
  });

  it.each([
    ['', /scheme/],
    ['192.168.1.50:9100', /scheme/],
    ['http://x', /unsupported scheme/],
    ['tcp://', /cannot parse|missing host/],
    ['tcp://host:0', /invalid port/],
    ['tcp://host:9100/x', /no path/],
    ['file://relative/folder', /absolute/],
    ['device://', /device path/],
    ['serial:///dev/ttyUSB0?baud=abc', /baud/],
    ['tcp://h?status=maybe', /status/],
    ['windows-share://', /share name/],
  ])('rejects %s with a clear bilingual error', (url, re) => {
    try {
      parseTransportUrl(url);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PrinterError);
      const err = e as PrinterError;
      expect(err.code).toBe('BAD_CONFIG');
      expect(err.message).toMatch(re);
      expect(err.vi).toMatch(/Địa chỉ máy in không hợp lệ/);
    }
  });
});
