import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PrinterError } from '../errors.js';
import { STATUS_MESSAGES } from '../status.js';
import type { PrinterStatus } from '../status.js';
import { withTimeout } from '../timeout.js';
import type { JobMeta, PrinterSession, Transport } from './types.js';

function errnoHint(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'không tìm thấy thiết bị, kiểm tra cáp USB và nguồn / device not found, check the USB cable and power';
    case 'EACCES':
    case 'EPERM':
      return 'không có quyền ghi, thêm người dùng vào nhóm lp / no permission, add the user to the lp group';
    case 'EBUSY':
      return 'thiết bị đang bận / device busy';
    default:
      return err.message;
  }
}

/** Write bytes through a plain fs write stream (device files, UNC printer shares). */
function writeThroughStream(path: string, bytes: Uint8Array, timeoutMs: number, where: string): Promise<void> {
  const stream = createWriteStream(path, { flags: 'w' });
  const done = new Promise<void>((resolve, reject) => {
    stream.once('error', (err: NodeJS.ErrnoException) => {
      const code =
        err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EPERM' ? 'CONNECTION_FAILED' : 'WRITE_FAILED';
      reject(new PrinterError(code, { detail: `${where}: ${errnoHint(err)}`, cause: err }));
    });
    stream.once('close', () => resolve());
    stream.end(Buffer.from(bytes));
  });
  return withTimeout(done, timeoutMs, 'ghi thiết bị / device write', () => stream.destroy());
}

let jobCounter = 0;

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 80);
}

/** Writes each job as `<name>.bin` plus `<name>.png` (preview) into a folder. The demo default. */
export function fileTransport(folder: string): Transport {
  return {
    kind: 'file',
    description: folder,
    open(): Promise<PrinterSession> {
      const session: PrinterSession = {
        twoWay: false,
        async readStatus(timeoutMs: number): Promise<PrinterStatus> {
          await withTimeout(
            mkdir(folder, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
              throw new PrinterError('CONNECTION_FAILED', { detail: `${folder}: ${errnoHint(err)}`, cause: err });
            }),
            timeoutMs,
            'thư mục / folder',
          );
          return { status: 'ok', message: STATUS_MESSAGES.ok };
        },
        async write(bytes: Uint8Array, meta: JobMeta, timeoutMs: number): Promise<void> {
          jobCounter = (jobCounter + 1) % 1000;
          const stamp = new Date().toISOString().replace(/[:.]/g, '-');
          const base = safeName(
            `${stamp}-${String(jobCounter).padStart(3, '0')}${meta.jobName ? `-${meta.jobName}` : ''}`,
          );
          const work = (async () => {
            await mkdir(folder, { recursive: true });
            await writeFile(join(folder, `${base}.bin`), bytes);
            if (meta.previewPng) await writeFile(join(folder, `${base}.png`), meta.previewPng);
          })().catch((err: NodeJS.ErrnoException) => {
            throw new PrinterError('WRITE_FAILED', { detail: `${folder}: ${errnoHint(err)}`, cause: err });
          });
          await withTimeout(work, timeoutMs, 'ghi tệp / file write');
        },
        close: () => Promise.resolve(),
      };
      return Promise.resolve(session);
    },
  };
}

/** A printer device file such as /dev/usb/lp0 (Linux usblp). One way: no status. */
export function deviceTransport(path: string): Transport {
  return {
    kind: 'device',
    description: path,
    open(): Promise<PrinterSession> {
      return Promise.resolve({
        twoWay: false,
        write: (bytes: Uint8Array, _meta: JobMeta, timeoutMs: number) =>
          writeThroughStream(path, bytes, timeoutMs, path),
        close: () => Promise.resolve(),
      });
    },
  };
}

/**
 * A shared Windows printer reached through the spooler's RAW path `\\host\ShareName`.
 * Only works on Windows (on Linux the path would be an ordinary file name). Untested on real hardware here.
 */
export function windowsShareTransport(host: string, share: string): Transport {
  const unc = `\\\\${host}\\${share}`;
  return {
    kind: 'windows-share',
    description: unc,
    open(): Promise<PrinterSession> {
      if (process.platform !== 'win32') {
        return Promise.reject(
          new PrinterError('NOT_SUPPORTED', {
            messages: {
              vi: `In qua máy in chia sẻ ${unc} chỉ dùng được trên Windows`,
              en: `Printing to the shared printer ${unc} only works on Windows`,
            },
          }),
        );
      }
      return Promise.resolve({
        twoWay: false,
        write: (bytes: Uint8Array, _meta: JobMeta, timeoutMs: number) => writeThroughStream(unc, bytes, timeoutMs, unc),
        close: () => Promise.resolve(),
      });
    },
  };
}
