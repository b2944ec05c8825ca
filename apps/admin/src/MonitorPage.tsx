import {
  counterDeviceLostSince,
  counterState,
  errorMessages,
  serviceQueueSummary,
  sortedCounters,
  sortedServices,
  waitingForService,
  type CommandInput,
  ticketById,
} from '@motcua/core';
import { useHubClient, useQueueState } from '@motcua/client';
import { useLanguage } from '@motcua/ui';
import { useState } from 'react';
import { CentralLinkPanel } from './CentralLinkPanel';
import { formatClock, formatDuration } from './format';
import { useHubNow } from './useNow';

const STATUS_NAMES = {
  open: { vi: 'Đang mở', en: 'Open' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  closed: { vi: 'Đóng', en: 'Closed' },
} as const;

/** Every counter, every queue and every staff alert, live from the hub's events. */
export function MonitorPage() {
  const state = useQueueState();
  const client = useHubClient();
  const { t } = useLanguage();
  const now = useHubNow();
  const [message, setMessage] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState('');
  if (!state) return <p>{t({ vi: 'Đang tải…', en: 'Loading…' })}</p>;
  const tz = state.config.office.timeZone;
  const services = sortedServices(state);
  const alerts = Object.values(state.alerts).sort((a, b) => b.at - a.at);
  const selectedTicket = selected ? ticketById(state, selected) : undefined;

  const send = async (command: CommandInput, done: string) => {
    const reply = await client.send(command);
    setMessage(reply.ok ? done : t(errorMessages[reply.code]));
    if (reply.ok) setSelected(null);
  };

  return (
    <div className="page monitor" data-testid="monitor-page">
      <h1>
        {t({ vi: 'Giám sát trực tiếp', en: 'Live monitor' })} <small>· {state.serviceDay}</small>
      </h1>
      <CentralLinkPanel timeZone={tz} />
      {alerts.length > 0 && (
        <section className="alerts" aria-label={t({ vi: 'Cảnh báo', en: 'Alerts' })}>
          {alerts.map((alert) => (
            <div key={alert.alertId} className="alert" role="alert">
              <strong>⚠ {alert.message}</strong>
              <span className="muted">
                {alert.source} · {formatClock(alert.at, tz)}
              </span>
              <button
                type="button"
                className="btn"
                onClick={() => void send({ type: 'alert.clear', alertId: alert.alertId }, 'Đã xử lý cảnh báo.')}
              >
                {t({ vi: 'Đã xử lý', en: 'Resolved' })}
              </button>
            </div>
          ))}
        </section>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <div className="monitor-grid">
        <section className="card">
          <h2>{t({ vi: 'Quầy', en: 'Counters' })}</h2>
          <table className="table" data-testid="monitor-counters">
            <thead>
              <tr>
                <th>{t({ vi: 'Quầy', en: 'Counter' })}</th>
                <th>{t({ vi: 'Trạng thái', en: 'Status' })}</th>
                <th>{t({ vi: 'Cán bộ', en: 'Clerk' })}</th>
                <th>{t({ vi: 'Số đang phục vụ', en: 'Current ticket' })}</th>
                <th>{t({ vi: 'Thời gian', en: 'For' })}</th>
              </tr>
            </thead>
            <tbody>
              {sortedCounters(state).map((counter) => {
                const live = counterState(state, counter.id);
                const ticket = live.currentTicketId ? ticketById(state, live.currentTicketId) : undefined;
                const clerk = live.clerkId ? state.config.users[live.clerkId] : undefined;
                const lostSince = counterDeviceLostSince(state, counter.id);
                return (
                  <tr key={counter.id}>
                    <td>
                      <strong>{counter.number}</strong> {t(counter.name)}
                    </td>
                    <td data-testid={`monitor-status-${counter.id}`}>
                      {lostSince === null ? (
                        <span className={`pill pill-${live.status}`}>{t(STATUS_NAMES[live.status])}</span>
                      ) : (
                        <>
                          <span className="pill pill-lost">{t({ vi: 'Mất kết nối', en: 'Connection lost' })}</span>
                          <div className="muted">
                            {t({
                              vi: `Máy quầy vắng từ ${formatClock(lostSince, tz)}; kiểm tra máy hoặc đóng quầy`,
                              en: `Counter device gone since ${formatClock(lostSince, tz)}; check it or close the counter`,
                            })}
                          </div>
                          {live.status !== 'closed' && (
                            <button
                              type="button"
                              className="btn"
                              onClick={() =>
                                void send(
                                  { type: 'counter.close', counterId: counter.id },
                                  `Đã đóng quầy ${counter.number}.`,
                                )
                              }
                            >
                              {t({ vi: 'Đóng quầy', en: 'Close counter' })}
                            </button>
                          )}
                        </>
                      )}
                      {live.pauseReason && <div className="muted">{live.pauseReason}</div>}
                    </td>
                    <td>{clerk?.displayName ?? '—'}</td>
                    <td className="ticket-label">
                      {ticket ? (
                        <>
                          {ticket.label}{' '}
                          <span className="muted">
                            {ticket.status === 'serving'
                              ? t({ vi: 'đang phục vụ', en: 'serving' })
                              : t({ vi: 'đã gọi', en: 'called' })}
                          </span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{live.status === 'closed' ? '—' : formatDuration((now - live.since) / 1000)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section className="card">
          <h2>{t({ vi: 'Hàng chờ theo thủ tục', en: 'Waiting per service' })}</h2>
          <table className="table" data-testid="monitor-queues">
            <thead>
              <tr>
                <th>{t({ vi: 'Thủ tục', en: 'Service' })}</th>
                <th className="num">{t({ vi: 'Đang chờ', en: 'Waiting' })}</th>
                <th>{t({ vi: 'Chờ lâu nhất', en: 'Longest wait' })}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((service) => {
                const summary = serviceQueueSummary(state, service.id);
                return (
                  <tr key={service.id}>
                    <td>
                      <span className="prefix">{service.prefix}</span> {t(service.name)}
                    </td>
                    <td className="num">{summary.waiting}</td>
                    <td
                      className={
                        summary.longestWaitingSince && now - summary.longestWaitingSince > 30 * 60_000 ? 'late' : ''
                      }
                    >
                      {summary.longestWaitingSince ? formatDuration((now - summary.longestWaitingSince) / 1000) : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>
      <section className="card">
        <h2>{t({ vi: 'Hủy hoặc chuyển số đang chờ', en: 'Cancel or move a waiting ticket' })}</h2>
        <div className="waiting-chips">
          {services.flatMap((service) =>
            waitingForService(state, service.id).map((ticket) => (
              <button
                type="button"
                key={ticket.id}
                className="chip"
                aria-pressed={selected === ticket.id}
                onClick={() => setSelected(ticket.id)}
              >
                {ticket.label}
              </button>
            )),
          )}
        </div>
        {selectedTicket && (
          <div className="row">
            <strong>{selectedTicket.label}</strong>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() =>
                void send(
                  { type: 'ticket.cancel', ticketId: selectedTicket.id, reason: 'Giám sát hủy' },
                  `Đã hủy số ${selectedTicket.label}.`,
                )
              }
            >
              {t({ vi: 'Hủy số', en: 'Cancel ticket' })}
            </button>
            <select value={moveTo} onChange={(e) => setMoveTo(e.target.value)} aria-label="Chuyển sang thủ tục">
              <option value="">{t({ vi: 'Chuyển sang thủ tục…', en: 'Move to service…' })}</option>
              {services
                .filter((s) => s.id !== selectedTicket.serviceId)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {t(s.name)}
                  </option>
                ))}
            </select>
            <button
              type="button"
              className="btn"
              disabled={!moveTo}
              onClick={() =>
                void send(
                  { type: 'ticket.transfer', ticketId: selectedTicket.id, toServiceId: moveTo },
                  `Đã chuyển số ${selectedTicket.label}.`,
                )
              }
            >
              {t({ vi: 'Chuyển', en: 'Move' })}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
