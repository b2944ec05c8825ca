import QRCode from 'qrcode';

/** White modules around the QR code on every side, as the QR standard asks. */
export const QR_QUIET_MODULES = 4;
import { DEFAULT_FOOTER_EN, DEFAULT_FOOTER_VI, formatEta, formatIssuedAt } from './document.js';
import { FONT_FAMILY, fontMetrics } from './font.js';
import type { FontWeight } from './font.js';
import { DOTS_PER_LINE } from './types.js';
import type { PaperWidth, TicketDocument } from './types.js';

/** Kerning is not in the advance table; keep this much slack when wrapping and fitting. */
const MEASURE_SLACK = 1.03;

interface Sizes {
  margin: number;
  office: number;
  small: number;
  service: number;
  serviceEn: number;
  info: number;
  infoValue: number;
  labelMax: number;
  qrTarget: number;
  gap: number;
}

const SIZES: Record<PaperWidth, Sizes> = {
  80: {
    margin: 20,
    office: 25,
    small: 20,
    service: 30,
    serviceEn: 22,
    info: 22,
    infoValue: 24,
    labelMax: 176,
    qrTarget: 240,
    gap: 12,
  },
  58: {
    margin: 10,
    office: 20,
    small: 17,
    service: 24,
    serviceEn: 18,
    info: 18,
    infoValue: 19,
    labelMax: 124,
    qrTarget: 200,
    gap: 9,
  },
};

/** Cap height and descender of Be Vietnam Pro, in em. */
const CAP_HEIGHT = 0.7;
const LINE_GAP = 1.28;

export interface TicketLayout {
  width: number;
  height: number;
  svg: string;
  /** Where the QR code was drawn (dots), for tests and previews. */
  qr?: { x: number; y: number; size: number; modules: number; moduleSize: number };
  /** Font size chosen for the label. */
  labelFontSize: number;
  /** Every text line placed, with its measured width: tests check none exceeds the paper. */
  lines: { text: string; x: number; width: number; anchor: 'start' | 'middle' | 'end' }[];
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

export function measureText(text: string, size: number, weight: FontWeight): number {
  return fontMetrics(weight).measure(text, size) * MEASURE_SLACK;
}

/** Greedy word wrap by measured width; a word longer than a line is broken between letters. */
export function wrapText(text: string, maxWidth: number, size: number, weight: FontWeight): string[] {
  const words = text.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  const fits = (s: string): boolean => measureText(s, size, weight) <= maxWidth;
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    if (fits(word)) {
      current = word;
      continue;
    }
    // Break a very long word.
    let piece = '';
    for (const ch of word) {
      if (fits(piece + ch)) piece += ch;
      else {
        if (piece) lines.push(piece);
        piece = ch;
      }
    }
    current = piece;
  }
  if (current) lines.push(current);
  return lines;
}

class SvgBuilder {
  readonly parts: string[] = [];
  readonly lines: TicketLayout['lines'] = [];
  y: number;
  constructor(
    readonly width: number,
    readonly margin: number,
    top: number,
  ) {
    this.y = top;
  }
  get contentWidth(): number {
    return this.width - 2 * this.margin;
  }

  private textEl(
    text: string,
    x: number,
    baseline: number,
    size: number,
    weight: FontWeight,
    anchor: 'start' | 'middle' | 'end',
    fill = '#000',
  ): void {
    this.lines.push({ text, x, width: measureText(text, size, weight), anchor });
    this.parts.push(
      `<text x="${x}" y="${baseline.toFixed(1)}" font-family="${FONT_FAMILY}" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="${fill}">${escapeXml(text)}</text>`,
    );
  }

  /**
   * Wrapped, centred paragraph of at most `maxLines` lines. Text that does not fit is never cut
   * silently: with `minSize` the font first shrinks (in 5 % steps, not below it), and what still does
   * not fit ends with "…".
   */
  paragraph(text: string, size: number, weight: FontWeight, maxLines = 6, fill = '#000', minSize = size): void {
    let fitted = size;
    let wrapped = wrapText(text, this.contentWidth, fitted, weight);
    while (wrapped.length > maxLines && fitted * 0.95 >= minSize) {
      fitted *= 0.95;
      wrapped = wrapText(text, this.contentWidth, fitted, weight);
    }
    const lines = wrapped.slice(0, maxLines);
    if (wrapped.length > maxLines && lines.length > 0) {
      let last = lines[lines.length - 1] ?? '';
      while (last && measureText(`${last}…`, fitted, weight) > this.contentWidth) last = last.slice(0, -1).trimEnd();
      lines[lines.length - 1] = `${last}…`;
    }
    size = fitted;
    for (const line of lines) {
      const baseline = this.y + size * (CAP_HEIGHT + (LINE_GAP - 1) / 2 + 0.08);
      this.textEl(line, this.width / 2, baseline, size, weight, 'middle', fill);
      this.y += size * LINE_GAP;
    }
  }

