import { useQueueState } from '@motcua/client';
import { DayInput, useLanguage } from '@motcua/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { auditSentence, signInSentence, type AuditEntry, type SignInLogEntry } from './auditSentence';
import { formatLocalDateTime } from './format';
import { hubJson } from './hubApi';
import { adminStrings } from './i18n/strings';

/** The append-only event log: who did what and when, filterable by day, person and kind. */
export function AuditPage() {
  const state = useQueueState();
  const { t } = useLanguage();
  const [filters, setFilters] = useState({ from: '', to: '', actor: '', type: '' });
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signIns, setSignIns] = useState<SignInLogEntry[]>([]);

  const load = async (before: number | null) => {
    // Empty filters are left out of the query, as the form shows them: "any".
    const set = (value: string) => value || undefined;
    const query = {
      limit: 100,
      from: set(filters.from),
      to: set(filters.to),
      actor: set(filters.actor),
      type: set(filters.type),
      before: before || undefined,
    };
    try {
      const reply = await hubJson('GET /api/audit', { query });
      setEntries((old) => (before ? [...old, ...reply.entries] : reply.entries));
      setNextBefore(reply.nextBefore);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    void load(null);
    hubJson('GET /api/audit/sign-ins', { query: { limit: 50 } })
      .then((reply) => setSignIns(reply.entries))
      .catch(() => undefined);
    // Loads once on opening; later loads follow the filter form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(null);
  };
  const tz = state?.config.office.timeZone ?? 'Asia/Ho_Chi_Minh';
  return (
    <div className="page" data-testid="audit-page">
      <h1>{t(adminStrings['audit.auditLog'])}</h1>
      <p className="muted">{t(adminStrings['audit.appendOnlyEntriesCannot'])}</p>
      <form className="card row" onSubmit={submit}>
        <label>
          {t(adminStrings['audit.from'])}
          <DayInput value={filters.from} onChange={(from) => setFilters({ ...filters, from })} />
        </label>
        <label>
          {t(adminStrings['audit.to'])}
          <DayInput value={filters.to} onChange={(to) => setFilters({ ...filters, to })} />
        </label>
        <label>
          {t(adminStrings['audit.actor'])}
          <select value={filters.actor} onChange={(e) => setFilters({ ...filters, actor: e.target.value })}>
            <option value="">{t(adminStrings['audit.everyone'])}</option>
            <option value="system">{t(adminStrings['audit.system'])}</option>
            {Object.values(state?.config.users ?? {}).map((u) => (
              <option key={u.id} value={`user:${u.id}`}>
                {u.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(adminStrings['devices.column.kind'])}
          <select value={filters.type} onChange={(e) => setFilters({ ...filters, type: e.target.value })}>
            <option value="">{t(adminStrings['audit.all'])}</option>
            <option value="config.">{t(adminStrings['audit.configurationChanges'])}</option>
            <option value="ticket.">{t(adminStrings['audit.ticketActions'])}</option>
            <option value="counter.">{t(adminStrings['audit.counterOpenClose'])}</option>
            <option value="rating.">{t(adminStrings['audit.ratings'])}</option>
            <option value="alert.">{t(adminStrings['audit.alerts'])}</option>
          </select>
        </label>
        <button type="submit" className="btn btn-primary">
          {t(adminStrings['audit.filter'])}
        </button>
      </form>
      {error && <p className="form-error">{error}</p>}
      <table className="table card" data-testid="audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t(adminStrings['audit.when'])}</th>
            <th>{t(adminStrings['audit.whatHappened'])}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-type={entry.type}>
              <td className="num">{entry.seq}</td>
              <td className="nowrap">{formatLocalDateTime(entry.at, tz)}</td>
              <td className="audit-sentence">{state ? t(auditSentence(entry, state.config)) : entry.type}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextBefore && (
        <button type="button" className="btn" onClick={() => void load(nextBefore)}>
          {t(adminStrings['audit.loadMore'])}
        </button>
      )}
      <h2>{t(adminStrings['audit.refusedSignIns'])}</h2>
      {signIns.length === 0 ? (
        <p className="muted">{t(adminStrings['audit.noRefusedSignIns'])}</p>
      ) : (
        <table className="table card" data-testid="signin-log">
          <tbody>
            {signIns.map((entry) => (
              <tr key={entry.id} data-outcome={entry.outcome}>
                <td className="nowrap">{formatLocalDateTime(entry.at, tz)}</td>
                <td>{t(signInSentence(entry))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
