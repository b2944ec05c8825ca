import { deviceTransport, fileTransport, windowsShareTransport } from './oneWay.js';
import { serialTransport } from './serial.js';
import { tcpTransport } from './tcp.js';
import type { Transport } from './types.js';
import { parseTransportUrl } from './url.js';

export { parseTransportUrl } from './url.js';
export type { TransportTarget } from './url.js';
export type { JobMeta, PrinterSession, Transport } from './types.js';
export { tcpTransport } from './tcp.js';
export { serialTransport, loadSerialPort } from './serial.js';
export { fileTransport, deviceTransport, windowsShareTransport } from './oneWay.js';

/** Build the transport for a URL (tcp://, file://, device://, serial://, windows-share://). */
export function createTransport(url: string): Transport {
  const t = parseTransportUrl(url);
  switch (t.kind) {
    case 'tcp':
      return tcpTransport({ host: t.host, port: t.port, statusQueries: t.statusQueries });
    case 'file':
      return fileTransport(t.folder);
    case 'device':
      return deviceTransport(t.path);
    case 'serial':
      return serialTransport({ path: t.path, baudRate: t.baudRate, statusQueries: t.statusQueries });
    case 'windows-share':
      return windowsShareTransport(t.host, t.share);
  }
}
