import { z } from 'zod';

/**
 * A printer profile. Same shape as `printerProfileSchema` in `@motcua/core` (kept identical on purpose;
 * `profile.test.ts` checks they agree).
 */
export const printerProfileSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'chỉ gồm chữ không dấu, số, _ . : - / letters, digits, _ . : - only'),
  name: z.string().trim().min(1).max(120),
  /** tcp://host:9100, file:///folder, device:///dev/usb/lp0, serial:///dev/ttyUSB0?baud=9600, windows-share://Name */
  transportUrl: z.string().min(3).max(500),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  mode: z.enum(['raster', 'text']),
  /**
   * Text mode only: `tcvn3` (Epson numbering, ESC t 30/31) or `tcvn3@<mapping>` where mapping is a
   * receipt-printer-encoder code page mapping (`epson`, `citizen`, `bixolon`…). Ignored in raster mode.
   */
  codePage: z.string().max(32),
  cut: z.enum(['full', 'partial', 'none']),
  density: z.number().int().min(1).max(8),
  beep: z.boolean(),
});
export type PrinterProfile = z.infer<typeof printerProfileSchema>;

/** Sensible defaults for a 80 mm raster printer; override what differs. */
export function defaultProfile(overrides: Partial<PrinterProfile> = {}): PrinterProfile {
  return printerProfileSchema.parse({
    id: 'default',
    name: 'Máy in vé / Ticket printer',
    transportUrl: 'file:///tmp/motcua-tickets',
    paperWidth: 80,
    mode: 'raster',
    codePage: 'tcvn3',
    cut: 'partial',
    density: 4,
    beep: false,
    ...overrides,
  });
}
