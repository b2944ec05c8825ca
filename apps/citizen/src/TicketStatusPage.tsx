import { LanguageSwitch, useLanguage } from '@motcua/ui';
import { useEffect } from 'react';
import { useTicketStatus, type TicketStatusView } from './ticketStatus';
import { useCitizenText } from './i18n/strings';

function StatusCard({ view }: { view: TicketStatusView }) {
  const { t } = useLanguage();
  const text = useCitizenText();
  switch (view.status) {
    case 'waiting':
      return (
        <section className="card card--waiting" data-testid="status-waiting">
          {view.ahead === 0 ? (
            <p className="big" data-testid="ahead">
              {text('status.youAreNext')}
            </p>
          ) : (
            <p className="big" data-testid="ahead">
              {text('status.ahead', { ahead: view.ahead })}
            </p>
          )}
          <p data-testid="position">{text('status.position', { position: view.ahead + 1 })}</p>
          <p>
            {view.ahead === 0
              ? text('status.pleaseWatchTheScreen')
              : text('status.estimatedWait', { minutes: view.etaMinutes })}
          </p>
          {view.countersOpen === 0 && <p className="note">{text('status.noCounterServesThis')}</p>}
        </section>
      );
    case 'called':
    case 'serving':
      return (
        <section className="card card--called" data-testid="status-called" role="alert">
          <p className="big">{text('status.goToCounter', { counter: view.counterNumber ?? '' })}</p>
          {view.counterName && <p>{t(view.counterName)}</p>}
        </section>
      );
    case 'parked':
      return (
        <section className="card" data-testid="status-parked">
          <p className="big">{text('status.parked')}</p>
          <p>{text('status.theClerkWillCall')}</p>
        </section>
      );
    case 'finished':
      return (
        <section className="card card--done" data-testid="status-finished">
          <p className="big">{text('status.done')}</p>
          <p>{text('status.thanks')}</p>
        </section>
      );
    case 'noShow':
      return (
        <section className="card card--warn" data-testid="status-noshow">
          <p className="big">{text('status.youWereSkipped')}</p>
          <p>{text('status.yourNumberWasCalled')}</p>
        </section>
      );
    default:
      return (
        <section className="card card--warn" data-testid="status-ended">
          <p className="big">{text('status.ended')}</p>
          <p>{text('status.pleaseTakeANew')}</p>
        </section>
      );
  }
}

/** `/t/<token>`: one ticket, live, on the citizen's phone. */
export function TicketStatusPage({ token }: { token: string }) {
  const { t } = useLanguage();
  const text = useCitizenText();
  const { connection, view, invalid } = useTicketStatus(token);
  const called = view?.status === 'called';

  useEffect(() => {
    if (called && 'vibrate' in navigator) navigator.vibrate([300, 150, 300]);
  }, [called, view?.calledAt]);

  return (
    <div className="page">
      <header className="top">
        <span className="office">{view?.officeName ?? text('page.officeFallback')}</span>
        <LanguageSwitch />
      </header>
      <main className="status">
        {invalid ? (
          <section className="card card--warn" data-testid="invalid-link">
            <h1>{text('status.invalidLink')}</h1>
            <p>{text('status.thisLinkIsWrong')}</p>
          </section>
        ) : view ? (
          <>
            <p className="label-caption">{text('station.yourNumber')}</p>
            <p className="label" data-testid="ticket-label">
              {view.label}
            </p>
            <p className="service">{t(view.service)}</p>
            <StatusCard view={view} />
          </>
        ) : (
          <p className="loading">{text('booking.loading')}</p>
        )}
        {!invalid && (
          <p className={`live live--${connection}`} role="status" data-testid="live">
            {connection === 'online' ? text('status.live') : text('status.offline')}
          </p>
        )}
      </main>
    </div>
  );
}
