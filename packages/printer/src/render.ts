import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { validateTicketDocument } from './document.js';
import { FONT_FAMILY, fontFiles } from './font.js';
import { layoutTicket } from './layout.js';
import type { TicketLayout } from './layout.js';
import type { Bitmap, PaperWidth, TicketDocument } from './types.js';

export interface RenderOptions {
  paperWidth: PaperWidth;
  /** Luminance below this (0..255) prints black. Default 150. */
  threshold?: number;
}

let cachedFontFiles: string[] | undefined;

/** Render any SVG with the bundled Be Vietnam Pro only (never system fonts). Returns RGBA pixels. */
export function renderSvg(svg: string): { width: number; height: number; pixels: Buffer; png: () => Buffer } {
  cachedFontFiles ??= fontFiles();
  const resvg = new Resvg(svg, {
    font: { fontFiles: cachedFontFiles, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const img = resvg.render();
  return { width: img.width, height: img.height, pixels: img.pixels, png: () => img.asPng() };
}

/** Threshold RGBA pixels to a 1-bit bitmap (MSB first, width padded to a multiple of 8). */
export function rgbaToBitmap(pixels: Uint8Array, width: number, height: number, threshold = 150): Bitmap {
  const outWidth = Math.ceil(width / 8) * 8;
  const rowBytes = outWidth / 8;
  const data = new Uint8Array(rowBytes * height);
  const limit = threshold * 3;
  for (let y = 0; y < height; y++) {
    const rowIn = y * width * 4;
    const rowOut = y * rowBytes;
    for (let x = 0; x < width; x++) {
      const i = rowIn + x * 4;
      const a = pixels[i + 3] ?? 0;
      // Composite over white.
      const lum3 =
        ((pixels[i] ?? 0) * a + 255 * (255 - a)) / 255 +
        ((pixels[i + 1] ?? 0) * a + 255 * (255 - a)) / 255 +
        ((pixels[i + 2] ?? 0) * a + 255 * (255 - a)) / 255;
      if (lum3 < limit) {
        const o = rowOut + (x >> 3);
        data[o] = (data[o] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return { width: outWidth, height, data };
}

export function bitmapGet(bm: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= bm.width || y >= bm.height) return false;
  return (((bm.data[y * (bm.width >> 3) + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) === 1;
}

/** Encode a 1-bit bitmap as a black-on-white PNG. */
export function bitmapToPng(bm: Bitmap): Buffer {
  const png = new PNG({ width: bm.width, height: bm.height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  const gray = Buffer.alloc(bm.width * bm.height * 4);
  for (let y = 0; y < bm.height; y++) {
    for (let x = 0; x < bm.width; x++) {
      const v = bitmapGet(bm, x, y) ? 0 : 255;
      const i = (y * bm.width + x) * 4;
      gray[i] = v;
      gray[i + 1] = v;
      gray[i + 2] = v;
      gray[i + 3] = 255;
    }
  }
  png.data = gray;
  return PNG.sync.write(png, { colorType: 0 });
}

export interface RenderedTicket {
  layout: TicketLayout;
  bitmap: Bitmap;
}

/** Ticket → SVG → RGBA (resvg) → 1-bit bitmap. */
export function renderTicket(doc: TicketDocument, options: RenderOptions): RenderedTicket {
  validateTicketDocument(doc);
  const layout = layoutTicket(doc, options.paperWidth);
  const img = renderSvg(layout.svg);
  const bitmap = rgbaToBitmap(img.pixels, img.width, img.height, options.threshold);
  return { layout, bitmap };
}

export function renderTicketBitmap(doc: TicketDocument, options: RenderOptions): Bitmap {
  return renderTicket(doc, options).bitmap;
}

export interface PngOptions extends RenderOptions {
  /**
   * `print` (default): the exact 1-bit image the printer gets.
   * `screen`: the anti-aliased rendering, nicer on a kiosk or admin screen.
   */
  style?: 'print' | 'screen';
}

/** PNG preview of a ticket (kiosk screen when the printer fails, admin pages, file printer). */
export function renderTicketPng(doc: TicketDocument, options: PngOptions): Buffer {
  validateTicketDocument(doc);
  const layout = layoutTicket(doc, options.paperWidth);
  const img = renderSvg(layout.svg);
  if (options.style === 'screen') return img.png();
  return bitmapToPng(rgbaToBitmap(img.pixels, img.width, img.height, options.threshold));
}
