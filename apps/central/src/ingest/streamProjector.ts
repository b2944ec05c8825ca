import {
  apply,
  emptyState,
  ticketById,
  allTickets,
  expiresAtDayClose,
  ticketsWhere,
  stateCodec,
  satisfiedBallots,
  type EventEnvelope,
  type QueueState,
  ratingRecordOf,
  type Rating,
  type RatingAnswer,
  type RatingScale,
  type Ticket,
} from '@motcua/core';
import type { SqlQueryable } from '../db/sqlClient.js';

const SNAPSHOT_EVERY = 2000;
const REPLAY_PAGE = 5000;

const streamKey = (officeId: string, hubId: string) => `${officeId}\u0000${hubId}`;

/**
 * The folded state of each office's hub epoch, with the same `apply` the hub and every client use.
 * Kept in memory between batches; rebuilt from the last snapshot and the stored events after a restart.
 */
export class StreamStates {
  private readonly cache = new Map<string, QueueState>();

  async load(tx: SqlQueryable, officeId: string, hubId: string, lastSeq: number): Promise<QueueState> {
    const cached = this.cache.get(streamKey(officeId, hubId));
    if (cached && cached.seq === lastSeq) return cached;
    const snapshot = (
      await tx.query<{ seq: number; state: string }>(
        'SELECT seq, state FROM stream_snapshots WHERE office_id = $1 AND hub_id = $2',
        [officeId, hubId],
      )
    ).rows[0];
    // Through core's codec: the tickets are a persistent map, which plain JSON would not give back.
    let state = snapshot && snapshot.seq <= lastSeq ? stateCodec.decode(snapshot.state) : emptyState();
    while (state.seq < lastSeq) {
      const rows = (
        await tx.query<{ seq: number; at: number; actor: string; payload: string }>(
          `SELECT seq, at, actor, payload FROM events
           WHERE office_id = $1 AND hub_id = $2 AND seq > $3 AND seq <= $4 ORDER BY seq LIMIT ${REPLAY_PAGE}`,
          [officeId, hubId, state.seq, lastSeq],
        )
      ).rows;
      if (rows.length === 0) break;
      for (const row of rows) {
        state = apply(state, { seq: row.seq, at: row.at, actor: row.actor, event: JSON.parse(row.payload) });
      }
    }
    return state;
  }

  remember(officeId: string, hubId: string, state: QueueState): void {
    this.cache.set(streamKey(officeId, hubId), state);
  }

  forget(officeId: string, hubId: string): void {
    this.cache.delete(streamKey(officeId, hubId));
  }
}

/** A rating's answer as the ratings table stores it: raw answer, its scale (a four-level score as legacyFour), reasons. */
interface RatingAnswerRow {
  scale: RatingScale;
  answer: RatingAnswer;
  reasons: string;
  reason_text: string;
}

function ratingAnswerRow(rating: Parameters<typeof ratingRecordOf>[0]): RatingAnswerRow {
  const { scale, answer, reasons, reasonText } = ratingRecordOf(rating);
  return { scale, answer, reasons: JSON.stringify(reasons), reason_text: reasonText };
}

interface Touched {
  tickets: Map<string, Ticket>;
  /** The wait promised at issue, for tickets issued in this batch (kept once, never overwritten). */
  etaMinutes: Map<string, number | null>;
  /** Ratings first given in this batch, as they stand after it (an amend in the same batch applied). */
  ratings: Map<string, { rating: Rating; answer: RatingAnswerRow; serviceDay: string }>;
  /** Amends of ratings stored by an earlier batch: the latest answer per ticket. */
  amendments: Map<string, RatingAnswerRow>;
  counters: Set<string>;
  removedCounters: Set<string>;
}

/**
 * Folds one batch event by event, remembering each touched ticket as it stands after the event that
 * touched it: a batch may issue a ticket and close the day before the next day clears it.
 */
