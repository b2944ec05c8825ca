import type { ErrorCode } from './errors.js';
import { addDays, nextDate, serviceDayOf, zonedEpoch } from './officeTime.js';
import type { Appointment, AppointmentPolicy, OfficeConfig, WeeklyHours } from './schemas.js';
import type { QueueState } from './state.js';

export const DEFAULT_BOOKINGS_PER_PHONE_PER_SERVICE = 1;
export const DEFAULT_BOOKINGS_PER_PHONE_PER_DAY = 3;

/** The per-phone caps of a policy, with their defaults. */
export function phoneCapsOf(policy: AppointmentPolicy): { perService: number; perDay: number } {
  return {
    perService: policy.maxPerPhonePerService ?? DEFAULT_BOOKINGS_PER_PHONE_PER_SERVICE,
    perDay: policy.maxPerPhonePerDay ?? DEFAULT_BOOKINGS_PER_PHONE_PER_DAY,
  };
}

/** A phone number as digits, with +84 / 84 written as the leading 0, so "0912 345 678" and "+84912345678" match. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/**
 * Whether one more booking for `serviceId` fits the phone's caps, given the services of the bookings it already
 * holds (still booked, not cancelled or used) on that day.
 */
export function phoneBookingRefusal(
  policy: AppointmentPolicy,
  heldServiceIds: readonly string[],
  serviceId: string,
): { scope: 'service' | 'day'; limit: number } | null {
  const caps = phoneCapsOf(policy);
  if (heldServiceIds.filter((id) => id === serviceId).length >= caps.perService) {
    return { scope: 'service', limit: caps.perService };
  }
  if (heldServiceIds.length >= caps.perDay) return { scope: 'day', limit: caps.perDay };
  return null;
}

/** Booking is off until an admin configures it. */
export const defaultAppointmentPolicy: AppointmentPolicy = {
  enabled: false,
  slotMinutes: 30,
  earlyMinutes: 30,
  lateMinutes: 15,
  daysAhead: 14,
  leadMinutes: 30,
  services: {},
};

export function appointmentPolicyOf(config: OfficeConfig): AppointmentPolicy {
  return config.appointments ?? defaultAppointmentPolicy;
}

export function appointmentsOf(state: QueueState): Record<string, Appointment> {
  return state.appointments ?? {};
}

/** Booking codes: 8 characters without 0/O/1/I, so they read and type without mistakes. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const BOOKING_CODE_LENGTH = 8;

/** A code from random bytes (at least 8); each byte picks one of the 32 letters, so none is favoured. */
export function bookingCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < BOOKING_CODE_LENGTH) throw new Error('need 8 random bytes');
  let code = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) code += BOOKING_CODE_ALPHABET[(bytes[i] as number) & 31];
  return code;
}

/**
 * The booking code in what a person typed or a scanner sent: the bare code, spaced or dashed
 * ("abcd-2345"), or the booking link of the QR ("…/book/?code=ABCD2345"). Null when there is none.
 */
