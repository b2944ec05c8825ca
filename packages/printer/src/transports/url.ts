import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrinterError } from '../errors.js';

export type TransportTarget =
  | { kind: 'tcp'; host: string; port: number; statusQueries: boolean }
  | { kind: 'file'; folder: string }
  | { kind: 'device'; path: string }
  | { kind: 'serial'; path: string; baudRate: number; statusQueries: boolean }
  | { kind: 'windows-share'; host: string; share: string };

const EXAMPLES =
  'tcp://192.168.1.50:9100, file:///var/lib/motcua/tickets, device:///dev/usb/lp0, serial:///dev/ttyUSB0?baud=9600, serial://COM3?baud=9600, windows-share://XP80';

function bad(vi: string, en: string, url: string): PrinterError {
  return new PrinterError('BAD_CONFIG', {
    messages: { vi: `Địa chỉ máy in không hợp lệ: ${vi}`, en: `Invalid printer address: ${en}` },
    detail: `"${url}"; ví dụ / examples: ${EXAMPLES}`,
  });
}

function statusFlag(params: URLSearchParams, url: string): boolean {
  const v = params.get('status');
  if (v === null || v === 'on' || v === '1' || v === 'true') return true;
  if (v === 'off' || v === '0' || v === 'false') return false;
  throw bad('tham số status phải là on hoặc off', 'the status parameter must be on or off', url);
}

/** Parse and validate a printer transport URL. Throws PrinterError BAD_CONFIG with a clear message. */
export function parseTransportUrl(url: string): TransportTarget {
  const raw = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1]?.toLowerCase();
  if (!scheme) throw bad('thiếu phần đầu như tcp:// hoặc file://', 'missing a scheme such as tcp:// or file://', url);

  if (scheme === 'windows-share') {
    const rest = raw.slice('windows-share://'.length).replace(/\\/g, '/').replace(/^\/+/, '');
    const parts = rest
      .split('/')
      .filter(Boolean)
      .map((p) => decodeURIComponent(p));
    const [a, b] = parts;
    if (parts.length === 1 && a) return { kind: 'windows-share', host: 'localhost', share: a };
    if (parts.length === 2 && a && b) return { kind: 'windows-share', host: a, share: b };
    throw bad(
      'cần tên máy in chia sẻ, ví dụ windows-share://XP80',
      'expected a share name, e.g. windows-share://XP80',
      url,
    );
  }

  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw bad('không đọc được địa chỉ', 'cannot parse the URL', url);
  }
  switch (scheme) {
    case 'tcp': {
      const host = u.hostname.replace(/^\[|\]$/g, '');
      if (!host) throw bad('thiếu tên máy hoặc địa chỉ IP', 'missing host name or IP address', url);
      const port = u.port ? Number(u.port) : 9100;
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad('cổng không hợp lệ', 'invalid port', url);
      if (u.pathname && u.pathname !== '/') throw bad('tcp:// không có đường dẫn', 'tcp:// takes no path', url);
      return { kind: 'tcp', host, port, statusQueries: statusFlag(u.searchParams, url) };
    }
    case 'file': {
      if (u.hostname) {
        throw bad(
          'cần đường dẫn tuyệt đối, ví dụ file:///tmp/ve',
          'an absolute path is required, e.g. file:///tmp/tickets',
          url,
        );
      }
      let folder: string;
      try {
        folder = fileURLToPath(u);
      } catch {
        throw bad('đường dẫn thư mục không hợp lệ', 'invalid folder path', url);
      }
      if (!isAbsolute(folder)) {
        throw bad(
          'cần đường dẫn tuyệt đối, ví dụ file:///tmp/ve',
          'an absolute path is required, e.g. file:///tmp/tickets',
          url,
        );
      }
      return { kind: 'file', folder };
    }
    case 'device': {
      const path = decodeURIComponent(u.pathname);
      if (u.hostname || !path || path === '/') {
        throw bad(
          'cần đường dẫn thiết bị, ví dụ device:///dev/usb/lp0',
          'a device path is required, e.g. device:///dev/usb/lp0',
          url,
        );
      }
      return { kind: 'device', path };
    }
    case 'serial': {
      // serial:///dev/ttyUSB0 or serial://COM3 (Windows)
      const path = u.hostname
        ? u.hostname.toUpperCase()
        : decodeURIComponent(u.pathname).replace(/^\/(COM\d+)$/i, '$1');
      if (!path || path === '/') {
        throw bad(
          'cần cổng nối tiếp, ví dụ serial:///dev/ttyUSB0 hoặc serial://COM3',
          'a serial port is required, e.g. serial:///dev/ttyUSB0 or serial://COM3',
          url,
        );
      }
      const baudText = u.searchParams.get('baud') ?? '9600';
      const baudRate = Number(baudText);
      if (!Number.isInteger(baudRate) || baudRate < 300 || baudRate > 4_000_000) {
        throw bad(`tốc độ baud "${baudText}" không hợp lệ`, `invalid baud rate "${baudText}"`, url);
      }
      return { kind: 'serial', path, baudRate, statusQueries: statusFlag(u.searchParams, url) };
    }
    default:
      throw bad(`không hỗ trợ kiểu "${scheme}://"`, `unsupported scheme "${scheme}://"`, url);
  }
}
