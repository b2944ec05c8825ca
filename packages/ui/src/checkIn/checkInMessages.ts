import type { CheckInReply, LocalizedName } from '@motcua/core';

export type { CheckInReply } from '@motcua/core';

export type CheckInSuccess = Extract<CheckInReply, { ok: true }>;

/** What the citizen is told after a check-in: served at the booked time, or queued as a walk-in. */
export function checkInNotice(reply: CheckInSuccess): LocalizedName {
  if (reply.arrival === 'onTime') {
    return {
      vi: `Ông/Bà được xếp theo giờ hẹn ${reply.slot}. Số của Ông/Bà: ${reply.ticket.label}.`,
      en: `You are queued at your booked time ${reply.slot}. Your number: ${reply.ticket.label}.`,
    };
  }
  return {
    vi: `Ông/Bà đến muộn so với giờ hẹn ${reply.slot}, nên được xếp như người đến trực tiếp. Số của Ông/Bà: ${reply.ticket.label}.`,
    en: `You are late for your ${reply.slot} booking, so you are queued like a walk-in. Your number: ${reply.ticket.label}.`,
  };
}

/** Why a check-in was refused, with what to do next. */
export function checkInRefusal(reply: Exclude<CheckInReply, { ok: true }>): LocalizedName {
  const details = reply.details ?? {};
  switch (reply.code) {
    case 'APPOINTMENT_TOO_EARLY':
      return {
        vi: `Ông/Bà đến sớm so với giờ hẹn ${String(details.slot ?? '')}. Vui lòng quét lại mã từ ${String(details.checkInFrom ?? '')}, hoặc lấy số thường.`,
        en: `You are early for your ${String(details.slot ?? '')} booking. Please scan again from ${String(details.checkInFrom ?? '')}, or take a regular ticket.`,
      };
    case 'APPOINTMENT_NOT_TODAY': {
      const [y, m, d] = String(details.day ?? '').split('-');
      return {
        vi: `Lịch hẹn của Ông/Bà là ngày ${d}/${m}/${y} lúc ${String(details.slot ?? '')}. Vui lòng quay lại đúng ngày hẹn, hoặc lấy số thường.`,
        en: `Your booking is for ${d}/${m}/${y} at ${String(details.slot ?? '')}. Please come back that day, or take a regular ticket.`,
      };
    }
    default:
      return { vi: reply.message, en: reply.messageEn ?? reply.message };
  }
}
