import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PinAttempts } from '@motcua/desktop';
import { z } from 'zod';
import { kioskDeviceSettingsSchema, type KioskDeviceSettings } from '../src/deviceSettings.js';

/** The settings file: the kiosk's settings and the admin PIN as an scrypt hash (never the PIN). */
export const settingsFileSchema = z.object({
  settings: kioskDeviceSettingsSchema,
  /** "scrypt$<salt hex>$<hash hex>"; null until the PIN is set (with a confirmation) at the first start. */
  adminPinHash: z.string().nullable().default(null),
  /**
   * The hub this kiosk paired with (its hubId from mDNS): discovery takes no other hub, so the device token is never
   * sent to a stranger answering on the LAN. Changing the hub address in the settings clears it (a new pairing).
   */
  pinnedHubId: z.string().max(64).nullable().default(null),
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
  | {
      ok: false;
      code: 'WRONG_PIN' | 'BAD_SETTINGS' | 'NO_PIN' | 'PIN_SET' | 'PIN_MISMATCH' | 'TOO_MANY_ATTEMPTS';
      message: string;
      messageEn: string;
      retryAfterSeconds?: number;
    };

/**
 * Sets the settings PIN the first time the kiosk starts: typed twice, and only while none is set (later changes
 * go through the settings with the current PIN).
 */
export async function setAdminPin(path: string, pin: string, confirmation: string): Promise<SaveOutcome> {
  const current = loadSettingsFile(path);
  if (current.adminPinHash) {
    return { ok: false, code: 'PIN_SET', message: 'Mã PIN đã được đặt.', messageEn: 'The PIN is already set.' };
  }
  if (!pinSchema.safeParse(pin).success) {
    return {
      ok: false,
      code: 'BAD_SETTINGS',
      message: 'Mã PIN gồm 4–12 chữ số.',
      messageEn: 'The PIN is 4–12 digits.',
    };
  }
  if (pin !== confirmation) {
    return {
      ok: false,
      code: 'PIN_MISMATCH',
      message: 'Hai lần nhập mã PIN không khớp. Vui lòng nhập lại.',
      messageEn: 'The two PINs do not match. Please type them again.',
    };
  }
  const file: SettingsFile = { ...current, adminPinHash: await hashPin(pin) };
  writeSettingsFile(path, file);
  return { ok: true, file };
}

/** Saves new settings when the admin PIN matches; wrong PINs make the next try wait longer (`attempts`). */
export async function saveSettings(
  path: string,
  pin: string,
  settings: unknown,
  attempts: PinAttempts = new PinAttempts(),
  now: number = Date.now(),
): Promise<SaveOutcome> {
  const current = loadSettingsFile(path);
  if (!current.adminPinHash) {
    return {
      ok: false,
      code: 'NO_PIN',
      message: 'Chưa đặt mã PIN quản trị: khởi động lại máy lấy số để đặt.',
      messageEn: 'No admin PIN yet: restart the kiosk to set one.',
    };
  }
  const waitMs = attempts.retryAfterMs(now);
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    return {
      ok: false,
      code: 'TOO_MANY_ATTEMPTS',
      message: `Nhập sai nhiều lần. Vui lòng chờ ${retryAfterSeconds} giây rồi thử lại.`,
      messageEn: `Too many wrong PINs. Please wait ${retryAfterSeconds} seconds.`,
      retryAfterSeconds,
    };
  }
  const pinOk = pinSchema.safeParse(pin).success && (await verifyPin(pin, current.adminPinHash));
  if (!pinOk) {
    attempts.failed(now);
    return { ok: false, code: 'WRONG_PIN', message: 'Mã PIN quản trị không đúng.', messageEn: 'Wrong admin PIN.' };
  }
  attempts.succeeded();
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
  const hubChanged =
    parsed.data.hubUrl !== current.settings.hubUrl || parsed.data.discoverHub !== current.settings.discoverHub;
  const file: SettingsFile = {
    settings: parsed.data,
    adminPinHash: current.adminPinHash,
    pinnedHubId: hubChanged ? null : current.pinnedHubId,
  };
  writeSettingsFile(path, file);
  return { ok: true, file };
}

/** Remembers the hub the kiosk found first; from then on discovery takes only that one. */
export function pinHub(path: string, hubId: string): SettingsFile {
  const file: SettingsFile = { ...loadSettingsFile(path), pinnedHubId: hubId };
  writeSettingsFile(path, file);
  return file;
}

export type { KioskDeviceSettings };
