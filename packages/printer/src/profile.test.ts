import { printerProfileSchema as coreSchema } from '@motcua/core';
import type { PrinterProfile as CoreProfile } from '@motcua/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defaultProfile, printerProfileSchema } from './profile.js';
import type { PrinterProfile } from './profile.js';

describe('printer profile', () => {
  it('has the same type as @motcua/core printerProfileSchema', () => {
    expectTypeOf<PrinterProfile>().toEqualTypeOf<CoreProfile>();
  });

  it('accepts and rejects the same profiles as core', () => {
    const ok = defaultProfile({ id: 'kiosk-1', transportUrl: 'tcp://192.168.1.50:9100' });
    const samples: unknown[] = [
      ok,
      { ...ok, paperWidth: 58, mode: 'text', cut: 'none', density: 8, beep: true },
      { ...ok, paperWidth: 57 },
      { ...ok, density: 0 },
      { ...ok, density: 9 },
      { ...ok, id: 'có dấu' },
      { ...ok, name: '   ' },
      { ...ok, mode: 'pdf' },
      { ...ok, transportUrl: 'x' },
      { ...ok, codePage: 'x'.repeat(33) },
    ];
    for (const s of samples) {
      expect(printerProfileSchema.safeParse(s).success, JSON.stringify(s)).toBe(coreSchema.safeParse(s).success);
    }
    expect(printerProfileSchema.safeParse(ok).success).toBe(true);
  });
});
