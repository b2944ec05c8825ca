import {
  countersServing,
  estimatedWaitMinutes,
  formatTicketLabel,
  serviceQueueSummary,
  serviceRefusal,
  type QueueState,
  type Service,
} from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { NO_COUNTER_OPEN, refusalMessage } from '../kioskMessages';
import { useKioskText } from '../i18n/strings';

/** One procedure with how long its line is now, or core's reason it gives no ticket. */
export function ServiceButton(props: {
  state: QueueState;
  service: Service;
  now: number;
  onService(service: Service): void;
}) {
  const { t } = useLanguage();
  const text = useKioskText();
  const { state, service } = props;
  const refusal = serviceRefusal(state, service.id, props.now);
  const waiting = serviceQueueSummary(state, service.id).waiting;
  const note = refusal
    ? t(refusalMessage(refusal).title)
    : countersServing(state, service.id).length === 0
      ? t(NO_COUNTER_OPEN)
      : waiting === 0
        ? text('service.nobodyWaiting')
        : text('service.waiting', { waiting, minutes: estimatedWaitMinutes(state, service.id, waiting) });
  return (
    <button
      type="button"
      className={`kiosk-service${refusal ? ' kiosk-service--closed' : ''}`}
      onClick={() => props.onService(service)}
      data-service-id={service.id}
    >
      <span className="kiosk-service-prefix" aria-hidden="true">
        {formatTicketLabel(service, service.rangeFrom).replace(/\d+$/, '') || '#'}
      </span>
      <span className="kiosk-service-text">
        <span className="kiosk-service-name">{t(service.name)}</span>
        <span className="kiosk-service-note">{note}</span>
      </span>
    </button>
  );
}
