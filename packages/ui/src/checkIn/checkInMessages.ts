import type { CheckInReply, LocalizedName } from '@motcua/core';
import { localizedText } from '../i18n/catalogue.js';
import { uiStrings } from '../i18n/strings.js';

export type { CheckInReply } from '@motcua/core';

export type CheckInSuccess = Extract<CheckInReply, { ok: true }>;

/** What the citizen is told after a check-in: served at the booked time, or queued as a walk-in. */
export function checkInNotice(reply: CheckInSuccess): LocalizedName {
  const values = { slot: reply.slot, label: reply.ticket.label };
  return localizedText(uiStrings[reply.arrival === 'onTime' ? 'checkIn.onTime' : 'checkIn.late'], values);
}

/** Why a check-in was refused, with what to do next. */
export function checkInRefusal(reply: Exclude<CheckInReply, { ok: true }>): LocalizedName {
  const details = reply.details ?? {};
  const slot = String(details.slot ?? '');
  switch (reply.code) {
    case 'APPOINTMENT_TOO_EARLY':
      return localizedText(uiStrings['checkIn.tooEarly'], { slot, checkInFrom: String(details.checkInFrom ?? '') });
    case 'APPOINTMENT_NOT_TODAY': {
      const [y, m, d] = String(details.day ?? '').split('-');
      return localizedText(uiStrings['checkIn.notToday'], { slot, day: `${d}/${m}/${y}` });
    }
    default:
      return { vi: reply.message, en: reply.messageEn ?? reply.message };
  }
}
