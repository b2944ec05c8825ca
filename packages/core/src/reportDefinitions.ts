import { addDays, officeInstant, timeZoneOffsetMs } from './officeTime.js';
import { ballotsIndex, type RatingAnswer, type RatingScale } from './ratingMethod.js';
import type { Office, TicketStatus } from './schemas.js';

/**
 * What the reports count and measure, in one place: the office hub computes them in SQL over its
 * SQLite projections, the province's central service over its PostgreSQL copy with the functions
 * below. Both must agree to the ticket (the central end-to-end test compares them).
 */

/** Service days, inclusive, as the office names them (YYYY-MM-DD in its time zone). */
export interface ReportRange {
  from: string;
  to: string;
}

export interface OutcomeCounts {
  /** Service, field, counter, clerk id, hour ("07"), or service day; "" when a ticket has none (never called). */
  key: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
}

/** Seconds; median and p90 by the nearest-rank rule (the value at rank ⌈p·n⌉ of the sorted values). */
export interface TimeStats {
  key: string;
  count: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface TimeBreakdown {
  overall: TimeStats;
  byService: TimeStats[];
  byCounter: TimeStats[];
  byClerk: TimeStats[];
}

export interface SatisfactionRow {
  key: string;
  ratings: number;
  verySatisfied: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  /** Only on the five-level scale. */
  veryDissatisfied: number;
  /** Share of "Rất hài lòng" + "Hài lòng" among ratings, in percent; null without ratings. */
  index: number | null;
}

export interface IdleRow {
  key: string;
  idleSeconds: number;
}

/**
 * How far the wait promised at issue was from the wait that followed: |estimate − actual| in seconds,
 * over called tickets that were given an estimate (none is given while no counter serves).
 */
export interface EtaErrorBreakdown {
  overall: TimeStats;
  byService: TimeStats[];
  byDay: TimeStats[];
  /** Key "YYYY-MM-DD serviceId". */
  byDayAndService: TimeStats[];
}

export interface ReportSummary {
  range: ReportRange;
  timeZone: string;
  /** The instants the range covers: from the opening of the first service day to the close of the last. */
  startsAt: number;
  endsAt: number;
  totals: OutcomeCounts;
  byService: OutcomeCounts[];
  byField: OutcomeCounts[];
  byCounter: OutcomeCounts[];
  byClerk: OutcomeCounts[];
  byHour: OutcomeCounts[];
  byDay: OutcomeCounts[];
  /** By priority group id ("" = a normal ticket). */
  byPriority: OutcomeCounts[];
  waiting: TimeBreakdown;
  walk: TimeBreakdown;
  service: TimeBreakdown;
  etaError: EtaErrorBreakdown;
  idle: { totalSeconds: number; byCounter: IdleRow[]; byClerk: IdleRow[] };
  satisfaction: {
    overall: SatisfactionRow;
    byDay: SatisfactionRow[];
    byService: SatisfactionRow[];
    byCounter: SatisfactionRow[];
    byClerk: SatisfactionRow[];
  };
}

/**
 * The answers that count towards the satisfaction index. Every scale counts the same two
 * (ratingMethod.test.ts holds it), so a store that keeps only the answer still counts by the method.
 */
export const SATISFIED_SCORES: readonly RatingAnswer[] = ['verySatisfied', 'satisfied'];

/** One ticket as the reports read it. */
export interface ReportTicket {
  serviceDay: string;
  serviceId: string;
  status: TicketStatus;
  issuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  counterId: string | null;
  clerkId: string | null;
  /** The wait promised at issue in minutes; null or absent when none was given. */
  etaMinutes?: number | null;
  /** The priority group the citizen declared at the kiosk; null or absent for a normal ticket. */
  priorityGroup?: string | null;
}

/** One rating as the reports read it, with the service day of its ticket. */
export interface ReportRating {
  serviceDay: string;
  serviceId: string;
  counterId: string;
  clerkId: string | null;
  /** The raw answer and the scale it was given on (ratingBallotOf reads older four-level rows). */
  scale: RatingScale;
  answer: RatingAnswer;
}

export type TicketOutcome = 'served' | 'noShow' | 'cancelled' | 'expired' | 'other';

/**
 * The day close marks no-shows "expired" too (they could have come back); a no-show keeps its
 * finishedAt, an unserved ticket has none, so the two are told apart here.
 */
export function ticketOutcome(ticket: Pick<ReportTicket, 'status' | 'finishedAt'>): TicketOutcome {
  if (ticket.status === 'finished') return 'served';
  if (ticket.status === 'noShow' || (ticket.status === 'expired' && ticket.finishedAt !== null)) return 'noShow';
  if (ticket.status === 'cancelled') return 'cancelled';
  if (ticket.status === 'expired') return 'expired';
  return 'other';
}

/** Waiting: issue to call. Walk: call to start of service. Service: start to finish of a served ticket. */
export const reportTimeMetrics = {
  waiting: (t: ReportTicket) => (t.calledAt !== null ? (t.calledAt - t.issuedAt) / 1000 : null),
  walk: (t: ReportTicket) => (t.calledAt !== null && t.startedAt !== null ? (t.startedAt - t.calledAt) / 1000 : null),
  service: (t: ReportTicket) =>
    t.status === 'finished' && t.startedAt !== null && t.finishedAt !== null
      ? (t.finishedAt - t.startedAt) / 1000
      : null,
} as const;
export type ReportTimeMetric = keyof typeof reportTimeMetrics;

/** |promised − actual| wait in seconds of a called ticket that was promised a wait, else null. */
export function etaErrorSeconds(t: Pick<ReportTicket, 'issuedAt' | 'calledAt' | 'etaMinutes'>): number | null {
  if (t.calledAt === null || t.etaMinutes === null || t.etaMinutes === undefined) return null;
  return Math.abs(t.etaMinutes * 60 - (t.calledAt - t.issuedAt) / 1000);
}

/** The key of the day-and-service rows of the ETA error. */
export const dayAndServiceKey = (serviceDay: string, serviceId: string) => `${serviceDay} ${serviceId}`;

/** 1-based ranks of the median and p90 among n sorted values (nearest rank, as the hub's SQL uses). */
export const medianRank = (n: number) => Math.floor((n + 1) / 2);
export const p90Rank = (n: number) => Math.floor((9 * n + 9) / 10);

/** When a service day starts and ends: at the close hour of the day before and of the day itself. */
export function serviceDayBounds(
  range: ReportRange,
  office: Pick<Office, 'timeZone' | 'dayCloseHour'>,
): { startsAt: number; endsAt: number } {
  const { timeZone, dayCloseHour } = office;
  if (dayCloseHour > 0) {
    return {
      startsAt: officeInstant(addDays(range.from, -1), dayCloseHour, timeZone),
      endsAt: officeInstant(range.to, dayCloseHour, timeZone),
    };
  }
  return {
    startsAt: officeInstant(range.from, 0, timeZone),
    endsAt: officeInstant(addDays(range.to, 1), 0, timeZone),
  };
}

/** The hour of the day ("07") a ticket was issued, by the office offset at the range's start. */
export function reportHour(issuedAt: number, offsetMs: number): string {
  return String(Math.floor((issuedAt + offsetMs) / 3_600_000) % 24).padStart(2, '0');
}

const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function outcomeCounts(key: string, tickets: readonly ReportTicket[]): OutcomeCounts {
  const counts: OutcomeCounts = { key, issued: tickets.length, served: 0, noShow: 0, cancelled: 0, expired: 0 };
  for (const ticket of tickets) {
    const outcome = ticketOutcome(ticket);
    if (outcome !== 'other') counts[outcome]++;
  }
  return counts;
}

export function outcomesBy(tickets: readonly ReportTicket[], keyOf: (t: ReportTicket) => string): OutcomeCounts[] {
  return [...groupBy(tickets, keyOf)].map(([key, group]) => outcomeCounts(key, group)).sort(byKey);
}

export function timeStats(key: string, values: readonly number[]): TimeStats {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { key, count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null };
  return {
    key,
    count: n,
    meanSeconds: sorted.reduce((s, v) => s + v, 0) / n,
    medianSeconds: sorted[medianRank(n) - 1] ?? null,
    p90Seconds: sorted[p90Rank(n) - 1] ?? null,
  };
}

interface Sample {
  t: ReportTicket;
  v: number;
}

function samplesOf(tickets: readonly ReportTicket[], valueOf: (t: ReportTicket) => number | null): Sample[] {
  return tickets.flatMap((t) => {
    const v = valueOf(t);
    return v === null ? [] : [{ t, v }];
  });
}

function statsBy(samples: readonly Sample[], keyOf: (t: ReportTicket) => string): TimeStats[] {
  return [...groupBy(samples, (s) => keyOf(s.t))]
    .map(([key, group]) =>
      timeStats(
        key,
        group.map((s) => s.v),
      ),
    )
    .sort(byKey);
}

const overallStats = (samples: readonly Sample[]) =>
  timeStats(
    '',
    samples.map((s) => s.v),
  );

export function timeBreakdown(metric: ReportTimeMetric, tickets: readonly ReportTicket[]): TimeBreakdown {
  const samples = samplesOf(tickets, reportTimeMetrics[metric]);
  return {
    overall: overallStats(samples),
    byService: statsBy(samples, (t) => t.serviceId),
    byCounter: statsBy(samples, (t) => t.counterId ?? ''),
    byClerk: statsBy(samples, (t) => t.clerkId ?? ''),
  };
}

export function etaErrorBreakdown(tickets: readonly ReportTicket[]): EtaErrorBreakdown {
  const samples = samplesOf(tickets, etaErrorSeconds);
  return {
    overall: overallStats(samples),
    byService: statsBy(samples, (t) => t.serviceId),
    byDay: statsBy(samples, (t) => t.serviceDay),
    byDayAndService: statsBy(samples, (t) => dayAndServiceKey(t.serviceDay, t.serviceId)),
  };
}

export function satisfactionRow(key: string, ratings: readonly ReportRating[]): SatisfactionRow {
  const count = (answer: RatingAnswer) => ratings.filter((r) => r.answer === answer).length;
  const index = ballotsIndex(ratings);
  return {
    key,
    ratings: index.ballots,
    verySatisfied: count('verySatisfied'),
    satisfied: count('satisfied'),
    neutral: count('neutral'),
    dissatisfied: count('dissatisfied'),
    veryDissatisfied: count('veryDissatisfied'),
    index: index.percent,
  };
}

function satisfactionBy(ratings: readonly ReportRating[], keyOf: (r: ReportRating) => string): SatisfactionRow[] {
  return [...groupBy(ratings, keyOf)].map(([key, group]) => satisfactionRow(key, group)).sort(byKey);
}

/**
 * The report over ticket and rating rows already limited to the range's service days, computed in
 * memory. Idle time needs the event stream and is left at zero here.
 */
export function summarizeReport(
  range: ReportRange,
  office: Pick<Office, 'timeZone' | 'dayCloseHour'>,
  serviceFields: Record<string, string>,
  tickets: readonly ReportTicket[],
  ratings: readonly ReportRating[],
): ReportSummary {
  const { startsAt, endsAt } = serviceDayBounds(range, office);
  // Hours of the day use the offset at the range's start (Vietnam has no daylight saving time).
  const offsetMs = timeZoneOffsetMs(startsAt, office.timeZone);
  return {
    range,
    timeZone: office.timeZone,
    startsAt,
    endsAt,
    totals: outcomeCounts('', tickets),
    byService: outcomesBy(tickets, (t) => t.serviceId),
    byField: outcomesBy(tickets, (t) => serviceFields[t.serviceId] ?? ''),
    byCounter: outcomesBy(tickets, (t) => t.counterId ?? ''),
    byClerk: outcomesBy(tickets, (t) => t.clerkId ?? ''),
    byHour: outcomesBy(tickets, (t) => reportHour(t.issuedAt, offsetMs)),
    byDay: outcomesBy(tickets, (t) => t.serviceDay),
    byPriority: outcomesBy(tickets, (t) => t.priorityGroup ?? ''),
    waiting: timeBreakdown('waiting', tickets),
    walk: timeBreakdown('walk', tickets),
    service: timeBreakdown('service', tickets),
    etaError: etaErrorBreakdown(tickets),
    idle: { totalSeconds: 0, byCounter: [], byClerk: [] },
    satisfaction: {
      overall: satisfactionRow('', ratings),
      byDay: satisfactionBy(ratings, (r) => r.serviceDay),
      byService: satisfactionBy(ratings, (r) => r.serviceId),
      byCounter: satisfactionBy(ratings, (r) => r.counterId),
      byClerk: satisfactionBy(ratings, (r) => r.clerkId ?? ''),
    },
  };
}
