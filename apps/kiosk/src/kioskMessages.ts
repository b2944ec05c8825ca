import { errorMessages, isoDateSchema, type ErrorCode, type LocalizedName } from '@motcua/core';
import type { Refusal } from './serviceAvailability';

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
    return { vi: `${second} ngày ${d}/${m}/${y}`, en: `${second} on ${d}/${m}/${y}` };
  }
  return { vi: `${nextOpening} hôm nay`, en: `${nextOpening} today` };
}

const ASK_STAFF: LocalizedName = { vi: 'Vui lòng hỏi cán bộ hướng dẫn.', en: 'Please ask a staff member for help.' };

/** A refusal in words a citizen can act on, Vietnamese first. */
export function refusalMessage(refusal: Refusal): KioskMessage {
  const code: ErrorCode = refusal.code;
  switch (code) {
    case 'DAILY_CAP_REACHED':
      return {
        title: { vi: 'Đã hết số thứ tự hôm nay', en: 'No more tickets today' },
        body: errorMessages.DAILY_CAP_REACHED,
      };
    case 'OUTSIDE_OPENING_HOURS': {
      const when = comeBackAt(refusal.details?.nextOpening);
      return {
        title: { vi: 'Ngoài giờ tiếp nhận hồ sơ', en: 'Outside opening hours' },
        body: when
          ? { vi: `Vui lòng quay lại lúc ${when.vi}.`, en: `Please come back at ${when.en}.` }
          : { vi: 'Vui lòng quay lại trong giờ làm việc.', en: 'Please come back during opening hours.' },
      };
    }
    case 'OFFICE_HOLIDAY': {
      const when = comeBackAt(refusal.details?.nextOpening);
      return {
        title: { vi: 'Hôm nay là ngày nghỉ', en: 'The office is closed today' },
        body: when
          ? { vi: `Vui lòng quay lại lúc ${when.vi}.`, en: `Please come back at ${when.en}.` }
          : errorMessages.OFFICE_HOLIDAY,
      };
    }
    case 'SERVICE_CLOSED':
      return {
        title: { vi: 'Thủ tục này đang tạm dừng tiếp nhận', en: 'This procedure is not taking tickets now' },
        body: {
          vi: 'Vui lòng chọn thủ tục khác hoặc hỏi cán bộ hướng dẫn.',
          en: 'Please choose another procedure or ask a staff member.',
        },
      };
    case 'SERVICE_DAY_CLOSED':
      return {
        title: { vi: 'Đã kết thúc ngày làm việc', en: 'The working day is over' },
        body: errorMessages.SERVICE_DAY_CLOSED,
      };
    case 'TIMEOUT':
    case 'STORE_BUSY':
      return {
        title: { vi: 'Hệ thống đang kết nối lại…', en: 'Reconnecting to the system…' },
        body: {
          vi: 'Chưa cấp số thứ tự. Vui lòng thử lại sau giây lát.',
          en: 'No ticket was issued. Please try again in a moment.',
        },
      };
    case 'RATE_LIMITED':
      return {
        title: { vi: 'Vui lòng chờ giây lát', en: 'Please wait a moment' },
        body: {
          vi: 'Chưa cấp số thứ tự. Vui lòng thử lại sau vài giây.',
          en: 'No ticket was issued. Please try again in a few seconds.',
        },
      };
    default:
      return {
        title: { vi: 'Chưa lấy được số thứ tự', en: 'No ticket was issued' },
        body: { vi: `${errorMessages[code].vi} ${ASK_STAFF.vi}`, en: `${errorMessages[code].en} ${ASK_STAFF.en}` },
      };
  }
}
