import iconv from 'iconv-lite';
import type { Bitmap } from '../types.js';

/** One decoded ESC/POS operation. */
export type EscPosOp =
  | { type: 'init' }
  | { type: 'codePage'; n: number }
  | { type: 'text'; text: string; codePage: number; bytes: Uint8Array }
  | { type: 'lf' }
  | { type: 'cr' }
  | { type: 'tab' }
  | { type: 'feed'; lines: number }
  | { type: 'feedDots'; dots: number }
  | { type: 'raster'; mode: number; bitmap: Bitmap }
  | { type: 'columnImage'; mode: number; columns: number }
  | { type: 'qr'; data: string; model?: number; moduleSize?: number; errorLevel?: string }
  | { type: 'qrSetting'; fn: number; value: number }
  | { type: 'cut'; mode: 'full' | 'partial'; feed?: number }
  | { type: 'beep'; times: number; duration: number }
  | { type: 'pulse'; pin: number; on: number; off: number }
  | { type: 'density'; level: number }
  | { type: 'statusQuery'; n: number }
  | { type: 'style'; command: string; value: number }
  | { type: 'other'; command: string; bytes: Uint8Array }
  | { type: 'unknown'; byte: number; offset: number };

export interface DecodeOptions {
  /**
   * ESC t n → iconv-lite encoding name. Defaults follow Epson's numbering:
   * 0 cp437, 2 cp850, 16 windows-1252, 17 cp866, 19 cp858, 30 TCVN-3, 31 TCVN-3 capitals.
   * The special name `tcvn-capitals` decodes with iconv-lite's `tcvn` table and upper-cases bytes ≥ 0x80.
   */
  codePages?: Record<number, string>;
}

export const EPSON_CODE_PAGES: Readonly<Record<number, string>> = {
  0: 'cp437',
  2: 'cp850',
  16: 'windows1252',
  17: 'cp866',
  19: 'cp858',
  30: 'tcvn',
  31: 'tcvn-capitals',
};

/**
 * Decode text bytes through iconv-lite's tables (independent of the encoder's tables).
 * iconv-lite's `tcvn` is TCVN 5712 (VN1), a superset of the VN3 set printers carry in 0xA0–0xFF.
 */
export function decodeText(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'tcvn-capitals') {
    let out = '';
    for (const b of bytes) {
      const ch = iconv.decode(Buffer.of(b), 'tcvn');
      out += b >= 0x80 ? ch.toLocaleUpperCase('vi') : ch;
    }
    return out;
  }
  return iconv.decode(Buffer.from(bytes), encoding);
}

class DecodeError extends Error {}

