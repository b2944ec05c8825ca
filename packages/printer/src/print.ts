import { validateTicketDocument } from './document.js';
import { PrinterError } from './errors.js';
import { encodeRasterJob } from './escpos/raster.js';
import { encodeTicketText } from './escpos/text.js';
import { printerProfileSchema } from './profile.js';
import type { PrinterProfile } from './profile.js';
import { bitmapToPng, renderTicket } from './render.js';
import { statusToError, unknownStatus } from './status.js';
import type { PrinterStatus } from './status.js';
import { remaining, withTimeout } from './timeout.js';
import { createTransport } from './transports/index.js';
import type { PrinterSession, Transport } from './transports/types.js';
import type { Bitmap, TicketDocument } from './types.js';

export interface PrintOptions {
  /** Upper bound for the whole job: connect, status, send, confirm. Default 10 000 ms. */
  timeoutMs?: number;
  /** Use this transport instead of the one built from `profile.transportUrl` (tests, custom sinks). */
  transport?: Transport;
  /** Check the status before and after sending on two-way transports. Default true. */
  checkStatus?: boolean;
  /**
   * Called once every byte was written, before the printer confirms: a failure after it may still have
   * printed the slip (the caller then says "check the tray" rather than "failed").
   */
  onSent?: () => void;
}

export interface EncodedTicket {
  bytes: Uint8Array;
  /** The raster image (raster mode) or null (text mode). */
  bitmap: Bitmap | null;
  /** A PNG of what prints (raster) or of the equivalent raster layout (text mode). */
  previewPng: () => Buffer;
}

export interface PrintResult {
  /** The printer's status after the job (`unknown` on one-way transports such as device://). */
  status: PrinterStatus;
  /** The exact bytes sent. Keep them to resend with `sendJob` if needed. */
  bytes: Uint8Array;
  transport: Transport['kind'];
}

export function parseProfile(profile: PrinterProfile): PrinterProfile {
  const r = printerProfileSchema.safeParse(profile);
  if (!r.success) {
    throw new PrinterError('BAD_CONFIG', {
      detail: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  return r.data;
}

/** Render (raster) or lay out (text) and encode a ticket for a profile. Pure CPU, no I/O. */
export function encodeTicket(profile: PrinterProfile, doc: TicketDocument): EncodedTicket {
  const p = parseProfile(profile);
  validateTicketDocument(doc);
  if (p.mode === 'text') {
    const bytes = encodeTicketText(doc, {
      paperWidth: p.paperWidth,
      codePage: p.codePage,
      cut: p.cut,
      density: p.density,
      beep: p.beep,
    });
    return {
      bytes,
      bitmap: null,
      previewPng: () => bitmapToPng(renderTicket(doc, { paperWidth: p.paperWidth }).bitmap),
    };
  }
  const { bitmap } = renderTicket(doc, { paperWidth: p.paperWidth });
  const bytes = encodeRasterJob(bitmap, { cut: p.cut, density: p.density, beep: p.beep });
  return { bytes, bitmap, previewPng: () => bitmapToPng(bitmap) };
}

async function withSession<T>(
  transport: Transport,
  deadline: number,
  fn: (session: PrinterSession) => Promise<T>,
): Promise<T> {
  const session = await transport.open(remaining(deadline));
  let result: T;
  try {
    result = await fn(session);
  } catch (e) {
    await session.close(false);
    throw e;
  }
  await session.close(true);
  return result;
}

/** A hard stop so that no call ever hangs, whatever a transport does. */
function hardDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  return withTimeout(p, ms + 250, 'toàn bộ lệnh in / whole print job');
}

/**
 * Send already-encoded bytes: status check, write, confirm. Use it to retry a failed job with the
 * same bytes (`result.bytes` or `encodeTicket(...).bytes`).
 */
export function sendJob(
  profile: PrinterProfile,
  bytes: Uint8Array,
  options: PrintOptions & { previewPng?: () => Buffer; jobName?: string } = {},
): Promise<PrintResult> {
  let p: PrinterProfile;
  let transport: Transport;
  try {
    p = parseProfile(profile);
    transport = options.transport ?? createTransport(p.transportUrl);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  const check = options.checkStatus ?? true;
  const run = withSession(transport, deadline, async (session) => {
    if (check && session.readStatus) {
      const before = await session.readStatus(remaining(deadline));
      const err = statusToError(before);
      if (err) throw err;
    }
    const previewPng = transport.kind === 'file' ? options.previewPng?.() : undefined;
    await session.write(bytes, { jobName: options.jobName, previewPng }, remaining(deadline));
    options.onSent?.();
    let status: PrinterStatus = unknownStatus();
    if (check && session.readStatus) {
      // Asking again after the job confirms the printer received all of it (replies come in order).
      status = await session.readStatus(remaining(deadline));
      const err = statusToError(status);
      if (err) throw err;
    }
    return { status, bytes, transport: transport.kind };
  });
  return hardDeadline(run, timeoutMs);
}

/** Check status, render, encode, send, confirm. Rejects with a PrinterError; a failed job can be retried. */
export function printTicket(
  profile: PrinterProfile,
  doc: TicketDocument,
  options: PrintOptions = {},
): Promise<PrintResult> {
  let encoded: EncodedTicket;
  try {
    encoded = encodeTicket(profile, doc);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  return sendJob(profile, encoded.bytes, { ...options, previewPng: encoded.previewPng, jobName: doc.label });
}

/**
 * Read the printer's status. Never throws for printer or network problems: they come back as
 * `offline` (or the matching status) with `error` set. Throws PrinterError BAD_CONFIG for a bad profile.
 */
export async function checkPrinterStatus(
  profile: PrinterProfile,
  options: { timeoutMs?: number; transport?: Transport } = {},
): Promise<PrinterStatus & { error?: PrinterError }> {
  const p = parseProfile(profile);
  const transport = options.transport ?? createTransport(p.transportUrl);
  const timeoutMs = options.timeoutMs ?? 5000;
  const deadline = Date.now() + timeoutMs;
  try {
    return await hardDeadline(
      withSession(transport, deadline, (session) =>
        session.readStatus ? session.readStatus(remaining(deadline)) : Promise.resolve(unknownStatus()),
      ),
      timeoutMs,
    );
  } catch (e) {
    if (e instanceof PrinterError && e.code === 'BAD_CONFIG') throw e;
    const error =
      e instanceof PrinterError ? e : new PrinterError('CONNECTION_FAILED', { detail: String(e), cause: e });
    return { status: 'offline', message: { vi: error.vi, en: error.en }, error };
  }
}
