import type { OfficeConfig, RatingAnswer, RatingScale, TicketStatus } from '@motcua/core';
import type { Db } from '../store/openDatabase.js';
import { computeReport, yieldToEventLoop, type ReportRange, type ReportSummary } from './reportsQueries.js';

/** One ticket as reports and exports list it. */
export interface TicketRecord {
  label: string;
  serviceDay: string;
  serviceId: string;
  counterId: string | null;
  clerkId: string | null;
  status: TicketStatus;
  issuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** The citizen's raw answer and its scale; null when the ticket was not rated. */
  ratingAnswer: RatingAnswer | null;
  ratingScale: RatingScale | null;
  /** The wait promised when the ticket was issued (null: no estimate then). */
  etaMinutes: number | null;
  /** The priority group declared at the kiosk (null: a normal ticket). */
  priorityGroup: string | null;
}

/**
 * What reports and exports read: the ticket and rating projections and the event log, never written
 * here. A PostgreSQL store implements the same operations (central already computes the same summary).
 */
export interface ReportStore {
  summary(config: OfficeConfig, range: ReportRange, now: number): Promise<ReportSummary>;
  /** Every ticket of the range, in issue order, in pages that leave the store free between them. */
  ticketsInRange(range: ReportRange): AsyncGenerator<TicketRecord>;
}

const PAGE_SIZE = 2000;

export class SqliteReportStore implements ReportStore {
  constructor(private readonly db: Db) {}

  summary(config: OfficeConfig, range: ReportRange, now: number): Promise<ReportSummary> {
    return computeReport(this.db, config, range, now);
  }

  /** Keyset pages on rowid rather than one open cursor: the hub's one connection stores commands in between. */
  async *ticketsInRange(range: ReportRange): AsyncGenerator<TicketRecord> {
    const page = this.db.prepare<[string, string, number, number], TicketRecord & { rowid: number }>(
      `SELECT t.rowid AS rowid, t.label, t.service_day AS serviceDay, t.service_id AS serviceId,
         t.counter_id AS counterId, t.clerk_id AS clerkId, t.status, t.issued_at AS issuedAt,
         t.called_at AS calledAt, t.started_at AS startedAt, t.finished_at AS finishedAt, r.answer AS ratingAnswer, r.scale AS ratingScale,
         t.eta_minutes AS etaMinutes, t.priority_group AS priorityGroup
       FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id
       WHERE t.service_day BETWEEN ? AND ? AND t.rowid > ? ORDER BY t.rowid LIMIT ?`,
    );
    let lastRowid = 0;
    for (;;) {
      const rows = page.all(range.from, range.to, lastRowid, PAGE_SIZE);
      for (const { rowid: _rowid, ...ticket } of rows) yield ticket;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      lastRowid = last.rowid;
      await yieldToEventLoop();
    }
  }
}
