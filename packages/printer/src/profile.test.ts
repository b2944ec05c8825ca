import { describe, expect, it } from 'vitest';
import { defaultProfile, printerProfileSchema } from './profile.js';

describe('printer profile (core schema)', () => {
  it('gives defaults that are a valid profile, and refuses what a printer cannot take', () => {
    const ok = defaultProfile({ id: 'kiosk-1', transportUrl: 'tcp://192.168.1.50:9100' });
    expect(printerProfileSchema.safeParse(ok).success).toBe(true);
    expect(
      printerProfileSchema.safeParse({ ...ok, paperWidth: 58, mode: 'text', cut: 'none', density: 8 }).success,
    ).toBe(true);
    for (const bad of [
      { ...ok, paperWidth: 57 },
      { ...ok, density: 0 },
      { ...ok, density: 9 },
      { ...ok, id: 'có dấu' },
      { ...ok, name: '   ' },
      { ...ok, mode: 'pdf' },
      { ...ok, transportUrl: 'x' },
      { ...ok, codePage: 'x'.repeat(33) },
    ]) {
      expect(printerProfileSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
