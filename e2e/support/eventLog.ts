import { applyAll, emptyState, stateHash, type EventEnvelope, type QueueState, type Ticket } from '@motcua/core';
import Database from 'better-sqlite3';
import { join } from 'node:path';

/** The hub's event log as stored in its SQLite file (read-only connection; the hub may be running). */
export function readEventLog(dataDir: string): EventEnvelope[] {
  const db = new Database(join(dataDir, 'motcua.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT seq, at, actor, payload FROM events ORDER BY seq').all() as {
      seq: number;
      at: number;
      actor: string;
      payload: string;
    }[];
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      event: JSON.parse(row.payload) as EventEnvelope['event'],
    }));
  } finally {
    db.close();
  }
}

/** Folds the whole log from an empty state, ignoring snapshots: what the log alone says the state is. */
export function replayEventLog(dataDir: string): { events: EventEnvelope[]; state: QueueState; hash: string } {
  const events = readEventLog(dataDir);
  const state = applyAll(emptyState(), events);
  return { events, state, hash: stateHash(state) };
}

/** Every ticket ever issued according to the log, with its service day. */
export function issuedTickets(events: EventEnvelope[]): Ticket[] {
  return events.flatMap((e) => (e.event.type === 'ticket.issued' ? [e.event.ticket] : []));
}

/** Labels given twice within one service day (should be none). */
export function repeatedLabels(events: EventEnvelope[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const ticket of issuedTickets(events)) {
    const key = `${ticket.serviceDay} ${ticket.label}`;
    if (seen.has(key)) repeated.push(key);
    seen.add(key);
  }
  return repeated;
}

/** The seqs are 1, 2, 3 … with no gap and no repeat. */
export function seqsAreContiguous(events: EventEnvelope[]): boolean {
  return events.every((e, i) => e.seq === i + 1);
}
