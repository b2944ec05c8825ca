import {
  periodNames,
  ratingAnswerNames,
  ratingMethodOf,
  ratingScales,
  reportPeriodSchema,
  SATISFACTION_FORMULA,
  type OfficeConfig,
  type ReportPeriod,
} from '@motcua/core';
import { useHubClient, useQueueState } from '@motcua/client';
import { DayInput, useLanguage } from '@motcua/ui';
import { useMemo, useState, type FormEvent } from 'react';
import { formatDuration, formatPercent, isoDateIn } from './format';
import { download, fetchReport, type ReportSummary } from './hubApi';
import { ReportChart } from './ReportChart';
import { useAdminText, type AdminText } from './i18n/strings';

type Outcome = ReportSummary['byService'][number];
type Times = Pick<ReportSummary['waiting'], 'overall'>;

function nameOf(
  config: OfficeConfig,
  kind: 'service' | 'field' | 'counter' | 'clerk',
  key: string,
  text: AdminText,
): string {
  if (key === '') return text(kind === 'field' ? 'reports.field.unknown' : 'reports.notCalled');
  if (kind === 'service') return config.services[key]?.name.vi ?? key;
  if (kind === 'field') return config.fields[key]?.name.vi ?? key;
  if (kind === 'counter') return config.counters[key]?.name.vi ?? key;
  return config.users[key]?.displayName ?? key;
}

/** Every answer of every scale, best first: ranges may mix four-, three- and five-level ballots. */
const ANSWERS = ratingScales.five.answers;

