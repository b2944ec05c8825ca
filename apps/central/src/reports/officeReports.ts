import {
  openIdleIntervals,
  summarizeReport,
  sumIdle,
  satisfactionIndex,
  type IdleFold,
  type IdleInterval,
  type ReportRange,
  type ReportRating,
  type ReportSummary,
  type ReportTicket,
  type TicketStatus,
  type RatingAnswer,
  type RatingScale,
} from '@motcua/core';
import type { SqlQueryable } from '../db/sqlClient.js';

/** An office silent for longer than this is shown as not reporting. */
export const STALE_AFTER_MS = 2 * 60_000;

export interface OfficeOverview {
  officeId: string;
  name: string;
  serviceDay: string | null;
  waitingNow: number;
  longestWaitSeconds: number | null;
  countersOpen: number;
  issuedToday: number;
  servedToday: number;
  ratingsToday: number;
  /** Percent of "Rất hài lòng" + "Hài lòng" today; null without ratings. */
  satisfactionToday: number | null;
  seq: number;
  lastEventAt: number | null;
  lastContactAt: number | null;
  /** True when the office has not reached central for STALE_AFTER_MS (or never has). */
  stale: boolean;
}

/** Every visible office on one page: one row each from office_live, whose day totals the projector keeps. */
export async function officesOverview(
  sql: SqlQueryable,
  /** null: every office (a province admin) — filtered in the same query, saving a round trip. */
  officeIds: readonly string[] | null,
  now: number,
): Promise<OfficeOverview[]> {
  const rows = (
    await sql.query<{
      id: string;
      name: string;
      last_contact_at: number | null;
      service_day: string | null;
      waiting_now: number | null;
      oldest_waiting_issued_at: number | null;
      counters_open: number | null;
      seq: number | null;
      last_event_at: number | null;
      issued: number;
      served: number;
      ratings: number;
      satisfied: number;
    }>(
      `SELECT o.id, o.name, o.last_contact_at, l.service_day, l.waiting_now,
         l.oldest_waiting_issued_at, l.counters_open, l.seq, l.last_event_at,
         COALESCE(l.issued_today, 0) AS issued, COALESCE(l.served_today, 0) AS served,
         COALESCE(l.ratings_today, 0) AS ratings, COALESCE(l.satisfied_today, 0) AS satisfied
       FROM offices o
       LEFT JOIN office_live l ON l.office_id = o.id
       WHERE $1::text[] IS NULL OR o.id = ANY($1::text[])
       ORDER BY o.id`,
      [officeIds],
    )
  ).rows;
  return rows.map((row) => ({
    officeId: row.id,
    name: row.name,
    serviceDay: row.service_day,
    waitingNow: row.waiting_now ?? 0,
    longestWaitSeconds:
      row.oldest_waiting_issued_at === null ? null : Math.max(0, (now - row.oldest_waiting_issued_at) / 1000),
    countersOpen: row.counters_open ?? 0,
    issuedToday: row.issued,
    servedToday: row.served,
    ratingsToday: row.ratings,
    satisfactionToday: satisfactionIndex(row.satisfied, row.ratings),
    seq: row.seq ?? 0,
    lastEventAt: row.last_event_at,
    lastContactAt: row.last_contact_at,
    stale: row.last_contact_at === null || now - row.last_contact_at > STALE_AFTER_MS,
  }));
}

interface OfficeReportSettings {
  timeZone: string;
  dayCloseHour: number;
  serviceFields: Record<string, string>;
}

async function reportSettings(sql: SqlQueryable, officeId: string): Promise<OfficeReportSettings> {
  const row = (
    await sql.query<{ time_zone: string; day_close_hour: number; service_fields: string }>(
      'SELECT time_zone, day_close_hour, service_fields FROM office_live WHERE office_id = $1',
      [officeId],
    )
  ).rows[0];
  return row
    ? {
        timeZone: row.time_zone,
        dayCloseHour: row.day_close_hour,
        serviceFields: JSON.parse(row.service_fields) as Record<string, string>,
      }
    : { timeZone: 'Asia/Ho_Chi_Minh', dayCloseHour: 20, serviceFields: {} };
}