export function bookingCodeFromText(text: string): string | null {
  const fromLink = /[?&#]code=([A-Za-z0-9-]+)/.exec(text);
  const candidate = (fromLink?.[1] ?? text).replace(/[\s-]/g, '').toUpperCase();
  if (candidate.length !== BOOKING_CODE_LENGTH) return null;
  for (const c of candidate) if (!BOOKING_CODE_ALPHABET.includes(c)) return null;
  return candidate;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function hoursForService(config: OfficeConfig, serviceId: string): WeeklyHours {
  return config.services[serviceId]?.openingHours ?? config.office.openingHours;
}

/** Slot start times ("HH:MM") of a service on a day: each opening range cut into whole slots. */
export function slotTimes(config: OfficeConfig, serviceId: string, day: string): string[] {
  const policy = appointmentPolicyOf(config);
  if (config.office.holidays.includes(day)) return [];
  const ranges = hoursForService(config, serviceId)[String(isoWeekdayOf(day)) as keyof WeeklyHours] ?? [];
  const times: string[] = [];
  for (const range of [...ranges].sort((a, b) => a.from.localeCompare(b.from))) {
    const end = minutesOf(range.to);
    for (let start = minutesOf(range.from); start + policy.slotMinutes <= end; start += policy.slotMinutes) {
      times.push(clockOf(start));
    }
  }
  // A slot after the day's close hour belongs to the next service day, where its check-in would be refused.
  return times.filter((t) => serviceDayOf(zonedEpoch(day, t, config.office.timeZone), config.office) === day);
}

/** Bookings that hold a place: booked and not cancelled (a check-in or no-show still used the slot). */
function holdsPlace(a: Appointment): boolean {
  return a.status !== 'cancelled';
}

export interface SlotAvailability {
  slot: string;
  start: number;
  capacity: number;
  booked: number;
  /** Null when a booking would be accepted now. */
  refusal: ErrorCode | null;
}

/**
 * Why a booking of this service, day and slot would be refused now, or null. Checked in `decide`,
 * which runs commands one at a time, so concurrent bookings can never overfill a slot.
 */
export function slotRefusal(
  state: QueueState,
  serviceId: string,
  day: string,
  slot: string,
  now: number,
): ErrorCode | null {
  const { config } = state;
  const policy = appointmentPolicyOf(config);
  const service = config.services[serviceId];
  const forService = policy.services[serviceId];
  if (!policy.enabled || !service || !service.enabled || !forService || forService.perSlot === 0) {
    return 'APPOINTMENTS_CLOSED';
  }
  const today = serviceDayOf(now, config.office);
  if (day < today || day > addDays(today, policy.daysAhead)) return 'SLOT_UNAVAILABLE';
  if (config.office.holidays.includes(day)) return 'OFFICE_HOLIDAY';
  if (!slotTimes(config, serviceId, day).includes(slot)) return 'SLOT_UNAVAILABLE';
  if (zonedEpoch(day, slot, config.office.timeZone) < now + policy.leadMinutes * 60_000) return 'SLOT_UNAVAILABLE';
  let inSlot = 0;
  let inDay = 0;
  for (const a of Object.values(appointmentsOf(state))) {
    if (a.serviceId !== serviceId || a.day !== day || !holdsPlace(a)) continue;
    inDay++;
    if (a.slot === slot) inSlot++;
  }
  if (inSlot >= forService.perSlot) return 'SLOT_FULL';
  if (forService.perDay > 0 && inDay >= forService.perDay) return 'SLOT_FULL';
  return null;
}

/** Every slot of a service on a day, with how full it is and whether it can be booked now. */
export function appointmentSlots(state: QueueState, serviceId: string, day: string, now: number): SlotAvailability[] {
  const forService = appointmentPolicyOf(state.config).services[serviceId];
  const appointments = Object.values(appointmentsOf(state));
  return slotTimes(state.config, serviceId, day).map((slot) => ({
    slot,
    start: zonedEpoch(day, slot, state.config.office.timeZone),
    capacity: forService?.perSlot ?? 0,
    booked: appointments.filter((a) => a.serviceId === serviceId && a.day === day && a.slot === slot && holdsPlace(a))
      .length,
    refusal: slotRefusal(state, serviceId, day, slot, now),
  }));
}

/** The days a citizen may choose: today up to the horizon, without holidays or days the service is closed. */
export function bookableDays(state: QueueState, serviceId: string, now: number): string[] {
  const policy = appointmentPolicyOf(state.config);
  const today = serviceDayOf(now, state.config.office);
  const days: string[] = [];
  for (let i = 0, day = today; i <= policy.daysAhead; i++, day = nextDate(day)) {
    if (slotTimes(state.config, serviceId, day).length > 0) days.push(day);
  }
  return days;
}

export type CheckInTiming = { kind: 'early'; checkInFrom: number } | { kind: 'onTime' } | { kind: 'late' };

/** How an arrival at `now` relates to the slot's window (from `earlyMinutes` before to `lateMinutes` after). */
export function checkInTiming(policy: AppointmentPolicy, slotStart: number, now: number): CheckInTiming {
  const opens = slotStart - policy.earlyMinutes * 60_000;
  if (now < opens) return { kind: 'early', checkInFrom: opens };
  if (now <= slotStart + policy.lateMinutes * 60_000) return { kind: 'onTime' };
  return { kind: 'late' };
}

/** Booked appointments whose window has passed without a check-in: to release as no-shows. */
export function overdueAppointments(state: QueueState, now: number): Appointment[] {
  const policy = appointmentPolicyOf(state.config);
  return Object.values(appointmentsOf(state)).filter(
    (a) => a.status === 'booked' && now > a.slotStart + policy.lateMinutes * 60_000,
  );
}

/** Today's and later appointments; older ones leave the shared state when a new service day opens. */
export function appointmentsFrom(
  appointments: Record<string, Appointment>,
  serviceDay: string,
): Record<string, Appointment> {
  const kept: Record<string, Appointment> = {};
  for (const [id, a] of Object.entries(appointments)) if (a.day >= serviceDay) kept[id] = a;
  return kept;
}
