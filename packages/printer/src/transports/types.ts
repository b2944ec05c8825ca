import type { PrinterStatus } from '../status.js';

export interface JobMeta {
  /** A name for the job (file printer file names, logs). */
  jobName?: string;
  /** A PNG preview; the file printer stores it beside the bytes. */
  previewPng?: Buffer;
}

/** One open connection to a printer. */
export interface PrinterSession {
  /** True when the printer can answer (TCP, serial): DLE EOT status is read. */
  readonly twoWay: boolean;
  /** Real-time status (DLE EOT 1..4). Absent when the transport cannot read the printer. */
  readStatus?(timeoutMs: number): Promise<PrinterStatus>;
  /** Send one job's bytes. */
  write(bytes: Uint8Array, meta: JobMeta, timeoutMs: number): Promise<void>;
  /** Always safe to call, never throws, never hangs. `graceful: false` drops the connection at once. */
  close(graceful?: boolean): Promise<void>;
}

export interface Transport {
  readonly kind: 'tcp' | 'file' | 'device' | 'serial' | 'windows-share';
  /** A human-readable target, e.g. "192.168.1.50:9100". */
  readonly description: string;
  open(timeoutMs: number): Promise<PrinterSession>;
}
