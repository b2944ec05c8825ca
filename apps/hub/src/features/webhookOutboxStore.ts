import type { WebhookDelivery, WebhookKind, WebhookSettings } from '@motcua/core';
import type { Db } from '../store/openDatabase.js';
import type { FeatureMigrations } from './store/featureMigrations.js';

/** A notification waiting in the outbox, as the delivery loop reads it. */
export interface PendingDelivery {
  id: number;
  /** "near:<ticket>" or "called:<ticket>:<seq>": the same notification is queued once. */
  dedupeKey: string;
  kind: WebhookKind;
  body: string;
  attempts: number;
}

/**
 * The office's webhook settings and the outbox of notifications. `enqueue` runs inside the events'
 * transaction (the feature's projector); the rest is the delivery loop's bookkeeping. A PostgreSQL
 * store implements the same operations.
 */
export interface WebhookOutboxStore {
  settings(): WebhookSettings | null;
  saveSettings(settings: WebhookSettings): void;
  isQueued(dedupeKey: string): boolean;
  /** Queues a notification once per dedupe key, due at once; `at` is the wall time it is queued. */
  enqueue(notification: { dedupeKey: string; kind: WebhookKind; ticketId: string; body: string }, at: number): void;
  /**
   * Pending notifications due at `now` (wall ms), oldest first. Retries are scheduled in wall time (they
   * outlive a restart); one scheduled more than `longestDelayMs` ahead can only come from a wall clock
   * stepped back since, and is due now rather than held for as long as the step.
   */
  due(now: number, longestDelayMs: number, limit: number): PendingDelivery[];
  /** The id of the newest notification queued (0 for none): ids only grow. */
  lastId(): number;
  markDelivered(id: number, attempts: number, at: number): void;
  /** Another try at `nextAt`, or `failed` for good when `gaveUp`. */
  markFailedAttempt(id: number, attempts: number, error: string, nextAt: number, gaveUp: boolean): void;
  recentDeliveries(limit: number): WebhookDelivery[];
  /** Forgets delivered and failed notifications queued before `before`. */
  pruneFinished(before: number): void;
}

export const webhookOutboxMigrations: FeatureMigrations = {
  feature: 'webhooks',
  steps: [
    // Version 1 is what the central migrations created before features had their own: adopted as it is.
    `
    CREATE TABLE IF NOT EXISTS webhook_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      url TEXT NOT NULL,
      secret TEXT NOT NULL,
      notify_ahead INTEGER NOT NULL,
      enabled INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS webhook_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      dedupe_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      ticket_id TEXT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_at INTEGER NOT NULL,
      last_error TEXT,
      created_at INTEGER NOT NULL,
      delivered_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS webhook_outbox_due ON webhook_outbox (status, next_at);
    `,
    // LAN targets are refused unless an admin ticks this (docs/webhooks.md).
    `ALTER TABLE webhook_settings ADD COLUMN allow_lan_targets INTEGER NOT NULL DEFAULT 0;`,
  ],
};

export class SqliteWebhookOutboxStore implements WebhookOutboxStore {
  private readonly selectQueued;
  private readonly insertNotification;
  private readonly selectDue;
  private readonly updateDelivered;
  private readonly updateFailedAttempt;

  constructor(private readonly db: Db) {
    this.selectQueued = db.prepare<[string]>('SELECT 1 FROM webhook_outbox WHERE dedupe_key = ?');
    this.insertNotification = db.prepare(
      `INSERT OR IGNORE INTO webhook_outbox (dedupe_key, kind, ticket_id, body, status, attempts, next_at, created_at)
       VALUES (@dedupeKey, @kind, @ticketId, @body, 'pending', 0, @at, @at)`,
    );
    this.selectDue = db.prepare<{ now: number; latest: number; limit: number }, PendingDelivery>(
      `SELECT id, dedupe_key AS dedupeKey, kind, body, attempts FROM webhook_outbox
       WHERE status = 'pending' AND (next_at <= @now OR next_at > @latest) ORDER BY id LIMIT @limit`,
    );
    this.updateDelivered = db.prepare(
      "UPDATE webhook_outbox SET status = 'delivered', attempts = ?, delivered_at = ? WHERE id = ?",
    );
    this.updateFailedAttempt = db.prepare(
      'UPDATE webhook_outbox SET status = ?, attempts = ?, next_at = ?, last_error = ? WHERE id = ?',
    );
  }

  settings(): WebhookSettings | null {
    const row = this.db
      .prepare('SELECT url, secret, notify_ahead, enabled, allow_lan_targets FROM webhook_settings WHERE id = 1')
      .get() as
      { url: string; secret: string; notify_ahead: number; enabled: number; allow_lan_targets: number } | undefined;
    return row
      ? {
          url: row.url,
          secret: row.secret,
          notifyAhead: row.notify_ahead,
          enabled: row.enabled === 1,
          allowLanTargets: row.allow_lan_targets === 1,
        }
      : null;
  }

  saveSettings(settings: WebhookSettings): void {
    this.db
      .prepare(
        `INSERT INTO webhook_settings (id, url, secret, notify_ahead, enabled, allow_lan_targets)
         VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, secret = excluded.secret,
           notify_ahead = excluded.notify_ahead, enabled = excluded.enabled,
           allow_lan_targets = excluded.allow_lan_targets`,
      )
      .run(
        settings.url,
        settings.secret,
        settings.notifyAhead,
        settings.enabled ? 1 : 0,
        settings.allowLanTargets ? 1 : 0,
      );
  }

  isQueued(dedupeKey: string): boolean {
    return this.selectQueued.get(dedupeKey) !== undefined;
  }

  enqueue(notification: { dedupeKey: string; kind: WebhookKind; ticketId: string; body: string }, at: number): void {
    this.insertNotification.run({ ...notification, at });
  }

  due(now: number, longestDelayMs: number, limit: number): PendingDelivery[] {
    return this.selectDue.all({ now, latest: now + longestDelayMs, limit });
  }

  lastId(): number {
    return (this.db.prepare('SELECT MAX(id) AS id FROM webhook_outbox').get() as { id: number | null }).id ?? 0;
  }

  markDelivered(id: number, attempts: number, at: number): void {
    this.updateDelivered.run(attempts, at, id);
  }

  markFailedAttempt(id: number, attempts: number, error: string, nextAt: number, gaveUp: boolean): void {
    this.updateFailedAttempt.run(gaveUp ? 'failed' : 'pending', attempts, nextAt, error, id);
  }

  recentDeliveries(limit: number): WebhookDelivery[] {
    return this.db
      .prepare<[number], WebhookDelivery>(
        `SELECT dedupe_key AS id, kind, ticket_id AS ticketId, status, attempts, last_error AS lastError,
           next_at AS nextAt, created_at AS createdAt, delivered_at AS deliveredAt
         FROM webhook_outbox ORDER BY id DESC LIMIT ?`,
      )
      .all(limit);
  }

  pruneFinished(before: number): void {
    this.db.prepare("DELETE FROM webhook_outbox WHERE status != 'pending' AND created_at < ?").run(before);
  }
}
