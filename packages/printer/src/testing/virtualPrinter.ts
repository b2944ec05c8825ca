import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

export type VirtualPrinterFault = 'paperOut' | 'paperNearEnd' | 'coverOpen' | 'offline' | 'slow' | 'dropConnection';

export interface VirtualPrinterJob {
  /** Connection number, from 1. */
  id: number;
  /** Everything received except the real-time status queries (DLE EOT n): decode it with decodeEscPos. */
  bytes: Uint8Array;
  /** Everything received, as sent. */
  raw: Uint8Array;
  /** DLE EOT n queries seen, in order. */
  statusQueries: number[];
  receivedAt: number;
  /** False when the connection was dropped on purpose (fault `dropConnection`). */
  complete: boolean;
}

export interface FaultOptions {
  /** `slow`: delay before each status reply. Default 5000 ms. */
  delayMs?: number;
  /** `dropConnection`: drop after this many job bytes. Default 512. */
  dropAfterBytes?: number;
}

export interface VirtualPrinter {
  /** `tcp://127.0.0.1:<port>`: use as a profile's transportUrl. */
  readonly url: string;
  readonly port: number;
  /** Finished connections that carried job bytes (status-only connections are not jobs). */
  readonly jobs: readonly VirtualPrinterJob[];
  readonly fault: VirtualPrinterFault | null;
  setFault(fault: VirtualPrinterFault | null, options?: FaultOptions): void;
  /** Resolves with the next job that finishes (or the first one not yet awaited); rejects after timeoutMs. */
  waitForJob(timeoutMs?: number): Promise<VirtualPrinterJob>;
  /** Forget recorded jobs. */
  clear(): void;
  close(): Promise<void>;
}

export interface VirtualPrinterOptions {
  /** Default 0: a random free port. */
  port?: number;
  host?: string;
}

/** Status reply bytes for DLE EOT 1..4 under a fault (Epson bit layout; 0x12 = all clear). */
export function statusReply(n: number, fault: VirtualPrinterFault | null): number {
  const base = 0x12;
  switch (fault) {
    case 'paperOut':
      return n === 1 ? base | 0x08 : n === 2 ? base | 0x20 : n === 4 ? base | 0x60 : base;
    case 'paperNearEnd':
      return n === 4 ? base | 0x0c : base;
    case 'coverOpen':
      return n === 1 ? base | 0x08 : n === 2 ? base | 0x04 : base;
    case 'offline':
      return n === 1 ? base | 0x08 : base;
    default:
      return base;
  }
}

/**
 * A network ESC/POS printer on 127.0.0.1 for tests, demos and end-to-end tests of the kiosk.
 * It answers DLE EOT in stream order (it skips over GS v 0 / GS ( k data so image bytes are not
 * mistaken for queries), records each connection's bytes as a job, and can simulate faults.
 */
export async function startVirtualPrinter(options: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
  const jobs: VirtualPrinterJob[] = [];
  const sockets = new Set<Socket>();
  let fault: VirtualPrinterFault | null = null;
  let faultOptions: FaultOptions = {};
  let nextId = 1;
  let awaited = 0;
  const waiters: ((job: VirtualPrinterJob) => void)[] = [];

  const finishJob = (job: VirtualPrinterJob): void => {
    jobs.push(job);
    const w = waiters.shift();
    if (w) {
      awaited = jobs.length;
      w(job);
    }
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const id = nextId++;
    const received: number[] = [];
    const jobBytes: number[] = [];
    const queries: number[] = [];
    let scan = 0; // next byte to interpret
    let skipUntil = 0; // end of image data being skipped
    let dropped = false;
    let finished = false;
    const timers = new Set<NodeJS.Timeout>();

    const reply = (n: number): void => {
      const byte = statusReply(n, fault);
      if (fault === 'slow') {
        const t = setTimeout(() => {
          timers.delete(t);
          if (!socket.destroyed) socket.write(Uint8Array.of(byte));
        }, faultOptions.delayMs ?? 5000);
        timers.add(t);
      } else if (!socket.destroyed) socket.write(Uint8Array.of(byte));
    };

    const interpret = (): void => {
      while (scan < received.length) {
        if (scan < skipUntil) {
          const take = Math.min(skipUntil, received.length) - scan;
          for (let k = 0; k < take; k++) jobBytes.push(received[scan + k] ?? 0);
          scan += take;
          continue;
        }
        const b = received[scan] ?? 0;
        const left = received.length - scan;
        const at = (k: number): number => received[scan + k] ?? 0;
        if (b === 0x10) {
          if (left < 3) return;
          if (at(1) === 0x04) {
            queries.push(at(2));
            reply(at(2));
            scan += 3;
            continue;
          }
        }
        if (b === 0x1d && left >= 2 && at(1) === 0x76) {
          if (left < 8) return;
          skipUntil = scan + 8 + (at(4) + at(5) * 256) * (at(6) + at(7) * 256);
          for (let k = 0; k < 8; k++) jobBytes.push(at(k));
          scan += 8;
          continue;
        }
        if (b === 0x1d && left >= 2 && at(1) === 0x28) {
          if (left < 5) return;
          skipUntil = scan + 5 + at(3) + at(4) * 256;
          for (let k = 0; k < 5; k++) jobBytes.push(at(k));
          scan += 5;
          continue;
        }
        if (b === 0x1d && left < 2) return;
        jobBytes.push(b);
        scan++;
      }
    };

    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (const t of timers) clearTimeout(t);
      sockets.delete(socket);
      if (jobBytes.length > 0) {
        finishJob({
          id,
          bytes: Uint8Array.from(jobBytes),
          raw: Uint8Array.from(received),
          statusQueries: queries,
          receivedAt: Date.now(),
          complete: !dropped,
        });
      }
    };

    socket.on('data', (chunk) => {
      if (dropped) return;
      for (const b of chunk) received.push(b);
      interpret();
      if (fault === 'dropConnection' && jobBytes.length >= (faultOptions.dropAfterBytes ?? 512)) {
        dropped = true;
        socket.resetAndDestroy();
        finish();
      }
    });
    socket.on('error', () => finish());
    socket.on('close', () => finish());
    socket.on('end', () => socket.end());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('virtual printer: no address');
  const port = address.port;

  return {
    url: `tcp://127.0.0.1:${port}`,
    port,
    get jobs() {
      return jobs;
    },
    get fault() {
      return fault;
    },
    setFault(f: VirtualPrinterFault | null, opts: FaultOptions = {}) {
      fault = f;
      faultOptions = opts;
    },
    waitForJob(timeoutMs = 10_000): Promise<VirtualPrinterJob> {
      const pending = jobs[awaited];
      if (pending) {
        awaited++;
        return Promise.resolve(pending);
      }
      return new Promise((resolve, reject) => {
        const w = (job: VirtualPrinterJob): void => {
          clearTimeout(timer);
          resolve(job);
        };
        const timer = setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`virtual printer: no job within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    clear() {
      jobs.length = 0;
      awaited = 0;
    },
    close(): Promise<void> {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
