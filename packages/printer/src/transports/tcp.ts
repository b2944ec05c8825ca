import { Socket } from 'node:net';
import { PrinterError } from '../errors.js';
import { StreamSession } from './streamSession.js';
import type { PrinterSession, Transport } from './types.js';

export interface TcpOptions {
  host: string;
  port: number;
  /** Read DLE EOT status (default true). Turn off with `?status=off` for printers that never answer. */
  statusQueries?: boolean;
}

/** Raw TCP printing (port 9100, "JetDirect"). */
export function tcpTransport(opts: TcpOptions): Transport {
  const description = `${opts.host}:${opts.port}`;
  return {
    kind: 'tcp',
    description,
    open(timeoutMs: number): Promise<PrinterSession> {
      return new Promise((resolve, reject) => {
        const socket = new Socket();
        let settled = false;
        const timer = setTimeout(
          () => {
            if (settled) return;
            settled = true;
            socket.destroy();
            reject(
              new PrinterError('CONNECTION_FAILED', {
                detail: `${description}: hết thời gian chờ kết nối / connect timed out after ${timeoutMs} ms`,
              }),
            );
          },
          Math.max(1, timeoutMs),
        );
        socket.once('error', (err) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          socket.destroy();
          reject(new PrinterError('CONNECTION_FAILED', { detail: `${description}: ${err.message}`, cause: err }));
        });
        socket.connect(opts.port, opts.host, () => {
          if (settled) {
            socket.destroy();
            return;
          }
          settled = true;
          clearTimeout(timer);
          socket.setNoDelay(true);
          socket.setKeepAlive(true, 5000);
          const session = new StreamSession(
            {
              write: (data, cb) => {
                if (socket.destroyed) {
                  cb(new Error('socket closed'));
                  return;
                }
                socket.write(data, cb);
              },
              onData: (cb) => socket.on('data', cb),
              onEnd: (cb) => {
                socket.on('error', (err) => cb(err));
                socket.on('close', () => cb());
              },
              end: () =>
                new Promise<void>((res) => {
                  if (socket.destroyed) {
                    res();
                    return;
                  }
                  socket.once('close', () => res());
                  socket.end();
                }),
              destroy: () => socket.destroy(),
            },
            description,
            opts.statusQueries ?? true,
          );
          resolve(session);
        });
      });
    },
  };
}
