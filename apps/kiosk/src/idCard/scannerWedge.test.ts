import { describe, expect, it } from 'vitest';
import { ScannerWedge } from './scannerWedge';

describe('the scanner typing a QR code', () => {
  it('gives one line per Enter, with Vietnamese letters and without the names of modifier keys', () => {
    const wedge = new ScannerWedge();
    const keys = ['Shift', ...'001048012345|012345678|Nguyễn Văn An'];
    expect(keys.map((key) => wedge.key(key)).every((line) => line === null)).toBe(true);
    expect(wedge.key('Enter')).toBe('001048012345|012345678|Nguyễn Văn An');
    expect(wedge.key('Enter')).toBeNull();
    for (const key of 'H40') wedge.key(key);
    expect(wedge.key('Enter')).toBe('H40');
  });
});
