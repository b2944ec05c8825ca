import { LanguageSwitch, useLanguage } from '@motcua/ui';
import { useEffect } from 'react';
import { useTicketStatus, type TicketStatusView } from './ticketStatus';

function StatusCard({ view }: { view: TicketStatusView }) {
  const { t } = useLanguage();
  switch (view.status) {
    case 'waiting':
      return (
        <section className="card card--waiting" data-testid="status-waiting">
          {view.ahead === 0 ? (
            <p className="big" data-testid="ahead">
              {t({ vi: 'Ông/Bà là người tiếp theo', en: 'You are next' })}
            </p>
          ) : (
            <p className="big" data-testid="ahead">
              {t({ vi: `Còn ${view.ahead} người trước Ông/Bà`, en: `${view.ahead} ahead of you` })}
            </p>
          )}
          <p data-testid="position">
            {t({ vi: `Vị trí của Ông/Bà: thứ ${view.ahead + 1}`, en: `Your position: ${view.ahead + 1}` })}
          </p>
          <p>
            {view.ahead === 0
              ? t({
                  vi: 'Vui lòng chú ý màn hình và loa gọi số.',
                  en: 'Please watch the screen and listen for your number.',
                })
              : t({
                  vi: `Thời gian chờ dự kiến: khoảng ${view.etaMinutes} phút`,
                  en: `Estimated wait: about ${view.etaMinutes} min`,
                })}
          </p>
          {view.countersOpen === 0 && (
            <p className="note">
              {t({
                vi: 'Hiện chưa có quầy nào mở cho thủ tục này; thời gian chờ có thể lâu hơn.',
                en: 'No counter serves this service right now; the wait may be longer.',
              })}
            </p>
          )}
        </section>
      );
    case 'called':
    case 'serving':
      return (
        <section className="card card--called" data-testid="status-called" role="alert">
          <p className="big">
            {t({
              vi: `Mời Ông/Bà đến quầy ${view.counterNumber ?? ''}`,
              en: `Please go to counter ${view.counterNumber ?? ''}`,
            })}
          </p>
          {view.counterName && <p>{t(view.counterName)}</p>}
        </section>
      );
    case 'parked':
      return (
        <section className="card" data-testid="status-parked">
          <p className="big">{t({ vi: 'Hồ sơ đang tạm dừng – cán bộ sẽ gọi lại', en: 'Your file is on hold' })}</p>
          <p>
            {t({ vi: 'Cán bộ sẽ gọi lại Ông/Bà, vui lòng chờ.', en: 'The clerk will call you again; please wait.' })}
          </p>
        </section>
      );
    case 'finished':
      return (
        <section className="card card--done" data-testid="status-finished">
          <p className="big">{t({ vi: 'Đã hoàn thành', en: 'Done' })}</p>
          <p>{t({ vi: 'Cảm ơn Ông/Bà đã đến làm thủ tục.', en: 'Thank you for visiting.' })}</p>
        </section>
      );
    case 'noShow':
      return (
        <section className="card card--warn" data-testid="status-noshow">
          <p className="big">
            {t({ vi: 'Số của Ông/Bà đã qua lượt (vắng mặt khi được gọi)', en: 'You were skipped' })}
          </p>
          <p>
            {t({
              vi: 'Số của Ông/Bà đã được gọi nhưng Ông/Bà không có mặt. Vui lòng gặp cán bộ tại quầy để được xếp lại.',
              en: 'Your number was called but you were not there. Please see a clerk to be queued again.',
            })}
          </p>
        </section>
      );
    default:
      return (
        <section className="card card--warn" data-testid="status-ended">
          <p className="big">{t({ vi: 'Số thứ tự đã hết hiệu lực', en: 'This ticket is no longer valid' })}</p>
          <p>{t({ vi: 'Vui lòng lấy số mới tại máy lấy số.', en: 'Please take a new ticket at the kiosk.' })}</p>
        </section>
      );
  }
}

/** `/t/<token>`: one ticket, live, on the citizen's phone. */
export function TicketStatusPage({ token }: { token: string }) {
  const { t } = useLanguage();
  const { connection, view, invalid } = useTicketStatus(token);
  const called = view?.status === 'called';

  useEffect(() => {
    if (called && 'vibrate' in navigator) navigator.vibrate([300, 150, 300]);
  }, [called, view?.calledAt]);

  return (
    <div className="page">
      <header className="top">
        <span className="office">{view?.officeName ?? t({ vi: 'Bộ phận Một cửa', en: 'One-stop desk' })}</span>
        <LanguageSwitch />
      </header>
      <main className="status">
        {invalid ? (
          <section className="card card--warn" data-testid="invalid-link">
            <h1>{t({ vi: 'Liên kết không hợp lệ', en: 'Invalid link' })}</h1>
            <p>
              {t({
                vi: 'Liên kết này không đúng hoặc đã hết hạn. Vui lòng quét lại mã QR trên phiếu của Ông/Bà.',
                en: 'This link is wrong or has expired. Please scan the QR code on your ticket again.',
              })}
            </p>
          </section>
        ) : view ? (
          <>
            <p className="label-caption">{t({ vi: 'Số thứ tự của Ông/Bà', en: 'Your number' })}</p>
            <p className="label" data-testid="ticket-label">
              {view.label}
            </p>
            <p className="service">{t(view.service)}</p>
            <StatusCard view={view} />
          </>
        ) : (
          <p className="loading">{t({ vi: 'Đang tải…', en: 'Loading…' })}</p>
        )}
        {!invalid && (
          <p className={`live live--${connection}`} role="status" data-testid="live">
            {connection === 'online'
              ? t({ vi: '● Đang cập nhật trực tiếp', en: '● Live' })
              : t({ vi: 'Mất kết nối, đang thử lại…', en: 'Connection lost, retrying…' })}
          </p>
        )}
      </main>
    </div>
  );
}
