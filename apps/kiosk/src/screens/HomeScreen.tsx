import type { OfficeIssueStatus } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { officeClosedMessage } from '../kioskMessages';
import { useKioskText } from '../i18n/strings';

export function HomeScreen(props: {
  online: boolean;
  /** Whether any service gives a ticket now: when none does, the first screen says so and when to come back. */
  status: OfficeIssueStatus;
  bookingsOpen: boolean;
  onStart(): void;
  onCheckIn(): void;
  /** Straight to collecting a result, when the office has such a procedure. */
  onCollectResult: (() => void) | null;
}) {
  const { online, onStart, status } = props;
  const { t } = useLanguage();
  const text = useKioskText();
  return (
    <section className="kiosk-home">
      <p className="kiosk-welcome">{text('home.welcome')}</p>
      {status.open ? (
        <button type="button" className="kiosk-start" onClick={onStart} disabled={!online} data-testid="kiosk-start">
          <span className="kiosk-start-title">{text('home.takeTicket')}</span>
          <span className="kiosk-start-sub">
            {online ? text('home.touchToStart') : text('connection.reconnecting')}
          </span>
        </button>
      ) : (
        <div className="kiosk-closed" role="status" data-testid="kiosk-closed" data-reason={status.reason}>
          <span className="kiosk-closed-title">{t(officeClosedMessage(status).title)}</span>
          <span className="kiosk-closed-body">{t(officeClosedMessage(status).body)}</span>
        </div>
      )}
      {props.bookingsOpen ? (
        <button
          type="button"
          className="kiosk-checkin-start"
          onClick={props.onCheckIn}
          disabled={!online}
          data-testid="kiosk-checkin-start"
        >
          {text('home.checkIn')}
        </button>
      ) : null}
      {props.onCollectResult ? (
        <button
          type="button"
          className="kiosk-checkin-start"
          onClick={props.onCollectResult}
          disabled={!online}
          data-testid="kiosk-collect-result"
        >
          {text('home.collectResult')}
        </button>
      ) : null}
      <p className="kiosk-hint">{text('home.priorityHint')}</p>
    </section>
  );
}
