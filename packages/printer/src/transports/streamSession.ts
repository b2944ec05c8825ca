import { PrinterError } from '../errors.js';
import { dleEot, parseStatusBytes, unknownStatus } from '../status.js';
import type { PrinterStatus } from '../status.js';
import { withTimeout } from '../timeout.js';
import type { JobMeta, PrinterSession } from './types.js';

/** The little a two-way byte stream (net.Socket, SerialPort) must offer. */
export interface ByteStream {
  write(data: Uint8Array, cb: (err?: Error | null) => void): void;
  onData(cb: (chunk: Buffer) => void): void;
  onEnd(cb: (err?: Error) => void): void;
  /** Graceful close; resolve when closed. */
  end(): Promise<void>;
  destroy(): void;
}

/**
 * A session over a two-way stream: reads DLE EOT replies byte by byte, writes jobs, and turns every
 * failure into a PrinterError. Every wait has a timeout.
 */
export class StreamSession implements PrinterSession {
  readonly twoWay = true;
  private buffer: number[] = [];
  private waiter: { n: number; resolve: (b: number[]) => void; reject: (e: Error) => void } | null = null;
  private lost: PrinterError | null = null;
  private closed = false;

  constructor(
    private readonly stream: ByteStream,
    private readonly where: string,
    readonly statusQueries: boolean,
  ) {
    stream.onData((chunk) => {
      for (const b of chunk) this.buffer.push(b);
      this.flushWaiter();
    });
    stream.onEnd((err) => {
      if (this.closed) return;
      this.lost = new PrinterError('CONNECTION_LOST', {
        detail: err ? `${this.where}: ${err.message}` : this.where,
        cause: err,
      });
      const w = this.waiter;
      this.waiter = null;
      w?.reject(this.lost);
    });
  }

  private flushWaiter(): void {
    const w = this.waiter;
    if (w && this.buffer.length >= w.n) {
      this.waiter = null;
      w.resolve(this.buffer.splice(0, w.n));
    }
  }

  private read(n: number): Promise<number[]> {
    if (this.lost) return Promise.reject(this.lost);
    return new Promise((resolve, reject) => {
      this.waiter = { n, resolve, reject };
      this.flushWaiter();
    });
  }

  private writeRaw(data: Uint8Array): Promise<void> {
    if (this.lost) return Promise.reject(this.lost);
    return new Promise((resolve, reject) => {
      this.stream.write(data, (err) => {
        if (err)
          reject(
            this.lost ?? new PrinterError('CONNECTION_LOST', { detail: `${this.where}: ${err.message}`, cause: err }),
          );
        else resolve();
      });
    });
  }

  async readStatus(timeoutMs: number): Promise<PrinterStatus> {
    if (!this.statusQueries) return unknownStatus();
    const deadline = Date.now() + timeoutMs;
    const replies: number[] = [];
    try {
      for (const n of [1, 2, 3, 4] as const) {
        this.buffer = []; // drop stray bytes (e.g. automatic status back)
        const left = Math.max(1, deadline - Date.now());
        await withTimeout(this.writeRaw(dleEot(n)), left, `DLE EOT ${n}`);
        const [b] = await withTimeout(this.read(1), Math.max(1, deadline - Date.now()), `DLE EOT ${n}`);
        replies.push(b ?? 0);
      }
    } catch (e) {
      if (this.waiter) this.waiter = null;
      throw e;
    }
    const [n1 = 0, n2 = 0, n3 = 0, n4 = 0] = replies;
    return parseStatusBytes(n1, n2, n3, n4);
  }

  async write(bytes: Uint8Array, _meta: JobMeta, timeoutMs: number): Promise<void> {
    await withTimeout(this.writeRaw(bytes), timeoutMs, 'gửi dữ liệu / sending data', () => this.stream.destroy());
  }

  async close(graceful = true): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const w = this.waiter;
    this.waiter = null;
    w?.reject(new PrinterError('CONNECTION_LOST', { detail: 'closed' }));
    if (!graceful) {
      this.stream.destroy();
      return;
    }
    try {
      await withTimeout(this.stream.end(), 2000, 'đóng kết nối / closing');
    } catch {
      this.stream.destroy();
    }
  }
}
