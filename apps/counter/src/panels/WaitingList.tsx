import type { QueueState, Ticket } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import type { ActionAvailability } from '../counterActions';
import { minutesSince } from '../format';
import { counterText, useCounterText } from '../i18n/strings';

/** The line this counter calls from, in call order; one can be chosen (↑↓ or a click) and called out of turn. */
export function WaitingList(props: {
  state: QueueState;
  counterId: string;
  waiting: Ticket[];
  selectedId: string | undefined;
  now: number;
  callChosen: ActionAvailability;
  onSelect(index: number): void;
  onCall(ticketId: string): void;
}) {
  const { t } = useLanguage();
  const text = useCounterText();
  const { state, counterId, waiting, now, callChosen } = props;
  return (
    <>
      <div className="queue__head">
        <h2>
          {text('serviceSummaries.waiting')} <span data-testid="waiting-count">{waiting.length}</span>
        </h2>
        <small>{text('waitingList.keysHint')}</small>
      </div>
      <ol className="queue__list" data-testid="waiting-list">
        {waiting.length === 0 && <li className="queue__empty">{text('waitingList.empty')}</li>}
        {waiting.slice(0, 50).map((w, index) => (
          <li
            key={w.id}
            className={`queue__item${w.id === props.selectedId ? ' queue__item--selected' : ''}`}
            data-testid="waiting-ticket"
            data-label={w.label}
            onClick={() => props.onSelect(index)}
          >
            <span className="queue__label">{w.label}</span>
            <span className="queue__service">
              {t(state.config.services[w.serviceId]?.name ?? { vi: w.serviceId, en: '' })}
              {w.priorityGroup && (
                <em className="badge">
                  {t(
                    state.config.priority.groups.find((g) => g.id === w.priorityGroup)?.name ??
                      counterText('waitingList.priority'),
                  )}
                </em>
              )}
              {w.targetCounterId === counterId && <em className="badge badge--info">{text('waitingList.sentHere')}</em>}
            </span>
            <span className="queue__wait">{minutesSince(w.issuedAt, now)}′</span>
            <button
              type="button"
              className="btn btn--small"
              disabled={!callChosen.enabled}
              title={callChosen.reason ? t(callChosen.reason) : undefined}
              onClick={() => props.onCall(w.id)}
              data-testid={`call-chosen-${w.label}`}
            >
              {text('waitingList.call')}
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
