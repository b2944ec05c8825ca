import {
  foldIdle,
  IDLE_EVENT_TYPES,
  openIdleIntervals,
  satisfactionIndex,
  satisfiedBallots,
  serviceDayBounds,
  sumIdle,
  timeZoneOffsetMs,
  type EtaErrorBreakdown,
  type IdleEventFields,
  type IdleFold,
  type IdleInterval,
  type IdleRow,
  type OfficeConfig,
  type OutcomeCounts,
  type ReportRange,
  type ReportSummary,
  type SatisfactionRow,
  type TimeBreakdown,
  type TimeStats,
} from '@motcua/core';
import type { Db } from '../store/openDatabase.js';

// The definitions (what is counted, the nearest-rank rule, the satisfaction index) live in core's
// reportDefinitions, shared with the province's central service; this file is their SQLite form.
export {
  officeInstant,
  serviceDayBounds,
  timeZoneOffsetMs,
  type ReportRange,
  type ReportSummary,
  type TimeStats,
} from '@motcua/core';

/**
 * The day close marks no-shows "expired" too (they could have come back); a no-show keeps its
 * finished_at, an unserved ticket has none, so the two are told apart here.
 */
const OUTCOME_COLUMNS = `
  COUNT(*) AS issued,
  SUM(t.status = 'finished') AS served,
  SUM(t.status = 'noShow' OR (t.status = 'expired' AND t.finished_at IS NOT NULL)) AS noShow,
  SUM(t.status = 'cancelled') AS cancelled,
  SUM(t.status = 'expired' AND t.finished_at IS NULL) AS expired`;

const TICKETS_IN_RANGE = `tickets t WHERE t.service_day BETWEEN @from AND @to`;

type Row = Record<string, unknown>;

function toOutcome(row: Row): OutcomeCounts {
  return {
    key: String(row.key ?? ''),
    issued: Number(row.issued ?? 0),
    served: Number(row.served ?? 0),
    noShow: Number(row.noShow ?? 0),
    cancelled: Number(row.cancelled ?? 0),
    expired: Number(row.expired ?? 0),
  };
}

function outcomesBy(db: Db, keySql: string, params: Row, from = TICKETS_IN_RANGE): OutcomeCounts[] {
  const sql = `SELECT ${keySql} AS key, ${OUTCOME_COLUMNS} FROM ${from} GROUP BY 1 ORDER BY 1`;
  return (db.prepare(sql).all(params) as Row[]).map(toOutcome);
}

const TIME_METRICS = {
  waiting: { value: '(t.called_at - t.issued_at) / 1000.0', where: 't.called_at IS NOT NULL' },
  walk: {
    value: '(t.started_at - t.called_at) / 1000.0',
    where: 't.called_at IS NOT NULL AND t.started_at IS NOT NULL',
  },
  service: {
    value: '(t.finished_at - t.started_at) / 1000.0',
    where: "t.status = 'finished' AND t.started_at IS NOT NULL AND t.finished_at IS NOT NULL",
  },
  /** core's etaErrorSeconds: |promised − actual| wait of a called ticket that was promised one. */
  etaError: {
    value: 'ABS(t.eta_minutes * 60.0 - (t.called_at - t.issued_at) / 1000.0)',
    where: 't.called_at IS NOT NULL AND t.eta_minutes IS NOT NULL',
  },
} as const;

/** Mean, and nearest-rank median and p90, per group, with window functions. */
function timeStatsBy(db: Db, metric: keyof typeof TIME_METRICS, keySql: string, params: Row): TimeStats[] {
  const { value, where } = TIME_METRICS[metric];
  const sql = `
    WITH samples AS (
      SELECT ${keySql} AS key, ${value} AS v FROM ${TICKETS_IN_RANGE} AND ${where}
    ), ranked AS (
      SELECT key, v,
        ROW_NUMBER() OVER (PARTITION BY key ORDER BY v) AS rn,
        COUNT(*) OVER (PARTITION BY key) AS n
      FROM samples
    )
    SELECT key, COUNT(*) AS count, AVG(v) AS mean,
      MAX(CASE WHEN rn = (n + 1) / 2 THEN v END) AS median,
      MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN v END) AS p90
    FROM ranked GROUP BY key ORDER BY key`;
  return (db.prepare(sql).all(params) as Row[]).map((row) => ({
    key: String(row.key ?? ''),
    count: Number(row.count),
    meanSeconds: row.mean === null ? null : Number(row.mean),
    medianSeconds: row.median === null ? null : Number(row.median),
    p90Seconds: row.p90 === null ? null : Number(row.p90),
  }));
}

