import { PrinterError } from '../errors.js';
import { StreamSession } from './streamSession.js';
import type { PrinterSession, Transport } from './types.js';

/** The part of `serialport`'s SerialPort class we use (the package is an optional dependency). */
interface SerialPortLike {
  open(cb: (err: Error | null) => void): void;
  write(data: Uint8Array | Buffer, cb?: (err: Error | null | undefined) => void): boolean;
  drain(cb: (err: Error | null) => void): void;
  close(cb?: (err: Error | null) => void): void;
  on(event: 'data', cb: (chunk: Buffer) => void): this;
  on(event: 'error', cb: (err: Error) => void): this;
  on(event: 'close', cb: () => void): this;
  readonly isOpen: boolean;
}
type SerialPortCtor = new (opts: { path: string; baudRate: number; autoOpen: boolean }) => SerialPortLike;

const MISSING = {
  vi: 'Cần cài gói serialport (npm install serialport) để in qua cổng nối tiếp',
  en: 'install the serialport package (npm install serialport) to print over a serial port',
};

/** Loads `serialport` only when a serial printer is used; a clear error when it is not installed. */
export async function loadSerialPort(): Promise<SerialPortCtor> {
  const moduleName = 'serialport';
  let mod: unknown;
  try {
    mod = await import(moduleName);
  } catch (e) {
    throw new PrinterError('MISSING_DEPENDENCY', { messages: MISSING, cause: e });
  }
  const ctor = (mod as { SerialPort?: unknown }).SerialPort;
  if (typeof ctor !== 'function')
    throw new PrinterError('MISSING_DEPENDENCY', { messages: MISSING, detail: 'no SerialPort export' });
  return ctor as SerialPortCtor;
}

export interface SerialOptions {
  path: string;
  baudRate: number;
  statusQueries?: boolean;
}

/** Serial / virtual COM port (USB printers on Windows with the vendor's driver appear as COM3…). */
export function serialTransport(opts: SerialOptions): Transport {
  const description = `${opts.path} @ ${opts.baudRate} baud`;
  return {
    kind: 'serial',
    description,
    async open(timeoutMs: number): Promise<PrinterSession> {
      const SerialPort = await loadSerialPort();
      const port = new SerialPort({ path: opts.path, baudRate: opts.baudRate, autoOpen: false });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => {
            reject(new PrinterError('CONNECTION_FAILED', { detail: `${description}: open timed out` }));
            port.close();
          },
          Math.max(1, timeoutMs),
        );
        port.open((err) => {
          clearTimeout(timer);
          if (err)
            reject(new PrinterError('CONNECTION_FAILED', { detail: `${description}: ${err.message}`, cause: err }));
          else resolve();
        });
      });
      return new StreamSession(
        {
          write: (data, cb) => {
            port.write(Buffer.from(data), (err) => {
              if (err) cb(err);
              else port.drain((e) => cb(e));
            });
          },
          onData: (cb) => port.on('data', cb),
          onEnd: (cb) => {
            port.on('error', (err) => cb(err));
            port.on('close', () => cb());
          },
          end: () =>
            new Promise<void>((res) => {
              if (!port.isOpen) {
                res();
                return;
              }
              port.close(() => res());
            }),
          destroy: () => {
            if (port.isOpen) port.close();
          },
        },
        description,
        opts.statusQueries ?? true,
      );
    },
  };
}
