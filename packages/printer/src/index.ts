export type { TicketDocument, Bitmap, PaperWidth, BilingualMessage } from './types.js';
export { DOTS_PER_LINE } from './types.js';
export {
  ticketDocumentSchema,
  validateTicketDocument,
  formatIssuedAt,
  formatEta,
  DEFAULT_FOOTER_VI,
  DEFAULT_FOOTER_EN,
} from './document.js';
export { printerProfileSchema, defaultProfile } from './profile.js';
export type { PrinterProfile } from './profile.js';
export { PrinterError, isPrinterError, printerErrorMessage } from './errors.js';
export type { PrinterErrorCode } from './errors.js';
export { parseStatusBytes, statusToError, STATUS_MESSAGES, dleEot } from './status.js';
export type { PrinterStatus, PrinterStatusKind, PrinterStatusFlags } from './status.js';
export { layoutTicket, wrapText, measureText } from './layout.js';
export type { TicketLayout } from './layout.js';
export { renderTicket, renderTicketBitmap, renderTicketPng, bitmapToPng, rgbaToBitmap, renderSvg } from './render.js';
export type { RenderOptions, PngOptions, RenderedTicket } from './render.js';
export { encodeRasterJob, rasterBands } from './escpos/raster.js';
export type { RasterJobOptions, CutMode } from './escpos/raster.js';
export { encodeTicketText, encodeTextLines, parseTextCodePage, foldForTcvn3 } from './escpos/text.js';
export type { TextJobOptions } from './escpos/text.js';
export { printTicket, checkPrinterStatus, sendJob, encodeTicket, parseProfile } from './print.js';
export type { PrintOptions, PrintResult, EncodedTicket } from './print.js';
export {
  createTransport,
  parseTransportUrl,
  tcpTransport,
  serialTransport,
  fileTransport,
  deviceTransport,
  windowsShareTransport,
} from './transports/index.js';
export type { Transport, PrinterSession, JobMeta, TransportTarget } from './transports/index.js';
export { fontMetrics, fontPath, FONT_FAMILY } from './font.js';
export { sampleTicket } from './sampleTicket.js';