/** Parse an ESC/POS byte stream into a list of operations. Throws on truncated commands. */
export function decodeEscPos(input: Uint8Array, options: DecodeOptions = {}): EscPosOp[] {
  const pages = { ...EPSON_CODE_PAGES, ...options.codePages };
  const ops: EscPosOp[] = [];
  let i = 0;
  let codePage = 0;
  let qrModel: number | undefined;
  let qrSize: number | undefined;
  let qrLevel: string | undefined;
  let qrData: Uint8Array | undefined;

  const need = (n: number): void => {
    if (i + n > input.length) throw new DecodeError(`truncated command at offset ${i}`);
  };
  const at = (k: number): number => input[i + k] ?? 0;
  const slice = (from: number, to: number): Uint8Array => input.slice(from, to);

  while (i < input.length) {
    const b = at(0);
    if (b === 0x1b) {
      need(2);
      const c = at(1);
      switch (c) {
        case 0x40:
          ops.push({ type: 'init' });
          codePage = 0;
          i += 2;
          continue;
        case 0x74:
          need(3);
          codePage = at(2);
          ops.push({ type: 'codePage', n: codePage });
          i += 3;
          continue;
        case 0x64:
          need(3);
          ops.push({ type: 'feed', lines: at(2) });
          i += 3;
          continue;
        case 0x4a:
          need(3);
          ops.push({ type: 'feedDots', dots: at(2) });
          i += 3;
          continue;
        case 0x42:
          need(4);
          ops.push({ type: 'beep', times: at(2), duration: at(3) * 50 });
          i += 4;
          continue;
        case 0x70:
          need(5);
          ops.push({ type: 'pulse', pin: at(2), on: at(3), off: at(4) });
          i += 5;
          continue;
        case 0x32:
          ops.push({ type: 'style', command: 'ESC 2', value: 0 });
          i += 2;
          continue;
        case 0x45:
        case 0x4d:
        case 0x61:
        case 0x2d:
        case 0x21:
        case 0x33:
        case 0x47:
        case 0x56:
        case 0x7b:
        case 0x20:
        case 0x52:
        case 0x63: {
          need(3);
          ops.push({ type: 'style', command: `ESC ${String.fromCharCode(c)}`, value: at(2) });
          i += 3;
          continue;
        }
        case 0x2a: {
          need(5);
          const m = at(2);
          const n = at(3) + at(4) * 256;
          const len = m === 32 || m === 33 ? n * 3 : n;
          need(5 + len);
          ops.push({ type: 'columnImage', mode: m, columns: n });
          i += 5 + len;
          continue;
        }
        case 0x28: {
          need(5);
          const len = at(3) + at(4) * 256;
          need(5 + len);
          if (at(2) === 0x41 && len >= 4) {
            ops.push({ type: 'beep', times: at(7), duration: at(8) * 100 });
          } else {
            ops.push({ type: 'other', command: `ESC ( ${String.fromCharCode(at(2))}`, bytes: slice(i, i + 5 + len) });
          }
          i += 5 + len;
          continue;
        }
        default:
          ops.push({ type: 'unknown', byte: b, offset: i });
          i += 1;
          continue;
      }
    }
    if (b === 0x1d) {
      need(2);
      const c = at(1);
      if (c === 0x76) {
        need(8);
        const mode = at(3);
        const rowBytes = at(4) + at(5) * 256;
        const rows = at(6) + at(7) * 256;
        need(8 + rowBytes * rows);
        ops.push({
          type: 'raster',
          mode,
          bitmap: { width: rowBytes * 8, height: rows, data: slice(i + 8, i + 8 + rowBytes * rows) },
        });
        i += 8 + rowBytes * rows;
        continue;
      }
      if (c === 0x56) {
        need(3);
        const m = at(2);
        if (m === 65 || m === 66) {
          need(4);
          ops.push({ type: 'cut', mode: m === 65 ? 'full' : 'partial', feed: at(3) });
          i += 4;
        } else {
          ops.push({ type: 'cut', mode: m === 0 || m === 48 ? 'full' : 'partial' });
          i += 3;
        }
        continue;
      }
      if (c === 0x28) {
        need(5);
        const fnLetter = at(2);
        const len = at(3) + at(4) * 256;
        need(5 + len);
        const body = slice(i + 5, i + 5 + len);
        if (fnLetter === 0x6b && body[0] === 0x31) {
          const fn = body[1] ?? 0;
          if (fn === 0x41) qrModel = (body[2] ?? 0x32) - 0x30;
          else if (fn === 0x43) qrSize = body[2] ?? 0;
          else if (fn === 0x45) qrLevel = ['L', 'M', 'Q', 'H'][(body[2] ?? 48) - 48];
          else if (fn === 0x50) qrData = body.slice(3);
          else if (fn === 0x51) {
            ops.push({
              type: 'qr',
              data: qrData ? iconv.decode(Buffer.from(qrData), 'utf8') : '',
              model: qrModel,
              moduleSize: qrSize,
              errorLevel: qrLevel,
            });
          }
          if (fn !== 0x51) ops.push({ type: 'qrSetting', fn, value: body[2] ?? 0 });
        } else if (fnLetter === 0x4b && body[0] === 0x31) {
          const m = body[1] ?? 0;
          ops.push({ type: 'density', level: m > 127 ? m - 256 : m });
        } else {
          ops.push({ type: 'other', command: `GS ( ${String.fromCharCode(fnLetter)}`, bytes: slice(i, i + 5 + len) });
        }
        i += 5 + len;
        continue;
      }
      if (
        c === 0x21 ||
        c === 0x42 ||
        c === 0x68 ||
        c === 0x77 ||
        c === 0x48 ||
        c === 0x66 ||
        c === 0x61 ||
        c === 0x49 ||
        c === 0x72
      ) {
        need(3);
        ops.push({ type: 'style', command: `GS ${String.fromCharCode(c)}`, value: at(2) });
        i += 3;
        continue;
      }
      if (c === 0x4c || c === 0x57) {
        need(4);
        ops.push({ type: 'style', command: `GS ${String.fromCharCode(c)}`, value: at(2) + at(3) * 256 });
        i += 4;
        continue;
      }
      ops.push({ type: 'unknown', byte: b, offset: i });
      i += 1;
      continue;
    }
    if (b === 0x1c) {
      need(2);
      const c = at(1);
      if (c === 0x2e || c === 0x26) {
        ops.push({ type: 'style', command: `FS ${String.fromCharCode(c)}`, value: 0 });
        i += 2;
        continue;
      }
      if (c === 0x43 || c === 0x21) {
        need(3);
        ops.push({ type: 'style', command: `FS ${String.fromCharCode(c)}`, value: at(2) });
        i += 3;
        continue;
      }
      ops.push({ type: 'unknown', byte: b, offset: i });
      i += 1;
      continue;
    }
    if (b === 0x10) {
      need(2);
      if (at(1) === 0x04) {
        need(3);
        ops.push({ type: 'statusQuery', n: at(2) });
        i += 3;
        continue;
      }
      ops.push({ type: 'unknown', byte: b, offset: i });
      i += 1;
      continue;
    }
    if (b === 0x0a) {
      ops.push({ type: 'lf' });
      i += 1;
      continue;
    }
    if (b === 0x0d) {
      ops.push({ type: 'cr' });
      i += 1;
      continue;
    }
    if (b === 0x09) {
      ops.push({ type: 'tab' });
      i += 1;
      continue;
    }
    if (b < 0x20 || b === 0x7f) {
      ops.push({ type: 'unknown', byte: b, offset: i });
      i += 1;
      continue;
    }
    // A run of text bytes.
    const start = i;
    while (i < input.length) {
      const x = at(0);
      if (x < 0x20 || x === 0x7f) break;
      i++;
    }
    const bytes = slice(start, i);
    const enc = pages[codePage] ?? 'cp437';
    ops.push({ type: 'text', text: decodeText(bytes, enc), codePage, bytes });
  }
  return ops;
}

/** All printed text, with lines split on LF (style commands between runs are ignored). */
export function decodedText(ops: readonly EscPosOp[]): string {
  let out = '';
  for (const op of ops) {
    if (op.type === 'text') out += op.text;
    else if (op.type === 'lf') out += '\n';
  }
  return out;
}

/** Stack all raster bands into one bitmap (they must share a width). Null when there is none. */
export function rasterImage(ops: readonly EscPosOp[]): Bitmap | null {
  const bands = ops.flatMap((op) => (op.type === 'raster' ? [op.bitmap] : []));
  const first = bands[0];
  if (!first) return null;
  const width = first.width;
  let height = 0;
  for (const band of bands) {
    if (band.width !== width) throw new Error(`raster bands differ in width: ${band.width} vs ${width}`);
    height += band.height;
  }
  const data = new Uint8Array((width / 8) * height);
  let o = 0;
  for (const band of bands) {
    data.set(band.data, o);
    o += band.data.length;
  }
  return { width, height, data };
}
