import { describe, expect, it } from 'vitest';
import { PeriodicReportBuilder, periodKey, periodLabel } from './periodicReport.js';

const HOUR = 3_600_000;

describe('the periodic report', () => {
  it('names periods as the province does, and they sort in time order', () => {
    expect(periodKey('2026-12-03', 'month')).toBe('2026-12');
    expect(periodKey('2026-12-03', 'quarter')).toBe('2026-Q4');
    expect(periodKey('2026-02-28', 'quarter')).toBe('2026-Q1');
    expect(periodKey('2026-12-03', 'year')).toBe('2026');
    expect(periodLabel('2026-12')).toBe('Tháng 12/2026');
    expect(periodLabel('2026-Q4')).toBe('Quý IV/2026');
    expect(periodLabel('2026')).toBe('Năm 2026');
    expect(['2026-10', '2026-09', '2025-12'].sort()).toEqual(['2025-12', '2026-09', '2026-10']);
  });

  it('counts the index per period, counter and clerk over ballots of mixed scales, by the formula', () => {
    const report = new PeriodicReportBuilder('month');
    const ticket = (serviceDay: string, counterId: string, clerkId: string, ballot: unknown) =>
      report.addTicket({
        serviceDay,
        counterId,
        clerkId,
        issuedAt: 0,
        calledAt: null,
        ballot: ballot as Parameters<typeof report.addTicket>[0]['ballot'],
      });
    // November: the earlier four-level pad (Bình thường counts as not satisfied).
    ticket('2026-11-20', 'quay-1', 'canbo1', { scale: 'legacyFour', answer: 'satisfied' });
    ticket('2026-11-21', 'quay-1', 'canbo1', { scale: 'legacyFour', answer: 'neutral' });
    // December: three levels, and one pad on five.
    ticket('2026-12-01', 'quay-1', 'canbo1', { scale: 'three', answer: 'verySatisfied' });
    ticket('2026-12-01', 'quay-2', 'canbo2', { scale: 'three', answer: 'dissatisfied' });
    ticket('2026-12-02', 'quay-2', 'canbo2', { scale: 'five', answer: 'veryDissatisfied' });
    ticket('2026-12-02', 'quay-2', 'canbo2', { scale: 'five', answer: 'satisfied' });
    ticket('2026-12-02', 'quay-2', 'canbo2', null);
    const { satisfaction, periods } = report.result();
    expect(periods).toEqual(['2026-11', '2026-12']);
    expect(satisfaction.overall).toMatchObject({ ballots: 6, satisfied: 3, percent: 50 });
    expect(satisfaction.byPeriod.map((p) => [p.key, p.ballots, p.percent])).toEqual([
      ['2026-11', 2, 50],
      ['2026-12', 4, 50],
    ]);
    expect(satisfaction.byCounter.map((p) => [p.key, p.ballots, p.percent])).toEqual([
      ['quay-1', 3, (100 * 2) / 3],
      ['quay-2', 3, (100 * 1) / 3],
    ]);
    expect(satisfaction.byClerk.map((p) => p.key)).toEqual(['canbo1', 'canbo2']);
    expect(satisfaction.overall.answers).toEqual({
      verySatisfied: 1,
      satisfied: 2,
      neutral: 1,
      dissatisfied: 1,
      veryDissatisfied: 1,
    });
  });

  it('counts dossiers received per field and period, not results returned', () => {
    const report = new PeriodicReportBuilder('quarter');
    report.addDossier({ serviceDay: '2026-09-30', fieldId: 'ho-tich', step: 'receive' });
    report.addDossier({ serviceDay: '2026-10-01', fieldId: 'ho-tich', step: 'receive' });
    report.addDossier({ serviceDay: '2026-10-02', fieldId: 'ho-tich', step: 'return' });
    report.addDossier({ serviceDay: '2026-10-02', fieldId: 'dat-dai', step: 'receive' });
    const { dossiersReceived, dossiersReceivedTotal } = report.result();
    expect(dossiersReceived).toEqual([
      { fieldId: 'dat-dai', total: 1, byPeriod: { '2026-Q4': 1 } },
      { fieldId: 'ho-tich', total: 2, byPeriod: { '2026-Q3': 1, '2026-Q4': 1 } },
    ]);
    expect(dossiersReceivedTotal).toBe(3);
  });

  it('averages the wait (issue → call) over called tickets per period; none called, no average', () => {
    const report = new PeriodicReportBuilder('year');
    const base = { counterId: null, clerkId: null, ballot: null };
    report.addTicket({ ...base, serviceDay: '2025-12-31', issuedAt: 0, calledAt: HOUR });
    report.addTicket({ ...base, serviceDay: '2026-01-02', issuedAt: 0, calledAt: 10 * 60_000 });
    report.addTicket({ ...base, serviceDay: '2026-01-02', issuedAt: 0, calledAt: 20 * 60_000 });
    report.addTicket({ ...base, serviceDay: '2026-01-02', issuedAt: 0, calledAt: null });
    const { waiting } = report.result();
    expect(waiting.byPeriod).toEqual([
      { key: '2025', called: 1, meanSeconds: 3600 },
      { key: '2026', called: 2, meanSeconds: 900 },
    ]);
    expect(waiting.overall).toEqual({ key: '', called: 3, meanSeconds: 1800 });
    expect(new PeriodicReportBuilder('month').result().waiting.overall.meanSeconds).toBeNull();
  });
});
