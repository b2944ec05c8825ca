import type { OfficeIssueStatus } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { officeClosedMessage } from '../kioskMessages';

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
  return (
    <section className="kiosk-home">
      <p className="kiosk-welcome">{t({ vi: 'Kính chào quý khách', en: 'Welcome' })}</p>
      {status.open ? (
        <button type="button" className="kiosk-start" onClick={onStart} disabled={!online} data-testid="kiosk-start">
          <span className="kiosk-start-title">{t({ vi: 'Lấy số thứ tự', en: 'Take a ticket' })}</span>
          <span className="kiosk-start-sub">
            {online
              ? t({ vi: 'Chạm vào đây để bắt đầu', en: 'Touch here to start' })
              : t({ vi: 'Hệ thống đang kết nối lại…', en: 'Reconnecting to the system…' })}
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
          {t({ vi: 'Đã đặt lịch hẹn? Quét mã tại đây', en: 'Booked online? Scan your code here' })}
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
          {t({ vi: 'Nhận kết quả hồ sơ: quét mã phiếu hẹn', en: 'Collect a result: scan your receipt' })}
        </button>
      ) : null}
      <p className="kiosk-hint">
        {t({
          vi: 'Người cao tuổi, người khuyết tật, phụ nữ mang thai được ưu tiên. Cần giúp đỡ, vui lòng hỏi cán bộ.',
          en: 'Elderly and disabled people and pregnant women are served first. Ask a staff member for help.',
        })}
      </p>
    </section>
  );
}