async function reportRows(
  sql: SqlQueryable,
  officeIds: readonly string[],
  range: ReportRange,
): Promise<{ tickets: (ReportTicket & { officeId: string })[]; ratings: (ReportRating & { officeId: string })[] }> {
  const tickets = (
    await sql.query<{
      office_id: string;
      service_day: string;
      service_id: string;
      status: TicketStatus;
      issued_at: number;
      called_at: number | null;
      started_at: number | null;
      finished_at: number | null;
      counter_id: string | null;
      clerk_id: string | null;
      eta_minutes: number | null;
      priority_group: string | null;
    }>(
      `SELECT office_id, service_day, service_id, status, issued_at, called_at, started_at, finished_at, counter_id,
         clerk_id, eta_minutes, priority_group
       FROM tickets WHERE office_id = ANY($1::text[]) AND service_day BETWEEN $2 AND $3`,
      [officeIds, range.from, range.to],
    )
  ).rows.map((r) => ({
    officeId: r.office_id,
    serviceDay: r.service_day,
    serviceId: r.service_id,
    status: r.status,
    issuedAt: r.issued_at,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counterId: r.counter_id,
    clerkId: r.clerk_id,
    etaMinutes: r.eta_minutes,
    priorityGroup: r.priority_group,
  }));
  const ratings = (
    await sql.query<{
      office_id: string;
      service_day: string;
      service_id: string;
      counter_id: string;
      clerk_id: string | null;
      scale: RatingScale;
      answer: RatingAnswer;
    }>(
      `SELECT office_id, service_day, service_id, counter_id, clerk_id, scale, answer
       FROM ratings WHERE office_id = ANY($1::text[]) AND service_day BETWEEN $2 AND $3`,
      [officeIds, range.from, range.to],
    )
  ).rows.map((r) => ({
    officeId: r.office_id,
    serviceDay: r.service_day,
    serviceId: r.service_id,
    counterId: r.counter_id,
    clerkId: r.clerk_id,
    scale: r.scale,
    answer: r.answer,
  }));
  return { tickets, ratings };
}

/**
 * Idle intervals of the offices that touch [startsAt, endsAt): the ones the projector stored, and the
 * ones still running in each office's current stream, up to min(endsAt, now) as the hub counts them.
 */
async function idleIntervals(
  sql: SqlQueryable,
  officeIds: readonly string[],
  startsAt: number,
  endsAt: number,
  now: number,
): Promise<(IdleInterval & { officeId: string })[]> {
  const ended = (
    await sql.query<{ office_id: string; counter_id: string; clerk_id: string | null; from_at: number; to_at: number }>(
      `SELECT office_id, counter_id, clerk_id, from_at, to_at FROM idle_intervals
       WHERE office_id = ANY($1::text[]) AND to_at > $2 AND from_at < $3`,
      [officeIds, startsAt, endsAt],
    )
  ).rows.map((r) => ({
    officeId: r.office_id,
    counterId: r.counter_id,
    clerkId: r.clerk_id,
    from: r.from_at,
    to: r.to_at,
  }));
  const running = (
    await sql.query<{ office_id: string; idle_fold: string }>(
      `SELECT p.office_id, p.idle_fold FROM stream_projections p
       JOIN office_live l ON l.office_id = p.office_id AND l.hub_id = p.hub_id
       WHERE p.office_id = ANY($1::text[])`,
      [officeIds],
    )
  ).rows.flatMap((r) =>
    openIdleIntervals(JSON.parse(r.idle_fold) as IdleFold, Math.min(endsAt, now)).map((i) => ({
      ...i,
      officeId: r.office_id,
    })),
  );
  return [...ended, ...running];
}

/** One office's report over its central copy, with the definitions the office hub uses. */
export async function officeReport(
  sql: SqlQueryable,
  officeId: string,
  range: ReportRange,
  now: number,
): Promise<ReportSummary> {
  const settings = await reportSettings(sql, officeId);
  const { tickets, ratings } = await reportRows(sql, [officeId], range);
  const summary = summarizeReport(range, settings, settings.serviceFields, tickets, ratings);
  const idle = await idleIntervals(sql, [officeId], summary.startsAt, summary.endsAt, now);
  return { ...summary, idle: sumIdle(idle, summary.startsAt, summary.endsAt) };
}

export interface ProvinceReport {
  range: ReportRange;
  /** All the offices together (keys are the offices' own service/counter ids). */
  combined: ReportSummary;
  offices: { officeId: string; name: string; summary: ReportSummary }[];
}

/** Reports for several offices at once and their total, from one read of the rows. */
export async function provinceReport(
  sql: SqlQueryable,
  offices: readonly { id: string; name: string }[],
  range: ReportRange,
  now: number,
): Promise<ProvinceReport> {
  const ids = offices.map((o) => o.id);
  const { tickets, ratings } = await reportRows(sql, ids, range);
  // One read of each office's settings, used for its own summary and (the first office's) for the total.
  const withSettings: { office: { id: string; name: string }; settings: OfficeReportSettings }[] = [];
  for (const office of offices) withSettings.push({ office, settings: await reportSettings(sql, office.id) });
  const combined = summarizeReport(
    range,
    withSettings[0]?.settings ?? { timeZone: 'Asia/Ho_Chi_Minh', dayCloseHour: 20 },
    {},
    tickets,
    ratings,
  );
  const idle = await idleIntervals(sql, ids, combined.startsAt, combined.endsAt, now);
  const perOffice = [];
  for (const { office, settings } of withSettings) {
    const summary = summarizeReport(
      range,
      settings,
      settings.serviceFields,
      tickets.filter((t) => t.officeId === office.id),
      ratings.filter((r) => r.officeId === office.id),
    );
    const own = idle.filter((i) => i.officeId === office.id);
    perOffice.push({
      officeId: office.id,
      name: office.name,
      summary: { ...summary, idle: sumIdle(own, summary.startsAt, summary.endsAt) },
    });
  }
  return {
    range,
    combined: { ...combined, idle: sumIdle(idle, combined.startsAt, combined.endsAt) },
    offices: perOffice,
  };
}
