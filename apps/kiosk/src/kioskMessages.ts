import { errorMessages, isoDateSchema, type ErrorCode, type LocalizedName, type OfficeIssueStatus } from '@motcua/core';
import { kioskText, type KioskStringKey } from './i18n/strings';

/** Why no ticket was issued: core's serviceRefusal read locally, or the hub's error reply. */
export interface Refusal {
  code: ErrorCode;
  details?: Record<string, string | number | boolean | null | undefined>;
}

export interface KioskMessage {
  title: LocalizedName;
  /** What happened, then what to do next. */
  body: LocalizedName;
}

/** "13:30" today, or "07:30 ngày 01/12/2026" on a later day, from checkOpeningHours' nextOpening. */
export function comeBackAt(nextOpening: unknown): LocalizedName | null {
  if (typeof nextOpening !== 'string' || nextOpening === '') return null;
  const [first, second] = nextOpening.split(' ');
  if (second && first && isoDateSchema.safeParse(first).success) {
    const [y, m, d] = first.split('-');
    return kioskText('when.onDay', { time: second, day: `${d}/${m}/${y}` });
  }
  return kioskText('when.today', { time: nextOpening });
}

/** A refusal in words a citizen can act on, Vietnamese first. */
export function refusalMessage(refusal: Refusal): KioskMessage {
  const code: ErrorCode = refusal.code;
  switch (code) {
    case 'DAILY_CAP_REACHED':
      return { title: kioskText('refusal.capReached'), body: errorMessages.DAILY_CAP_REACHED };
    case 'OUTSIDE_OPENING_HOURS': {
      const when = comeBackAt(refusal.details?.nextOpening);
      return {
        title: kioskText('refusal.outsideHours'),
        body: when ? kioskText('refusal.comeBackAt', { when }) : kioskText('refusal.comeBackInHours'),
      };
    }
    case 'OFFICE_HOLIDAY': {
      const when = comeBackAt(refusal.details?.nextOpening);
      return {
        title: kioskText('refusal.holiday'),
        body: when ? kioskText('refusal.comeBackAt', { when }) : errorMessages.OFFICE_HOLIDAY,
      };
    }
    case 'SERVICE_CLOSED':
      return { title: kioskText('refusal.serviceClosed'), body: kioskText('refusal.chooseAnother') };
    case 'SERVICE_DAY_CLOSED':
      return { title: kioskText('refusal.dayClosed'), body: errorMessages.SERVICE_DAY_CLOSED };
    case 'TIMEOUT':
    case 'STORE_BUSY':
      return { title: kioskText('connection.reconnecting'), body: kioskText('refusal.notIssuedRetry') };
    case 'RATE_LIMITED':
      return { title: kioskText('refusal.waitAMoment'), body: kioskText('refusal.notIssuedFewSeconds') };
    default:
      return {
        title: kioskText('refusal.notIssued'),
        body: kioskText('refusal.coreAndAskStaff', { reason: errorMessages[code] }),
      };
  }
}

const OFFICE_CLOSED_TITLES: Record<Extract<OfficeIssueStatus, { open: false }>['reason'], KioskStringKey> = {
  dayClosed: 'refusal.dayClosed',
  holiday: 'refusal.holiday',
  outsideHours: 'refusal.outsideHours',
  allCapped: 'refusal.capReached',
  noService: 'refusal.noService',
};

/** The kiosk's first screen when no service issues a ticket: why, and when to come back. */
export function officeClosedMessage(status: Extract<OfficeIssueStatus, { open: false }>): KioskMessage {
  const when = comeBackAt(status.nextOpening);
  return {
    title: kioskText(OFFICE_CLOSED_TITLES[status.reason]),
    body: when ? kioskText('refusal.reopensAt', { when }) : kioskText('refusal.askStaff'),
  };
}

/** Said instead of an estimate when no counter with a clerk serves the procedure: no false promise. */
export const NO_COUNTER_OPEN: LocalizedName = kioskText('service.noCounterOpen');

/** "3 thủ tục" / "1 procedure, 3 procedures": Vietnamese has no plural, English does. */
export function procedureCount(count: number): LocalizedName {
  return kioskText(count === 1 ? 'fields.procedureCount.one' : 'fields.procedureCount.many', { count });
}
