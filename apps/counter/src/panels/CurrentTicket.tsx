import type { QueueState, Ticket } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { formatDuration } from '../format';

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
  if (!ticket) {
    const calledToday = state.recentCalls.some((call) => call.counterId === counterId);
    return (
      <div className="current__card current__card--idle" data-testid="current-ticket-idle">
        <span className="current__caption">
          {calledToday
            ? t({ vi: 'Không có số đang phục vụ', en: 'No ticket at the counter' })
            : t({ vi: 'Chưa gọi số nào', en: 'No ticket called yet' })}
        </span>
        <span className="current__idle">—</span>
        {/* Only point at "Call next" when pressing it would do something. */}
        {canCallNext && (
          <span className="current__caption" data-testid="call-next-hint">
            {t({ vi: 'Bấm "Gọi số tiếp" (phím N) để mời công dân', en: 'Press "Call next" (key N) to call a citizen' })}
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
          ? t({ vi: `Đang phục vụ số ${ticket.label}`, en: `Serving ${ticket.label}` })
          : t({ vi: `Đang mời số ${ticket.label}`, en: `Calling ${ticket.label}` })}
        {ticket.recallCount > 0 && ` · ${t({ vi: 'đã gọi lại', en: 'recalled' })} ${ticket.recallCount}×`}
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
