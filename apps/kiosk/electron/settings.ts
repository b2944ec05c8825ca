import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { kioskDeviceSettingsSchema, type KioskDeviceSettings } from '../src/deviceSettings.js';

/** The settings file: the kiosk's settings and the admin PIN as an scrypt hash (never the PIN). */
export const settingsFileSchema = z.object({
  settings: kioskDeviceSettingsSchema,
  /** "scrypt$<salt hex>$<hash hex>"; null until the first save sets the PIN. */
  adminPinHash: z.string().nullable().default(null),
});
export type SettingsFile = z.output<typeof settingsFileSchema>;

export const pinSchema = z.string().regex(/^\d{4,12}$/, '4–12 chữ số / 4–12 digits');

const KEY_LENGTH = 32;

function scryptAsync(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${(await scryptAsync(pin, salt)).toString('hex')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scryptAsync(pin, Buffer.from(saltHex, 'hex'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Reads the settings file; a missing or damaged file gives the defaults, so the kiosk still starts. */
export function loadSettingsFile(path: string): SettingsFile {
  if (!existsSync(path)) return settingsFileSchema.parse({ settings: {} });
  try {
    const parsed = settingsFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable JSON falls through to the defaults below.
  }
  return settingsFileSchema.parse({ settings: {} });
}

/** Writes atomically (temp file + rename): a power cut never leaves half a file. */
export function writeSettingsFile(path: string, file: SettingsFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(settingsFileSchema.parse(file), null, 2), { mode: 0o600 });
  renameSync(temp, path);
}

export type SaveOutcome =
  | { ok: true; file: SettingsFile }
  | { ok: false; code: 'WRONG_PIN' | 'BAD_SETTINGS'; message: string; messageEn: string };

/**
 * Saves new settings when the admin PIN matches. The first save (no PIN yet) sets the PIN it was
 * given, so a fresh kiosk is claimed by whoever installs it.
 */
export async function saveSettings(path: string, pin: string, settings: unknown): Promise<SaveOutcome> {
  const current = loadSettingsFile(path);
  const validPin = pinSchema.safeParse(pin);
  const pinOk = current.adminPinHash
    ? validPin.success && (await verifyPin(pin, current.adminPinHash))
    : validPin.success;
  if (!pinOk) {
    return { ok: false, code: 'WRONG_PIN', message: 'Mã PIN quản trị không đúng.', messageEn: 'Wrong admin PIN.' };
  }
  const parsed = kioskDeviceSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      code: 'BAD_SETTINGS',
      message: `Cài đặt không hợp lệ: ${issue?.path.join('.') ?? ''}`,
      messageEn: `Settings not valid: ${issue?.path.join('.') ?? ''}`,
    };
  }
  const file: SettingsFile = { settings: parsed.data, adminPinHash: current.adminPinHash ?? (await hashPin(pin)) };
  writeSettingsFile(path, file);
  return { ok: true, file };
}

export type { KioskDeviceSettings };
