import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PrinterError } from '../errors.js';
import { sampleTicket } from '../sampleTicket.js';
import { decodeEscPos, decodedText } from '../testing/decodeEscPos.js';
import { encodeTextLines, encodeTicketText, parseTextCodePage } from './text.js';

describe('text mode with TCVN-3', () => {
  it('iconv-lite has a TCVN table for the decoder', () => {
    expect(iconv.encodingExists('tcvn')).toBe(true);
  });

  it('round-trips "Số thứ tự 1023 – Quầy 3" (the en dash, absent from TCVN-3, prints as "-")', () => {
    const bytes = encodeTextLines(['Số thứ tự 1023 – Quầy 3'], { paperWidth: 80, codePage: 'tcvn3', cut: 'full' });
    const ops = decodeEscPos(bytes);
    expect(ops).toContainEqual({ type: 'codePage', n: 30 });
    expect(decodedText(ops)).toBe('Số thứ tự 1023 - Quầy 3\n');
    // one byte per letter: TCVN-3, not UTF-8
    const text = ops.find((o) => o.type === 'text');
    expect(text?.type === 'text' && text.bytes.length).toBe('Số thứ tự 1023 - Quầy 3'.length);
    expect(ops.some((o) => o.type === 'cut' && o.mode === 'full')).toBe(true);
  });

  it('upper-case toned letters switch to the TCVN-3 capitals page and back', () => {
    const line = 'SỐ THỨ TỰ – Ưu tiên người cao tuổi ĐÃ ĐẾN';
    const bytes = encodeTextLines([line], { paperWidth: 80, codePage: 'tcvn3', cut: 'none' });
    const ops = decodeEscPos(bytes);
    expect(ops).toContainEqual({ type: 'codePage', n: 31 });
    expect(decodedText(ops)).toBe(line.replace('–', '-') + '\n');
  });

  it('encodes a whole ticket with its QR code (GS ( k) and the other mapping numbers', () => {
    const doc = sampleTicket();
    const ops = decodeEscPos(encodeTicketText(doc, { paperWidth: 80, codePage: 'tcvn3', cut: 'partial', beep: true }));
    const text = decodedText(ops);
    expect(text).toContain('Chứng thực bản sao từ bản chính');
    expect(text).toContain('Ưu tiên - Người cao tuổi');
    expect(text).toContain('28/11/2026 08:15');
    expect(text).toContain('Vui lòng chờ đến lượt');
    expect(text).toContain('A023');
    expect(ops.find((o) => o.type === 'qr')).toMatchObject({ type: 'qr', data: doc.qrContent });
    expect(ops.some((o) => o.type === 'beep')).toBe(true);
    expect(ops.filter((o) => o.type === 'unknown')).toEqual([]);
  });

  it('rejects code pages without Vietnamese', () => {
    expect(() => parseTextCodePage('cp437')).toThrow(PrinterError);
    expect(() => parseTextCodePage('tcvn3@nope')).toThrow(/Unknown code page numbering/);
    expect(parseTextCodePage('tcvn3@citizen')).toEqual({ codepage: 'tcvn3', mapping: 'citizen' });
  });
});
