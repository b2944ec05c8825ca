import { useLanguage } from '@motcua/ui';
import { MESSAGE_SCREEN_SECONDS } from '../kioskFlow';
import { refusalMessage, type Refusal } from '../kioskMessages';
import { secondsLeft } from '../useIdleReturn';
import { useKioskText } from '../i18n/strings';

/** Why there is no ticket and what to do next, then back home by itself. */
export function RefusedScreen(props: { refusal: Refusal; shownAt: number; now: number; onDone(): void }) {
  const { t } = useLanguage();
  const text = useKioskText();
  const message = refusalMessage(props.refusal);
  const returnIn = Math.min(
    MESSAGE_SCREEN_SECONDS,
    secondsLeft(props.shownAt + MESSAGE_SCREEN_SECONDS * 1000, props.now),
  );
  return (
    <section className="kiosk-center kiosk-refused" data-testid="kiosk-refused" data-code={props.refusal.code}>
      <div className="kiosk-refused-icon" aria-hidden="true">
        !
      </div>
      <h1>{t(message.title)}</h1>
      <p className="kiosk-lead">{t(message.body)}</p>
      <button type="button" className="kiosk-primary" onClick={props.onDone}>
        {text('nav.backToStart')}
      </button>
      <p className="kiosk-countdown">{text('nav.returnIn', { seconds: returnIn })}</p>
    </section>
  );
}
