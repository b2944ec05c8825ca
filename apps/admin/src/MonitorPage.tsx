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
import { useHubNow, useLanguage, localizedText } from '@motcua/ui';
import { useState } from 'react';
import { CentralLinkPanel } from './CentralLinkPanel';
import { formatClock, formatDuration } from './format';
import { adminStrings } from './i18n/strings';

const STATUS_NAMES = {
  open: adminStrings['monitor.open'],
  paused: adminStrings['monitor.paused'],
  closed: adminStrings['monitor.closed'],
} as const;

/** Every counter, every queue and every staff alert, live from the hub's events. */
export function MonitorPage() {
  const state = useQueueState();
  const client = useHubClient();
  const { t } = useLanguage();
  // Waiting times in minutes: a refresh every few seconds is enough.
  const now = useHubNow(5000);
  const [message, setMessage] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState('');
  if (!state) return <p>{t(adminStrings['monitor.loading'])}</p>;
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
        {t(adminStrings['app.liveMonitor'])} <small>· {state.serviceDay}</small>
      </h1>
      <CentralLinkPanel timeZone={tz} />
      {alerts.length > 0 && (
        <section className="alerts" aria-label={t(adminStrings['audit.alerts'])}>
          {alerts.map((alert) => (
            <div key={alert.alertId} className="alert" role="alert">
              <strong>⚠ {alert.message}</strong>
              <span className="muted">
                {alert.source} · {formatClock(alert.at, tz)}
              </span>
              <button
                type="button"
                className="btn"
                onClick={() =>
                  void send({ type: 'alert.clear', alertId: alert.alertId }, t(adminStrings['monitor.alertCleared']))
                }
              >
                {t(adminStrings['monitor.resolved'])}
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
          <h2>{t(adminStrings['config.tab.counters'])}</h2>
          <table className="table" data-testid="monitor-counters">
            <thead>
              <tr>
                <th>{t(adminStrings['devices.column.counter'])}</th>
                <th>{t(adminStrings['users.status'])}</th>
                <th>{t(adminStrings['monitor.clerk'])}</th>
                <th>{t(adminStrings['monitor.currentTicket'])}</th>
                <th>{t(adminStrings['monitor.for'])}</th>
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
                          <span className="pill pill-lost">{t(adminStrings['monitor.connectionLost'])}</span>
                          <div className="muted">
                            {t(
                              localizedText(adminStrings['monitor.counterDeviceGoneSince'], {
                                value: formatClock(lostSince, tz),
                              }),
                            )}
                          </div>
                          {live.status !== 'closed' && (
                            <button
                              type="button"
                              className="btn"
                              onClick={() =>
                                void send(
                                  { type: 'counter.close', counterId: counter.id },
                                  t(localizedText(adminStrings['monitor.counterClosed'], { number: counter.number })),
                                )
                              }
                            >
                              {t(adminStrings['monitor.closeCounter'])}
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
                              ? t(adminStrings['monitor.serving'])
                              : t(adminStrings['monitor.called'])}
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
          <h2>{t(adminStrings['monitor.waitingPerService'])}</h2>
          <table className="table" data-testid="monitor-queues">
            <thead>
              <tr>
                <th>{t(adminStrings['appointments.service'])}</th>
                <th className="num">{t(adminStrings['monitor.waiting'])}</th>
                <th>{t(adminStrings['monitor.longestWait'])}</th>
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
        <h2>{t(adminStrings['monitor.cancelOrMoveA'])}</h2>
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
                  {
                    type: 'ticket.cancel',
                    ticketId: selectedTicket.id,
                    reason: adminStrings['monitor.cancelReason'].vi,
                  },
                  t(localizedText(adminStrings['monitor.ticketCancelled'], { label: selectedTicket.label })),
                )
              }
            >
              {t(adminStrings['monitor.cancelTicket'])}
            </button>
            <select
              value={moveTo}
              onChange={(e) => setMoveTo(e.target.value)}
              aria-label={t(adminStrings['monitor.moveTo'])}
            >
              <option value="">{t(adminStrings['monitor.moveToService'])}</option>
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
                  t(localizedText(adminStrings['monitor.ticketMoved'], { label: selectedTicket.label })),
                )
              }
            >
              {t(adminStrings['monitor.move'])}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
