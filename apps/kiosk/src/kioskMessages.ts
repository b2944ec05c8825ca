import { errorMessages, isoDateSchema, type ErrorCode, type LocalizedName, type OfficeIssueStatus } from '@motcua/core';

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

const OFFICE_CLOSED_TITLES: Record<Extract<OfficeIssueStatus, { open: false }>['reason'], LocalizedName> = {
  dayClosed: { vi: 'Đã kết thúc ngày làm việc', en: 'The working day is over' },
  holiday: { vi: 'Hôm nay là ngày nghỉ', en: 'The office is closed today' },
  outsideHours: { vi: 'Ngoài giờ tiếp nhận hồ sơ', en: 'Outside opening hours' },
  allCapped: { vi: 'Đã hết số thứ tự hôm nay', en: 'No more tickets today' },
  noService: { vi: 'Hiện chưa tiếp nhận thủ tục nào', en: 'No procedure is taking tickets now' },
};

/** The kiosk's first screen when no service issues a ticket: why, and when to come back. */
export function officeClosedMessage(status: Extract<OfficeIssueStatus, { open: false }>): KioskMessage {
  const when = comeBackAt(status.nextOpening);
  return {
    title: OFFICE_CLOSED_TITLES[status.reason],
    body: when
      ? {
          vi: `Bộ phận một cửa tiếp nhận lại lúc ${when.vi}. Kính mời Ông/Bà quay lại.`,
          en: `Tickets are issued again at ${when.en}. Please come back then.`,
        }
      : ASK_STAFF,
  };
}

/** Said instead of an estimate when no counter with a clerk serves the procedure: no false promise. */
export const NO_COUNTER_OPEN: LocalizedName = {
  vi: 'Hiện chưa có quầy tiếp nhận thủ tục này, vui lòng chờ hoặc hỏi cán bộ hướng dẫn',
  en: 'No counter is taking this procedure right now; please wait or ask a staff member',
};

/** "3 thủ tục" / "1 procedure, 3 procedures": Vietnamese has no plural, English does. */
export function procedureCount(count: number): LocalizedName {
  return { vi: `${count} thủ tục`, en: `${count} ${count === 1 ? 'procedure' : 'procedures'}` };
}