function shift(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Counts, times, idle time and the satisfaction index for any range of service days, with exports. */
export function ReportsPage() {
  const state = useQueueState();
  const client = useHubClient();
  const { t } = useLanguage();
  const text = useAdminText();
  const today = state?.serviceDay || isoDateIn(client.hubNow(), 'Asia/Ho_Chi_Minh');
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const [from, setFrom] = useState(params.get('from') ?? shift(today, -6));
  const [to, setTo] = useState(params.get('to') ?? today);
  const [summary, setSummary] = useState<ReportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSummary((await fetchReport(from, to)).summary);
      window.location.hash = `/reports?from=${from}&to=${to}`;
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const [period, setPeriod] = useState<ReportPeriod>('month');
  const exportPeriodic = async () => {
    try {
      await download(
        'GET /api/reports/periodic.xlsx',
        { query: { from, to, period } },
        `bao-cao-dinh-ky_${period}_${from}_${to}.xlsx`,
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const exportFile = async (format: 'xlsx' | 'csv') => {
    try {
      await download(`GET /api/reports/export.${format}`, { query: { from, to } }, `bao-cao.${format}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="page reports" data-testid="reports-page">
      <h1>{text('app.reports')}</h1>
      <form className="card row" onSubmit={(e) => void load(e)}>
        <label>
          {text('audit.from')}
          <DayInput name="from" value={from} onChange={setFrom} required />
        </label>
        <label>
          {text('audit.to')}
          <DayInput name="to" value={to} onChange={setTo} required />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="report-run">
          {busy ? text('reports.computing') : text('reports.showReport')}
        </button>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void exportFile('xlsx')} data-testid="export-xlsx">
          {text('reports.exportExcelXlsx')}
        </button>
        <button type="button" className="btn" onClick={() => void exportFile('csv')} data-testid="export-csv">
          {text('reports.exportCsv')}
        </button>
      </form>
      <div className="card row" data-testid="periodic-report">
        <span>{text('reports.periodicReportForThe')}</span>
        <label>
          {text('reports.by')}{' '}
          <select
            value={period}
            onChange={(e) => setPeriod(reportPeriodSchema.parse(e.target.value))}
            data-testid="periodic-period"
          >
            {reportPeriodSchema.options.map((p) => (
              <option key={p} value={p}>
                {t(periodNames[p])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => void exportPeriodic()} data-testid="export-periodic">
          {text('reports.periodicReportXlsx')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {summary && state && <ReportView summary={summary} config={state.config} />}
    </div>
  );
}

function ReportView({ summary, config }: { summary: ReportSummary; config: OfficeConfig }) {
  const { t } = useLanguage();
  const text = useAdminText();
  const s = summary.satisfaction.overall;
  const charts = useMemo(
    () => ({
      hours: summary.byHour.map((h) => text('reports.hour', { hour: h.key })),
      hourSeries: [
        { label: text('reports.chart.issued'), values: summary.byHour.map((h) => h.issued), color: '#1d4ed8' },
        { label: text('reports.chart.served'), values: summary.byHour.map((h) => h.served), color: '#15803d' },
      ],
      days: summary.satisfaction.byDay.map((d) => d.key),
      indexSeries: [
        {
          label: text('reports.chart.index'),
          values: summary.satisfaction.byDay.map((d) => Math.round((d.index ?? 0) * 10) / 10),
          color: '#b91c1c',
        },
      ],
      dayLabels: summary.byDay.map((d) => d.key),
      daySeries: [
        { label: text('reports.chart.issued'), values: summary.byDay.map((d) => d.issued), color: '#1d4ed8' },
        { label: text('reports.chart.noShow'), values: summary.byDay.map((d) => d.noShow), color: '#ca8a04' },
      ],
      distribution: [
        {
          label: text('reports.chart.ratings'),
          values: ANSWERS.map((answer) => s[answer]),
          color: '#0f766e',
        },
      ],
    }),
    [summary, s, text],
  );
  return (
    <div data-testid="report-view">
      <div className="stat-cards">
        <Stat testId="stat-issued" label={text('reports.ticketsIssued')} value={summary.totals.issued} />
        <Stat testId="stat-served" label={text('reports.served')} value={summary.totals.served} />
        <Stat testId="stat-noshow" label={text('reports.noShow')} value={summary.totals.noShow} />
        <Stat
          testId="stat-wait"
          label={text('reports.meanWait')}
          value={formatDuration(summary.waiting.overall.meanSeconds)}
        />
        <Stat
          testId="stat-satisfaction"
          label={text('reports.satisfactionIndex')}
          value={formatPercent(s.index)}
          note={text('reports.ratings', { count: s.ratings })}
        />
        <Stat
          testId="stat-idle"
          label={text('reports.counterIdleTime')}
          value={formatDuration(summary.idle.totalSeconds)}
        />
      </div>
      <div className="chart-grid">
        <ReportChart kind="bar" title={text('reports.chart.byHour')} labels={charts.hours} series={charts.hourSeries} />
        <ReportChart
          kind="line"
          title={text('reports.chart.indexByDay')}
          labels={charts.days}
          series={charts.indexSeries}
          max={100}
        />
        <ReportChart
          kind="line"
          title={text('reports.chart.byDay')}
          labels={charts.dayLabels}
          series={charts.daySeries}
        />
        <ReportChart
          kind="bar"
          title={text('reports.chart.distribution')}
          labels={ANSWERS.map((answer) => ratingAnswerNames[answer].vi)}
          series={charts.distribution}
        />
      </div>
      <p className="muted" data-testid="satisfaction-formula">
        {t(SATISFACTION_FORMULA)}. {text('reports.scaleInUse')}: {t(ratingScales[ratingMethodOf(config).scale].name)};{' '}
        {text('reports.earlierFourLevelBallots')}
      </p>
      <section className="card">
        <h2>{text('reports.timesMeanMedianP90')}</h2>
        <TimesTable
          rows={[
            [text('reports.times.waiting'), summary.waiting],
            [text('reports.times.walk'), summary.walk],
            [text('reports.times.service'), summary.service],
            [text('reports.times.etaError'), summary.etaError],
          ]}
        />
        <p className="muted">{text('reports.times.rule')}</p>
      </section>
      <OutcomeTable
        title={text('reports.byService')}
        rows={summary.byService}
        name={(k) => nameOf(config, 'service', k, text)}
        summary={summary}
        kind="service"
      />
      <OutcomeTable
        title={text('reports.byField')}
        rows={summary.byField}
        name={(k) => nameOf(config, 'field', k, text)}
        summary={summary}
        kind="field"
      />
      <OutcomeTable
        title={text('reports.byCounter')}
        rows={summary.byCounter}
        name={(k) => nameOf(config, 'counter', k, text)}
        summary={summary}
        kind="counter"
      />
      <OutcomeTable
        title={text('reports.byClerk')}
        rows={summary.byClerk}
        name={(k) => nameOf(config, 'clerk', k, text)}
        summary={summary}
        kind="clerk"
      />
      <OutcomeTable title={text('reports.byDay')} rows={summary.byDay} name={(k) => k} summary={summary} kind="day" />
      <EtaErrorTable summary={summary} config={config} />
    </div>
  );
}

function Stat({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string | number;
  note?: string;
  testId: string;
}) {
  return (
    <div className="stat" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <strong className="stat-value">{value}</strong>
      {note && <span className="muted">{note}</span>}
    </div>
  );
}

function TimesTable({ rows }: { rows: [string, Times][] }) {
  const text = useAdminText();
  return (
    <table className="table">
      <thead>
        <tr>
          <th />
          <th className="num">{text('reports.column.count')}</th>
          <th className="num">{text('reports.column.mean')}</th>
          <th className="num">{text('reports.column.median')}</th>
          <th className="num">p90</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, times]) => (
          <tr key={label}>
            <td>{label}</td>
            <td className="num">{times.overall.count}</td>
            <td className="num">{formatDuration(times.overall.meanSeconds)}</td>
            <td className="num">{formatDuration(times.overall.medianSeconds)}</td>
            <td className="num">{formatDuration(times.overall.p90Seconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How far the wait told at the kiosk was from the wait that followed, per service day and service. */
function EtaErrorTable({ summary, config }: { summary: ReportSummary; config: OfficeConfig }) {
  const text = useAdminText();
  return (
    <section className="card">
      <h2>{text('reports.estimatedWaitErrorBy')}</h2>
      <table className="table" data-testid="report-eta-error">
        <thead>
          <tr>
            <th>{text('reports.column.day')}</th>
            <th>{text('reports.column.procedure')}</th>
            <th className="num">{text('reports.column.tickets')}</th>
            <th className="num">{text('reports.column.median')}</th>
            <th className="num">p90</th>
          </tr>
        </thead>
        <tbody>
          {summary.etaError.byDayAndService.map((row) => {
            const [day = '', serviceId = ''] = row.key.split(' ');
            return (
              <tr key={row.key} data-key={row.key}>
                <td>{day}</td>
                <td>{nameOf(config, 'service', serviceId, text)}</td>
                <td className="num">{row.count}</td>
                <td className="num">{formatDuration(row.medianSeconds)}</td>
                <td className="num">{formatDuration(row.p90Seconds)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">{text('reports.etaError.note')}</p>
    </section>
  );
}

function OutcomeTable({
  title,
  rows,
  name,
  summary,
  kind,
}: {
  title: string;
  rows: Outcome[];
  name: (key: string) => string;
  summary: ReportSummary;
  kind: 'service' | 'field' | 'counter' | 'clerk' | 'day';
}) {
  const satisfaction = {
    service: summary.satisfaction.byService,
    counter: summary.satisfaction.byCounter,
    clerk: summary.satisfaction.byClerk,
    day: summary.satisfaction.byDay,
    field: [],
  }[kind];
  const waiting =
    kind === 'service'
      ? summary.waiting.byService
      : kind === 'counter'
        ? summary.waiting.byCounter
        : kind === 'clerk'
          ? summary.waiting.byClerk
          : [];
  const text = useAdminText();
  const idle = kind === 'counter' ? summary.idle.byCounter : kind === 'clerk' ? summary.idle.byClerk : [];
  return (
    <section className="card">
      <h2>{title}</h2>
      <table className="table" data-testid={`report-by-${kind}`}>
        <thead>
          <tr>
            <th />
            <th className="num">{text('reports.column.issued')}</th>
            <th className="num">{text('reports.column.served')}</th>
            <th className="num">{text('reports.column.noShow')}</th>
            <th className="num">{text('reports.column.cancelled')}</th>
            <th className="num">{text('reports.column.expired')}</th>
            {waiting.length > 0 && <th className="num">{text('reports.column.meanWait')}</th>}
            {idle.length > 0 && <th className="num">{text('reports.column.idle')}</th>}
            {satisfaction.length > 0 && <th className="num">{text('reports.column.satisfied')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <td>{name(row.key)}</td>
              <td className="num">{row.issued}</td>
              <td className="num">{row.served}</td>
              <td className="num">{row.noShow}</td>
              <td className="num">{row.cancelled}</td>
              <td className="num">{row.expired}</td>
              {waiting.length > 0 && (
                <td className="num">{formatDuration(waiting.find((w) => w.key === row.key)?.meanSeconds)}</td>
              )}
              {idle.length > 0 && (
                <td className="num">{formatDuration(idle.find((w) => w.key === row.key)?.idleSeconds ?? null)}</td>
              )}
              {satisfaction.length > 0 && (
                <td className="num">{formatPercent(satisfaction.find((x) => x.key === row.key)?.index)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
