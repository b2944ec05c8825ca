import { DayInput, LanguageSwitch, useLanguage } from '@motcua/ui';
import { useEffect, useState, type FormEvent } from 'react';
import {
  download,
  getJson,
  postJson,
  sessionToken,
  setSessionToken,
  CentralApiError,
  type CentralAlert,
  type OfficeOverview,
  type ProvinceReport,
  type ReportSummary,
  type StaffMember,
} from './centralApi';
import { formatAgo, formatDuration, formatPercent, todayInVietnam } from './format';
import { centralStrings } from '../i18n/strings';

type Page = { kind: 'overview' } | { kind: 'reports' } | { kind: 'office'; officeId: string };

/** The province dashboard: sign-in, every office on one page, reports across offices, one office's detail. */
export function CentralApp() {
  const { t } = useLanguage();
  const [staff, setStaff] = useState<StaffMember | null>(null);
  const [checked, setChecked] = useState(false);
  const [page, setPage] = useState<Page>({ kind: 'overview' });

  useEffect(() => {
    if (!sessionToken()) return setChecked(true);
    getJson<{ staff: StaffMember }>('/api/me')
      .then((reply) => setStaff(reply.staff))
      .catch(() => setSessionToken(null))
      .finally(() => setChecked(true));
  }, []);

  if (!checked) return <p className="central">{t(centralStrings['app.loading'])}</p>;
  if (!staff) return <SignIn onSignedIn={setStaff} />;
  return (
    <div className="central">
      <header>
        <h1>{t(centralStrings['app.title'])}</h1>
        <nav>
          <button
            aria-current={page.kind === 'overview' ? 'page' : undefined}
            onClick={() => setPage({ kind: 'overview' })}
          >
            {t(centralStrings['app.overview'])}
          </button>
          <button
            aria-current={page.kind === 'reports' ? 'page' : undefined}
            onClick={() => setPage({ kind: 'reports' })}
          >
            {t(centralStrings['app.reports'])}
          </button>
          <span className="muted">{staff.displayName} · </span>
          <button
            className="link"
            onClick={() => {
              setSessionToken(null);
              setStaff(null);
            }}
          >
            {t(centralStrings['app.signOut'])}
          </button>
          <LanguageSwitch />
        </nav>
      </header>
      {page.kind === 'overview' && <Overview onOpen={(officeId) => setPage({ kind: 'office', officeId })} />}
      {page.kind === 'reports' && <Reports />}
      {page.kind === 'office' && <OfficeDetail officeId={page.officeId} onBack={() => setPage({ kind: 'overview' })} />}
    </div>
  );
}

function SignIn({ onSignedIn }: { onSignedIn: (staff: StaffMember) => void }) {
  const { t } = useLanguage();
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    try {
      const reply = await postJson<{ token: string; staff: StaffMember }>('/api/auth/login', {
        username: form.get('username'),
        password: form.get('password'),
      });
      setSessionToken(reply.token);
      onSignedIn(reply.staff);
    } catch (err) {
      setError(err instanceof CentralApiError ? err.message : t(centralStrings['signIn.cannotReachCentral']));
    }
  };
  return (
    <form className="central" onSubmit={(e) => void submit(e)}>
      <h1>{t(centralStrings['signIn.title'])}</h1>
      <p>
        <label>
          {t(centralStrings['signIn.username'])} <input name="username" autoComplete="username" required />
        </label>
      </p>
      <p>
        <label>
          {t(centralStrings['signIn.password'])}{' '}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{t(centralStrings['signIn.submit'])}</button>
    </form>
  );
}

function useRefreshing<T>(path: string, everyMs: number): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      getJson<T>(path)
        .then((value) => alive && (setData(value), setError(null)))
        .catch((err: Error) => alive && setError(err.message));
    void load();
    const timer = everyMs > 0 ? setInterval(() => void load(), everyMs) : null;
    return () => {
      alive = false;
      if (timer) clearInterval(timer);
    };
  }, [path, everyMs]);
  return { data, error };
}