export function foldBatch(
  state: QueueState,
  envelopes: readonly EventEnvelope[],
): { after: QueueState; touched: Touched } {
  const touched: Touched = {
    tickets: new Map(),
    etaMinutes: new Map(),
    ratings: new Map(),
    amendments: new Map(),
    counters: new Set(),
    removedCounters: new Set(),
  };
  let current = state;
  for (const envelope of envelopes) {
    const before = current;
    current = apply(current, envelope);
    const { event } = envelope;
    const ticketIds: string[] = [];
    switch (event.type) {
      case 'ticket.issued':
        ticketIds.push(event.ticket.id);
        touched.etaMinutes.set(event.ticket.id, event.estimate?.etaMinutes ?? null);
        break;
      case 'day.closed':
        // day.closed carries no list: the tickets it expires are the ones still open before it.
        ticketIds.push(...ticketsWhere(before, expiresAtDayClose).map((t) => t.id));
        for (const id of Object.keys(current.counters)) touched.counters.add(id);
        break;
      case 'day.opened':
        for (const id of Object.keys(current.counters)) touched.counters.add(id);
        break;
      case 'rating.submitted':
        ticketIds.push(event.rating.ticketId);
        touched.ratings.set(event.rating.ticketId, {
          rating: event.rating,
          answer: ratingAnswerRow(event.rating),
          serviceDay: ticketById(current, event.rating.ticketId)?.serviceDay ?? current.serviceDay,
        });
        break;
      case 'rating.amended': {
        // The reason step replaces the first answer, as the hub's own ratings table does.
        ticketIds.push(event.ticketId);
        const given = touched.ratings.get(event.ticketId);
        if (given) given.answer = ratingAnswerRow(event);
        else touched.amendments.set(event.ticketId, ratingAnswerRow(event));
        break;
      }
      case 'config.counterRemoved':
        touched.removedCounters.add(event.counterId);
        touched.counters.delete(event.counterId);
        break;
      default:
        if ('ticketId' in event && typeof event.ticketId === 'string') ticketIds.push(event.ticketId);
        if ('counterId' in event && typeof event.counterId === 'string') touched.counters.add(event.counterId);
        if ('fromCounterId' in event && typeof event.fromCounterId === 'string')
          touched.counters.add(event.fromCounterId);
    }
    for (const id of ticketIds) {
      const ticket = ticketById(current, id);
      if (!ticket) continue;
      touched.tickets.set(id, ticket);
      if (ticket.counterId) touched.counters.add(ticket.counterId);
    }
  }
  return { after: current, touched };
}