const overallStats = (db: Db, metric: keyof typeof TIME_METRICS, params: Row): TimeStats =>
  timeStatsBy(db, metric, "''", params)[0] ?? {
    key: '',
    count: 0,
    meanSeconds: null,
    medianSeconds: null,
    p90Seconds: null,
  };

function timeBreakdown(db: Db, metric: 'waiting' | 'walk' | 'service', params: Row): TimeBreakdown {
  return {
    overall: overallStats(db, metric, params),
    byService: timeStatsBy(db, metric, 't.service_id', params),
    byCounter: timeStatsBy(db, metric, "COALESCE(t.counter_id, '')", params),
    byClerk: timeStatsBy(db, metric, "COALESCE(t.clerk_id, '')", params),
  };
}

function etaErrorBreakdown(db: Db, params: Row): EtaErrorBreakdown {
  return {
    overall: overallStats(db, 'etaError', params),
    byService: timeStatsBy(db, 'etaError', 't.service_id', params),
    byDay: timeStatsBy(db, 'etaError', 't.service_day', params),
    // core's dayAndServiceKey.
    byDayAndService: timeStatsBy(db, 'etaError', "t.service_day || ' ' || t.service_id", params),
  };
}

/**
 * The index's numerator as SQL, built from core's method (every scale and the answers it counts as
 * satisfied), so ballots of mixed scales count as docs/satisfaction-method.md says.
 */
const SATISFIED_SQL = satisfiedBallots()
  .map(({ scale, answer }) => `(r.scale = '${scale}' AND r.answer = '${answer}')`)
  .join(' OR ');

function satisfactionBy(db: Db, keySql: string, params: Row): SatisfactionRow[] {
  const sql = `
    SELECT ${keySql} AS key, COUNT(*) AS ratings,
      SUM(r.answer = 'verySatisfied') AS verySatisfied,
      SUM(r.answer = 'satisfied') AS satisfied,
      SUM(r.answer = 'neutral') AS neutral,
      SUM(r.answer = 'dissatisfied') AS dissatisfied,
      SUM(r.answer = 'veryDissatisfied') AS veryDissatisfied,
      SUM(${SATISFIED_SQL}) AS satisfiedBallots
    FROM ratings r JOIN tickets t ON t.id = r.ticket_id
    WHERE t.service_day BETWEEN @from AND @to
    GROUP BY 1 ORDER BY 1`;
  return (db.prepare(sql).all(params) as Row[]).map((row) => ({
    key: String(row.key ?? ''),
    ratings: Number(row.ratings),
    verySatisfied: Number(row.verySatisfied ?? 0),
    satisfied: Number(row.satisfied ?? 0),
    neutral: Number(row.neutral ?? 0),
    dissatisfied: Number(row.dissatisfied ?? 0),
    veryDissatisfied: Number(row.veryDissatisfied ?? 0),
    index: satisfactionIndex(Number(row.satisfiedBallots ?? 0), Number(row.ratings)),
  }));
}

/** Lets the hub answer other requests between pages of a long scan. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Clerk idle time by core's walk (`foldIdle`, the definition central uses too): a streaming pass over
 * the events in seq order, read in pages so the hub keeps serving between them; intervals are clipped
 * to [startsAt, endsAt).
 */
