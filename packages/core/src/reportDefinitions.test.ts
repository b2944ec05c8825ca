import { describe, expect, it } from 'vitest';
import { etaErrorSeconds, summarizeReport, type ReportTicket } from './reportDefinitions.js';

const MINUTE = 60_000;
const office = { timeZone: 'Asia/Ho_Chi_Minh', dayCloseHour: 20 };

function ticket(serviceDay: string, serviceId: string, etaMinutes: number | null, waitedMinutes: number | null) {
  const issuedAt = Date.UTC(2026, 11, 1, 2, 0);
  return {
    serviceDay,
    serviceId,
    status: waitedMinutes === null ? 'waiting' : 'finished',
    issuedAt,
    calledAt: waitedMinutes === null ? null : issuedAt + waitedMinutes * MINUTE,
    startedAt: null,
    finishedAt: null,
    counterId: null,
    clerkId: null,
    etaMinutes,
  } satisfies ReportTicket;
}

describe('ETA error', () => {
  it('is |promised − actual wait| of called tickets that were promised a wait', () => {
    expect(etaErrorSeconds(ticket('2026-12-01', 'a', 10, 4))).toBe(360);
    expect(etaErrorSeconds(ticket('2026-12-01', 'a', 3, 5))).toBe(120);
    expect(etaErrorSeconds(ticket('2026-12-01', 'a', null, 5))).toBeNull();
    expect(etaErrorSeconds(ticket('2026-12-01', 'a', 3, null))).toBeNull();
  });

  it('reports median and p90 per service, per day and per day and service', () => {
    const tickets = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => ticket('2026-12-01', 'a', 0, m)),
      ticket('2026-12-01', 'b', 5, 5),
      ticket('2026-12-02', 'a', 2, 12),
      ticket('2026-12-02', 'b', null, 30),
    ];
    const report = summarizeReport({ from: '2026-12-01', to: '2026-12-02' }, office, {}, tickets, []);
    const stats = (rows: typeof report.etaError.byService, key: string) => {
      const row = rows.find((r) => r.key === key);
      return row && [row.count, row.medianSeconds, row.p90Seconds];
    };
    expect(stats(report.etaError.byDayAndService, '2026-12-01 a')).toEqual([10, 300, 540]);
    expect(stats(report.etaError.byDayAndService, '2026-12-01 b')).toEqual([1, 0, 0]);
    expect(stats(report.etaError.byDayAndService, '2026-12-02 a')).toEqual([1, 600, 600]);
    expect(report.etaError.byDayAndService.map((r) => r.key)).not.toContain('2026-12-02 b');
    expect(stats(report.etaError.byService, 'a')).toEqual([11, 360, 600]);
    expect(stats(report.etaError.byDay, '2026-12-02')).toEqual([1, 600, 600]);
    expect(report.etaError.overall.count).toBe(12);
  });
});
