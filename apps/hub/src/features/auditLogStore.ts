import type { Db } from '../store/openDatabase.js';

/** Which events the audit page asks for; times are epoch ms, the range [fromAt, toAt). */
export interface AuditFilter {
  fromAt?: number | undefined;
  toAt?: number | undefined;
  actor?: string | undefined;
  /** An event type ("ticket.called") or a family ending in a dot ("config."). */
  type?: string | undefined;
  /** Only events older than this seq: the next page. */
  beforeSeq?: number | undefined;
  limit: number;
}

export interface LoggedEvent {
  seq: number;
  at: number;
  actor: string;
  type: string;
  /** The event as it was stored (a DomainEvent: always an object). */
  event: Record<string, unknown>;
}

/** The event log as the audit reads it, newest first. A PostgreSQL store implements the same operations. */
export interface AuditLogStore {
  events(filter: AuditFilter): LoggedEvent[];
  /** The number ("A012") of a ticket by id, for events that name only the id. */
  ticketLabel(ticketId: string): string | null;
}

export class SqliteAuditLogStore implements AuditLogStore {
  private readonly selectLabel;

  constructor(private readonly db: Db) {
    this.selectLabel = db.prepare<[string], { label: string }>('SELECT label FROM tickets WHERE id = ?');
  }

  events(filter: AuditFilter): LoggedEvent[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.fromAt !== undefined) {
      where.push('at >= ?');
      params.push(filter.fromAt);
    }
    if (filter.toAt !== undefined) {
      where.push('at < ?');
      params.push(filter.toAt);
    }
    if (filter.actor) {
      where.push('actor = ?');
      params.push(filter.actor);
    }
    if (filter.type) {
      if (filter.type.endsWith('.')) {
        where.push('substr(type, 1, ?) = ?');
        params.push(filter.type.length, filter.type);
      } else {
        where.push('type = ?');
        params.push(filter.type);
      }
    }
    if (filter.beforeSeq !== undefined) {
      where.push('seq < ?');
      params.push(filter.beforeSeq);
    }
    const rows = this.db
      .prepare(
        `SELECT seq, at, actor, type, payload FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(...params, filter.limit) as { seq: number; at: number; actor: string; type: string; payload: string }[];
    return rows.map(({ payload, ...row }) => ({ ...row, event: JSON.parse(payload) as Record<string, unknown> }));
  }

  ticketLabel(ticketId: string): string | null {
    return this.selectLabel.get(ticketId)?.label ?? null;
  }
}