/** Writes the report tables a batch changed, one statement per table (rows travel as one JSON array). */
export async function writeProjections(
  tx: SqlQueryable,
  officeId: string,
  hubId: string,
  before: QueueState,
  after: QueueState,
  touched: Touched,
  lastEventAt: number,
  now: number,
): Promise<void> {
  if (touched.tickets.size > 0) {
    const rows = [...touched.tickets.values()].map((t) => ({
      office_id: officeId,
      id: t.id,
      service_day: t.serviceDay,
      service_id: t.serviceId,
      number: t.number,
      label: t.label,
      priority_group: t.priorityGroup,
      source: t.source,
      status: t.status,
      issued_at: t.issuedAt,
      called_at: t.calledAt,
      started_at: t.startedAt,
      finished_at: t.finishedAt,
      counter_id: t.counterId,
      clerk_id: t.clerkId,
      recall_count: t.recallCount,
      rated: t.rated,
      eta_minutes: touched.etaMinutes.get(t.id) ?? null,
    }));
    await tx.query(
      `INSERT INTO tickets (office_id, id, service_day, service_id, number, label, priority_group, source, status,
         issued_at, called_at, started_at, finished_at, counter_id, clerk_id, recall_count, rated, eta_minutes)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(office_id TEXT, id TEXT, service_day TEXT, service_id TEXT,
         number INTEGER, label TEXT, priority_group TEXT, source TEXT, status TEXT, issued_at BIGINT, called_at BIGINT,
         started_at BIGINT, finished_at BIGINT, counter_id TEXT, clerk_id TEXT, recall_count INTEGER, rated BOOLEAN,
         eta_minutes DOUBLE PRECISION)
       ON CONFLICT (office_id, id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
         called_at = excluded.called_at, started_at = excluded.started_at, finished_at = excluded.finished_at,
         counter_id = excluded.counter_id, clerk_id = excluded.clerk_id, recall_count = excluded.recall_count,
         rated = excluded.rated`,
      [JSON.stringify(rows)],
    );
  }
  if (touched.ratings.size > 0) {
    const rows = [...touched.ratings.values()].map(({ rating, answer, serviceDay }) => ({
      office_id: officeId,
      ticket_id: rating.ticketId,
      service_day: serviceDay,
      counter_id: rating.counterId,
      clerk_id: rating.clerkId,
      service_id: rating.serviceId,
      ...answer,
      at: rating.at,
    }));
    await tx.query(
      `INSERT INTO ratings (office_id, ticket_id, service_day, counter_id, clerk_id, service_id, scale, answer, reasons,
         reason_text, at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(office_id TEXT, ticket_id TEXT, service_day TEXT,
         counter_id TEXT, clerk_id TEXT, service_id TEXT, scale TEXT, answer TEXT, reasons TEXT, reason_text TEXT,
         at BIGINT)
       ON CONFLICT (office_id, ticket_id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
  if (touched.amendments.size > 0) {
    const rows = [...touched.amendments].map(([ticketId, answer]) => ({ ticket_id: ticketId, ...answer }));
    await tx.query(
      `UPDATE ratings SET scale = r.scale, answer = r.answer, reasons = r.reasons, reason_text = r.reason_text
       FROM jsonb_to_recordset($2::jsonb) AS r(ticket_id TEXT, scale TEXT, answer TEXT, reasons TEXT, reason_text TEXT)
       WHERE ratings.office_id = $1 AND ratings.ticket_id = r.ticket_id`,
      [officeId, JSON.stringify(rows)],
    );
  }
  if (touched.removedCounters.size > 0) {
    await tx.query('DELETE FROM counters WHERE office_id = $1 AND id = ANY($2::text[])', [
      officeId,
      [...touched.removedCounters],
    ]);
  }
  const counterRows = [...touched.counters].flatMap((id) => {
    const c = after.counters[id];
    return c
      ? [
          {
            office_id: officeId,
            id,
            status: c.status,
            pause_reason: c.pauseReason,
            clerk_id: c.clerkId,
            current_ticket_id: c.currentTicketId,
            since: c.since,
          },
        ]
      : [];
  });
  if (counterRows.length > 0) {
    await tx.query(
      `INSERT INTO counters (office_id, id, status, pause_reason, clerk_id, current_ticket_id, since)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(office_id TEXT, id TEXT, status TEXT, pause_reason TEXT,
         clerk_id TEXT, current_ticket_id TEXT, since BIGINT)
       ON CONFLICT (office_id, id) DO UPDATE SET status = excluded.status, pause_reason = excluded.pause_reason,
         clerk_id = excluded.clerk_id, current_ticket_id = excluded.current_ticket_id, since = excluded.since`,
      [JSON.stringify(counterRows)],
    );
  }
  await writeOfficeLive(tx, officeId, hubId, after, lastEventAt, now);
  if (Math.floor(after.seq / SNAPSHOT_EVERY) > Math.floor(before.seq / SNAPSHOT_EVERY)) {
    await tx.query(
      `INSERT INTO stream_snapshots (office_id, hub_id, seq, state) VALUES ($1, $2, $3, $4)
       ON CONFLICT (office_id, hub_id) DO UPDATE SET seq = excluded.seq, state = excluded.state`,
      [officeId, hubId, after.seq, stateCodec.encode(after)],
    );
  }
}

/**
 * The dashboard's row for an office: what the folded state says now, with the current day's totals
 * (tickets from the state; ratings counted from the ratings table this transaction has just written,
 * since the state keeps no scores), so the overview of all offices reads one row each.
 */
async function writeOfficeLive(
  tx: SqlQueryable,
  officeId: string,
  hubId: string,
  state: QueueState,
  lastEventAt: number,
  now: number,
): Promise<void> {
  let waitingNow = 0;
  let oldestWaiting: number | null = null;
  let issuedToday = 0;
  let servedToday = 0;
  for (const ticket of allTickets(state)) {
    if (ticket.serviceDay === state.serviceDay) {
      issuedToday++;
      if (ticket.status === 'finished') servedToday++;
    }
    if (ticket.status !== 'waiting') continue;
    waitingNow++;
    if (oldestWaiting === null || ticket.issuedAt < oldestWaiting) oldestWaiting = ticket.issuedAt;
  }
  const countersOpen = Object.values(state.counters).filter((c) => c.status === 'open').length;
  const serviceFields = Object.fromEntries(Object.values(state.config.services).map((s) => [s.id, s.fieldId]));
  await tx.query(
    `WITH day_ratings AS (
       SELECT COUNT(*)::int AS ratings, (COUNT(*) FILTER (WHERE scale || ':' || answer = ANY($16::text[])))::int AS satisfied
       FROM ratings WHERE office_id = $1 AND service_day = $4
     )
     INSERT INTO office_live (office_id, hub_id, seq, service_day, office_name, time_zone, day_close_hour, waiting_now,
       oldest_waiting_issued_at, counters_open, service_fields, last_event_at, received_at, issued_today, served_today,
       ratings_today, satisfied_today)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, day_ratings.ratings, day_ratings.satisfied
     FROM day_ratings
     ON CONFLICT (office_id) DO UPDATE SET hub_id = excluded.hub_id, seq = excluded.seq,
       service_day = excluded.service_day, office_name = excluded.office_name, time_zone = excluded.time_zone,
       day_close_hour = excluded.day_close_hour, waiting_now = excluded.waiting_now,
       oldest_waiting_issued_at = excluded.oldest_waiting_issued_at, counters_open = excluded.counters_open,
       service_fields = excluded.service_fields, last_event_at = excluded.last_event_at,
       received_at = excluded.received_at, issued_today = excluded.issued_today,
       served_today = excluded.served_today, ratings_today = excluded.ratings_today,
       satisfied_today = excluded.satisfied_today`,
    [
      officeId,
      hubId,
      state.seq,
      state.serviceDay,
      state.config.office.name,
      state.config.office.timeZone,
      state.config.office.dayCloseHour,
      waitingNow,
      oldestWaiting,
      countersOpen,
      JSON.stringify(serviceFields),
      lastEventAt,
      now,
      issuedToday,
      servedToday,
      // Counted by the method over ballots of any scale (docs/satisfaction-method.md).
      satisfiedBallots().map((b) => `${b.scale}:${b.answer}`),
    ],
  );
}
