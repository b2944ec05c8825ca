import { useKioskText } from '../i18n/strings';

/** No state from the hub yet (or any more): nothing to choose from. */
export function ConnectingScreen() {
  const text = useKioskText();
  return (
    <section className="kiosk-center" data-testid="kiosk-connecting">
      <h1>{text('connection.reconnecting')}</h1>
      <p className="kiosk-lead">{text('connection.pleaseWait')}</p>
    </section>
  );
}

/** Between the touch and the hub's answer to `ticket.issue`. */
export function IssuingScreen() {
  const text = useKioskText();
  return (
    <section className="kiosk-center" data-testid="kiosk-issuing">
      <div className="kiosk-spinner" aria-hidden="true" />
      <h1>{text('issuing.title')}</h1>
    </section>
  );
}
