import type { Actor, DeviceKind, PairingRecord, Role } from '@motcua/core';
import type { Projector } from '../store/eventStore.js';
import type { Db } from '../store/openDatabase.js';
import { hashPin, hashToken, newId, newPairingCode, newToken, verifyPin } from '@motcua/secrets';

/** A pairing as stored; whether it is connected now is the socket server's to say. */
export type DeviceRecord = Omit<PairingRecord, 'online'>;

/** Lifetimes and caps of the sign-in and pairing model (docs/security.md lists them with their defaults). */
export interface AuthLimits {
  /** A session nobody used for this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, however busy. */
  sessionMaxMs: number;
  /** A pairing code nobody approved stops working after this. */
  pairingExpiryMs: number;
  /** More devices than this waiting for approval at once are refused until some are approved or expire. */
  maxPendingPairings: number;
}

export const defaultAuthLimits: AuthLimits = {
  sessionIdleMs: 4 * 3600_000,
  sessionMaxMs: 12 * 3600_000,
  pairingExpiryMs: 15 * 60_000,
  maxPendingPairings: 50,
};

/** How many random codes are tried before a pairing is refused (the pending cap keeps collisions rare). */
const PAIRING_CODE_TRIES = 20;
/** The sign-in log keeps about this many rows: a flood of guesses cannot fill the disk. */
const SIGN_IN_LOG_ROWS = 20_000;
/** A session's last use is written at most this often (not on every command). */
const SESSION_TOUCH_MS = 60_000;

export interface SessionRecord {
  /** SHA-256 of the token: how sockets and the table name a session without holding the secret twice. */
  tokenHash: string;
  userId: string;
  /** The role the session was opened with; a session outlives no demotion. */
  role: Role | null;
  counterId: string | null;
  deviceId: string | null;
  mustChangePassword: boolean;
}

export interface SignInLogEntry {
  at: number;
  outcome: 'failed' | 'throttled';
  code: string;
  username: string;
  userId: string | null;
  address: string;
  deviceId: string | null;
  retryAfterSeconds: number | null;
}

export type PairingRefusal = 'TOO_MANY_PENDING' | 'NO_FREE_CODE';

interface SessionRow {
  token_hash: string;
  user_id: string;
  role: Role | null;
  counter_id: string | null;
  device_id: string | null;
  created_at: number;
  last_seen_at: number;
  must_change_password: number;
}

