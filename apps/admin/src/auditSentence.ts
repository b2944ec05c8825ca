import { localizedText, type TextValues } from '@motcua/ui';
import {
  deviceIdOfRef,
  errorMessages,
  ratingAnswerNames,
  ratingBallotOf,
  ratingScales,
  type AuditEntry,
  type ErrorCode,
  type OfficeConfig,
  type SignInLogEntry,
  type StoredRatingAnswer,
} from '@motcua/core';
import type { LocalizedText } from './localized';
import { adminStrings, type AdminStringKey } from './i18n/strings';

// The entries of GET /api/audit and /api/audit/sign-ins are core's types (httpProtocol.ts).
export type { AuditEntry, SignInLogEntry };

/** "Nguyễn Thị Lan", "Máy lấy số sảnh", "Hệ thống": who an actor id is, in the office's words. */
export function actorName(config: OfficeConfig, actor: string): string | LocalizedText {
  if (actor.startsWith('user:')) return config.users[actor.slice(5)]?.displayName ?? actor.slice(5);
  const deviceId = deviceIdOfRef(actor);
  if (deviceId !== null) return config.devices[deviceId]?.name ?? adminStrings['auditLog.actor.deletedDevice'];
  if (actor === 'system') return adminStrings['auditLog.actor.system'];
  if (actor === 'public') return adminStrings['auditLog.actor.public'];
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
  const e = entry.event;
  const ticket = entry.ticketLabel
    ? localizedText(adminStrings['auditLog.ticket'], { label: entry.ticketLabel })
    : adminStrings['auditLog.ticket.unknown'];
  const counter = (id: unknown) => config.counters[str(id)]?.name.vi ?? str(id);
  const service = (id: unknown) => config.services[str(id)]?.name.vi ?? str(id);
  const say = (key: AdminStringKey, values: TextValues = {}): LocalizedText =>
    localizedText(adminStrings[key], { who: actorName(config, entry.actor), ticket, ...values });
  switch (entry.type) {
    case 'ticket.issued':
      return say('auditLog.ticket.issued', { service: service(obj(e.ticket).serviceId) });
    case 'ticket.called':
      return say('auditLog.ticket.called', { counter: counter(e.counterId) });
    case 'ticket.recalled':
      return say('auditLog.ticket.recalled', { counter: counter(e.counterId) });
    case 'ticket.started':
      return say('auditLog.ticket.started');
    case 'ticket.finished':
      return say('auditLog.ticket.finished');
    case 'ticket.noShow':
      return say('auditLog.ticket.noShow');
    case 'ticket.returned':
      return say('auditLog.ticket.returned');
    case 'ticket.transferred':
      return say('auditLog.ticket.transferred', {
        target: e.toCounterId ? counter(e.toCounterId) : service(e.toServiceId),
      });
    case 'ticket.parked':
      return say('auditLog.ticket.parked');
    case 'ticket.resumed':
      return say('auditLog.ticket.resumed');
    case 'ticket.reprinted':
      return say('auditLog.ticket.reprinted', { copy: String(e.copy) });
    case 'ticket.cancelled':
      return say('auditLog.ticket.cancelled', { reason: str(e.reason) || adminStrings['auditLog.reason.none'] });
    case 'counter.opened':
      return say('auditLog.counter.opened', { counter: counter(e.counterId) });
    case 'counter.paused':
      return say('auditLog.counter.paused', { counter: counter(e.counterId), reason: str(e.reason) });
    case 'counter.closed':
      return say('auditLog.counter.closed', { counter: counter(e.counterId) });
    case 'counter.clerkAssigned': {
      const clerk = config.users[str(e.userId)]?.displayName;
      return clerk
        ? say('auditLog.counter.clerkAssigned', { counter: counter(e.counterId), clerk })
        : say('auditLog.counter.shiftEnded', { counter: counter(e.counterId) });
    }
    case 'rating.submitted':
    case 'rating.amended': {
      // The audit log holds events as stored: older ratings carry only a four-level score.
      const ballot = ratingBallotOf((entry.type === 'rating.submitted' ? obj(e.rating) : e) as StoredRatingAnswer);
      const answer = ballot ? ratingAnswerNames[ballot.answer] : { vi: '?', en: '?' };
      const scale = ballot ? ratingScales[ballot.scale].name : { vi: '', en: '' };
      return entry.type === 'rating.submitted'
        ? say('auditLog.rating.submitted', { answer, scale })
        : say('auditLog.rating.amended', { answer });
    }
    case 'alert.raised':
      return say('auditLog.alert.raised', { message: str(e.message) });
    case 'alert.cleared':
      return say('auditLog.alert.cleared');
    case 'day.opened':
      return say('auditLog.day.opened', { day: serviceDay(str(e.serviceDay)) });
    case 'day.closed':
      return say('auditLog.day.closed', { day: serviceDay(str(e.serviceDay)) });
    case 'config.officeSet':
      return say('auditLog.config.officeSet');
    case 'config.serviceUpserted':
      return say('auditLog.config.serviceUpserted', { name: str(obj(obj(e.service).name).vi) });
    case 'config.serviceRemoved':
      return say('auditLog.config.serviceRemoved', { name: service(e.serviceId) });
    case 'config.counterUpserted':
      return say('auditLog.config.counterUpserted', {
        name: str(obj(obj(e.counter).name).vi) || adminStrings['auditLog.counter.unnamed'],
      });
    case 'config.counterRemoved':
      return say('auditLog.config.counterRemoved', { counter: counter(e.counterId) });
    case 'config.userUpserted':
      return say('auditLog.config.userUpserted', { name: str(obj(e.user).displayName) });
    case 'config.deviceUpserted': {
      const device = obj(e.device);
      return say(device.revoked ? 'auditLog.config.deviceRevoked' : 'auditLog.config.deviceUpserted', {
        name: str(device.name),
      });
    }
    case 'config.fieldUpserted':
      return say('auditLog.config.fieldUpserted', { name: str(obj(obj(e.field).name).vi) });
    case 'config.printerProfileUpserted':
      return say('auditLog.config.printerProfileUpserted', { name: str(obj(e.profile).name) });
    case 'config.priorityPolicySet':
      return say('auditLog.config.priorityPolicySet');
    case 'config.displaySet':
      return say('auditLog.config.displaySet');
    case 'config.fieldRemoved':
      return say('auditLog.config.fieldRemoved');
    case 'config.printerProfileRemoved':
      return say('auditLog.config.printerProfileRemoved');
    case 'config.kioskSet':
      return say('auditLog.config.kioskSet');
    case 'config.ratingMethodSet':
      return say('auditLog.config.ratingMethodSet');
    case 'config.procedureInfoSet':
      return say('auditLog.config.procedureInfoSet', { name: service(e.serviceId) });
    case 'config.appointmentsSet':
      return say('auditLog.config.appointmentsSet');
    case 'appointment.released':
      return say('auditLog.appointment.released');
    case 'appointment.booked':
      return say('auditLog.appointment.booked');
    case 'appointment.cancelled':
      return say('auditLog.appointment.cancelled');
    case 'appointment.checkedIn':
      return say('auditLog.appointment.checkedIn');
    default:
      return say('auditLog.other');
  }
}

/** A service day as the admin reads it: dd/mm/yyyy in Vietnamese, the ISO date in English (as before). */
function serviceDay(isoDate: string): LocalizedText {
  return { vi: formatDay(isoDate), en: isoDate };
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
