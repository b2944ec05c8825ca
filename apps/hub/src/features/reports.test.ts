import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../store/eventStore.js';
import { openDatabase, type Db } from '../store/openDatabase.js';
import { seedReportDataset, type SeededDataset, type SeededTicket } from './reportsDataset.js';
import {
  computeReport,
  officeInstant,
  serviceDayBounds,
  type ReportSummary,
  type TimeStats,
} from './reportsQueries.js';

// Expected values are computed here, in plain JavaScript, from what the simulation did, never from SQL.
function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.ceil(p * sorted.length) - 1] as number;
}

function expectedStats(values: number[]): { count: number; mean: number; median: number; p90: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
    median: nearestRank(sorted, 0.5),
    p90: nearestRank(sorted, 0.9),
  };
}

function expectStats(actual: TimeStats | undefined, values: number[]): void {
  const expected = expectedStats(values);
  expect(actual?.count).toBe(expected.count);
  expect(actual?.meanSeconds).toBeCloseTo(expected.mean, 6);
  expect(actual?.medianSeconds).toBeCloseTo(expected.median, 6);
  expect(actual?.p90Seconds).toBeCloseTo(expected.p90, 6);
}

const seconds = (ms: number) => ms / 1000;
const waitingOf = (t: SeededTicket) => (t.calledAt === null ? null : seconds(t.calledAt - t.issuedAt));
const walkOf = (t: SeededTicket) =>
  t.calledAt === null || t.startedAt === null ? null : seconds(t.startedAt - t.calledAt);
const serviceOf = (t: SeededTicket) =>
  t.status === 'finished' && t.startedAt !== null && t.finishedAt !== null ? seconds(t.finishedAt - t.startedAt) : null;
const defined = (values: (number | null)[]) => values.filter((v): v is number => v !== null);

