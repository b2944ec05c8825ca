import { CHAIN_GENESIS_HASH, type EventEnvelope, type ShippedEvent } from '@motcua/core';
import { chainHash } from '@motcua/secrets';
import type { Db } from '../store/openDatabase.js';
import type { FeatureMigrations } from './store/featureMigrations.js';
import { readMeta, writeMeta } from './store/meta.js';

/**
 * The outbox towards the province's central service: every event's link in the tamper-evident chain,
 * written in the events' own transaction, and how far central has acknowledged. A PostgreSQL store
 * implements the same operations.
 */
export interface CentralOutboxStore {
  /** Links these just-stored events into the chain; runs inside their transaction. */
  chain(envelopes: EventEnvelope[]): void;
  /** Links every stored event not yet in the chain (a database from before the outbox, or a seeded one). */
  chainUnlinked(): void;
  /** Events from `seq` on as they travel to central, with their chain links, at most `limit`. */
  shippedFrom(seq: number, limit: number): ShippedEvent[];
  acknowledgedSeq(): number;
  setAcknowledgedSeq(seq: number): void;
}

export const centralOutboxMigrations: FeatureMigrations = {
  feature: 'centralOutbox',
  steps: [
    // Version 1 is what the central migrations created before features had their own: adopted as it is.
    `
    CREATE TABLE IF NOT EXISTS central_outbox (
      seq INTEGER PRIMARY KEY,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    `,
  ],
};

const ACKNOWLEDGED_KEY = 'central_acknowledged_seq';

export class SqliteCentralOutboxStore implements CentralOutboxStore {
  private readonly insertLink;
  private readonly selectHead;
  private readonly selectShipped;
  private readonly selectUnlinked;

  constructor(private readonly db: Db) {
    this.insertLink = db.prepare('INSERT INTO central_outbox (seq, prev_hash, hash) VALUES (?, ?, ?)');
    this.selectHead = db.prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM central_outbox ORDER BY seq DESC LIMIT 1',
    );
    this.selectShipped = db.prepare<[number, number], ShippedEvent>(
      `SELECT o.seq, e.at, e.actor, e.payload, o.prev_hash AS prevHash, o.hash
       FROM central_outbox o JOIN events e ON e.seq = o.seq WHERE o.seq >= ? ORDER BY o.seq LIMIT ?`,
    );
    this.selectUnlinked = db.prepare<[number], { seq: number; at: number; actor: string; payload: string }>(
      'SELECT seq, at, actor, payload FROM events WHERE seq > ? ORDER BY seq LIMIT 5000',
    );
  }

  /** The head is read inside the transaction (one primary-key step), so a rolled-back batch leaves no stale copy. */
  chain(envelopes: EventEnvelope[]): void {
    let head = this.selectHead.get()?.hash ?? CHAIN_GENESIS_HASH;
    for (const envelope of envelopes) {
      // The payload exactly as the events table holds it: central recomputes the hash from it.
      const payload = JSON.stringify(envelope.event);
      const hash = chainHash(head, { seq: envelope.seq, at: envelope.at, actor: envelope.actor, payload });
      this.insertLink.run(envelope.seq, head, hash);
      head = hash;
    }
  }

  /** In pages of one transaction each, so a long history does not hold the store in one. */
  chainUnlinked(): void {
    const last = this.selectHead.get();
    let head = last?.hash ?? CHAIN_GENESIS_HASH;
    let seq = last?.seq ?? 0;
    for (;;) {
      const rows = this.selectUnlinked.all(seq);
      if (rows.length === 0) return;
      this.db.transaction(() => {
        for (const row of rows) {
          const hash = chainHash(head, row);
          this.insertLink.run(row.seq, head, hash);
          head = hash;
          seq = row.seq;
        }
      })();
    }
  }

  shippedFrom(seq: number, limit: number): ShippedEvent[] {
    return this.selectShipped.all(seq, limit);
  }

  acknowledgedSeq(): number {
    return Number(readMeta(this.db, ACKNOWLEDGED_KEY) ?? 0);
  }

  setAcknowledgedSeq(seq: number): void {
    writeMeta(this.db, ACKNOWLEDGED_KEY, String(seq));
  }
}
