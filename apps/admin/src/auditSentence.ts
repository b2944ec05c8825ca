import { localizedText } from '@motcua/ui';
import {
  errorMessages,
  ratingAnswerNames,
  ratingBallotOf,
  ratingScales,
  type ErrorCode,
  type OfficeConfig,
  type StoredRatingAnswer,
} from '@motcua/core';
import type { LocalizedText } from './localized';
import { adminStrings } from './i18n/strings';

/** One entry of GET /api/audit. */
export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  type: string;
  event: Record<string, unknown>;
  ticketLabel: string | null;
}

/** One entry of GET /api/audit/sign-ins: a refused sign-in (nothing changed, so it is not an event). */
export interface SignInLogEntry {
  id: number;
  at: number;
  outcome: 'failed' | 'throttled';
  code: string;
  username: string;
  address: string;
  retryAfterSeconds: number | null;
}

/** "Nguyễn Thị Lan", "Máy lấy số sảnh", "Hệ thống": who an actor id is, in the office's words. */
export function actorName(config: OfficeConfig, actor: string): string {
  if (actor.startsWith('user:')) return config.users[actor.slice(5)]?.displayName ?? actor.slice(5);
  if (actor.startsWith('device:')) return config.devices[actor.slice(7)]?.name ?? 'Thiết bị đã xóa';
  if (actor === 'system') return 'Hệ thống';
  if (actor === 'public') return 'Công dân (trực tuyến)';
  return actor;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/**
 * What happened, as a sentence: "Nguyễn Thị Lan gọi số A012 đến Quầy 1." instead of
 * `ticket.called {"ticketId":"t-…","counterId":"quay-1"}`. Unknown kinds fall back to a plain description.
 */
export function auditSentence(entry: AuditEntry, config: OfficeConfig): LocalizedText {
  const who = actorName(config, entry.actor);
  const e = entry.event;
  const ticket = entry.ticketLabel ? `số ${entry.ticketLabel}` : 'một số';
  const ticketEn = entry.ticketLabel ? `ticket ${entry.ticketLabel}` : 'a ticket';
  const counter = (id: unknown) => config.counters[str(id)]?.name.vi ?? str(id);
  const service = (id: unknown) => config.services[str(id)]?.name.vi ?? str(id);
  const say = (vi: string, en: string): LocalizedText => ({ vi: `${who} ${vi}.`, en: `${who} ${en}.` });
  switch (entry.type) {
    case 'ticket.issued': {
      const issued = obj(e.ticket);
      return say(`cấp ${ticket} – ${service(issued.serviceId)}`, `issued ${ticketEn} for ${service(issued.serviceId)}`);
    }
    case 'ticket.called':
      return say(`gọi ${ticket} đến ${counter(e.counterId)}`, `called ${ticketEn} to ${counter(e.counterId)}`);
    case 'ticket.recalled':
      return say(`gọi lại ${ticket} tại ${counter(e.counterId)}`, `recalled ${ticketEn} at ${counter(e.counterId)}`);
    case 'ticket.started':
      return say(`bắt đầu phục vụ ${ticket}`, `started serving ${ticketEn}`);
    case 'ticket.finished':
      return say(`hoàn thành ${ticket}`, `finished ${ticketEn}`);
    case 'ticket.noShow':
      return say(`đánh dấu ${ticket} vắng mặt`, `marked ${ticketEn} as a no-show`);
    case 'ticket.returned':
      return say(`đưa ${ticket} trở lại hàng chờ`, `returned ${ticketEn} to the queue`);
    case 'ticket.transferred':
      return say(
        `chuyển ${ticket} sang ${e.toCounterId ? counter(e.toCounterId) : service(e.toServiceId)}`,
        `transferred ${ticketEn} to ${e.toCounterId ? counter(e.toCounterId) : service(e.toServiceId)}`,
      );
    case 'ticket.parked':
      return say(`tạm dừng hồ sơ ${ticket}`, `put ${ticketEn} on hold`);
    case 'ticket.resumed':
      return say(`tiếp tục hồ sơ ${ticket}`, `resumed ${ticketEn}`);
    case 'ticket.reprinted':
      return say(
        `in lại vé ${ticket} (bản in lại lần ${String(e.copy)})`,
        `reprinted ${ticketEn} (copy ${String(e.copy)})`,
      );
    case 'ticket.cancelled':
      return say(`hủy ${ticket} (lý do: ${str(e.reason) || 'không ghi'})`, `cancelled ${ticketEn} (${str(e.reason)})`);
    case 'counter.opened':
      return say(`mở ${counter(e.counterId)}`, `opened ${counter(e.counterId)}`);
    case 'counter.paused':
      return say(`tạm nghỉ ${counter(e.counterId)} (${str(e.reason)})`, `paused ${counter(e.counterId)}`);
    case 'counter.closed':
      return say(`đóng ${counter(e.counterId)}`, `closed ${counter(e.counterId)}`);
    case 'counter.clerkAssigned': {
      const clerk = config.users[str(e.userId)]?.displayName;
      return clerk
        ? say(`nhận ca tại ${counter(e.counterId)}: ${clerk}`, `assigned ${clerk} to ${counter(e.counterId)}`)
        : say(`kết thúc ca tại ${counter(e.counterId)}`, `ended the shift at ${counter(e.counterId)}`);
    }
    case 'rating.submitted':
    case 'rating.amended': {
      // The audit log holds events as stored: older ratings carry only a four-level score.
      const ballot = ratingBallotOf((entry.type === 'rating.submitted' ? obj(e.rating) : e) as StoredRatingAnswer);
      const name = ballot ? ratingAnswerNames[ballot.answer] : { vi: '?', en: '?' };
      const scale = ballot ? ratingScales[ballot.scale].name : { vi: '', en: '' };
      return entry.type === 'rating.submitted'
        ? say(`ghi nhận đánh giá “${name.vi}” (${scale.vi})`, `recorded the rating "${name.en}" (${scale.en})`)
        : say(`bổ sung lý do cho đánh giá “${name.vi}”`, `added reasons to the rating "${name.en}"`);
    }
    case 'alert.raised':
      return say(`báo cảnh báo: ${str(e.message)}`, `raised an alert: ${str(e.message)}`);
    case 'alert.cleared':
      return say('xử lý xong một cảnh báo', 'cleared an alert');
    case 'day.opened':
      return say(`mở ngày làm việc ${formatDay(str(e.serviceDay))}`, `opened the day ${str(e.serviceDay)}`);
    case 'day.closed':
      return say(`kết thúc ngày làm việc ${formatDay(str(e.serviceDay))}`, `closed the day ${str(e.serviceDay)}`);
    case 'config.officeSet':
      return say('sửa thông tin cơ quan (giờ làm việc, ngày nghỉ…)', 'changed the office settings');
    case 'config.serviceUpserted':
      return say(`lưu thủ tục “${str(obj(obj(e.service).name).vi)}”`, `saved the procedure`);
    case 'config.serviceRemoved':
      return say(`xóa thủ tục “${service(e.serviceId)}”`, 'removed a procedure');
    case 'config.counterUpserted':
      return say(`lưu ${str(obj(obj(e.counter).name).vi) || 'quầy'}`, 'saved a counter');
    case 'config.counterRemoved':
      return say(`xóa ${counter(e.counterId)}`, 'removed a counter');
    case 'config.userUpserted':
      return say(`lưu tài khoản “${str(obj(e.user).displayName)}”`, 'saved an account');
    case 'config.deviceUpserted': {
      const device = obj(e.device);
      return device.revoked
        ? say(`thu hồi thiết bị “${str(device.name)}”`, `revoked the device "${str(device.name)}"`)
        : say(`lưu thiết bị “${str(device.name)}”`, `saved the device "${str(device.name)}"`);
    }
    case 'config.fieldUpserted':
      return say(`lưu lĩnh vực “${str(obj(obj(e.field).name).vi)}”`, 'saved a field');
    case 'config.printerProfileUpserted':
      return say(`lưu máy in “${str(obj(e.profile).name)}”`, 'saved a printer');
    case 'config.priorityPolicySet':
      return say('sửa chính sách ưu tiên', 'changed the priority policy');
    case 'config.displaySet':
      return say('sửa cài đặt màn hình và giọng đọc', 'changed the display settings');
    case 'config.fieldRemoved':
      return say('xóa một lĩnh vực', 'removed a field');
    case 'config.printerProfileRemoved':
      return say('xóa một máy in', 'removed a printer');
    case 'config.kioskSet':
      return say('sửa cài đặt máy lấy số', 'changed the kiosk settings');
    case 'config.ratingMethodSet':
      return say('sửa phương pháp đánh giá hài lòng', 'changed the satisfaction method');
    case 'config.procedureInfoSet':
      return say(`sửa thông tin hướng dẫn thủ tục “${service(e.serviceId)}”`, 'changed a procedure’s guidance');
    case 'config.appointmentsSet':
      return say('sửa cài đặt đặt lịch hẹn', 'changed the booking settings');
    case 'appointment.released':
      return say('giải phóng các lịch hẹn quá giờ', 'released overdue appointments');
    case 'appointment.booked':
      return say('đặt một lịch hẹn', 'booked an appointment');
    case 'appointment.cancelled':
      return say('hủy một lịch hẹn', 'cancelled an appointment');
    case 'appointment.checkedIn':
      return say(`lấy ${ticket} theo lịch hẹn`, `checked in with ${ticketEn}`);
    default:
      return say('thực hiện một thay đổi khác', 'made another change');
  }
}

function formatDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return day && month && year ? `${day}/${month}/${year}` : isoDate;
}

/** "Đăng nhập sai với tài khoản “canbo2” từ 192.168.1.20: Sai tên đăng nhập hoặc mật khẩu." */
export function signInSentence(entry: SignInLogEntry): LocalizedText {
  if (entry.outcome === 'throttled') {
    return localizedText(adminStrings['audit.signInForFrom'], {
      username: entry.username,
      address: entry.address,
      value: entry.retryAfterSeconds ?? 0,
    });
  }
  const reason = errorMessages[entry.code as ErrorCode];
  return localizedText(adminStrings['audit.failedSignInAs'], {
    username: entry.username,
    address: entry.address,
    reason: reason ? { vi: `: ${reason.vi}`, en: `: ${reason.en}` } : '.',
  });
}
