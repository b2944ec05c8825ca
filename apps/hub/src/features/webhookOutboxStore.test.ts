import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/openDatabase.js';
import { applyFeatureMigrations } from './store/featureMigrations.js';
import { SqliteWebhookOutboxStore, webhookOutboxMigrations } from './webhookOutboxStore.js';
import { WEBHOOK_RETRY_MAX_MS, webhookRetryDelayMs } from './webhooks.js';

const NOW = Date.UTC(2026, 11, 3, 2, 0, 0);

describe('the webhook outbox on SQLite', () => {
  let dataDir: string;
  let db: Db;
  let store: SqliteWebhookOutboxStore;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-outbox-'));
    db = openDatabase(dataDir);
    applyFeatureMigrations(db, webhookOutboxMigrations);
    store = new SqliteWebhookOutboxStore(db);
  });

  afterEach(() => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const queue = (dedupeKey: string) =>
    store.enqueue({ dedupeKey, kind: 'ticket.near', ticketId: dedupeKey, body: '{}' }, NOW);
  const dueNow = (now: number) => store.due(now, WEBHOOK_RETRY_MAX_MS, 10).map((row) => row.dedupeKey);

  it('queues a notification once per key and holds a failed one until its retry time', () => {
    queue('near:a');
    queue('near:a');
    expect(dueNow(NOW)).toEqual(['near:a']);
    const [row] = store.due(NOW, WEBHOOK_RETRY_MAX_MS, 10);
    store.markFailedAttempt(row!.id, 1, 'HTTP 503', NOW + webhookRetryDelayMs(1), false);
    expect(dueNow(NOW)).toEqual([]);
    expect(dueNow(NOW + webhookRetryDelayMs(1))).toEqual(['near:a']);
  });

  it('does not hold a retry for as long as the wall clock was stepped back', () => {
    queue('near:b');
    const [row] = store.due(NOW, WEBHOOK_RETRY_MAX_MS, 10);
    // Scheduled 4 s ahead, then the clock is put back an hour: the retry is an hour and 4 s away by the clock.
    store.markFailedAttempt(row!.id, 3, 'timeout', NOW + webhookRetryDelayMs(3), false);
    expect(dueNow(NOW - 3600_000)).toEqual(['near:b']);
    // A clock stepped back by less than the longest back-off only delays the retry by the step.
    expect(dueNow(NOW - 60_000)).toEqual([]);
  });

  it('never sends a delivered or failed notification again', () => {
    queue('near:c');
    queue('near:d');
    const [c, d] = store.due(NOW, WEBHOOK_RETRY_MAX_MS, 10);
    store.markDelivered(c!.id, 1, NOW);
    store.markFailedAttempt(d!.id, 10, 'HTTP 500', NOW - 3600_000, true);
    expect(dueNow(NOW + 3600_000)).toEqual([]);
    expect(store.recentDeliveries(10).map((r) => [r.id, r.status])).toEqual([
      ['near:d', 'failed'],
      ['near:c', 'delivered'],
    ]);
  });
});
