import { z } from 'zod';
import { ballotsIndex, type RatingAnswer, type RatingBallot } from './ratingMethod.js';

/**
 * The office's periodic report in the province's terms (issue 17, item 6): the satisfaction index per period,
 * counter and clerk, dossiers received per field (lĩnh vực), and the average wait, for one xlsx the office
 * attaches to its monthly, quarterly or yearly report. Folded one ticket and one dossier at a time, so a
 * year of tickets never sits in memory.
 */
export const reportPeriodSchema = z.enum(['month', 'quarter', 'year']);
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** "2026-12", "2026-Q4", "2026": the period a service day (YYYY-MM-DD) falls in; sorts in time order. */
export function periodKey(serviceDay: string, period: ReportPeriod): string {
  const year = serviceDay.slice(0, 4);
  const month = Number(serviceDay.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${serviceDay.slice(5, 7)}`;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** "Tháng 12/2026", "Quý IV/2026", "Năm 2026": a period as the report names it. */
export function periodLabel(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `Quý ${ROMAN_QUARTERS[Number(quarter[2]) - 1]}/${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `Tháng ${Number(month[2])}/${month[1]}`;
  return `Năm ${key}`;
}

export const periodNames: Record<ReportPeriod, { vi: string; en: string }> = {
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  year: { vi: 'Năm', en: 'Year' },
};

/** One ticket as the periodic report reads it. */
export interface PeriodicTicket {
  serviceDay: string;
  counterId: string | null;
  clerkId: string | null;
  issuedAt: number;
  calledAt: number | null;
  /** Its rating's answer and scale, null when not rated. */
  ballot: RatingBallot | null;
}

/** One dossier code attached to a ticket: received (Tiếp nhận) or a result returned (Trả kết quả). */
export interface PeriodicDossier {
  serviceDay: string;
  /** The field (lĩnh vực) of the ticket's procedure; '' when the procedure is gone from the configuration. */
  fieldId: string;
  step: 'receive' | 'return';
}

export interface PeriodicSatisfaction {
  key: string;
  ballots: number;
  /** Ballots per raw answer, over every scale. */
  answers: Record<RatingAnswer, number>;
  satisfied: number;
  /** Percent per SATISFACTION_FORMULA, null without ballots. */
  percent: number | null;
}

export interface PeriodicWaiting {
  key: string;
  /** Tickets called in the period (the wait of an uncalled ticket is not known). */
  called: number;
  /** Mean of issue → call, in seconds; null when none was called. */
  meanSeconds: number | null;
}

export interface PeriodicReport {
  period: ReportPeriod;
  /** Every period with a ticket or a dossier, in time order; `byPeriod` rows follow it. */
  periods: string[];
  satisfaction: {
    overall: PeriodicSatisfaction;
    byPeriod: PeriodicSatisfaction[];
    byCounter: PeriodicSatisfaction[];
    byClerk: PeriodicSatisfaction[];
  };
  /** Dossiers received per field and period (results returned are not counted as received). */
  dossiersReceived: { fieldId: string; total: number; byPeriod: Record<string, number> }[];
  dossiersReceivedTotal: number;
  waiting: { overall: PeriodicWaiting; byPeriod: PeriodicWaiting[] };
}

const emptyAnswers = (): Record<RatingAnswer, number> => ({
  verySatisfied: 0,
  satisfied: 0,
  neutral: 0,
  dissatisfied: 0,
  veryDissatisfied: 0,
});

function satisfactionOf(key: string, ballots: readonly RatingBallot[]): PeriodicSatisfaction {
  const answers = emptyAnswers();
  for (const ballot of ballots) answers[ballot.answer]++;
  const index = ballotsIndex(ballots);
  return { key, ballots: index.ballots, answers, satisfied: index.satisfied, percent: index.percent };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byKey = <T extends { key: string }>(a: T, b: T) => a.key.localeCompare(b.key);

/** Folds tickets and dossiers into the periodic report. */
export class PeriodicReportBuilder {
  private readonly periods = new Set<string>();
  private readonly ballots: RatingBallot[] = [];
  private readonly ballotsByPeriod = new Map<string, RatingBallot[]>();
  private readonly ballotsByCounter = new Map<string, RatingBallot[]>();
  private readonly ballotsByClerk = new Map<string, RatingBallot[]>();
  private readonly waits = new Map<string, { called: number; totalSeconds: number }>();
  private readonly received = new Map<string, Map<string, number>>();

  constructor(readonly period: ReportPeriod) {}

  addTicket(ticket: PeriodicTicket): void {
    const key = periodKey(ticket.serviceDay, this.period);
    this.periods.add(key);
    if (ticket.calledAt !== null) {
      const wait = this.waits.get(key) ?? { called: 0, totalSeconds: 0 };
      wait.called++;
      wait.totalSeconds += (ticket.calledAt - ticket.issuedAt) / 1000;
      this.waits.set(key, wait);
    }
    if (!ticket.ballot) return;
    this.ballots.push(ticket.ballot);
    push(this.ballotsByPeriod, key, ticket.ballot);
    push(this.ballotsByCounter, ticket.counterId ?? '', ticket.ballot);
    push(this.ballotsByClerk, ticket.clerkId ?? '', ticket.ballot);
  }

  addDossier(dossier: PeriodicDossier): void {
    const key = periodKey(dossier.serviceDay, this.period);
    this.periods.add(key);
    if (dossier.step !== 'receive') return;
    const byPeriod = this.received.get(dossier.fieldId) ?? new Map<string, number>();
    byPeriod.set(key, (byPeriod.get(key) ?? 0) + 1);
    this.received.set(dossier.fieldId, byPeriod);
  }

  result(): PeriodicReport {
    const rows = (groups: Map<string, RatingBallot[]>) =>
      [...groups].map(([key, ballots]) => satisfactionOf(key, ballots)).sort(byKey);
    const periods = [...this.periods].sort();
    const waitingOf = (key: string, called: number, totalSeconds: number): PeriodicWaiting => ({
      key,
      called,
      meanSeconds: called === 0 ? null : totalSeconds / called,
    });
    const allWaits = [...this.waits.values()];
    const dossiersReceived = [...this.received]
      .map(([fieldId, byPeriod]) => ({
        fieldId,
        total: [...byPeriod.values()].reduce((sum, n) => sum + n, 0),
        byPeriod: Object.fromEntries(byPeriod),
      }))
      .sort((a, b) => a.fieldId.localeCompare(b.fieldId));
    return {
      period: this.period,
      periods,
      satisfaction: {
        overall: satisfactionOf('', this.ballots),
        // Every period is listed, one without ballots too: it has no rate ("—"), which is not 0 %.
        byPeriod: periods.map((key) => satisfactionOf(key, this.ballotsByPeriod.get(key) ?? [])),
        byCounter: rows(this.ballotsByCounter),
        byClerk: rows(this.ballotsByClerk),
      },
      dossiersReceived,
      dossiersReceivedTotal: dossiersReceived.reduce((sum, row) => sum + row.total, 0),
      waiting: {
        overall: waitingOf(
          '',
          allWaits.reduce((sum, w) => sum + w.called, 0),
          allWaits.reduce((sum, w) => sum + w.totalSeconds, 0),
        ),
        byPeriod: periods.map((key) =>
          waitingOf(key, this.waits.get(key)?.called ?? 0, this.waits.get(key)?.totalSeconds ?? 0),
        ),
      },
    };
  }
}
