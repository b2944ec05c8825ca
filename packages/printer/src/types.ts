import type { TicketPrintout } from '@motcua/core';

/** Paper roll width in millimetres. */
export type PaperWidth = 58 | 80;

/** Printable dots per line at 203 dpi for each paper width. */
export const DOTS_PER_LINE: Readonly<Record<PaperWidth, number>> = { 80: 576, 58: 384 };

/** What goes on one queue ticket: core's printout, laid out by this package. */
export type TicketDocument = TicketPrintout;

/** A 1-bit image: rows packed MSB first, 1 = black dot. `width` is a multiple of 8. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Both languages of a user-facing message: Vietnamese first. */
export interface BilingualMessage {
  vi: string;
  en: string;
}
