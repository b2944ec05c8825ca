import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The family name inside the Be Vietnam Pro TTF files. */
export const FONT_FAMILY = 'Be Vietnam Pro';

export type FontWeight = 400 | 500 | 600 | 700 | 800;

const FILES: Record<FontWeight, string> = {
  400: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  500: '@expo-google-fonts/be-vietnam-pro/500Medium/BeVietnamPro_500Medium.ttf',
  600: '@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf',
  700: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  800: '@expo-google-fonts/be-vietnam-pro/800ExtraBold/BeVietnamPro_800ExtraBold.ttf',
};

/** Weights the ticket layout uses. */
export const USED_WEIGHTS: readonly FontWeight[] = [400, 600, 700, 800];

export function fontPath(weight: FontWeight): string {
  return require.resolve(FILES[weight]);
}

export function fontFiles(): string[] {
  return USED_WEIGHTS.map(fontPath);
}

/**
 * Horizontal metrics of one TTF, read once from the `cmap` (format 4), `hhea`, `hmtx` and `head` tables.
 * Good enough to wrap and fit text: kerning is ignored, so callers keep a small safety margin.
 */
export class FontMetrics {
  readonly unitsPerEm: number;
  private readonly cmap = new Map<number, number>();
  private readonly advances: Uint16Array;
  private readonly charCache = new Map<number, number>();

  constructor(buf: Buffer) {
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const numTables = view.getUint16(4);
    const tables = new Map<string, number>();
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      const tag = String.fromCharCode(buf[rec] ?? 0, buf[rec + 1] ?? 0, buf[rec + 2] ?? 0, buf[rec + 3] ?? 0);
      tables.set(tag, view.getUint32(rec + 8));
    }
    const table = (tag: string): number => {
      const off = tables.get(tag);
      if (off === undefined) throw new Error(`font has no ${tag} table`);
      return off;
    };
    this.unitsPerEm = view.getUint16(table('head') + 18);
    const numberOfHMetrics = view.getUint16(table('hhea') + 34);
    const numGlyphs = view.getUint16(table('maxp') + 4);
    const hmtx = table('hmtx');
    this.advances = new Uint16Array(numGlyphs);
    let last = 0;
    for (let g = 0; g < numGlyphs; g++) {
      if (g < numberOfHMetrics) last = view.getUint16(hmtx + g * 4);
      this.advances[g] = last;
    }
    // cmap: pick the Windows Unicode BMP (3,1) or Unicode (0,x) subtable of format 4.
    const cmap = table('cmap');
    const n = view.getUint16(cmap + 2);
    let sub = -1;
    for (let i = 0; i < n; i++) {
      const platform = view.getUint16(cmap + 4 + i * 8);
      const encoding = view.getUint16(cmap + 4 + i * 8 + 2);
      const offset = view.getUint32(cmap + 4 + i * 8 + 4);
      if (view.getUint16(cmap + offset) !== 4) continue;
      if ((platform === 3 && encoding === 1) || platform === 0) sub = cmap + offset;
    }
    if (sub < 0) throw new Error('font has no format 4 cmap');
    const segX2 = view.getUint16(sub + 6);
    const ends = sub + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s++) {
      const end = view.getUint16(ends + s * 2);
      const start = view.getUint16(starts + s * 2);
      const delta = view.getInt16(deltas + s * 2);
      const ro = view.getUint16(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (ro === 0) glyph = (c + delta) & 0xffff;
        else {
          const addr = rangeOffsets + s * 2 + ro + (c - start) * 2;
          glyph = view.getUint16(addr);
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) this.cmap.set(c, glyph);
      }
    }
  }

  /** Glyph id for a code point, 0 (.notdef) when the font lacks it. */
  glyphId(codePoint: number): number {
    return this.cmap.get(codePoint) ?? 0;
  }

  hasGlyph(codePoint: number): boolean {
    return this.cmap.has(codePoint);
  }

  /** Advance width of one code point in em units (1 = font size). */
  advanceEm(codePoint: number): number {
    const cached = this.charCache.get(codePoint);
    if (cached !== undefined) return cached;
    const adv = (this.advances[this.glyphId(codePoint)] ?? 0) / this.unitsPerEm;
    this.charCache.set(codePoint, adv);
    return adv;
  }

  /** Width of a string at a font size, in the same unit as the size (dots). */
  measure(text: string, fontSize: number, letterSpacing = 0): number {
    let w = 0;
    let n = 0;
    for (const ch of text.normalize('NFC')) {
      w += this.advanceEm(ch.codePointAt(0) ?? 0);
      n++;
    }
    return w * fontSize + Math.max(0, n - 1) * letterSpacing;
  }
}

const metricsCache = new Map<FontWeight, FontMetrics>();

export function fontMetrics(weight: FontWeight): FontMetrics {
  let m = metricsCache.get(weight);
  if (!m) {
    m = new FontMetrics(readFileSync(fontPath(weight)));
    metricsCache.set(weight, m);
  }
  return m;
}
