import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeRasterJob } from './escpos/raster.js';
import { fontMetrics, USED_WEIGHTS } from './font.js';
import { layoutTicket, QR_QUIET_MODULES } from './layout.js';
import { bitmapGet, renderSvg, renderTicket, rgbaToBitmap } from './render.js';
import { sampleTicket } from './sampleTicket.js';
import { decodeEscPos, rasterImage } from './testing/decodeEscPos.js';
import type { Bitmap, PaperWidth } from './types.js';

function toRgba(bm: Bitmap): Uint8ClampedArray {
  const out = new Uint8ClampedArray(bm.width * bm.height * 4);
  for (let y = 0; y < bm.height; y++)
    for (let x = 0; x < bm.width; x++) {
      const v = bitmapGet(bm, x, y) ? 0 : 255;
      const i = (y * bm.width + x) * 4;
      out[i] = v;
      out[i + 1] = v;
      out[i + 2] = v;
      out[i + 3] = 255;
    }
  return out;
}

function inkCount(bm: Bitmap): number {
  let n = 0;
  for (const byte of bm.data) {
    let b = byte;
    while (b) {
      n += b & 1;
      b >>= 1;
    }
  }
  return n;
}

/** Black dots in a column range: used to check nothing touches the paper's edges. */
function inkInColumns(bm: Bitmap, x0: number, x1: number): number {
  let n = 0;
  for (let y = 0; y < bm.height; y++) for (let x = x0; x < x1; x++) if (bitmapGet(bm, x, y)) n++;
  return n;
}

describe.each<PaperWidth>([80, 58])('ticket at %i mm', (paperWidth) => {
  it('round-trips through ESC/POS raster exactly and the QR code reads back', () => {
    const doc = sampleTicket();
    const { bitmap } = renderTicket(doc, { paperWidth });
    expect(bitmap.width).toBe(paperWidth === 80 ? 576 : 384);
    const bytes = encodeRasterJob(bitmap, { cut: 'partial', beep: true, density: 5 });
    const ops = decodeEscPos(bytes);
    expect(ops[0]).toEqual({ type: 'init' });
    const bands = ops.filter((o) => o.type === 'raster');
    expect(bands.length).toBe(Math.ceil(bitmap.height / 255));
    for (const band of bands) if (band.type === 'raster') expect(band.bitmap.height).toBeLessThanOrEqual(255);
    const decoded = rasterImage(ops);
    expect(decoded).not.toBeNull();
    expect(decoded?.width).toBe(bitmap.width);
    expect(decoded?.height).toBe(bitmap.height);
    expect(Buffer.from(decoded?.data ?? []).equals(Buffer.from(bitmap.data))).toBe(true);
    expect(ops.some((o) => o.type === 'cut' && o.mode === 'partial')).toBe(true);
    expect(ops.some((o) => o.type === 'beep')).toBe(true);
    expect(ops.some((o) => o.type === 'density' && o.level === 1)).toBe(true);
    expect(ops.filter((o) => o.type === 'unknown')).toEqual([]);

    const qr = jsQR(toRgba(decoded as Bitmap), bitmap.width, bitmap.height);
    expect(qr?.data).toBe(doc.qrContent);
  });

  it('shrinks a very long procedure name, then ends it with "…", and keeps the number and the QR code', () => {
    const long =
      'Thủ tục cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu'.repeat(
        3,
      );
    const doc = sampleTicket({ serviceNameVi: long.slice(0, 400) });
    const { bitmap, layout } = renderTicket(doc, { paperWidth });
    const texts = layout.lines.map((l) => l.text);
    const nameLines = texts.filter((t) => long.includes(t.replace(/…$/, '').trim()) && t.length > 3);
    expect(nameLines.length).toBeLessThanOrEqual(5);
    expect(nameLines.at(-1)?.endsWith('…')).toBe(true);
    expect(texts).toContain(doc.label);
    expect(jsQR(toRgba(bitmap), bitmap.width, bitmap.height)?.data).toBe(doc.qrContent);
    // A name that fits after shrinking is printed whole, without "…".
    const medium = sampleTicket({ serviceNameVi: long.slice(0, 140) });
    const mediumTexts = renderTicket(medium, { paperWidth }).layout.lines.map((l) => l.text);
    expect(mediumTexts.some((t) => t.endsWith('…'))).toBe(false);
    expect(mediumTexts.join(' ')).toContain(long.slice(100, 135).trim().split(' ').slice(1, -1).join(' '));
  });

  it('keeps a quiet zone of 4 white modules on every side of the QR code', () => {
    const doc = sampleTicket({ reminder: 'Mang theo CCCD và tờ khai', footer: 'Xin cảm ơn' });
    const { bitmap, layout } = renderTicket(doc, { paperWidth });
    const qr = layout.qr;
    expect(qr).toBeDefined();
    if (!qr) return;
    const margin = QR_QUIET_MODULES * qr.moduleSize;
    let ink = 0;
    for (let y = qr.y - margin; y < qr.y + qr.size + margin; y++)
      for (let x = qr.x - margin; x < qr.x + qr.size + margin; x++) {
        const inside = x >= qr.x && x < qr.x + qr.size && y >= qr.y && y < qr.y + qr.size;
        if (!inside && bitmapGet(bitmap, x, y)) ink++;
      }
    expect(ink).toBe(0);
  });

  it('fits a 6-character label and wraps a 60-character service name without clipping', () => {
    const serviceNameVi = 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình'.slice(0, 60);
    expect([...serviceNameVi].length).toBe(60);
    for (const label of ['W88888', 'A1023B', 'MMMMMM', '1023']) {
      const doc = sampleTicket({
        label,
        serviceNameVi,
        serviceNameEn: 'First-time land use right certificate for households',
      });
      const layout = layoutTicket(doc, paperWidth);
      const width = layout.width;
      for (const line of layout.lines) {
        const left =
          line.anchor === 'start' ? line.x : line.anchor === 'middle' ? line.x - line.width / 2 : line.x - line.width;
        expect(left, line.text).toBeGreaterThanOrEqual(0);
        expect(left + line.width, line.text).toBeLessThanOrEqual(width);
      }
      // the service name was wrapped, and all of its words are printed
      const printed = layout.lines.map((l) => l.text).join(' ');
      for (const word of serviceNameVi.split(' ')) expect(printed).toContain(word);
      expect(layout.lines.filter((l) => serviceNameVi.includes(l.text)).length).toBeGreaterThanOrEqual(2);
      expect(layout.lines.some((l) => l.text === label)).toBe(true);
      // Rendered: no ink in the outer 4 dots on either side (nothing clipped at the edge).
      const { bitmap } = renderTicket(doc, { paperWidth });
      expect(inkInColumns(bitmap, 0, 4)).toBe(0);
      expect(inkInColumns(bitmap, width - 4, width)).toBe(0);
      // and the label really is large
      expect(layout.labelFontSize).toBeGreaterThanOrEqual(paperWidth === 80 ? 90 : 60);
    }
  });
});

