import type { Actor, DeviceKind, DomainError, User } from '@motcua/core';
import { domainError } from '@motcua/core';
import type { Db } from '../store/openDatabase.js';
import { hashPin, hashToken, newId, newPairingCode, newToken, verifyPin } from '@motcua/secrets';

export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60_000;

export interface DeviceRecord {
  deviceId: string;
  kind: DeviceKind;
  name: string;
  pairingCode: string;
  status: 'pending' | 'approved' | 'revoked';
  createdAt: number;
  lastSeenAt: number | null;
}

export interface SessionRecord {
  userId: string;
  counterId: string | null;
  deviceId: string | null;
}

/** Device pairing, device tokens, PINs and clerk sessions. Only hashes are stored. */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  /** A new device asks to pair: it gets an id, a code to show, and a secret that becomes its token once approved. */
  requestPairing(kind: DeviceKind, name: string): { deviceId: string; pairingCode: string; deviceToken: string } {
    const deviceId = newId(kind);
    const deviceToken = newToken();
    let pairingCode = newPairingCode();
    while (
      this.db.prepare("SELECT 1 FROM device_pairings WHERE pairing_code = ? AND status = 'pending'").get(pairingCode)
    ) {
      pairingCode = newPairingCode();
    }
    this.db
      .prepare(
        `INSERT INTO device_pairings (device_id, kind, name, pairing_code, token_hash, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
      )
      .run(deviceId, kind, name, pairingCode, hashToken(deviceToken), this.clock());
    return { deviceId, pairingCode, deviceToken };
  }

  findPendingByCode(pairingCode: string): DeviceRecord | null {
    const row = this.db
      .prepare("SELECT * FROM device_pairings WHERE pairing_code = ? AND status = 'pending'")
      .get(pairingCode) as DeviceRow | undefined;
    return row ? toDeviceRecord(row) : null;
  }

  setDeviceStatus(deviceId: string, status: DeviceRecord['status']): void {
    this.db.prepare('UPDATE device_pairings SET status = ? WHERE device_id = ?').run(status, deviceId);
  }

  listDevices(): DeviceRecord[] {
    return (this.db.prepare('SELECT * FROM device_pairings ORDER BY created_at DESC').all() as DeviceRow[]).map(
      toDeviceRecord,
    );
  }

  /** The device a token belongs to, whether approved or still waiting. */
  deviceForToken(token: string): DeviceRecord | null {
    const row = this.db.prepare('SELECT * FROM device_pairings WHERE token_hash = ?').get(hashToken(token)) as
      DeviceRow | undefined;
    if (!row) return null;
    try {
      this.db
        .prepare('UPDATE device_pairings SET last_seen_at = ? WHERE device_id = ?')
        .run(this.clock(), row.device_id);
    } catch {
      // Best effort: a locked, full or read-only store must not keep a paired display from reconnecting.
    }
    return toDeviceRecord(row);
  }

  setPin(userId: string, pin: string): void {
    this.db
      .prepare(
        `INSERT INTO user_secrets (user_id, pin_hash, failed_attempts, locked_until) VALUES (?, ?, 0, 0)
         ON CONFLICT (user_id) DO UPDATE SET pin_hash = excluded.pin_hash, failed_attempts = 0, locked_until = 0`,
      )
      .run(userId, hashPin(pin));
  }

  hasPin(userId: string): boolean {
    return this.db.prepare('SELECT 1 FROM user_secrets WHERE user_id = ?').get(userId) !== undefined;
  }

  /** Checks a PIN; repeated failures lock the account for a while. */
  checkPin(user: User, pin: string): DomainError | null {
    if (user.disabled) return domainError('ACCOUNT_DISABLED');
    const row = this.db.prepare('SELECT * FROM user_secrets WHERE user_id = ?').get(user.id) as
      { pin_hash: string; failed_attempts: number; locked_until: number } | undefined;
    if (!row) return domainError('INVALID_CREDENTIALS');
    const now = this.clock();
    if (row.locked_until > now) {
      return domainError('ACCOUNT_LOCKED', { retryAfterSeconds: Math.ceil((row.locked_until - now) / 1000) });
    }
    if (verifyPin(pin, row.pin_hash)) {
      this.db.prepare('UPDATE user_secrets SET failed_attempts = 0, locked_until = 0 WHERE user_id = ?').run(user.id);
      return null;
    }
    const failures = row.failed_attempts + 1;
    const lockedUntil = failures >= MAX_PIN_FAILURES ? now + LOCKOUT_MS : 0;
    this.db
      .prepare('UPDATE user_secrets SET failed_attempts = ?, locked_until = ? WHERE user_id = ?')
      .run(lockedUntil ? 0 : failures, lockedUntil, user.id);
    return lockedUntil
      ? domainError('ACCOUNT_LOCKED', { retryAfterSeconds: LOCKOUT_MS / 1000 })
      : domainError('INVALID_CREDENTIALS');
  }

  createSession(session: SessionRecord): string {
    const token = newToken();
    const now = this.clock();
    this.db
      .prepare(
        'INSERT INTO sessions (token_hash, user_id, counter_id, device_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(hashToken(token), session.userId, session.counterId, session.deviceId, now, now);
    return token;
  }

  session(token: string): SessionRecord | null {
    const row = this.db
      .prepare('SELECT user_id, counter_id, device_id FROM sessions WHERE token_hash = ?')
      .get(hashToken(token)) as { user_id: string; counter_id: string | null; device_id: string | null } | undefined;
    if (!row) return null;
    return { userId: row.user_id, counterId: row.counter_id, deviceId: row.device_id };
  }

  endSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  endSessionsOf(userId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }
}

interface DeviceRow {
  device_id: string;
  kind: DeviceKind;
  name: string;
  pairing_code: string;
  status: DeviceRecord['status'];
  created_at: number;
  last_seen_at: number | null;
}

function toDeviceRecord(row: DeviceRow): DeviceRecord {
  return {
    deviceId: row.device_id,
    kind: row.kind,
    name: row.name,
    pairingCode: row.pairing_code,
    status: row.status,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}

export function isClerk(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'clerk';
}
