import {
  applyAll,
  emptyState,
  stateCodec,
  ratingRecordOf,
  ticketById,
  ticketCount,
  type CommandReply,
  type EventEnvelope,
  type QueueState,
} from '@motcua/core';
import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';
import type { Db } from './openDatabase.js';

/**
 * A snapshot is written after 1,000 events, or after half as many events as the day has tickets if that is
 * more: encoding the state costs time in proportion to its tickets (about 350 ms for 20,000), so a fixed
 * interval would make each event's share grow with the day. Spaced by half the day's size, the share stays
 * the same (even while only tickets are issued, one event each, the interval is reached), and a start
 * replays at most half a day's events after the snapshot (O(log n) each).
 */
const SNAPSHOT_EVERY_AT_LEAST = 1000;
export function snapshotDue(eventsSinceSnapshot: number, ticketsInState: number): boolean {
  return eventsSinceSnapshot >= Math.max(SNAPSHOT_EVERY_AT_LEAST, Math.ceil(ticketsInState / 2));
}

/**
 * Keeps a feature's tables in step with the events: runs inside the transaction that stores them
 * (the group commit's too), so a crash keeps both or neither. `after` is the state after them.
 * A throw rolls the whole batch back and the commands are refused.
 */
export interface Projector {
  name: string;
  project(tx: Db, envelopes: EventEnvelope[], after: QueueState): void;
}

/** A write that belongs to one command but not to its events (e.g. a booking's contact details). */
export type AlongsideWrite = (tx: Db) => void;

/** One accepted command as stored: its events, its reply for retries, and what else it writes. */
export interface StoredCommand {
  envelopes: EventEnvelope[];
  requestId: string | null;
  actor: string;
  /** Hash of the command as sent, so a requestId reused for another command is recognised. */
  commandHash: string | null;
  reply: CommandReply;
  alongside?: AlongsideWrite | undefined;
}

/** A reply remembered for a requestId, with the hash of the command that got it (null: stored before hashes). */
export interface RememberedReply {
  reply: CommandReply;
  commandHash: string | null;
}

/**
 * Who makes a batch's transaction durable: SQLite at its commit (`synchronous = FULL`), or the caller later, by
 * `syncWal()` before anyone hears of the batch (the engine's group commit: the fsync runs off the event loop
 * while the next batch is decided).
 */
export type Durability = 'atCommit' | 'bySyncWal';

/** Writes each command's events, the tables they update, and its reply, in one transaction. */
export class EventStore {
  private readonly insertEvent;
  private readonly insertRequest;
  private readonly findRequest;
  private readonly insertTicket;
  private readonly updateTicket;
  private readonly expireTickets;
  private readonly upsertCounter;
  private readonly deleteCounter;
  private readonly insertRating;
  private readonly amendRating;
  private readonly upsertConfig;
  private readonly insertSnapshot;
  private readonly selectSince;
  private lastSnapshotSeq = 0;
  private readonly projectors: Projector[] = [];
  /** A file database in WAL mode: its commits can be left for `syncWal` (else every commit syncs itself). */
  private readonly walPath: string | null;
  /** The WAL file, opened at the first `syncWal`. */
  private walFd: number | null = null;
  /** The connection's own `synchronous` level (FULL in the hub), put back after each batch synced by `syncWal`. */
  private readonly synchronousLevel: number;

