import { z } from 'zod';

/** The kiosk machine's own settings (Electron shell): where the hub is and which printer it prints on. */
export const kioskDeviceSettingsSchema = z.object({
  /** e.g. http://192.168.1.10:8080; empty = find the hub on the LAN by mDNS. */
  hubUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  discoverHub: z.boolean().default(true),
  printer: z
    .object({
      /** tcp://host:9100, device:///dev/usb/lp0, serial://COM3?baud=9600, file:///folder … */
      transportUrl: z.string().min(3).max(500),
      paperWidth: z.union([z.literal(58), z.literal(80)]),
      mode: z.enum(['raster', 'text']),
      codePage: z.string().max(32),
      cut: z.enum(['full', 'partial', 'none']),
      density: z.number().int().min(1).max(8),
      beep: z.boolean(),
    })
    .nullable()
    .default(null),
  startAtLogin: z.boolean().default(true),
  /** The chip ID card reader's local endpoint, e.g. ws://127.0.0.1:8765 (docs/id-card-reader.md); empty = none. */
  cardReaderUrl: z.union([z.literal(''), z.url({ protocol: /^wss?$/ })]).default(''),
});
export type KioskDeviceSettings = z.output<typeof kioskDeviceSettingsSchema>;