function countOutcomes(tickets: SeededTicket[]) {
  return {
    issued: tickets.length,
    served: tickets.filter((t) => t.status === 'finished').length,
    noShow: tickets.filter((t) => t.status === 'noShow').length,
    cancelled: tickets.filter((t) => t.status === 'cancelled').length,
    expired: tickets.filter((t) => t.status === 'expired').length,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe('reports over a seeded office history (4 service days, 560 tickets)', () => {
  let dataDir: string;
  let dataset: SeededDataset;
  let db: Db;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-reports-'));
    dataset = seedReportDataset(dataDir, { days: 4, ticketsPerDay: 140, seed: 11 });
    db = openDatabase(dataDir);
  }, 120_000);

  afterAll(() => {
    db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function report(from: string, to: string): Promise<ReportSummary> {
    const state = new EventStore(db).loadState();
    return computeReport(db, state.config, { from, to }, dataset.endedAt);
  }

  it('the dataset is large and varied enough to test against', () => {
    expect(dataset.tickets.length).toBeGreaterThanOrEqual(500);
    const counts = countOutcomes(dataset.tickets);
    for (const value of Object.values(counts)) expect(value).toBeGreaterThan(0);
    expect(dataset.tickets.filter((t) => t.rating).length).toBeGreaterThan(100);
    expect(dataset.idle.length).toBeGreaterThan(50);
  });

  it('counts issued, served, no-show, cancelled and expired tickets in total, by day, service, field, counter, clerk and hour', async () => {
    const summary = await report(dataset.days[0] as string, dataset.days.at(-1) as string);
    expect(summary.totals).toMatchObject(countOutcomes(dataset.tickets));

    const checks: [keyof ReportSummary, (t: SeededTicket) => string][] = [
      ['byDay', (t) => t.serviceDay],
      ['byService', (t) => t.serviceId],
      ['byField', (t) => t.fieldId],
      ['byCounter', (t) => t.counterId ?? ''],
      ['byClerk', (t) => t.clerkId ?? ''],
      ['byHour', (t) => String(new Date(t.issuedAt + 7 * 3600_000).getUTCHours()).padStart(2, '0')],
    ];
    for (const [name, key] of checks) {
      const rows = summary[name] as ReportSummary['byDay'];
      const expected = groupBy(dataset.tickets, key);
      expect(rows.map((r) => r.key).sort(), name).toEqual([...expected.keys()].sort());
      for (const row of rows)
        expect(row, `${name} ${row.key}`).toEqual({ key: row.key, ...countOutcomes(expected.get(row.key) ?? []) });
    }
  });

  it('measures waiting, walk and service times as mean, nearest-rank median and p90', async () => {
    const [first, second, third] = dataset.days as [string, string, string];
    const summary = await report(second, third);
    const inRange = dataset.tickets.filter((t) => t.serviceDay >= second && t.serviceDay <= third);
    expect(inRange.some((t) => t.serviceDay === first)).toBe(false);

    expectStats(summary.waiting.overall, defined(inRange.map(waitingOf)));
    expectStats(summary.walk.overall, defined(inRange.map(walkOf)));
    expectStats(summary.service.overall, defined(inRange.map(serviceOf)));
    for (const [serviceId, group] of groupBy(inRange, (t) => t.serviceId)) {
      const values = defined(group.map(waitingOf));
      if (values.length)
        expectStats(
          summary.waiting.byService.find((s) => s.key === serviceId),
          values,
        );
    }
    for (const [clerkId, group] of groupBy(
      inRange.filter((t) => t.clerkId),
      (t) => t.clerkId ?? '',
    )) {
      expectStats(
        summary.service.byClerk.find((s) => s.key === clerkId),
        defined(group.map(serviceOf)),
      );
      expectStats(
        summary.walk.byClerk.find((s) => s.key === clerkId),
        defined(group.map(walkOf)),
      );
    }
  });

  it('measures the ETA error |promised − actual wait| by service, by day and by day and service', async () => {
    const summary = await report(dataset.days[0] as string, dataset.days.at(-1) as string);
    const errorOf = (t: SeededTicket) => {
      const waited = waitingOf(t);
      return waited === null || t.etaMinutes === null ? null : Math.abs(t.etaMinutes * 60 - waited);
    };
    const promised = dataset.tickets.filter((t) => errorOf(t) !== null);
    expect(promised.length).toBeGreaterThan(300);
    expectStats(summary.etaError.overall, defined(promised.map(errorOf)));
    const checks: ['byService' | 'byDay' | 'byDayAndService', (t: SeededTicket) => string][] = [
      ['byService', (t) => t.serviceId],
      ['byDay', (t) => t.serviceDay],
      ['byDayAndService', (t) => `${t.serviceDay} ${t.serviceId}`],
    ];
    for (const [name, key] of checks) {
      const expected = groupBy(promised, key);
      expect(summary.etaError[name].map((r) => r.key).sort(), name).toEqual([...expected.keys()].sort());
      for (const [k, group] of expected)
        expectStats(
          summary.etaError[name].find((r) => r.key === k),
          defined(group.map(errorOf)),
        );
    }
  });

  it('adds up clerk idle time (open, clerk signed in, no current ticket) by counter and clerk', async () => {
    const [, second, third] = dataset.days as [string, string, string];
    const summary = await report(second, third);
    const { startsAt, endsAt } = serviceDayBounds(
      { from: second, to: third },
      { timeZone: 'Asia/Ho_Chi_Minh', dayCloseHour: 20 },
    );
    expect(startsAt).toBe(officeInstant('2025-03-03', 20, 'Asia/Ho_Chi_Minh'));
    const expectedByCounter = new Map<string, number>();
    const expectedByClerk = new Map<string, number>();
    for (const interval of dataset.idle) {
      const ms = Math.min(interval.to, endsAt) - Math.max(interval.from, startsAt);
      if (ms <= 0) continue;
      expectedByCounter.set(interval.counterId, (expectedByCounter.get(interval.counterId) ?? 0) + ms);
      expectedByClerk.set(interval.clerkId, (expectedByClerk.get(interval.clerkId) ?? 0) + ms);
    }
    expect(summary.idle.byCounter.map((r) => [r.key, r.idleSeconds])).toEqual(
      [...expectedByCounter].sort().map(([k, ms]) => [k, ms / 1000]),
    );
    expect(summary.idle.byClerk.map((r) => [r.key, r.idleSeconds])).toEqual(
      [...expectedByClerk].sort().map(([k, ms]) => [k, ms / 1000]),
    );
    const total = [...expectedByCounter.values()].reduce((s, v) => s + v, 0) / 1000;
    expect(summary.idle.totalSeconds).toBeCloseTo(total, 6);
    expect(total).toBeGreaterThan(0);
  });

  it('computes the satisfaction index (Rất hài lòng + Hài lòng among ratings) overall, by day, service, counter and clerk, over four-, three- and five-level ballots', async () => {
    const summary = await report(dataset.days[0] as string, dataset.days.at(-1) as string);
    const rated = dataset.tickets.filter((t) => t.rating !== null);
    expect(new Set(rated.map((t) => t.rating?.scale))).toEqual(new Set(['legacyFour', 'three', 'five']));
    const answered = (group: SeededTicket[], answer: string) => group.filter((t) => t.rating?.answer === answer).length;
    // Counted by hand: Rất hài lòng and Hài lòng on every scale; Bình thường (four or five levels) is not satisfied.
    const indexOf = (group: SeededTicket[]) =>
      (100 * (answered(group, 'verySatisfied') + answered(group, 'satisfied'))) / group.length;
    expect(summary.satisfaction.overall.ratings).toBe(rated.length);
    expect(summary.satisfaction.overall.index).toBeCloseTo(indexOf(rated), 9);
    expect(summary.satisfaction.overall.dissatisfied).toBe(answered(rated, 'dissatisfied'));
    expect(summary.satisfaction.overall.neutral).toBe(answered(rated, 'neutral'));
    expect(summary.satisfaction.overall.veryDissatisfied).toBe(answered(rated, 'veryDissatisfied'));
    expect(summary.satisfaction.overall.veryDissatisfied).toBeGreaterThan(0);
    const checks: ['byDay' | 'byService' | 'byCounter' | 'byClerk', (t: SeededTicket) => string][] = [
      ['byDay', (t) => t.serviceDay],
      ['byService', (t) => t.serviceId],
      ['byCounter', (t) => t.counterId ?? ''],
      ['byClerk', (t) => t.clerkId ?? ''],
    ];
    for (const [name, key] of checks) {
      const expected = groupBy(rated, key);
      expect(summary.satisfaction[name].length, name).toBe(expected.size);
      for (const row of summary.satisfaction[name]) {
        const group = expected.get(row.key) ?? [];
        expect(row.ratings, `${name} ${row.key}`).toBe(group.length);
        expect(row.verySatisfied).toBe(answered(group, 'verySatisfied'));
        expect(row.index).toBeCloseTo(indexOf(group), 9);
      }
    }
  });

  it('a range without tickets reports zeros and no index', async () => {
    const summary = await report('2024-01-01', '2024-01-02');
    expect(summary.totals).toMatchObject({ issued: 0, served: 0 });
    expect(summary.waiting.overall.count).toBe(0);
    expect(summary.satisfaction.overall.index).toBeNull();
    expect(summary.idle.totalSeconds).toBe(0);
  });
});
