import type { RatingAnswer, RatingScale } from '@motcua/core';
import type { Db } from '../store/openDatabase.js';
import { yieldToEventLoop } from './reportsQueries.js';

/** A dossier code attached to a ticket, with the ticket's times and rating as stored. */
export interface DossierVisitRecord {
  dossierCode: string;
  label: string;
  serviceDay: string;
  serviceId: string;
  counterId: string | null;
  clerkId: string | null;
  issuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  status: string;
  /** The raw answer and its scale; null when the ticket was not rated. */
  ratingAnswer: RatingAnswer | null;
  ratingScale: RatingScale | null;
  reasons: string[];
  reasonText: string;
}

/**
 * Dossier codes as the event log holds them (`ticket.dossierAttached`), joined with the ticket and
 * rating projections. A PostgreSQL store implements the same operations.
 */
export interface DossierStore {
  /** Every attachment in [startsAt, endsAt), in the order the codes were attached, page by page. */
  visitsBetween(startsAt: number, endsAt: number): AsyncGenerator<DossierVisitRecord>;
  /** The tickets a dossier code was attached to, oldest first. */
  ticketsOfDossier(dossierCode: string): { serviceId: string; serviceDay: string }[];
}

const PAGE_SIZE = 2000;

interface VisitRow extends Omit<DossierVisitRecord, 'reasons'> {
  seq: number;
  reasons: string | null;
}

export class SqliteDossierStore implements DossierStore {
  constructor(private readonly db: Db) {}

  async *visitsBetween(startsAt: number, endsAt: number): AsyncGenerator<DossierVisitRecord> {
    const page = this.db.prepare<[number, number, number, number], VisitRow>(
      `SELECT e.seq AS seq, json_extract(e.payload, '$.dossierCode') AS dossierCode, t.label,
         t.service_day AS serviceDay, t.service_id AS serviceId, t.counter_id AS counterId, t.clerk_id AS clerkId,
         t.issued_at AS issuedAt, t.called_at AS calledAt, t.started_at AS startedAt, t.finished_at AS finishedAt,
         t.status, r.answer AS ratingAnswer, r.scale AS ratingScale, r.reasons,
         COALESCE(r.reason_text, '') AS reasonText
       FROM events e
       JOIN tickets t ON t.id = json_extract(e.payload, '$.ticketId')
       LEFT JOIN ratings r ON r.ticket_id = t.id
       WHERE e.type = 'ticket.dossierAttached' AND e.at >= ? AND e.at < ? AND e.seq > ?
       ORDER BY e.seq LIMIT ?`,
    );
    let lastSeq = 0;
    for (;;) {
      const rows = page.all(startsAt, endsAt, lastSeq, PAGE_SIZE);
      for (const { seq: _seq, reasons, ...visit } of rows)
        yield { ...visit, reasons: JSON.parse(reasons ?? '[]') as string[] };
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      lastSeq = last.seq;
      await yieldToEventLoop();
    }
  }

  ticketsOfDossier(dossierCode: string): { serviceId: string; serviceDay: string }[] {
    return this.db
      .prepare<[string], { serviceId: string; serviceDay: string }>(
        `SELECT t.service_id AS serviceId, t.service_day AS serviceDay
         FROM events e JOIN tickets t ON t.id = json_extract(e.payload, '$.ticketId')
         WHERE e.type = 'ticket.dossierAttached' AND json_extract(e.payload, '$.dossierCode') = ?
         ORDER BY e.seq`,
      )
      .all(dossierCode);
  }
}
