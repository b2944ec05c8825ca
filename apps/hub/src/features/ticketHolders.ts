import { createHmac, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { holderRequestSchema, idCardSettings, ticketById, type HolderReply, type KioskSettings } from '@motcua/core';
import type { Db } from '../store/openDatabase.js';
import { featureError } from './featureError.js';
import type { FeatureMigrations } from './store/featureMigrations.js';
import { secretInMeta } from './store/meta.js';
import type { FeatureContext, HubFeature } from './types.js';

const DAY_MS = 86_400_000;

/** One ticket's holder, kept only when the office turned holder storage on. Never the birth date or the number. */
export interface TicketHolder {
  ticketId: string;
  fullName: string;
  /** HMAC-SHA256 of the ID number under this hub's own salt: the same card gives the same hash on this hub only. */
  idHash: string;
  storedAt: number;
}

/** What the ID card feature keeps outside the event log, so a purge removes it for good. */
export interface TicketHolderStore {
  save(holder: TicketHolder): void;
  /** Removes holders stored before `cutoff`; returns how many. */
  purgeStoredBefore(cutoff: number): number;
  purgeAll(): number;
  /** The salt of the ID number hash; made on first use. */
  hashSalt(make: () => string): string;
}

export const ticketHolderMigrations: FeatureMigrations = {
  feature: 'ticketHolders',
  steps: [
    `CREATE TABLE IF NOT EXISTS ticket_holders (
      ticket_id TEXT PRIMARY KEY,
      full_name TEXT NOT NULL,
      id_hash TEXT NOT NULL,
      stored_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ticket_holders_stored_at ON ticket_holders (stored_at);`,
  ],
};

export class SqliteTicketHolderStore implements TicketHolderStore {
  constructor(private readonly db: Db) {}

  save(holder: TicketHolder): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO ticket_holders (ticket_id, full_name, id_hash, stored_at)
         VALUES (@ticketId, @fullName, @idHash, @storedAt)`,
      )
      .run(holder);
  }

  purgeStoredBefore(cutoff: number): number {
    return this.db.prepare('DELETE FROM ticket_holders WHERE stored_at < ?').run(cutoff).changes;
  }

  purgeAll(): number {
    return this.db.prepare('DELETE FROM ticket_holders').run().changes;
  }

  hashSalt(make: () => string): string {
    return secretInMeta(this.db, 'ticket_holder_hash_salt', make);
  }
}

/**
 * Removes every holder older than the office's retention, or every holder at all once the office turned
 * storage off (it no longer consents to keeping any). Returns how many were removed.
 */
export function purgeExpiredHolders(store: TicketHolderStore, kiosk: KioskSettings, now: number): number {
  const settings = idCardSettings(kiosk);
  if (!settings.storeHolder) return store.purgeAll();
  return store.purgeStoredBefore(now - settings.retentionDays * DAY_MS);
}

/**
 * Removes every ticket holder from a kept daily backup, with secure_delete so the bytes are overwritten (the backup
 * feature calls it for each backup once a day): a restore brings the queue back, never personal data past its time.
 */
export function purgeHoldersFromBackupFile(path: string): number {
  const db = new Database(path);
  try {
    db.pragma('secure_delete = ON');
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'ticket_holders'").get();
    return hasTable ? db.prepare('DELETE FROM ticket_holders').run().changes : 0;
  } finally {
    db.close();
  }
}

/**
 * The ID card at the kiosk, hub side (docs/id-card-reader.md): `idCard.holder` keeps a ticket's holder when the
 * office allows it, and a scheduled purge enforces the retention. Names never enter the event log, so no
 * display, counter or report ever receives them.
 */
export function createTicketHoldersFeature(
  ctx: FeatureContext,
  store: TicketHolderStore,
  /** How often holders past the office's retention are removed (`--holder-purge-every-ms`). */
  purgeEveryMs: number,
): HubFeature {
  const salt = store.hashSalt(() => randomBytes(32).toString('base64url'));
  let timer: ReturnType<typeof setInterval> | null = null;

  const purge = () => {
    try {
      const removed = purgeExpiredHolders(store, ctx.engine.state.config.kiosk, ctx.clock.now());
      if (removed > 0) ctx.log.info({ removed }, 'ticket holders past retention removed');
    } catch (error) {
      ctx.log.warn({ err: error }, 'ticket holder purge failed; will retry');
    }
  };

  return {
    name: 'ticketHolders',
    socketHandlers: {
      // Kiosks only: core's `socketEventRoles`, checked by the hub's guard before this runs.
      'idCard.holder': (request): HolderReply => {
        const parsed = holderRequestSchema.safeParse(request);
        if (!parsed.success) return featureError('BAD_REQUEST', { issue: parsed.error.issues[0]?.message ?? '' });
        const { ticketId, fullName, idNumber } = parsed.data;
        if (!ticketById(ctx.engine.state, ticketId)) return featureError('NOT_FOUND');
        if (!idCardSettings(ctx.engine.state.config.kiosk).storeHolder) return { ok: true, stored: false };
        const idHash = createHmac('sha256', salt).update(idNumber).digest('hex');
        store.save({ ticketId, fullName, idHash, storedAt: ctx.clock.now() });
        return { ok: true, stored: true };
      },
    },
    start() {
      purge();
      timer = setInterval(purge, purgeEveryMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
