import {
  appointmentPolicyOf,
  officeClock,
  type Appointment,
  type AppointmentView,
  type ErrorCode,
  type QueueState,
} from '@motcua/core';

/** The booking page's link for a code: the office's public base (kiosk setting) or the hub's own address. */
export function bookingUrl(state: QueueState, publicUrl: string, code: string): string {
  const base = (state.config.kiosk.statusBaseUrl || publicUrl).replace(/\/+$/, '');
  return `${base}/book/?code=${code}`;
}

export function appointmentView(
  state: QueueState,
  publicUrl: string,
  appointment: Appointment,
  code: string,
): AppointmentView {
  const policy = appointmentPolicyOf(state.config);
  const timeZone = state.config.office.timeZone;
  const service = state.config.services[appointment.serviceId];
  return {
    code,
    service: service?.name ?? { vi: appointment.serviceId, en: appointment.serviceId },
    serviceId: appointment.serviceId,
    day: appointment.day,
    slot: appointment.slot,
    status: appointment.status,
    checkInFrom: officeClock(appointment.slotStart - policy.earlyMinutes * 60_000, timeZone),
    checkInUntil: officeClock(appointment.slotStart + policy.lateMinutes * 60_000, timeZone),
    officeName: state.config.office.name,
    bookingUrl: bookingUrl(state, publicUrl, code),
  };
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  APPOINTMENT_NOT_FOUND: 404,
  SLOT_FULL: 409,
  CONFLICT: 409,
  APPOINTMENT_CANCELLED: 409,
  BOOKING_LIMIT_REACHED: 409,
  APPOINTMENT_USED: 409,
  STORE_BUSY: 503,
  STORE_UNAVAILABLE: 503,
};

/** The HTTP status of a booking page's refusal. */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code] ?? 422;
}
