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
import { adminStrings } from './i18n/strings';

type Outcome = ReportSummary['byService'][number];
type Times = Pick<ReportSummary['waiting'], 'overall'>;

function nameOf(config: OfficeConfig, kind: 'service' | 'field' | 'counter' | 'clerk', key: string): string {
  if (key === '') return kind === 'field' ? '(không rõ)' : '(chưa gọi)';
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
        `/api/reports/periodic.xlsx?from=${from}&to=${to}&period=${period}`,
        `bao-cao-dinh-ky_${period}_${from}_${to}.xlsx`,
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const exportFile = async (format: 'xlsx' | 'csv') => {
    try {
      await download(`/api/reports/export.${format}?from=${from}&to=${to}`, `bao-cao.${format}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="page reports" data-testid="reports-page">
      <h1>{t(adminStrings['app.reports'])}</h1>
      <form className="card row" onSubmit={(e) => void load(e)}>
        <label>
          {t(adminStrings['audit.from'])}
          <DayInput name="from" value={from} onChange={setFrom} required />
        </label>
        <label>
          {t(adminStrings['audit.to'])}
          <DayInput name="to" value={to} onChange={setTo} required />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="report-run">
          {busy ? t(adminStrings['reports.computing']) : t(adminStrings['reports.showReport'])}
        </button>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void exportFile('xlsx')} data-testid="export-xlsx">
          {t(adminStrings['reports.exportExcelXlsx'])}
        </button>
        <button type="button" className="btn" onClick={() => void exportFile('csv')} data-testid="export-csv">
          {t(adminStrings['reports.exportCsv'])}
        </button>
      </form>
      <div className="card row" data-testid="periodic-report">
        <span>{t(adminStrings['reports.periodicReportForThe'])}</span>
        <label>
          {t({ vi: 'Theo', en: 'By' })}{' '}
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
          {t(adminStrings['reports.periodicReportXlsx'])}
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
  const s = summary.satisfaction.overall;
  const charts = useMemo(
    () => ({
      hours: summary.byHour.map((h) => `${h.key} giờ`),
      hourSeries: [
        { label: 'Số vé đã cấp', values: summary.byHour.map((h) => h.issued), color: '#1d4ed8' },
        { label: 'Đã phục vụ', values: summary.byHour.map((h) => h.served), color: '#15803d' },
      ],
      days: summary.satisfaction.byDay.map((d) => d.key),
      indexSeries: [
        {
          label: 'Chỉ số hài lòng (%)',
          values: summary.satisfaction.byDay.map((d) => Math.round((d.index ?? 0) * 10) / 10),
          color: '#b91c1c',
        },
      ],
      dayLabels: summary.byDay.map((d) => d.key),
      daySeries: [
        { label: 'Số vé đã cấp', values: summary.byDay.map((d) => d.issued), color: '#1d4ed8' },
        { label: 'Vắng mặt', values: summary.byDay.map((d) => d.noShow), color: '#ca8a04' },
      ],
      distribution: [
        {
          label: 'Số lượt đánh giá',
          values: ANSWERS.map((answer) => s[answer]),
          color: '#0f766e',
        },
      ],
    }),
    [summary, s],
  );
  return (
    <div data-testid="report-view">
      <div className="stat-cards">
        <Stat testId="stat-issued" label={t(adminStrings['reports.ticketsIssued'])} value={summary.totals.issued} />
        <Stat testId="stat-served" label={t(adminStrings['reports.served'])} value={summary.totals.served} />
        <Stat testId="stat-noshow" label={t(adminStrings['reports.noShow'])} value={summary.totals.noShow} />
        <Stat
          testId="stat-wait"
          label={t(adminStrings['reports.meanWait'])}
          value={formatDuration(summary.waiting.overall.meanSeconds)}
        />
        <Stat
          testId="stat-satisfaction"
          label={t(adminStrings['reports.satisfactionIndex'])}
          value={formatPercent(s.index)}
          note={`${s.ratings} lượt đánh giá`}
        />
        <Stat
          testId="stat-idle"
          label={t(adminStrings['reports.counterIdleTime'])}
          value={formatDuration(summary.idle.totalSeconds)}
        />
      </div>
      <div className="chart-grid">
        <ReportChart kind="bar" title="Số vé theo giờ trong ngày" labels={charts.hours} series={charts.hourSeries} />
        <ReportChart
          kind="line"
          title="Chỉ số hài lòng theo ngày (%)"
          labels={charts.days}
          series={charts.indexSeries}
          max={100}
        />
        <ReportChart kind="line" title="Số vé theo ngày" labels={charts.dayLabels} series={charts.daySeries} />
        <ReportChart
          kind="bar"
          title="Phân bố mức độ hài lòng"
          labels={ANSWERS.map((answer) => ratingAnswerNames[answer].vi)}
          series={charts.distribution}
        />
      </div>
      <p className="muted" data-testid="satisfaction-formula">
        {t(SATISFACTION_FORMULA)}. {t(adminStrings['reports.scaleInUse'])}:{' '}
        {t(ratingScales[ratingMethodOf(config).scale].name)}; {t(adminStrings['reports.earlierFourLevelBallots'])}
      </p>
      <section className="card">
        <h2>{t(adminStrings['reports.timesMeanMedianP90'])}</h2>
        <TimesTable
          rows={[
            ['Chờ đến lượt (lấy số → gọi)', summary.waiting],
            ['Đi đến quầy (gọi → bắt đầu)', summary.walk],
            ['Phục vụ (bắt đầu → xong)', summary.service],
            ['Sai lệch thời gian chờ dự kiến (|dự kiến − thực tế|)', summary.etaError],
          ]}
        />
        <p className="muted">
          Trung vị và p90 theo quy tắc hạng gần nhất: giá trị ở vị trí ⌈p·n⌉ khi sắp xếp tăng dần.
        </p>
      </section>
      <OutcomeTable
        title="Theo thủ tục"
        rows={summary.byService}
        name={(k) => nameOf(config, 'service', k)}
        summary={summary}
        kind="service"
      />
      <OutcomeTable
        title="Theo lĩnh vực"
        rows={summary.byField}
        name={(k) => nameOf(config, 'field', k)}
        summary={summary}
        kind="field"
      />
      <OutcomeTable
        title="Theo quầy"
        rows={summary.byCounter}
        name={(k) => nameOf(config, 'counter', k)}
        summary={summary}
        kind="counter"
      />
      <OutcomeTable
        title="Theo cán bộ"
        rows={summary.byClerk}
        name={(k) => nameOf(config, 'clerk', k)}
        summary={summary}
        kind="clerk"
      />
      <OutcomeTable title="Theo ngày" rows={summary.byDay} name={(k) => k} summary={summary} kind="day" />
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
  return (
    <table className="table">
      <thead>
        <tr>
          <th />
          <th className="num">Số lượt</th>
          <th className="num">Trung bình</th>
          <th className="num">Trung vị</th>
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
  const { t } = useLanguage();
  return (
    <section className="card">
      <h2>{t(adminStrings['reports.estimatedWaitErrorBy'])}</h2>
      <table className="table" data-testid="report-eta-error">
        <thead>
          <tr>
            <th>Ngày</th>
            <th>Thủ tục</th>
            <th className="num">Số vé</th>
            <th className="num">Trung vị</th>
            <th className="num">p90</th>
          </tr>
        </thead>
        <tbody>
          {summary.etaError.byDayAndService.map((row) => {
            const [day = '', serviceId = ''] = row.key.split(' ');
            return (
              <tr key={row.key} data-key={row.key}>
                <td>{day}</td>
                <td>{nameOf(config, 'service', serviceId)}</td>
                <td className="num">{row.count}</td>
                <td className="num">{formatDuration(row.medianSeconds)}</td>
                <td className="num">{formatDuration(row.p90Seconds)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">
        |Thời gian chờ dự kiến khi lấy số − thời gian chờ thực tế|, trên các vé đã được gọi; vé lấy khi chưa có quầy
        tiếp nhận không có thời gian dự kiến nên không tính.
      </p>
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
  const idle = kind === 'counter' ? summary.idle.byCounter : kind === 'clerk' ? summary.idle.byClerk : [];
  return (
    <section className="card">
      <h2>{title}</h2>
      <table className="table" data-testid={`report-by-${kind}`}>
        <thead>
          <tr>
            <th />
            <th className="num">Đã cấp</th>
            <th className="num">Đã phục vụ</th>
            <th className="num">Vắng mặt</th>
            <th className="num">Đã hủy</th>
            <th className="num">Hết hạn</th>
            {waiting.length > 0 && <th className="num">Chờ TB</th>}
            {idle.length > 0 && <th className="num">Quầy trống</th>}
            {satisfaction.length > 0 && <th className="num">Hài lòng</th>}
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