function Overview({ onOpen }: { onOpen: (officeId: string) => void }) {
  const { t } = useLanguage();
  const { data, error } = useRefreshing<{ now: number; offices: OfficeOverview[] }>('/api/overview', 5000);
  const alerts = useRefreshing<{ alerts: CentralAlert[] }>('/api/alerts', 15000).data?.alerts ?? [];
  if (!data) return <p className={error ? 'error' : 'muted'}>{error ?? t(centralStrings['app.loading'])}</p>;
  const stale = data.offices.filter((o) => o.stale);
  return (
    <section data-testid="overview">
      {error && <p className="error">{error}</p>}
      <div className="cards">
        <div className="card">
          {t(centralStrings['overview.waitingProvince'])}
          <strong>{data.offices.reduce((s, o) => s + o.waitingNow, 0)}</strong>
        </div>
        <div className="card">
          {t(centralStrings['overview.countersOpen'])}
          <strong>{data.offices.reduce((s, o) => s + o.countersOpen, 0)}</strong>
        </div>
        <div className="card">
          {t(centralStrings['overview.officesNotReporting'])}
          <strong className={stale.length > 0 ? 'stale-badge' : undefined}>{stale.length}</strong>
        </div>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t(centralStrings['app.office'])}</th>
            <th>{t(centralStrings['app.waiting'])}</th>
            <th>{t(centralStrings['app.longestWait'])}</th>
            <th>{t(centralStrings['overview.countersOpenColumn'])}</th>
            <th>{t(centralStrings['app.ticketsToday'])}</th>
            <th>{t(centralStrings['app.satisfactionToday'])}</th>
            <th>{t(centralStrings['app.data'])}</th>
          </tr>
        </thead>
        <tbody>
          {data.offices.map((o) => (
            <tr key={o.officeId} className={o.stale ? 'stale' : undefined} data-testid={`office-${o.officeId}`}>
              <td>
                <button className="link" onClick={() => onOpen(o.officeId)}>
                  {o.name}
                </button>
              </td>
              <td>{o.waitingNow}</td>
              <td>{formatDuration(o.longestWaitSeconds)}</td>
              <td>{o.countersOpen}</td>
              <td>
                {o.issuedToday}{' '}
                <span className="muted">
                  ({o.servedToday} {t(centralStrings['app.served'])})
                </span>
              </td>
              <td>
                {formatPercent(o.satisfactionToday)} <span className="muted">({o.ratingsToday})</span>
              </td>
              <td>
                {o.stale && <span className="stale-badge">{t(centralStrings['app.notReporting'])} · </span>}
                {t(formatAgo(o.lastContactAt, data.now))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {alerts.length > 0 && (
        <>
          <h2>{t(centralStrings['app.alerts'])}</h2>
          <ul>
            {alerts.slice(0, 20).map((a) => (
              <li key={a.id} role="alert">
                <strong>{a.officeId ?? '—'}</strong> · {a.kind}: {a.message}{' '}
                <span className="muted">{new Date(a.at).toLocaleString('vi-VN')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SummaryRow({ name, s }: { name: string; s: ReportSummary }) {
  return (
    <tr>
      <td>{name}</td>
      <td>{s.totals.issued}</td>
      <td>{s.totals.served}</td>
      <td>{s.totals.noShow}</td>
      <td>{s.totals.cancelled + s.totals.expired}</td>
      <td>{formatDuration(s.waiting.overall.meanSeconds)}</td>
      <td>{formatDuration(s.waiting.overall.p90Seconds)}</td>
      <td>{formatDuration(s.service.overall.meanSeconds)}</td>
      <td>
        {formatPercent(s.satisfaction.overall.index)} <span className="muted">({s.satisfaction.overall.ratings})</span>
      </td>
    </tr>
  );
}

function SummaryHead() {
  const { t } = useLanguage();
  return (
    <thead>
      <tr>
        <th>{t(centralStrings['app.office'])}</th>
        <th>{t(centralStrings['app.issued'])}</th>
        <th>{t(centralStrings['summary.served'])}</th>
        <th>{t(centralStrings['app.noShow'])}</th>
        <th>{t(centralStrings['app.cancelledExpired'])}</th>
        <th>{t(centralStrings['app.meanWait'])}</th>
        <th>{t(centralStrings['app.p90Wait'])}</th>
        <th>{t(centralStrings['app.meanService'])}</th>
        <th>{t(centralStrings['app.satisfactionIndex'])}</th>
      </tr>
    </thead>
  );
}

function Reports() {
  const { t } = useLanguage();
  const today = todayInVietnam();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [picked, setPicked] = useState<string[]>([]);
  const offices = useRefreshing<{ offices: OfficeOverview[] }>('/api/overview', 0).data?.offices ?? [];
  const query = `from=${from}&to=${to}${picked.length > 0 ? `&offices=${picked.join(',')}` : ''}`;
  const { data, error } = useRefreshing<{ report: ProvinceReport }>(`/api/reports?${query}`, 0);
  const [exportError, setExportError] = useState<string | null>(null);
  return (
    <section data-testid="reports">
      <form className="inline" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t(centralStrings['app.from'])} <DayInput value={from} onChange={setFrom} />
        </label>
        <label>
          {t(centralStrings['app.to'])} <DayInput value={to} onChange={setTo} />
        </label>
        <button
          type="button"
          onClick={() =>
            download(`/api/reports.xlsx?${query}`, `bao-cao-tinh-${from}-${to}.xlsx`).catch((err: Error) =>
              setExportError(err.message),
            )
          }
        >
          {t(centralStrings['app.exportExcel'])}
        </button>
      </form>
      <div className="offices-pick">
        {offices.map((o) => (
          <label key={o.officeId}>
            <input
              type="checkbox"
              checked={picked.includes(o.officeId)}
              onChange={(e) =>
                setPicked(e.target.checked ? [...picked, o.officeId] : picked.filter((id) => id !== o.officeId))
              }
            />{' '}
            {o.name}
          </label>
        ))}
        <span className="muted">{t(centralStrings['app.nonePickedAll'])}</span>
      </div>
      {(error ?? exportError) && <p className="error">{error ?? exportError}</p>}
      {data && (
        <table>
          <SummaryHead />
          <tbody>
            {data.report.offices.map((o) => (
              <SummaryRow key={o.officeId} name={o.name} s={o.summary} />
            ))}
            <SummaryRow name={t(centralStrings['app.total'])} s={data.report.combined} />
          </tbody>
        </table>
      )}
    </section>
  );
}

function OfficeDetail({ officeId, onBack }: { officeId: string; onBack: () => void }) {
  const { t } = useLanguage();
  const { data, error } = useRefreshing<{
    overview: OfficeOverview;
    report: ReportSummary;
    counters: { id: string; status: string; clerk_id: string | null; current_ticket_id: string | null }[];
    alerts: CentralAlert[];
  }>(`/api/offices/${encodeURIComponent(officeId)}`, 10000);
  if (!data) return <p className={error ? 'error' : 'muted'}>{error ?? t(centralStrings['app.loading'])}</p>;
  const { overview, report } = data;
  return (
    <section data-testid="office-detail">
      <button className="link" onClick={onBack}>
        ← {t(centralStrings['app.overview'])}
      </button>
      <h2>
        {overview.name} <small className="muted">· {report.range.from}</small>
      </h2>
      <table>
        <SummaryHead />
        <tbody>
          <SummaryRow name={overview.name} s={report} />
        </tbody>
      </table>
      <h3>{t(centralStrings['app.byProcedure'])}</h3>
      <table>
        <thead>
          <tr>
            <th>{t(centralStrings['app.procedure'])}</th>
            <th>{t(centralStrings['app.issued'])}</th>
            <th>{t(centralStrings['summary.served'])}</th>
            <th>{t(centralStrings['app.meanWait'])}</th>
          </tr>
        </thead>
        <tbody>
          {report.byService.map((row) => (
            <tr key={row.key}>
              <td>{row.key}</td>
              <td>{row.issued}</td>
              <td>{row.served}</td>
              <td>{formatDuration(report.waiting.byService.find((w) => w.key === row.key)?.meanSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t(centralStrings['app.counters'])}</h3>
      <table>
        <tbody>
          {data.counters.map((c) => (
            <tr key={c.id}>
              <td>{c.id}</td>
              <td>
                {c.status === 'open'
                  ? t(centralStrings['app.open'])
                  : c.status === 'paused'
                    ? t(centralStrings['app.paused'])
                    : t(centralStrings['app.closed'])}
              </td>
              <td>{c.clerk_id ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