  /** "vi / en" on one centred line when it fits, else two lines. */
  bilingual(vi: string, en: string, size: number): void {
    const viW = measureText(vi, size, 700);
    const sep = ' / ';
    const enW = measureText(sep + en, size, 400);
    if (viW + enW <= this.contentWidth) {
      const baseline = this.y + size * (CAP_HEIGHT + (LINE_GAP - 1) / 2 + 0.08);
      this.lines.push({ text: vi + sep + en, x: this.width / 2, width: viW + enW, anchor: 'middle' });
      this.parts.push(
        `<text x="${this.width / 2}" y="${baseline.toFixed(1)}" font-family="${FONT_FAMILY}" font-size="${size}" text-anchor="middle"><tspan font-weight="700">${escapeXml(vi)}</tspan><tspan font-weight="400">${escapeXml(sep + en)}</tspan></text>`,
      );
      this.y += size * LINE_GAP;
    } else {
      this.paragraph(vi, size, 700);
      this.paragraph(en, size, 400);
    }
  }

  /** A key on the left (vi bold, en below) and its value on the right (vi bold, en below). */
  row(keyVi: string, keyEn: string, valueVi: string, valueEn: string, size: number, valueSize: number): void {
    const left = this.margin;
    const right = this.width - this.margin;
    const keyW = measureText(keyVi, size, 600);
    const valW = measureText(valueVi, valueSize, 700);
    const enKeyW = measureText(keyEn, size * 0.82, 400);
    const enValW = valueEn ? measureText(valueEn, size * 0.82, 400) : 0;
    const gap = size * 0.6;
    const sameLine = keyW + gap + valW <= this.contentWidth && enKeyW + gap + enValW <= this.contentWidth;
    const base1 = this.y + valueSize * (CAP_HEIGHT + 0.12);
    if (sameLine) {
      this.textEl(keyVi, left, base1, size, 600, 'start');
      this.textEl(valueVi, right, base1, valueSize, 700, 'end');
      const base2 = base1 + size * 1.12;
      this.textEl(keyEn, left, base2, size * 0.82, 400, 'start');
      if (valueEn) this.textEl(valueEn, right, base2, size * 0.82, 400, 'end');
      this.y = base2 + size * 0.5;
    } else {
      this.paragraph(keyVi, size, 600);
      this.paragraph(keyEn, size * 0.82, 400);
      this.paragraph(valueVi, valueSize, 700);
      if (valueEn) this.paragraph(valueEn, size * 0.82, 400);
    }
  }

  rule(thickness = 2, dashed = false): void {
    const y = Math.round(this.y);
    if (dashed) {
      this.parts.push(
        `<line x1="${this.margin}" y1="${y + thickness / 2}" x2="${this.width - this.margin}" y2="${y + thickness / 2}" stroke="#000" stroke-width="${thickness}" stroke-dasharray="6 5"/>`,
      );
    } else {
      this.parts.push(
        `<rect x="${this.margin}" y="${y}" width="${this.contentWidth}" height="${thickness}" fill="#000"/>`,
      );
    }
    this.y = y + thickness;
  }

  space(dots: number): void {
    this.y += dots;
  }
}

/** White text on a black band across the paper: the priority group, the reprint mark. */
function invertedBand(b: SvgBuilder, s: Sizes, text: string, maxLines: number, weight: FontWeight): void {
  const size = s.service * 0.8;
  const lines = wrapText(text, b.contentWidth - 16, size, weight).slice(0, maxLines);
  const h = Math.ceil(lines.length * size * LINE_GAP + 8);
  b.parts.push(
    `<rect x="${s.margin}" y="${Math.round(b.y)}" width="${b.contentWidth}" height="${h}" rx="6" fill="#000"/>`,
  );
  b.space(4);
  for (const line of lines) b.paragraph(line, size, weight, 1, '#fff');
  b.y = Math.round(b.y) + 4;
  b.space(s.gap);
}

