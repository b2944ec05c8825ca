import { PrinterError } from './errors.js';
import type { PrinterErrorCode } from './errors.js';
import type { BilingualMessage } from './types.js';

export type PrinterStatusKind = 'ok' | 'paperNearEnd' | 'paperOut' | 'coverOpen' | 'offline' | 'error' | 'unknown';

/** What the four DLE EOT replies say, bit by bit (ESC/POS real-time status). */
export interface PrinterStatusFlags {
  offline: boolean;
  coverOpen: boolean;
  feedButton: boolean;
  paperEndStop: boolean;
  errorOccurred: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
  mechanicalError: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
}

export interface PrinterStatus {
  status: PrinterStatusKind;
  message: BilingualMessage;
  /** Raw DLE EOT 1..4 replies when the printer answered; absent on one-way transports. */
  raw?: { n1: number; n2: number; n3: number; n4: number };
  flags?: PrinterStatusFlags;
}

export const STATUS_MESSAGES: Record<PrinterStatusKind, BilingualMessage> = {
  ok: { vi: 'Máy in sẵn sàng', en: 'The printer is ready' },
  paperNearEnd: {
    vi: 'Máy in sắp hết giấy, vui lòng báo cán bộ thay cuộn giấy',
    en: 'The printer is nearly out of paper, please tell a staff member to change the roll',
  },
  paperOut: {
    vi: 'Máy in hết giấy, vui lòng báo cán bộ',
    en: 'The printer is out of paper, please tell a staff member',
  },
  coverOpen: {
    vi: 'Nắp máy in đang mở, vui lòng báo cán bộ',
    en: 'The printer cover is open, please tell a staff member',
  },
  offline: {
    vi: 'Máy in đang ngoại tuyến, vui lòng báo cán bộ',
    en: 'The printer is offline, please tell a staff member',
  },
  error: {
    vi: 'Máy in báo lỗi, vui lòng báo cán bộ',
    en: 'The printer reports an error, please tell a staff member',
  },
  unknown: {
    vi: 'Không đọc được trạng thái máy in (kết nối một chiều)',
    en: 'The printer status cannot be read (one-way connection)',
  },
};

/** DLE EOT n: real-time status transmission. */
export function dleEot(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/** A status byte always has bit 1 and bit 4 set and bits 0 and 7 clear. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Decode the four DLE EOT replies into flags and the one status that matters most to a citizen. */
export function parseStatusBytes(n1: number, n2: number, n3: number, n4: number): PrinterStatus {
  for (const b of [n1, n2, n3, n4]) {
    if (!isStatusByte(b)) {
      return { status: 'unknown', message: STATUS_MESSAGES.unknown, raw: { n1, n2, n3, n4 } };
    }
  }
  const flags: PrinterStatusFlags = {
    offline: (n1 & 0x08) !== 0,
    coverOpen: (n2 & 0x04) !== 0,
    feedButton: (n2 & 0x08) !== 0,
    paperEndStop: (n2 & 0x20) !== 0,
    errorOccurred: (n2 & 0x40) !== 0,
    mechanicalError: (n3 & 0x04) !== 0,
    cutterError: (n3 & 0x08) !== 0,
    unrecoverableError: (n3 & 0x20) !== 0,
    autoRecoverableError: (n3 & 0x40) !== 0,
    paperNearEnd: (n4 & 0x0c) !== 0,
    paperOut: (n4 & 0x60) !== 0,
  };
  let status: PrinterStatusKind;
  if (flags.paperOut || flags.paperEndStop) status = 'paperOut';
  else if (flags.coverOpen) status = 'coverOpen';
  else if (flags.errorOccurred || flags.mechanicalError || flags.cutterError || flags.unrecoverableError)
    status = 'error';
  else if (flags.offline) status = 'offline';
  else if (flags.paperNearEnd) status = 'paperNearEnd';
  else status = 'ok';
  return { status, message: STATUS_MESSAGES[status], raw: { n1, n2, n3, n4 }, flags };
}

export function unknownStatus(): PrinterStatus {
  return { status: 'unknown', message: STATUS_MESSAGES.unknown };
}

/** The error to raise for a status that must stop printing, or null when printing may go ahead. */
export function statusToError(status: PrinterStatus): PrinterError | null {
  const map: Partial<Record<PrinterStatusKind, PrinterErrorCode>> = {
    paperOut: 'PAPER_OUT',
    coverOpen: 'COVER_OPEN',
    offline: 'OFFLINE',
    error: 'PRINTER_ERROR',
  };
  const code = map[status.status];
  return code ? new PrinterError(code) : null;
}
