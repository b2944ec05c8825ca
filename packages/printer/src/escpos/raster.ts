import type { Bitmap } from '../types.js';

export type CutMode = 'full' | 'partial' | 'none';

export interface RasterJobOptions {
  cut: CutMode;
  /** 1..8, 4 = printer default (no command sent). */
  density?: number;
  beep?: boolean;
  /** Lines fed after the image so the cut is below the footer. Default 4. */
  feedLines?: number;
  /** Max rows per GS v 0 band (≤ 255: many printers choke on taller blocks). Default 255. */
  bandHeight?: number;
}

export const ESC = 0x1b;
export const GS = 0x1d;

/** ESC @: initialise the printer. */
export const INIT = Uint8Array.of(ESC, 0x40);

/**
 * GS ( K <fn 49> m: print density, as Epson documents it. density 1..8 maps to -3..+4 around the
 * printer's default (4 → nothing sent, so printers that lack the command are not confused).
 */
export function densityCommand(density: number): Uint8Array {
  const level = Math.max(1, Math.min(8, Math.round(density))) - 4;
  if (level === 0) return new Uint8Array(0);
  const m = level < 0 ? 256 + level : level;
  return Uint8Array.of(GS, 0x28, 0x4b, 0x02, 0x00, 0x31, m);
}

/** ESC B n t: sound the buzzer n times for t × 50 ms (Xprinter / Epson-compatible buzzer). */
export function beepCommand(times = 2, unit = 2): Uint8Array {
  return Uint8Array.of(ESC, 0x42, times, unit);
}

/** ESC d n: print and feed n lines. */
export function feedCommand(lines: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, Math.max(0, Math.min(255, lines)));
}

/** GS V m: full (0) or partial (1) cut. */
export function cutCommand(cut: CutMode): Uint8Array {
  if (cut === 'none') return new Uint8Array(0);
  return Uint8Array.of(GS, 0x56, cut === 'full' ? 0x00 : 0x01);
}

/** GS v 0 bands of at most `bandHeight` rows. Bytes are copied as is: exact round trip. */
export function rasterBands(bitmap: Bitmap, bandHeight = 255): Uint8Array[] {
  if (bitmap.width % 8 !== 0) throw new Error(`bitmap width ${bitmap.width} is not a multiple of 8`);
  const rowBytes = bitmap.width / 8;
  if (bitmap.data.length !== rowBytes * bitmap.height) throw new Error('bitmap data length does not match its size');
  const h = Math.max(1, Math.min(255, bandHeight));
  const out: Uint8Array[] = [];
  for (let y = 0; y < bitmap.height; y += h) {
    const rows = Math.min(h, bitmap.height - y);
    const block = new Uint8Array(8 + rowBytes * rows);
    block.set([GS, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, rows & 0xff, rows >> 8]);
    block.set(bitmap.data.subarray(y * rowBytes, (y + rows) * rowBytes), 8);
    out.push(block);
  }
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A complete raster job: init, density, image bands, feed, cut, beep. */
export function encodeRasterJob(bitmap: Bitmap, options: RasterJobOptions): Uint8Array {
  return concatBytes([
    INIT,
    densityCommand(options.density ?? 4),
    ...rasterBands(bitmap, options.bandHeight),
    feedCommand(options.feedLines ?? 4),
    cutCommand(options.cut),
    options.beep ? beepCommand() : new Uint8Array(0),
  ]);
}