/** Lay the ticket out as an SVG at the paper's dot width. Pure apart from the font metrics it reads once. */
export function layoutTicket(doc: TicketDocument, paperWidth: PaperWidth): TicketLayout {
  const width = DOTS_PER_LINE[paperWidth];
  const s = SIZES[paperWidth];
  const b = new SvgBuilder(width, s.margin, 6);

  // A reprint says so first, white on black, so a copy is never taken for a second ticket.
  if (doc.copyMark?.trim()) invertedBand(b, s, `${doc.copyMark} / REPRINT`, 2, 800);

  // Office
  if (doc.officeName.trim()) {
    b.paragraph(doc.officeName.toLocaleUpperCase('vi'), s.office, 700, 3);
    b.space(s.gap / 2);
    b.rule(3);
    b.space(s.gap);
  }

  // "SỐ THỨ TỰ / TICKET NUMBER" then the label, as large as fits.
  b.bilingual('SỐ THỨ TỰ', 'TICKET NUMBER', s.small);
  const label = doc.label.trim();
  const unit = measureText(label, 1, 800);
  const labelSize = Math.floor(Math.min(s.labelMax, (b.contentWidth - 4) / Math.max(unit, 0.01)));
  b.space(labelSize * 0.1);
  const labelBaseline = b.y + labelSize * CAP_HEIGHT;
  b.lines.push({ text: label, x: width / 2, width: unit * labelSize, anchor: 'middle' });
  b.parts.push(
    `<text x="${width / 2}" y="${labelBaseline.toFixed(1)}" font-family="${FONT_FAMILY}" font-size="${labelSize}" font-weight="800" text-anchor="middle">${escapeXml(label)}</text>`,
  );
  b.y = labelBaseline + labelSize * 0.16;
  b.space(s.gap);

  // Priority: white on black band.
  if (doc.priorityLabel?.trim()) invertedBand(b, s, doc.priorityLabel, 3, 700);

  // Service
  // A long procedure name shrinks to 70 % before it is shortened with "…"; the number and QR stay.
  b.paragraph(doc.serviceNameVi, s.service, 700, 5, '#000', s.service * 0.7);
  if (doc.serviceNameEn?.trim()) b.paragraph(doc.serviceNameEn, s.serviceEn, 400, 4, '#000', s.serviceEn * 0.7);
  b.space(s.gap / 2);
  b.rule(2, true);
  b.space(s.gap);

  // Details
  const when = formatIssuedAt(doc.issuedAt, doc.timeZone);
  b.row('Thời gian lấy số', 'Issued at', when, '', s.info, s.infoValue);
  b.space(s.gap / 2);
  b.row(
    'Số người chờ trước Ông/Bà',
    'People ahead of you',
    String(Math.max(0, Math.round(doc.peopleAhead))),
    '',
    s.info,
    s.infoValue,
  );
  b.space(s.gap / 2);
  const eta = formatEta(doc.etaMinutes);
  b.row('Thời gian chờ dự kiến', 'Estimated wait', eta.vi, eta.en, s.info, s.infoValue);
  b.space(s.gap / 2);

  // The papers to bring, when the office prints the procedure's checklist.
  if (doc.reminder?.trim()) {
    b.rule(2, true);
    b.space(s.gap / 2);
    b.paragraph(doc.reminder, s.small, 600, 6);
    b.space(s.gap / 2);
  }

  // QR code
  let qr: TicketLayout['qr'];
  if (doc.qrContent) {
    b.rule(2, true);
    b.space(s.gap);
    const code = QRCode.create(doc.qrContent, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const moduleSize = Math.max(2, Math.min(8, Math.floor(s.qrTarget / n)));
    const size = n * moduleSize;
    const x0 = Math.round((width - size) / 2);
    // ISO/IEC 18004 asks for a quiet zone of 4 modules on every side (the paper is white).
    const y0 = Math.round(b.y) + QR_QUIET_MODULES * moduleSize;
    const d: string[] = [];
    for (let r = 0; r < n; r++) {
      let c = 0;
      while (c < n) {
        if (!code.modules.get(r, c)) {
          c++;
          continue;
        }
        const start = c;
        while (c < n && code.modules.get(r, c)) c++;
        d.push(
          `M${x0 + start * moduleSize} ${y0 + r * moduleSize}h${(c - start) * moduleSize}v${moduleSize}h${-(c - start) * moduleSize}z`,
        );
      }
    }
    b.parts.push(`<path d="${d.join('')}" fill="#000" shape-rendering="crispEdges"/>`);
    qr = { x: x0, y: y0, size, modules: n, moduleSize };
    b.y = y0 + size + QR_QUIET_MODULES * moduleSize;
    // Vietnamese accents reach above a line's box: keep them out of the quiet zone too.
    b.space(s.gap / 2);
    b.paragraph('Quét mã để theo dõi lượt của Ông/Bà', s.small, 600, 2);
    b.paragraph('Scan to follow your turn', s.small * 0.9, 400, 2);
    b.space(s.gap / 2);
  }

  // Footer
  b.rule(2);
  b.space(s.gap);
  b.paragraph(doc.footer?.trim() || DEFAULT_FOOTER_VI, s.info * 1.05, 700, 3);
  b.paragraph(doc.footerEn?.trim() || DEFAULT_FOOTER_EN, s.info * 0.9, 400, 3);
  b.space(s.gap);

  const height = Math.ceil(b.y);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    b.parts.join('') +
    `</svg>`;
  return { width, height, svg, qr, labelFontSize: labelSize, lines: b.lines };
}
