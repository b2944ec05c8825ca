import type { BilingualMessage } from './types.js';

export type PrinterErrorCode =
  | 'PAPER_OUT'
  | 'COVER_OPEN'
  | 'OFFLINE'
  | 'PRINTER_ERROR'
  | 'TIMEOUT'
  | 'CONNECTION_FAILED'
  | 'CONNECTION_LOST'
  | 'BAD_CONFIG'
  | 'NOT_SUPPORTED'
  | 'MISSING_DEPENDENCY'
  | 'WRITE_FAILED';

const MESSAGES: Record<PrinterErrorCode, BilingualMessage> = {
  PAPER_OUT: {
    vi: 'Máy in hết giấy, vui lòng báo cán bộ',
    en: 'The printer is out of paper, please tell a staff member',
  },
  COVER_OPEN: {
    vi: 'Nắp máy in đang mở, vui lòng báo cán bộ',
    en: 'The printer cover is open, please tell a staff member',
  },
  OFFLINE: {
    vi: 'Máy in đang ngoại tuyến, vui lòng báo cán bộ',
    en: 'The printer is offline, please tell a staff member',
  },
  PRINTER_ERROR: {
    vi: 'Máy in báo lỗi (dao cắt hoặc cơ khí), vui lòng báo cán bộ',
    en: 'The printer reports an error (cutter or mechanism), please tell a staff member',
  },
  TIMEOUT: {
    vi: 'Máy in không phản hồi kịp thời',
    en: 'The printer did not answer in time',
  },
  CONNECTION_FAILED: {
    vi: 'Không kết nối được với máy in',
    en: 'Could not connect to the printer',
  },
  CONNECTION_LOST: {
    vi: 'Mất kết nối với máy in khi đang in',
    en: 'The connection to the printer was lost while printing',
  },
  BAD_CONFIG: {
    vi: 'Cấu hình máy in không hợp lệ',
    en: 'The printer configuration is not valid',
  },
  NOT_SUPPORTED: {
    vi: 'Thao tác không được hỗ trợ với máy in này',
    en: 'This operation is not supported by this printer',
  },
  MISSING_DEPENDENCY: {
    vi: 'Thiếu gói phần mềm cần thiết',
    en: 'A required software package is missing',
  },
  WRITE_FAILED: {
    vi: 'Không gửi được dữ liệu tới máy in',
    en: 'Could not send the data to the printer',
  },
};

/** Codes where trying the same job again later can succeed without a config change. */
const RETRYABLE: ReadonlySet<PrinterErrorCode> = new Set([
  'PAPER_OUT',
  'COVER_OPEN',
  'OFFLINE',
  'PRINTER_ERROR',
  'TIMEOUT',
  'CONNECTION_FAILED',
  'CONNECTION_LOST',
  'WRITE_FAILED',
]);

export interface PrinterErrorOptions {
  /** Extra detail appended to both messages (e.g. the host, the errno). */
  detail?: string;
  /** Replace the standard messages. */
  messages?: BilingualMessage;
  cause?: unknown;
}

/** Every failure of this package is a PrinterError with a code and a message in Vietnamese and English. */
export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  readonly vi: string;
  readonly en: string;
  readonly retryable: boolean;
  readonly detail: string | undefined;

  constructor(code: PrinterErrorCode, options: PrinterErrorOptions = {}) {
    const base = options.messages ?? MESSAGES[code];
    const suffix = options.detail ? ` (${options.detail})` : '';
    super(`${base.vi} / ${base.en}${suffix}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PrinterError';
    this.code = code;
    this.vi = base.vi + suffix;
    this.en = base.en + suffix;
    this.retryable = RETRYABLE.has(code);
    this.detail = options.detail;
  }
}

export function isPrinterError(e: unknown): e is PrinterError {
  return e instanceof PrinterError;
}

export function printerErrorMessage(code: PrinterErrorCode): BilingualMessage {
  return MESSAGES[code];
}
