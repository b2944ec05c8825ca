import { printerProfileSchema, type OfficeConfig } from './schemas.js';

/**
 * Which printer addresses the hub may write to. An admin's printer address names a place on the hub's disk
 * or network; without these rules `device://` could overwrite the database and `file://` write anywhere.
 */
export type PrinterAddressRefusal = 'scheme' | 'devicePath' | 'filePath' | 'fileOutsideData' | 'shareHost';

/** What only the hub knows: its data folder and the Windows hosts allowed for shared printers. */
export interface PrinterAddressContext {
  /** Absolute path of the hub's data folder; `file://` printers write below it only. */
  dataDir: string;
  /** Hosts besides this machine whose shared printers (`windows-share://HOST/SHARE`) may be used. */
  shareHosts: readonly string[];
}

/**
 * The share hosts in force: the operator's (`--printer-share-hosts`) and the admin's (kiosk settings), so
 * either can allow a computer and an admin's change takes effect at the next save and the next print.
 */
export function allowedShareHosts(operatorHosts: readonly string[], config: OfficeConfig): string[] {
  const hosts = [...operatorHosts, ...(config.kiosk.printerShareHosts ?? [])].map((host) => host.toLowerCase());
  return [...new Set(hosts)];
}

/** Printer device and serial ports: USB line printers, serial/USB-serial ttys, Windows COM ports. */
const DEVICE_PATHS = [/^\/dev\/usb\/lp\d{1,3}$/, /^\/dev\/tty[A-Za-z]{0,8}\d{1,3}$/, /^COM\d{1,3}$/i];

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** `/a/b/` and `C:\a\b` as "/a/b" and "c:/a/b", to compare folders by their segments. */
function folderKey(path: string): string {
  const slashes = path.replace(/\\/g, '/').replace(/\/+$/, '');
  return /^\/?[a-z]:\//i.test(slashes) ? slashes.replace(/^\//, '').toLowerCase() : slashes;
}

function fileRefusal(rest: string, context: PrinterAddressContext | null): PrinterAddressRefusal | null {
  // file:///folder only: a host part (file://server/x) is a network path.
  if (!rest.startsWith('/')) return 'filePath';
  const path = decoded(rest.replace(/[?#].*$/, ''));
  if (path === null || path.includes('\0')) return 'filePath';
  const segments = path.replace(/\\/g, '/').split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return 'filePath';
  if (!context) return null;
  const folder = folderKey(path);
  const data = folderKey(context.dataDir);
  return folder === data || folder.startsWith(`${data}/`) ? null : 'fileOutsideData';
}

function shareRefusal(rest: string, context: PrinterAddressContext | null): PrinterAddressRefusal | null {
  const parts = rest.replace(/\\/g, '/').split('/').filter(Boolean);
  if (parts.length === 0 || parts.length > 2) return 'scheme';
  if (parts.length === 1 || !context) return null;
  const host = (decoded(parts[0] ?? '') ?? '').toLowerCase();
  const local = ['localhost', '127.0.0.1', '.'];
  return local.includes(host) || context.shareHosts.some((h) => h.toLowerCase() === host) ? null : 'shareHost';
}

function deviceRefusal(rest: string): PrinterAddressRefusal | null {
  const path = decoded(rest.replace(/\?.*$/, ''));
  if (path === null) return 'devicePath';
  // serial://COM3 and device:///COM3 name the same port.
  const port = path.replace(/^\/(COM\d+)$/i, '$1');
  return DEVICE_PATHS.some((pattern) => pattern.test(port)) ? null : 'devicePath';
}

/**
 * Why a printer address is refused, or null. Without a context only the form is judged (the command
 * schema); the hub passes its context when the admin saves and again before every print.
 */
export function printerAddressRefusal(
  url: string,
  context: PrinterAddressContext | null,
): PrinterAddressRefusal | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(url.trim());
  if (!match) return 'scheme';
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  switch (scheme) {
    case 'tcp':
      return null;
    case 'file':
      return fileRefusal(rest, context);
    case 'device':
    case 'serial':
      return deviceRefusal(rest);
    case 'windows-share':
      return shareRefusal(rest, context);
    default:
      return 'scheme';
  }
}

/** What the admin reads in the printer form; the field is the printer address. */
export const printerAddressMessages: Record<PrinterAddressRefusal, { vi: string; en: string }> = {
  scheme: {
    vi: 'Địa chỉ máy in: chỉ dùng tcp://IP:9100, device:///dev/usb/lp0, serial:///dev/ttyUSB0, serial://COM3, file:///<thư mục dữ liệu>/… hoặc windows-share://TÊN-MÁY-IN.',
    en: 'Printer address: use tcp://IP:9100, device:///dev/usb/lp0, serial:///dev/ttyUSB0, serial://COM3, file:///<data folder>/… or windows-share://PRINTER.',
  },
  devicePath: {
    vi: 'Địa chỉ máy in: cổng thiết bị chỉ được là /dev/usb/lp…, /dev/tty… hoặc COM… (ví dụ device:///dev/usb/lp0, serial://COM3).',
    en: 'Printer address: a device port must be /dev/usb/lp…, /dev/tty… or COM… (e.g. device:///dev/usb/lp0, serial://COM3).',
  },
  filePath: {
    vi: 'Địa chỉ máy in: file:// cần một đường dẫn tuyệt đối trên máy chủ, không có “..”, ví dụ file:///var/lib/motcua/prints.',
    en: 'Printer address: file:// needs an absolute path on the hub without “..”, e.g. file:///var/lib/motcua/prints.',
  },
  fileOutsideData: {
    vi: 'Địa chỉ máy in: máy in kiểu file:// chỉ được ghi vào thư mục dữ liệu của máy chủ. Hãy chọn một thư mục con trong thư mục dữ liệu.',
    en: 'Printer address: a file:// printer may only write inside the hub’s data folder. Choose a folder inside it.',
  },
  shareHost: {
    vi: 'Địa chỉ máy in: máy tính chia sẻ máy in này chưa được cho phép. Hãy thêm tên máy vào ô “Máy tính được phép chia sẻ máy in” (mục Máy in) rồi lưu lại, hoặc dùng máy in chia sẻ trên chính máy chủ.',
    en: 'Printer address: this sharing computer is not allowed. Add its name under “Computers allowed to share a printer” (Printers) and save again, or use a printer shared on the hub itself.',
  },
};

/**
 * A printer profile as an admin sends it: the address's form is checked here; the data folder and share hosts
 * by the hub. Stored events keep the plain schema, so a profile saved before these rules still replays.
 */
export const printerProfileCommandSchema = printerProfileSchema.superRefine((profile, ctx) => {
  const refusal = printerAddressRefusal(profile.transportUrl, null);
  if (refusal) {
    ctx.addIssue({
      code: 'custom',
      path: ['transportUrl'],
      message: printerAddressMessages[refusal].vi,
      params: { refusal },
    });
  }
});