  constructor(private readonly db: Db) {
    const wal = !db.memory && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
    this.walPath = wal ? `${db.name}-wal` : null;
    // Read before anything sets it: PRAGMA synchronous takes effect when its statement is compiled.
    this.synchronousLevel = Number(db.pragma('synchronous', { simple: true }));
    this.insertEvent = db.prepare(
      'INSERT INTO events (seq, type, payload, at, actor, request_id) VALUES (@seq, @type, @payload, @at, @actor, @requestId)',
    );
    this.insertRequest = db.prepare(
      'INSERT INTO requests (request_id, actor, command_hash, reply, at) VALUES (?, ?, ?, ?, ?)',
    );
    this.findRequest = db.prepare<[string, string], { reply: string; command_hash: string | null }>(
      'SELECT reply, command_hash FROM requests WHERE request_id = ? AND actor = ?',
    );
    // Plain INSERT: a ticket row is written once per id; a second `ticket.issued` for the same id is an
    // error that rolls the command back, never an overwrite of an earlier day's history.
    this.insertTicket = db.prepare(
      `INSERT INTO tickets (id, service_day, service_id, number, label, priority_group, source, status, issued_at,
         called_at, started_at, finished_at, counter_id, clerk_id, recall_count, rated, eta_minutes)
       VALUES (@id, @serviceDay, @serviceId, @number, @label, @priorityGroup, @source, @status, @issuedAt,
         @calledAt, @startedAt, @finishedAt, @counterId, @clerkId, @recallCount, @rated, @etaMinutes)`,
    );
    this.updateTicket = db.prepare(
      `UPDATE tickets SET service_id = @serviceId, status = @status, called_at = @calledAt, started_at = @startedAt,
         finished_at = @finishedAt, counter_id = @counterId, clerk_id = @clerkId, recall_count = @recallCount,
         rated = @rated
       WHERE id = @id AND service_day = @serviceDay`,
    );
    this.expireTickets = db.prepare(
      `UPDATE tickets SET status = 'expired'
       WHERE service_day = ? AND status IN ('waiting', 'called', 'serving', 'parked', 'noShow')`,
    );
    this.upsertCounter = db.prepare(
      `INSERT INTO counters (id, status, pause_reason, clerk_id, current_ticket_id, since)
       VALUES (@id, @status, @pauseReason, @clerkId, @currentTicketId, @since)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, pause_reason = excluded.pause_reason,
         clerk_id = excluded.clerk_id, current_ticket_id = excluded.current_ticket_id, since = excluded.since`,
    );
    this.deleteCounter = db.prepare('DELETE FROM counters WHERE id = ?');
    this.insertRating = db.prepare(
      `INSERT INTO ratings (ticket_id, counter_id, clerk_id, service_id, scale, answer, reasons, reason_text, at)
       VALUES (@ticketId, @counterId, @clerkId, @serviceId, @scale, @answer, @reasons, @reasonText, @at)`,
    );
    this.amendRating = db.prepare(
      `UPDATE ratings SET scale = @scale, answer = @answer, reasons = @reasons, reason_text = @reasonText
       WHERE ticket_id = @ticketId`,
    );
    this.upsertConfig = db.prepare(
      'INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.insertSnapshot = db.prepare('INSERT OR REPLACE INTO snapshots (seq, state, at) VALUES (?, ?, ?)');
    this.selectSince = db.prepare<[number, number], { seq: number; at: number; actor: string; payload: string }>(
      'SELECT seq, at, actor, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    );
  }

  /** Adds a feature's projector; it runs in every later transaction. Returns its removal. */
  addProjector(projector: Projector): () => void {
    this.projectors.push(projector);
    return () => {
      const index = this.projectors.indexOf(projector);
      if (index >= 0) this.projectors.splice(index, 1);
    };
  }

  /** The reply an accepted command with this requestId from this sender got, if any. */
  previousReply(requestId: string, actor: string): RememberedReply | null {
    const row = this.findRequest.get(requestId, actor);
    return row ? { reply: JSON.parse(row.reply) as CommandReply, commandHash: row.command_hash } : null;
  }

  /**
   * Stores several commands in one transaction (group commit); `after` is the state after all of them.
   * Their events, the core tables, every feature's projection and each command's own writes: all or
   * nothing. Throws if SQLite (or a projector) refuses. With `bySyncWal`, the batch is committed (every reader
   * of the database sees it) but durable only once a later `syncWal` resolves.
   */
  appendBatch(commands: StoredCommand[], after: QueueState, durability: Durability = 'atCommit'): void {
    // NORMAL in WAL mode: the commit writes its frames to the WAL file but does not fsync it (SQLite stays
    // consistent; durability is `syncWal`'s job). A pragma takes effect as it is compiled, so it is not prepared
    // once and re-run: `db.pragma` compiles it each time.
    const deferSync = durability === 'bySyncWal' && this.walPath !== null;
    if (deferSync) this.db.pragma('synchronous = NORMAL');
    try {
      this.appendInTransaction(commands, after);
    } finally {
      if (deferSync) this.db.pragma(`synchronous = ${this.synchronousLevel}`);
    }
  }

  /**
   * Makes every transaction committed so far durable: an fdatasync of the WAL file (what `synchronous = FULL`
   * does inside each commit), on libuv's thread pool. Resolves at once for a database without a WAL file.
   */
  syncWal(): Promise<void> {
    const fd = this.walDescriptor();
    if (fd === null) return Promise.resolve();
    return new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
  }

  /** `syncWal`, blocking: for shutdown and for a reply that must not leave before its batch is durable. */
  syncWalNow(): void {
    const fd = this.walDescriptor();
    if (fd !== null) fdatasyncSync(fd);
  }

  /** Closes the WAL file's descriptor (before the database closes and SQLite removes the file). */
  closeWal(): void {
    if (this.walFd === null) return;
    closeSync(this.walFd);
    this.walFd = null;
  }

  private walDescriptor(): number | null {
    if (!this.walPath) return null;
    // SQLite keeps the WAL file (and its inode) for as long as the connection is open; 'r+': Windows flushes
    // only a handle opened for writing.
    return (this.walFd ??= openSync(this.walPath, 'r+'));
  }

  private appendInTransaction(commands: StoredCommand[], after: QueueState): void {
    this.db.transaction(() => {
      const all: EventEnvelope[] = [];
      for (const { envelopes, requestId, actor, commandHash, reply, alongside } of commands) {
        for (const envelope of envelopes) {
          this.insertEvent.run({
            seq: envelope.seq,
            type: envelope.event.type,
            payload: JSON.stringify(envelope.event),
            at: envelope.at,
            actor: envelope.actor,
            requestId,
          });
        }
        all.push(...envelopes);
        if (requestId && envelopes.length > 0) {
          this.insertRequest.run(requestId, actor, commandHash, JSON.stringify(reply), envelopes[0]?.at ?? 0);
        }
        alongside?.(this.db);
      }
      this.project(all, after);
      for (const projector of this.projectors) projector.project(this.db, all, after);
      const last = all.at(-1);
      if (last && snapshotDue(last.seq - this.lastSnapshotSeq, ticketCount(after))) this.writeSnapshot(after);
    })();
  }

  private project(envelopes: EventEnvelope[], after: QueueState): void {
    /** Issued tickets with the wait they were promised. */
    const issued = new Map<string, number | null>();
    const tickets = new Set<string>();
    const counters = new Set<string>();
    let configChanged = false;
    for (const { event } of envelopes) {
      if (event.type.startsWith('config.')) configChanged = true;
      switch (event.type) {
        case 'ticket.issued':
          issued.set(event.ticket.id, event.estimate?.etaMinutes ?? null);
          break;
        case 'day.closed':
          this.expireTickets.run(event.serviceDay);
          for (const id of Object.keys(after.counters)) counters.add(id);
          break;
        case 'day.opened':
          for (const id of Object.keys(after.counters)) counters.add(id);
          break;
        case 'rating.submitted': {
          const { ticketId, counterId, clerkId, serviceId, at } = event.rating;
          tickets.add(ticketId);
          this.insertRating.run({ ticketId, counterId, clerkId, serviceId, at, ...ratingRow(event.rating) });
          break;
        }
        case 'rating.amended':
          this.amendRating.run({ ticketId: event.ticketId, ...ratingRow(event) });
          break;
        case 'config.counterRemoved':
          this.deleteCounter.run(event.counterId);
          break;
        default:
          if ('ticketId' in event) tickets.add(event.ticketId);
          if ('counterId' in event && typeof event.counterId === 'string') counters.add(event.counterId);
          if ('fromCounterId' in event && event.fromCounterId) counters.add(event.fromCounterId);
      }
    }
    for (const [id, etaMinutes] of issued) {
      const ticket = ticketById(after, id);
      if (!ticket) continue;
      if (ticket.counterId) counters.add(ticket.counterId);
      this.insertTicket.run({ ...ticket, rated: ticket.rated ? 1 : 0, etaMinutes });
    }
    for (const id of tickets) {
      const ticket = ticketById(after, id);
      if (!ticket || issued.has(id)) continue;
      if (ticket.counterId) counters.add(ticket.counterId);
      this.updateTicket.run({ ...ticket, rated: ticket.rated ? 1 : 0 });
    }
    for (const id of counters) {
      const counter = after.counters[id];
      if (counter) this.upsertCounter.run({ id, ...counter });
    }
    if (configChanged) this.upsertConfig.run('config', JSON.stringify(after.config));
  }

  writeSnapshot(state: QueueState): void {
    this.insertSnapshot.run(state.seq, stateCodec.encode(state), Date.now());
    this.lastSnapshotSeq = state.seq;
  }

  /** Events after `seq`, at most `limit`. */
  eventsSince(seq: number, limit: number): EventEnvelope[] {
    return this.selectSince.all(seq, limit).map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      event: JSON.parse(row.payload) as EventEnvelope['event'],
    }));
  }

  lastSeq(): number {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  /** The state as of the last stored event: the latest snapshot, then the events after it. */
  loadState(): QueueState {
    const snapshot = this.db.prepare('SELECT seq, state FROM snapshots ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; state: string } | undefined;
    let state = snapshot ? stateCodec.decode(snapshot.state) : emptyState();
    this.lastSnapshotSeq = state.seq;
    for (;;) {
      const batch = this.eventsSince(state.seq, 5000);
      if (batch.length === 0) break;
      state = applyAll(state, batch);
    }
    return state;
  }

  /** Forgets idempotency replies older than `before` (they only guard retries of a lost ack). */
  pruneRequests(before: number): void {
    this.db.prepare('DELETE FROM requests WHERE at < ?').run(before);
  }

  /** The latest `at` among stored events (0 for none): the hub's clock should never be behind it. */
  latestEventAt(): number {
    const row = this.db.prepare('SELECT MAX(at) AS at FROM events').get() as { at: number | null };
    return row.at ?? 0;
  }

  metaValue(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMetaValue(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }
}

/** A rating's answer as the ratings table stores it (reasons as JSON). */
function ratingRow(rating: Parameters<typeof ratingRecordOf>[0]) {
  const record = ratingRecordOf(rating);
  return { ...record, reasons: JSON.stringify(record.reasons) };
}
