import type { ErrorCode } from './errors.js';
import { checkOpeningHours, localTime, nextOpeningAfterToday } from './officeTime.js';
import type { Service } from './schemas.js';
import type { QueueState } from './state.js';

/** Why a service gives no ticket now, with what the screen needs to say when to come back. */
export interface IssueRefusal {
  code: Extract<
    ErrorCode,
    | 'NOT_FOUND'
    | 'SERVICE_DAY_CLOSED'
    | 'SERVICE_CLOSED'
    | 'OUTSIDE_OPENING_HOURS'
    | 'OFFICE_HOLIDAY'
    | 'DAILY_CAP_REACHED'
  >;
  details?: { nextOpening?: string | null; dailyCap?: number };
}

/**
 * The rule for whether a service issues a ticket at `now`: the hub's `ticket.issue` refuses with it, and
 * the kiosk reads it from its copy of the state to explain before the citizen waits.
 */
export function serviceRefusal(state: QueueState, serviceId: string, now: number): IssueRefusal | null {
  const service = state.config.services[serviceId];
  if (!service) return { code: 'NOT_FOUND' };
  if (state.dayClosed) return { code: 'SERVICE_DAY_CLOSED' };
  if (!service.enabled) return { code: 'SERVICE_CLOSED' };
  const { office } = state.config;
  const hours = checkOpeningHours(now, serviceHours(state, service), office.timeZone, office.holidays);
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

const serviceHours = (state: QueueState, service: Service) => service.openingHours ?? state.config.office.openingHours;

/**
 * Whether the office gives any ticket now, for the kiosk's first screen. Closed when every enabled
 * service refuses: the day was closed, a holiday, outside opening hours, every service at its daily cap,
 * or a mix (`noService`). `nextOpening` is the earliest moment one of them issues again ("HH:MM" today or
 * "YYYY-MM-DD HH:MM"), null when none will by itself (every service switched off).
 */
export type OfficeIssueStatus =
  | { open: true }
  | {
      open: false;
      reason: 'dayClosed' | 'holiday' | 'outsideHours' | 'allCapped' | 'noService';
      nextOpening: string | null;
    };

export function officeIssueStatus(state: QueueState, now: number): OfficeIssueStatus {
  const services = Object.values(state.config.services).filter((s) => s.enabled);
  const refusals: { service: Service; refusal: IssueRefusal }[] = [];
  for (const service of services) {
    const refusal = serviceRefusal(state, service.id, now);
    if (!refusal) return { open: true };
    refusals.push({ service, refusal });
  }
  const { office } = state.config;
  const today = localTime(now, office.timeZone).date;
  const openings = refusals.flatMap(({ service, refusal }) => {
    // A capped service, or any after the day was closed early, opens again on the next working day.
    const next =
      refusal.details?.nextOpening ??
      nextOpeningAfterToday(now, serviceHours(state, service), office.timeZone, office.holidays);
    return next ? [next] : [];
  });
  // "HH:MM" is today: as "YYYY-MM-DD HH:MM" the openings sort by time.
  const comparable = (opening: string) => (opening.includes(' ') ? opening : `${today} ${opening}`);
  const nextOpening = openings.sort((a, b) => comparable(a).localeCompare(comparable(b)))[0] ?? null;
  const all = (code: IssueRefusal['code']) => refusals.length > 0 && refusals.every((r) => r.refusal.code === code);
  const reason = state.dayClosed
    ? 'dayClosed'
    : all('OFFICE_HOLIDAY')
      ? 'holiday'
      : all('OUTSIDE_OPENING_HOURS')
        ? 'outsideHours'
        : all('DAILY_CAP_REACHED')
          ? 'allCapped'
          : 'noService';
  return { open: false, reason, nextOpening };
}