describe('Vietnamese glyphs', () => {
  const vowels = 'aăâeêioôơuưy';
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const letters: string[] = [];
  for (const v of vowels)
    for (const t of tones) {
      const ch = (v + t).normalize('NFC');
      letters.push(ch, ch.toLocaleUpperCase('vi'));
    }
  letters.push('đ', 'Đ');

  it('the pangram has every toned vowel (134 letters) as single precomposed code points', () => {
    expect(new Set(letters).size).toBe(12 * 6 * 2 + 2);
    for (const l of letters) expect([...l].length).toBe(1);
  });

  it.each(USED_WEIGHTS)('Be Vietnam Pro weight %i has a glyph for each letter', (weight) => {
    const m = fontMetrics(weight);
    const missing = letters.filter((l) => !m.hasGlyph(l.codePointAt(0) ?? 0));
    expect(missing).toEqual([]);
  });

  it('each letter draws ink, and not the .notdef box', () => {
    const draw = (ch: string): Bitmap => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="80"><rect width="64" height="80" fill="#fff"/><text x="32" y="60" font-family="Be Vietnam Pro" font-size="40" font-weight="700" text-anchor="middle">${ch}</text></svg>`;
      const img = renderSvg(svg);
      return rgbaToBitmap(img.pixels, img.width, img.height);
    };
    const notdef = draw('\u4e00'); // CJK: not in the font
    const seen = new Map<string, string>();
    for (const l of letters) {
      const bm = draw(l);
      expect(inkCount(bm), l).toBeGreaterThan(20);
      const key = Buffer.from(bm.data).toString('base64');
      expect(key === Buffer.from(notdef.data).toString('base64'), l).toBe(false);
      // every letter looks different from every other: tone marks and hooks are drawn
      expect(seen.get(key), l).toBeUndefined();
      seen.set(key, l);
    }
    expect(seen.size).toBe(letters.length);
  });

  it('renders the full pangram on a ticket', () => {
    const pangram = letters.join('');
    const { bitmap, layout } = renderTicket(sampleTicket({ serviceNameVi: pangram }), { paperWidth: 58 });
    expect(inkCount(bitmap)).toBeGreaterThan(1000);
    expect(layout.lines.map((l) => l.text).join('')).toContain(letters.slice(0, 20).join(''));
  });
});
