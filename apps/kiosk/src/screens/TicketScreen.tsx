import { REPRINT_WINDOW_MS, reprintLimit, ticketById, type LocalizedName, type QueueState } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { TICKET_SCREEN_SECONDS, type TicketShown } from '../kioskFlow';
import { NO_COUNTER_OPEN } from '../kioskMessages';
import { kioskText } from '../i18n/strings';
import { NO_ANSWER_CODE, type PrintProgress } from '../ticketPrinting';
import { secondsLeft } from '../useIdleReturn';
import { useKioskText } from '../i18n/strings';

/** What the screen says while the ticket waits for the printer or prints. */
function printingMessage(progress: PrintProgress | undefined): LocalizedName {
  if (progress?.status === 'queued' && (progress.ahead ?? 0) > 0) {
    return kioskText('ticket.printerBusy', { ahead: progress.ahead ?? 0 });
  }
  return kioskText('ticket.printing');
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
  const text = useKioskText();
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
        <p className="kiosk-ticket-caption">{text('ticket.caption')}</p>
        <p className="kiosk-ticket-label" data-testid="kiosk-ticket-label">
          {ticket.label}
        </p>
        {group ? <p className="kiosk-ticket-priority">{text('ticket.priority', { group: group.name })}</p> : null}
        <p className="kiosk-ticket-service">{service ? t(service.name) : ticket.serviceId}</p>
        <dl className="kiosk-ticket-facts">
          <div>
            <dt>{text('ticket.ahead')}</dt>
            <dd data-testid="kiosk-ticket-ahead">{issued.ahead ?? 0}</dd>
          </div>
          <div>
            <dt>{text('ticket.estimatedWait')}</dt>
            <dd data-testid="kiosk-ticket-eta" className={issued.noCounterOpen ? 'kiosk-ticket-fact-note' : undefined}>
              {issued.noCounterOpen
                ? t(NO_COUNTER_OPEN)
                : (issued.etaMinutes ?? 0) < 1
                  ? text('ticket.underAMinute')
                  : text('ticket.aboutMinutes', { minutes: issued.etaMinutes ?? 0 })}
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
              : text('ticket.takeIt')}
          {printerProblem && showTicket ? (
            <span className="kiosk-print-status-sub">{text('ticket.staffTold')}</span>
          ) : null}
        </div>
        <div className="kiosk-ticket-actions">
          {inReprintWindow && reprintsLeft > 0 ? (
            <button type="button" className="kiosk-secondary" onClick={props.onReprint} data-testid="kiosk-reprint">
              {text('ticket.reprint')}
            </button>
          ) : null}
          {inReprintWindow && reprintsLeft <= 0 ? (
            <p className="kiosk-reprint-limit" data-testid="kiosk-reprint-limit">
              {text('ticket.reprintLimit')}
            </p>
          ) : null}
          <button type="button" className="kiosk-primary" onClick={props.onDone} data-testid="kiosk-done">
            {text('ticket.done')}
          </button>
        </div>
        {print.phase === 'done' ? (
          <p className="kiosk-countdown">{text('nav.returnIn', { seconds: returnIn })}</p>
        ) : null}
      </div>
      {showTicket && preview ? (
        <figure className="kiosk-ticket-preview">
          <img src={preview} alt={text('ticket.preview')} data-testid="kiosk-preview" />
        </figure>
      ) : null}
    </section>
  );
}
