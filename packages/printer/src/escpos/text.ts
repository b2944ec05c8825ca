import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import {
  DEFAULT_FOOTER_EN,
  DEFAULT_FOOTER_VI,
  formatEta,
  formatIssuedAt,
  validateTicketDocument,
} from '../document.js';
import { PrinterError } from '../errors.js';
import type { PaperWidth, TicketDocument } from '../types.js';
import { beepCommand, concatBytes, cutCommand, densityCommand, feedCommand } from './raster.js';
import type { CutMode } from './raster.js';

type EncoderOptions = NonNullable<ConstructorParameters<typeof ReceiptPrinterEncoder>[0]>;
type MappingName = Extract<NonNullable<EncoderOptions['codepageMapping']>, string>;

const MAPPINGS: readonly MappingName[] = [
  'bixolon',
  'bixolon/legacy',
  'citizen',
  'epson',
  'epson/legacy',
  'fujitsu',
  'hp',
  'metapace',
  'mpt',
  'pos-5890',
  'pos-8360',
  'star',
  'sunmi',
  'xprinter',
  'youku',
];

export interface TextCodePage {
  /** Code page family; only TCVN-3 carries Vietnamese on ESC/POS printers. */
  codepage: 'tcvn3';
  /** Which printer family's ESC t numbering to use (Epson: 30 = TCVN-3, 31 = TCVN-3 capitals). */
  mapping: MappingName;
}

/** Parse a profile's `codePage`: `tcvn3` or `tcvn3@citizen`. */
export function parseTextCodePage(codePage: string): TextCodePage {
  const [name = '', mapping = 'epson'] = codePage.trim().toLowerCase().split('@');
  if (name !== 'tcvn3' && name !== 'tcvn-3' && name !== 'tcvn') {
    throw new PrinterError('BAD_CONFIG', {
      messages: {
        vi: `Chế độ in chữ chỉ hỗ trợ bảng mã TCVN-3 (codePage "tcvn3"), không phải "${codePage}"; hãy dùng chế độ raster`,
        en: `Text mode supports the TCVN-3 code page only (codePage "tcvn3"), not "${codePage}"; use raster mode`,
      },
    });
  }
  const m = MAPPINGS.find((x) => x === mapping);
  if (!m) {
    throw new PrinterError('BAD_CONFIG', {
      messages: {
        vi: `Không biết bảng đánh số mã trang "${mapping}"`,
        en: `Unknown code page numbering "${mapping}"`,
      },
      detail: `dùng / use: ${MAPPINGS.join(', ')}`,
    });
  }
  return { codepage: 'tcvn3', mapping: m };
}

/**
 * Punctuation TCVN-3 lacks, folded to ASCII so it does not print as "?". Also works around the
 * code page table of @point-of-sale/codepage-encoder, whose TCVN-3 capitals page lists "Ð" (U+00D0,
 * Icelandic eth) at 0xA7 where TCVN-3 has "Đ" (U+0110): we hand it U+00D0 so 0xA7 is sent.
 */
export function foldForTcvn3(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0110/g, '\u00d0')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\u00a0\u202f]/g, ' ');
}

export interface TextJobOptions {
  paperWidth: PaperWidth;
  codePage: string;
  cut: CutMode;
  density?: number;
  beep?: boolean;
}

function newEncoder(opts: TextJobOptions): ReceiptPrinterEncoder {
  const cp = parseTextCodePage(opts.codePage);
  return new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: opts.paperWidth === 80 ? 48 : 32,
    codepageMapping: cp.mapping,
    // Auto mode switches between TCVN-3 (lower case) and TCVN-3 capitals per character run.
    codepageCandidates: ['tcvn3', 'tcvn3capitals'],
    newline: '\n',
  });
}

function tail(opts: TextJobOptions): Uint8Array {
  return concatBytes([feedCommand(4), cutCommand(opts.cut), opts.beep ? beepCommand() : new Uint8Array(0)]);
}

/** Plain lines in TCVN-3 (for tests and simple slips). */
export function encodeTextLines(lines: readonly string[], opts: TextJobOptions): Uint8Array {
  const e = newEncoder(opts).initialize().codepage('auto');
  for (const line of lines) e.line(foldForTcvn3(line));
  return concatBytes([e.encode(), tail(opts)]);
}

/** The ticket in text mode: for printer models known to have TCVN-3. QR via GS ( k. */
export function encodeTicketText(doc: TicketDocument, opts: TextJobOptions): Uint8Array {
  validateTicketDocument(doc);
  const f = foldForTcvn3;
  const e = newEncoder(opts)
    .initialize()
    .raw([...densityCommand(opts.density ?? 4)])
    .codepage('auto');
  const eta = formatEta(doc.etaMinutes);
  e.align('center');
  if (doc.copyMark?.trim())
    e.invert(true)
      .bold(true)
      .line(` ${f(doc.copyMark)} / REPRINT `)
      .bold(false)
      .invert(false);
  if (doc.officeName.trim())
    e.bold(true)
      .line(f(doc.officeName.toLocaleUpperCase('vi')))
      .bold(false)
      .rule();
  e.line('SỐ THỨ TỰ / TICKET NUMBER');
  const big = doc.label.length <= (opts.paperWidth === 80 ? 8 : 5) ? 4 : 3;
  e.size(big, big).bold(true).line(f(doc.label)).bold(false).size(1, 1);
  if (doc.priorityLabel?.trim())
    e.invert(true)
      .bold(true)
      .line(` ${f(doc.priorityLabel)} `)
      .bold(false)
      .invert(false);
  e.newline().bold(true).line(f(doc.serviceNameVi)).bold(false);
  if (doc.serviceNameEn?.trim()) e.line(f(doc.serviceNameEn));
  e.rule({ style: 'single' });
  e.align('left');
  e.line(`Thời gian lấy số / Issued: ${formatIssuedAt(doc.issuedAt, doc.timeZone)}`);
  e.line(`Số người chờ trước / Ahead: ${Math.max(0, Math.round(doc.peopleAhead))}`);
  e.line(`Chờ dự kiến / Wait: ${eta.vi} / ${eta.en}`);
  if (doc.reminder?.trim()) e.line(f(doc.reminder));
  e.align('center');
  if (doc.qrContent) {
    e.newline().qrcode(doc.qrContent, { model: 2, size: opts.paperWidth === 80 ? 6 : 5, errorlevel: 'm' });
    e.line('Quét mã để theo dõi lượt / Scan to follow');
  }
  e.rule()
    .bold(true)
    .line(f(doc.footer?.trim() || DEFAULT_FOOTER_VI))
    .bold(false);
  e.line(f(doc.footerEn?.trim() || DEFAULT_FOOTER_EN));
  return concatBytes([e.encode(), tail(opts)]);
}
