import { checkOpeningHours, type ErrorCode, type QueueState } from '@motcua/core';

export interface Refusal {
  code: ErrorCode;
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Why this service gives no ticket now, read from the local copy of the hub's state, so the kiosk
 * explains it before the citizen waits; the hub checks the same rules again when issuing.
 */
export function serviceRefusal(state: QueueState, serviceId: string, now: number): Refusal | null {
  const service = state.config.services[serviceId];
  if (!service) return { code: 'NOT_FOUND' };
  if (state.dayClosed) return { code: 'SERVICE_DAY_CLOSED' };
  if (!service.enabled) return { code: 'SERVICE_CLOSED' };
  const { office } = state.config;
  const hours = checkOpeningHours(now, service.openingHours ?? office.openingHours, office.timeZone, office.holidays);
  if (!hours.open) {
    return {
      code: hours.reason === 'holiday' ? 'OFFICE_HOLIDAY' : 'OUTSIDE_OPENING_HOURS',
      details: { nextOpening: hours.nextOpening },
    };
  }
  if (service.dailyCap > 0 && (state.issuedToday[service.id] ?? 0) >= service.dailyCap) {
    return { code: 'DAILY_CAP_REACHED', details: { dailyCap: service.dailyCap } };
  }
  return null;
}
