import { serviceQueueSummary, type QueueState } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { minutesSince } from '../format';
import { useCounterText } from '../i18n/strings';

/** Per procedure this counter takes: how many wait and the longest wait. */
export function ServiceSummaries({ state, counterId, now }: { state: QueueState; counterId: string; now: number }) {
  const { t } = useLanguage();
  const text = useCounterText();
  const counter = state.config.counters[counterId];
  if (!counter) return null;
  return (
    <table className="summary" data-testid="service-summaries">
      <thead>
        <tr>
          <th>{text('serviceSummaries.procedure')}</th>
          <th>{text('serviceSummaries.waiting')}</th>
          <th>{text('serviceSummaries.longestWait')}</th>
        </tr>
      </thead>
      <tbody>
        {counter.serviceIds.map((serviceId) => {
          const summary = serviceQueueSummary(state, serviceId);
          const service = state.config.services[serviceId];
          return (
            <tr key={serviceId} data-testid={`summary-${serviceId}`}>
              <td>{service ? t(service.name) : serviceId}</td>
              <td className="num" data-testid="summary-waiting">
                {summary.waiting}
              </td>
              <td className="num">
                {summary.longestWaitingSince === null
                  ? '—'
                  : `${minutesSince(summary.longestWaitingSince, now)} ${text('serviceSummaries.min')}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