/** Device pairing, device tokens, PINs and passwords, sessions and the sign-in log. Only hashes are stored. */
export class AuthService {
  private signInLogWrites = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
    readonly limits: AuthLimits = defaultAuthLimits,
  ) {}

  /** A new device asks to pair: it gets an id, a code to show, and a secret that becomes its token once approved. */
  requestPairing(
    kind: DeviceKind,
    name: string,
  ): { deviceId: string; pairingCode: string; deviceToken: string; expiresAt: number } | PairingRefusal {
    this.expirePendingPairings();
    const pending = this.db.prepare("SELECT count(*) AS n FROM device_pairings WHERE status = 'pending'").get() as {
      n: number;
    };
    if (pending.n >= this.limits.maxPendingPairings) return 'TOO_MANY_PENDING';
    const taken = this.db.prepare("SELECT 1 FROM device_pairings WHERE pairing_code = ? AND status = 'pending'");
    let pairingCode: string | null = null;
    for (let i = 0; i < PAIRING_CODE_TRIES && pairingCode === null; i++) {
      const candidate = newPairingCode();
      if (!taken.get(candidate)) pairingCode = candidate;
    }
    if (pairingCode === null) return 'NO_FREE_CODE';
    const deviceId = newId(kind);
    const deviceToken = newToken();
    const now = this.clock();
    const expiresAt = now + this.limits.pairingExpiryMs;
    this.db
      .prepare(
        `INSERT INTO device_pairings (device_id, kind, name, pairing_code, token_hash, status, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(deviceId, kind, name, pairingCode, hashToken(deviceToken), now, expiresAt);
    return { deviceId, pairingCode, deviceToken, expiresAt };
  }

  /** Forgets pairings nobody approved in time: their codes stop working and their devices must ask again. */
  expirePendingPairings(): number {
    // Bookkeeping on read paths (hello, pairing look-ups): a locked or read-only store must not refuse them.
    try {
      return this.db
        .prepare("DELETE FROM device_pairings WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ?")
        .run(this.clock()).changes;
    } catch {
      return 0;
    }
  }

  findPendingByCode(pairingCode: string): DeviceRecord | null {
    this.expirePendingPairings();
    const row = this.db
      .prepare("SELECT * FROM device_pairings WHERE pairing_code = ? AND status = 'pending'")
      .get(pairingCode) as DeviceRow | undefined;
    return row ? toDeviceRecord(row) : null;
  }

  /** Keeps each pairing's status in step with the admin's device changes, in the events' transaction. */
  pairingProjector(): Projector {
    return {
      name: 'device pairings',
      project(tx, envelopes) {
        for (const { event } of envelopes) {
          if (event.type !== 'config.deviceUpserted') continue;
          tx.prepare('UPDATE device_pairings SET status = ?, expires_at = NULL WHERE device_id = ?').run(
            event.device.revoked ? 'revoked' : 'approved',
            event.device.id,
          );
        }
      },
    };
  }

  /** Whether this device may act now: approved by an admin and not revoked since. */
  deviceApproved(deviceId: string): boolean {
    const row = this.db.prepare('SELECT status FROM device_pairings WHERE device_id = ?').get(deviceId) as
      { status: string } | undefined;
    return row?.status === 'approved';
  }

  listDevices(): DeviceRecord[] {
    this.expirePendingPairings();
    return (this.db.prepare('SELECT * FROM device_pairings ORDER BY created_at DESC').all() as DeviceRow[]).map(
      toDeviceRecord,
    );
  }

  /** Marks a device as replaced by a newer pairing (it is revoked by the same approval). */
  markReplaced(deviceId: string, replacedBy: string): void {
    this.db.prepare('UPDATE device_pairings SET replaced_by = ? WHERE device_id = ?').run(replacedBy, deviceId);
  }

  /** Whether a newer pairing has already taken this device's place. */
  replacedBy(deviceId: string): string | null {
    const row = this.db.prepare('SELECT replaced_by FROM device_pairings WHERE device_id = ?').get(deviceId) as
      { replaced_by: string | null } | undefined;
    return row?.replaced_by ?? null;
  }

  /** A device's connection ended: "last seen" is when it left, not when it said hello. */
  touchDevice(deviceId: string): void {
    this.bestEffort(() =>
      this.db.prepare('UPDATE device_pairings SET last_seen_at = ? WHERE device_id = ?').run(this.clock(), deviceId),
    );
  }

  /** The device a token belongs to, whether approved or still waiting. */
  deviceForToken(token: string): DeviceRecord | null {
    this.expirePendingPairings();
    const row = this.db.prepare('SELECT * FROM device_pairings WHERE token_hash = ?').get(hashToken(token)) as
      DeviceRow | undefined;
    if (!row) return null;
    this.bestEffort(() =>
      this.db
        .prepare('UPDATE device_pairings SET last_seen_at = ? WHERE device_id = ?')
        .run(this.clock(), row.device_id),
    );
    return toDeviceRecord(row);
  }

  /** Sets a PIN or password; `mustChange` makes the next sign-in ask for a new one first. */
  setPin(userId: string, pin: string, options: { mustChange?: boolean } = {}): void {
    this.db
      .prepare(
        `INSERT INTO user_secrets (user_id, pin_hash, failed_attempts, locked_until, must_change_password)
         VALUES (?, ?, 0, 0, ?)
         ON CONFLICT (user_id) DO UPDATE SET pin_hash = excluded.pin_hash, failed_attempts = 0, locked_until = 0,
           must_change_password = excluded.must_change_password`,
      )
      .run(userId, hashPin(pin), options.mustChange ? 1 : 0);
  }

  hasPin(userId: string): boolean {
    return this.db.prepare('SELECT 1 FROM user_secrets WHERE user_id = ?').get(userId) !== undefined;
  }

  /**
   * Whether the PIN is right. Throttling is the caller's (per source and account); without a stored PIN a
   * dummy hash is checked so an unknown account takes as long as a known one.
   */
  verifyPin(userId: string | null, pin: string): { ok: boolean; mustChangePassword: boolean } {
    const row = userId
      ? (this.db.prepare('SELECT pin_hash, must_change_password FROM user_secrets WHERE user_id = ?').get(userId) as
          { pin_hash: string; must_change_password: number } | undefined)
      : undefined;
    const ok = verifyPin(pin, row?.pin_hash ?? DUMMY_HASH) && row !== undefined;
    return { ok, mustChangePassword: row?.must_change_password === 1 };
  }

  createSession(session: Omit<SessionRecord, 'tokenHash'>): { token: string; tokenHash: string } {
    const token = newToken();
    const tokenHash = hashToken(token);
    const now = this.clock();
    this.db
      .prepare(
        `INSERT INTO sessions (token_hash, user_id, role, counter_id, device_id, created_at, last_seen_at,
           must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        tokenHash,
        session.userId,
        session.role,
        session.counterId,
        session.deviceId,
        now,
        now,
        session.mustChangePassword ? 1 : 0,
      );
    return { token, tokenHash };
  }

  /** A usable session (not expired, no password change pending) for a token, e.g. from an HTTP header. */
  session(token: string): SessionRecord | null {
    const session = this.sessionByHash(hashToken(token));
    return session && !session.mustChangePassword ? session : null;
  }

  /** The session as it stands now, or null when it ended or expired (an expired one is deleted). Counts as a use. */
  sessionByHash(tokenHash: string): SessionRecord | null {
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
    if (!row) return null;
    const now = this.clock();
    if (this.expired(row, now)) {
      this.bestEffort(() => this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash));
      return null;
    }
    if (now - row.last_seen_at >= SESSION_TOUCH_MS) {
      this.bestEffort(() =>
        this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash),
      );
    }
    return toSessionRecord(row);
  }

  /**
   * The device each session at a counter (a clerk's) runs on, per counter, for sessions not expired. Read only: looking does not
   * count as a use of the session (the presence watch asks every second).
   */
  sessionDevicesByCounter(): Map<string, string[]> {
    const rows = this.db
      .prepare('SELECT * FROM sessions WHERE counter_id IS NOT NULL AND device_id IS NOT NULL')
      .all() as SessionRow[];
    const now = this.clock();
    const byCounter = new Map<string, string[]>();
    for (const row of rows) {
      if (this.expired(row, now) || !row.counter_id || !row.device_id) continue;
      byCounter.set(row.counter_id, [...(byCounter.get(row.counter_id) ?? []), row.device_id]);
    }
    return byCounter;
  }

  endSession(tokenHash: string): SessionRecord | null {
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
    if (!row) return null;
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    return toSessionRecord(row);
  }

  /** Ends every session of a user (disabled, demoted, new PIN) but `keep`, and returns them. */
  endSessionsOf(userId: string, keep: string | null = null): SessionRecord[] {
    const rows = this.db.prepare('SELECT * FROM sessions WHERE user_id = ?').all(userId) as SessionRow[];
    const ended = rows.filter((row) => row.token_hash !== keep);
    const remove = this.db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.db.transaction(() => ended.forEach((row) => remove.run(row.token_hash)))();
    return ended.map(toSessionRecord);
  }

  /** The password is replaced and the one-time flag cleared, on the user's record and on this session. */
  changePassword(userId: string, tokenHash: string, newPassword: string): void {
    this.db.transaction(() => {
      this.setPin(userId, newPassword);
      this.db.prepare('UPDATE sessions SET must_change_password = 0 WHERE token_hash = ?').run(tokenHash);
    })();
  }

  /** Deletes sessions past their idle or absolute lifetime, and returns them. */
  sweepExpiredSessions(): SessionRecord[] {
    const now = this.clock();
    const rows = this.db
      .prepare('SELECT * FROM sessions WHERE last_seen_at <= ? OR created_at <= ?')
      .all(now - this.limits.sessionIdleMs, now - this.limits.sessionMaxMs) as SessionRow[];
    const remove = this.db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.db.transaction(() => rows.forEach((row) => remove.run(row.token_hash)))();
    return rows.map(toSessionRecord);
  }

  /** A failed or throttled sign-in, for the audit page. Best effort: a full disk must not break sign-in. */
  recordSignIn(entry: Omit<SignInLogEntry, 'at'>): void {
    this.bestEffort(() => {
      this.db
        .prepare(
          `INSERT INTO sign_in_log (at, outcome, code, username, user_id, address, device_id, retry_after_seconds)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          this.clock(),
          entry.outcome,
          entry.code,
          entry.username.slice(0, 40),
          entry.userId,
          entry.address.slice(0, 64),
          entry.deviceId,
          entry.retryAfterSeconds,
        );
      if (++this.signInLogWrites % 100 === 0) {
        this.db
          .prepare('DELETE FROM sign_in_log WHERE id <= (SELECT max(id) FROM sign_in_log) - ?')
          .run(SIGN_IN_LOG_ROWS);
      }
    });
  }

  /** Failed and throttled sign-ins, newest first. */
  signInLog(limit: number, before: number | null = null): (SignInLogEntry & { id: number })[] {
    const rows = this.db
      .prepare(
        `SELECT id, at, outcome, code, username, user_id, address, device_id, retry_after_seconds FROM sign_in_log
         WHERE id < ? ORDER BY id DESC LIMIT ?`,
      )
      .all(before ?? Number.MAX_SAFE_INTEGER, limit) as {
      id: number;
      at: number;
      outcome: SignInLogEntry['outcome'];
      code: string;
      username: string;
      user_id: string | null;
      address: string;
      device_id: string | null;
      retry_after_seconds: number | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      outcome: r.outcome,
      code: r.code,
      username: r.username,
      userId: r.user_id,
      address: r.address,
      deviceId: r.device_id,
      retryAfterSeconds: r.retry_after_seconds,
    }));
  }

  private expired(row: SessionRow, now: number): boolean {
    return now - row.last_seen_at >= this.limits.sessionIdleMs || now - row.created_at >= this.limits.sessionMaxMs;
  }

  /** A write that must not fail the caller when the store refuses it (locked, full, read-only). */
  private bestEffort(write: () => unknown): void {
    try {
      write();
    } catch {
      // The store's health is reported by the engine; this write is bookkeeping only.
    }
  }
}

/** Checked when there is no stored PIN, so an unknown user answers as slowly as a known one. */
const DUMMY_HASH = hashPin(newToken());

interface DeviceRow {
  device_id: string;
  kind: DeviceKind;
  name: string;
  pairing_code: string;
  status: DeviceRecord['status'];
  created_at: number;
  last_seen_at: number | null;
  expires_at: number | null;
  replaced_by: string | null;
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
    expiresAt: row.status === 'pending' ? row.expires_at : null,
    replacedBy: row.replaced_by,
  };
}

function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    role: row.role,
    counterId: row.counter_id,
    deviceId: row.device_id,
    mustChangePassword: row.must_change_password === 1,
  };
}

export function isClerk(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'clerk';
}
