import { describe, expect, it } from 'vitest';
import { isHeldKey, readHeldKeys, SCAN_KEY_GAP_MS } from './scanWedge';

const burst = (text: string, start: number, gap: number) => [...text].map((key, i) => ({ key, at: start + i * gap }));

describe('reading a keyboard-wedge scanner among shortcut keys', () => {
  it('a fast burst ending with Enter is one scanned code, even when it starts with a shortcut letter', () => {
    const keys = burst('H40.99-250703-0001', 1000, 8);
    expect(readHeldKeys(keys, 1000 + 18 * 8)).toEqual({ kind: 'scan', code: 'H40.99-250703-0001' });
  });

  it('a fast burst without Enter (a scanner set without a suffix) is a scan too', () => {
    expect(readHeldKeys(burst('H40-0001', 0, 5), null)).toEqual({ kind: 'scan', code: 'H40-0001' });
  });

  it('one key pressed by hand is its shortcut; slow keys are a fumble where only the first counts', () => {
    expect(readHeldKeys([{ key: 'H', at: 500 }], null)).toEqual({ kind: 'shortcut', key: 'H' });
    expect(readHeldKeys(burst('NHV', 0, SCAN_KEY_GAP_MS + 30), null)).toEqual({ kind: 'shortcut', key: 'N' });
    expect(readHeldKeys(burst('NH', 0, 5), null)).toEqual({ kind: 'shortcut', key: 'N' });
  });

  it('a burst broken by a slow key is not a scan', () => {
    const keys = [...burst('H40', 0, 5), { key: '-', at: 200 }, ...burst('0001', 205, 5)];
    expect(readHeldKeys(keys, 230)).toEqual({ kind: 'shortcut', key: 'H' });
    expect(readHeldKeys(burst('H40-0001', 0, 5), 35 + 500)).toEqual({ kind: 'shortcut', key: 'H' });
  });

  it('nothing held means nothing', () => {
    expect(readHeldKeys([], 10)).toEqual({ kind: 'none' });
  });

  it('holds printable keys only, never Enter, arrows or the browser’s Ctrl shortcuts', () => {
    expect(isHeldKey({ key: 'h' })).toBe(true);
    expect(isHeldKey({ key: '-' })).toBe(true);
    expect(isHeldKey({ key: 'Enter' })).toBe(false);
    expect(isHeldKey({ key: 'ArrowDown' })).toBe(false);
    expect(isHeldKey({ key: 'r', ctrlKey: true })).toBe(false);
    expect(isHeldKey({ key: ' ' })).toBe(false);
  });
});
