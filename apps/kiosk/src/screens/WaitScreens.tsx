import { useLanguage } from '@motcua/ui';

/** No state from the hub yet (or any more): nothing to choose from. */
export function ConnectingScreen() {
  const { t } = useLanguage();
  return (
    <section className="kiosk-center" data-testid="kiosk-connecting">
      <h1>{t({ vi: 'Hệ thống đang kết nối lại…', en: 'Reconnecting to the system…' })}</h1>
      <p className="kiosk-lead">{t({ vi: 'Vui lòng chờ trong giây lát.', en: 'Please wait a moment.' })}</p>
    </section>
  );
}

/** Between the touch and the hub's answer to `ticket.issue`. */
export function IssuingScreen() {
  const { t } = useLanguage();
  return (
    <section className="kiosk-center" data-testid="kiosk-issuing">
      <div className="kiosk-spinner" aria-hidden="true" />
      <h1>{t({ vi: 'Đang lấy số thứ tự…', en: 'Getting your ticket…' })}</h1>
    </section>
  );
}
