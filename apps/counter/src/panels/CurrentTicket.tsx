import type { QueueState, Ticket } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { formatDuration } from '../format';
import { useCounterText } from '../i18n/strings';

/** The ticket called or served at this counter and for how long, or what to press when there is none. */
export function CurrentTicket({
  state,
  counterId,
  ticket,
  now,
  canCallNext,
}: {
  state: QueueState;
  counterId: string;
  ticket: Ticket | null;
  now: number;
  canCallNext: boolean;
}) {
  const { t } = useLanguage();
  const text = useCounterText();
  if (!ticket) {
    const calledToday = state.recentCalls.some((call) => call.counterId === counterId);
    return (
      <div className="current__card current__card--idle" data-testid="current-ticket-idle">
        <span className="current__caption">
          {calledToday ? text('currentTicket.none') : text('currentTicket.noneYet')}
        </span>
        <span className="current__idle">—</span>
        {/* Only point at "Call next" when pressing it would do something. */}
        {canCallNext && (
          <span className="current__caption" data-testid="call-next-hint">
            {text('currentTicket.callNextHint')}
          </span>
        )}
      </div>
    );
  }
  const serving = ticket.status === 'serving';
  const since = serving ? (ticket.startedAt ?? ticket.calledAt ?? now) : (ticket.calledAt ?? now);
  const service = state.config.services[ticket.serviceId];
  const priority = state.config.priority.groups.find((g) => g.id === ticket.priorityGroup);
  return (
    <div className={`current__card current__card--${ticket.status}`} data-testid="current-ticket">
      <span className="current__caption">
        {serving
          ? text('currentTicket.serving', { label: ticket.label })
          : text('currentTicket.inviting', { label: ticket.label })}
        {ticket.recallCount > 0 && ` · ${text('currentTicket.recalled')} ${ticket.recallCount}×`}
      </span>
      <span className="current__label" data-testid="current-label">
        {ticket.label}
      </span>
      <span className="current__service">
        {service ? t(service.name) : ticket.serviceId}
        {priority && (
          <em className="badge" data-testid="current-priority">
            {t(priority.name)}
          </em>
        )}
      </span>
      <span className="current__timer" data-testid="current-timer">
        {formatDuration(now - since)}
      </span>
    </div>
  );
}