export async function idleTime(
  db: Db,
  startsAt: number,
  endsAt: number,
  now: number,
  pageSize = 5000,
): Promise<{ totalSeconds: number; byCounter: IdleRow[]; byClerk: IdleRow[] }> {
  let fold: IdleFold = {};
  const intervals: IdleInterval[] = [];
  const page = db.prepare(
    `SELECT seq, at, payload FROM events
     WHERE seq > ? AND at < ? AND type IN (${IDLE_EVENT_TYPES.map(() => '?').join(', ')})
     ORDER BY seq LIMIT ?`,
  );
  let lastSeq = 0;
  for (;;) {
    const rows = page.all(lastSeq, endsAt, ...IDLE_EVENT_TYPES, pageSize) as {
      seq: number;
      at: number;
      payload: string;
    }[];
    for (const row of rows) {
      const step = foldIdle(fold, JSON.parse(row.payload) as IdleEventFields, row.at);
      fold = step.fold;
      for (const interval of step.ended) if (interval.to > startsAt) intervals.push(interval);
    }
    const last = rows.at(-1);
    if (!last) break;
    lastSeq = last.seq;
    if (rows.length < pageSize) break;
    await yieldToEventLoop();
  }
  intervals.push(...openIdleIntervals(fold, Math.min(endsAt, now)));
  return sumIdle(intervals, startsAt, endsAt);
}

/** Everything the reports page shows for a range of service days, computed in SQL over the projections. */
export async function computeReport(
  db: Db,
  config: OfficeConfig,
  range: ReportRange,
  now: number,
): Promise<ReportSummary> {
  const { startsAt, endsAt } = serviceDayBounds(range, config.office);
  // Hours of the day use the offset at the range's start (Vietnam has no daylight saving time).
  const offsetMs = timeZoneOffsetMs(startsAt, config.office.timeZone);
  const serviceFields = JSON.stringify(
    Object.fromEntries(Object.values(config.services).map((s) => [s.id, s.fieldId])),
  );
  const params = { from: range.from, to: range.to, offsetMs, serviceFields };
  const totals = outcomesBy(db, "''", params)[0] ?? toOutcome({ key: '' });
  const summary: ReportSummary = {
    range,
    timeZone: config.office.timeZone,
    startsAt,
    endsAt,
    totals,
    byService: outcomesBy(db, 't.service_id', params),
    byField: outcomesBy(
      db,
      "COALESCE(f.value, '')",
      params,
      `tickets t LEFT JOIN json_each(@serviceFields) f ON f.key = t.service_id WHERE t.service_day BETWEEN @from AND @to`,
    ),
    byCounter: outcomesBy(db, "COALESCE(t.counter_id, '')", params),
    byClerk: outcomesBy(db, "COALESCE(t.clerk_id, '')", params),
    byHour: outcomesBy(db, "printf('%02d', CAST((t.issued_at + @offsetMs) / 3600000 AS INTEGER) % 24)", params),
    byDay: outcomesBy(db, 't.service_day', params),
    byPriority: outcomesBy(db, "COALESCE(t.priority_group, '')", params),
    waiting: timeBreakdown(db, 'waiting', params),
    walk: timeBreakdown(db, 'walk', params),
    service: timeBreakdown(db, 'service', params),
    etaError: etaErrorBreakdown(db, params),
    idle: { totalSeconds: 0, byCounter: [], byClerk: [] },
    satisfaction: {
      overall: satisfactionBy(db, "''", params)[0] ?? {
        key: '',
        ratings: 0,
        verySatisfied: 0,
        satisfied: 0,
        neutral: 0,
        dissatisfied: 0,
        veryDissatisfied: 0,
        index: null,
      },
      byDay: satisfactionBy(db, 't.service_day', params),
      byService: satisfactionBy(db, 'r.service_id', params),
      byCounter: satisfactionBy(db, 'r.counter_id', params),
      byClerk: satisfactionBy(db, "COALESCE(r.clerk_id, '')", params),
    },
  };
  summary.idle = await idleTime(db, startsAt, endsAt, now);
  return summary;
}
