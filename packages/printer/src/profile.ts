import { printerProfileSchema, type PrinterProfile } from '@motcua/core';

/**
 * The one printer-profile schema is core's: the admin saves a profile with it, the hub, the kiosk's shell and
 * this package print with it.
 */
export { printerProfileSchema, type PrinterProfile };

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
