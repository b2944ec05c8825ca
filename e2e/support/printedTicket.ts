import type { TicketPrintout } from '@motcua/core';
import { renderTicketBitmap, type Bitmap } from '@motcua/printer';
import { decodeEscPos, rasterImage } from '@motcua/printer/testing';
import jsQR from 'jsqr';

export interface PrintedTicket {
  bitmap: Bitmap;
  /** What the QR code on the paper says, or null when none could be read. */
  qr: string | null;
}

function toRgba(bitmap: Bitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(bitmap.width * bitmap.height * 4);
  const bytesPerRow = bitmap.width / 8;
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      const black = ((bitmap.data[y * bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
      const i = (y * bitmap.width + x) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = black ? 0 : 255;
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

/** Decodes the ESC/POS bytes a printer received back into the ticket's picture and its QR content. */
export function readPrintedTicket(bytes: Uint8Array): PrintedTicket {
  const bitmap = rasterImage(decodeEscPos(bytes));
  if (!bitmap) throw new Error('the job has no raster image');
  return { bitmap, qr: jsQR(toRgba(bitmap), bitmap.width, bitmap.height)?.data ?? null };
}

/** True when the paper shows exactly this printout (label, service, priority, time …) at this width. */
export function printedTicketShows(
  printed: PrintedTicket,
  printout: TicketPrintout,
  paperWidth: 58 | 80 = 80,
): boolean {
  const expected = renderTicketBitmap(printout, { paperWidth });
  return (
    expected.width === printed.bitmap.width &&
    expected.height === printed.bitmap.height &&
    Buffer.from(expected.data).equals(Buffer.from(printed.bitmap.data))
  );
}
