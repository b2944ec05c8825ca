import { REPRINT_WINDOW_MS, reprintLimit, ticketById, type LocalizedName, type QueueState } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { TICKET_SCREEN_SECONDS, type TicketShown } from '../kioskFlow';
import { NO_COUNTER_OPEN } from '../kioskMessages';
import { NO_ANSWER_CODE, type PrintProgress } from '../ticketPrinting';
import { secondsLeft } from '../useIdleReturn';

/** What the screen says while the ticket waits for the printer or prints. */
function printingMessage(progress: PrintProgress | undefined): LocalizedName {
  if (progress?.status === 'queued' && (progress.ahead ?? 0) > 0) {
    return {
      vi: `Máy in đang in vé khác. Vé của Ông/Bà sẽ in sau ${progress.ahead} vé, vui lòng chờ…`,
      en: `The printer is busy. Your ticket prints after ${progress.ahead} more, please wait…`,
    };
  }
  return { vi: 'Đang in vé, vui lòng chờ…', en: 'Printing your ticket, please wait…' };
}

/** The issued number, the line ahead and the wait, how printing went, and a reprint while it is allowed. */
export function TicketScreen(props: {
  state: QueueState;
  screen: TicketShown;
  now: number;
  hubNow: number;
  onReprint(): void;
  onDone(): void;
}) {
  const { t } = useLanguage();
  const { issued, print, preview } = props.screen;
  const ticket = issued.ticket!;
  const service = props.state.config.services[ticket.serviceId];
  const group = props.state.config.priority.groups.find((g) => g.id === ticket.priorityGroup);
  const failed = print.phase === 'done' && !print.reply.ok ? print.reply : null;
  const printerProblem =
    failed && (failed.code.startsWith('PRINTER_') || failed.code === NO_ANSWER_CODE) ? failed : null;
  const showTicket = !printerProblem || props.state.config.kiosk.showTicketWhenPrinterFails;
  const reprintsLeft = reprintLimit(props.state) - (ticketById(props.state, ticket.id)?.reprints ?? 0);
  const inReprintWindow = print.phase === 'done' && props.hubNow - ticket.issuedAt < REPRINT_WINDOW_MS;
  const returnIn = Math.min(
    TICKET_SCREEN_SECONDS,
    secondsLeft(props.screen.shownAt + TICKET_SCREEN_SECONDS * 1000, props.now),
  );
  return (
    <section
      className="kiosk-ticket"
      data-testid="kiosk-ticket"
      data-ticket-id={ticket.id}
      data-status-url={issued.statusUrl ?? ''}
    >
      <div className="kiosk-ticket-main">
        {props.screen.notice ? (
          <p className="kiosk-ticket-notice" data-testid="kiosk-ticket-notice">
            {t(props.screen.notice)}
          </p>
        ) : null}
        <p className="kiosk-ticket-caption">{t({ vi: 'Số thứ tự của Ông/Bà', en: 'Your ticket number' })}</p>
        <p className="kiosk-ticket-label" data-testid="kiosk-ticket-label">
          {ticket.label}
        </p>
        {group ? (
          <p className="kiosk-ticket-priority">
            {t({ vi: `Ưu tiên – ${group.name.vi}`, en: `Priority – ${group.name.en || group.name.vi}` })}
          </p>
        ) : null}
        <p className="kiosk-ticket-service">{service ? t(service.name) : ticket.serviceId}</p>
        <dl className="kiosk-ticket-facts">
          <div>
            <dt>{t({ vi: 'Số người chờ trước Ông/Bà', en: 'People ahead of you' })}</dt>
            <dd data-testid="kiosk-ticket-ahead">{issued.ahead ?? 0}</dd>
          </div>
          <div>
            <dt>{t({ vi: 'Thời gian chờ dự kiến', en: 'Estimated wait' })}</dt>
            <dd data-testid="kiosk-ticket-eta" className={issued.noCounterOpen ? 'kiosk-ticket-fact-note' : undefined}>
              {issued.noCounterOpen
                ? t(NO_COUNTER_OPEN)
                : (issued.etaMinutes ?? 0) < 1
                  ? t({ vi: 'dưới 1 phút', en: 'under 1 min' })
                  : t({ vi: `khoảng ${issued.etaMinutes} phút`, en: `about ${issued.etaMinutes} min` })}
            </dd>
          </div>
        </dl>
        <div
          className={`kiosk-print-status kiosk-print-status--${print.phase === 'printing' ? 'printing' : failed ? 'failed' : 'ok'}`}
          role="status"
          data-testid="kiosk-print-status"
          data-code={failed?.code ?? ''}
        >
          {print.phase === 'printing'
            ? t(printingMessage(print.progress))
            : failed
              ? t({ vi: failed.message, en: failed.messageEn })
              : t({ vi: 'Vui lòng nhận vé ở khe bên dưới.', en: 'Please take your ticket from the slot below.' })}
          {printerProblem && showTicket ? (
            <span className="kiosk-print-status-sub">
              {t({
                vi: 'Cán bộ đã được thông báo. Hãy ghi nhớ số hoặc chụp ảnh mã QR trên màn hình.',
                en: 'Staff have been told. Remember your number or take a photo of the QR code on screen.',
              })}
            </span>
          ) : null}
        </div>
        <div className="kiosk-ticket-actions">
          {inReprintWindow && reprintsLeft > 0 ? (
            <button type="button" className="kiosk-secondary" onClick={props.onReprint} data-testid="kiosk-reprint">
              {t({ vi: 'In lại vé', en: 'Print again' })}
            </button>
          ) : null}
          {inReprintWindow && reprintsLeft <= 0 ? (
            <p className="kiosk-reprint-limit" data-testid="kiosk-reprint-limit">
              {t({
                vi: 'Vé đã được in lại đủ số lần cho phép. Cần thêm bản in, vui lòng báo cán bộ.',
                en: 'This ticket has been reprinted as often as allowed. For another copy, please ask a staff member.',
              })}
            </p>
          ) : null}
          <button type="button" className="kiosk-primary" onClick={props.onDone} data-testid="kiosk-done">
            {t({ vi: 'Xong', en: 'Done' })}
          </button>
        </div>
        {print.phase === 'done' ? (
          <p className="kiosk-countdown">
            {t({ vi: `Tự động quay lại sau ${returnIn} giây`, en: `Returning in ${returnIn} s` })}
          </p>
        ) : null}
      </div>
      {showTicket && preview ? (
        <figure className="kiosk-ticket-preview">
          <img
            src={preview}
            alt={t({ vi: 'Vé số thứ tự (bản in)', en: 'The printed ticket' })}
            data-testid="kiosk-preview"
          />
        </figure>
      ) : null}
    </section>
  );
}
