import { printerProfileSchema } from '@motcua/core';
import { z } from 'zod';

/** The kiosk machine's own settings (Electron shell): where the hub is and which printer it prints on. */
export const kioskDeviceSettingsSchema = z.object({
  /** e.g. http://192.168.1.10:8080; empty = find the hub on the LAN by mDNS. */
  hubUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  discoverHub: z.boolean().default(true),
  /** The kiosk's own printer: core's printer profile without the office's id and name (tcp://, serial://COM3 …). */
  printer: printerProfileSchema.omit({ id: true, name: true }).nullable().default(null),
  startAtLogin: z.boolean().default(true),
  /** The chip ID card reader's local endpoint, e.g. ws://127.0.0.1:8765 (docs/id-card-reader.md); empty = none. */
  cardReaderUrl: z.union([z.literal(''), z.url({ protocol: /^wss?$/ })]).default(''),
});
export type KioskDeviceSettings = z.output<typeof kioskDeviceSettingsSchema>;
