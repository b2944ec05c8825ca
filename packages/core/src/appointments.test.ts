import { describe, expect, it } from 'vitest';
import { defaultAppointmentPolicy, phoneBookingRefusal, phoneKey } from './appointments.js';
import type { AppointmentPolicy } from './schemas.js';
import {
  appointmentSlots,
  bookableDays,
  bookingCodeFromBytes,
  bookingCodeFromText,
  BOOKING_CODE_ALPHABET,
  checkInTiming,
  isoWeekdayOf,
  slotTimes,
} from './appointments.js';
import { zonedEpoch } from './officeTime.js';
import { applyAll } from './apply.js';
import { alwaysOpen } from './demoOffice.js';
import type { CommandInput } from './commands.js';
import { emptyState } from './state.js';
import { stateHash } from './stateCodec.js';
import { admin, clerkAt, display, kiosk, MINUTE, MONDAY_9AM, system, TestDesk } from './testkit.js';

const policy: AppointmentPolicy = {
  enabled: true,
  slotMinutes: 30,
  earlyMinutes: 30,
  lateMinutes: 15,
  daysAhead: 7,
  leadMinutes: 30,
  services: { 'khai-sinh': { perSlot: 2, perDay: 5 }, 'ket-hon': { perSlot: 1, perDay: 0 } },
};

/** The demo office with its real working week (Mon–Fri 07:30–11:30 and 13:30–17:00, Sat morning). */
const workingWeek = TestDesk.open({ alwaysOpen: false }).state.config.office.openingHours;

function deskWithBooking(): TestDesk {
  const desk = TestDesk.open({ alwaysOpen: false });
  desk.run({ type: 'config.setAppointments', appointments: policy });
  return desk;
}

let nextId = 0;
function book(desk: TestDesk, serviceId: string, day: string, slot: string) {
  const command: CommandInput = { type: 'appointment.book', appointmentId: `ap-${++nextId}`, serviceId, day, slot };
  return { id: command.appointmentId, outcome: desk.tryRun(command, system) };
}

describe('time and slots', () => {
  it('turns an office wall-clock time into the right instant', () => {
    expect(zonedEpoch('2026-11-30', '09:00', 'Asia/Ho_Chi_Minh')).toBe(MONDAY_9AM);
    expect(zonedEpoch('2026-03-29', '03:30', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(isoWeekdayOf('2026-11-30')).toBe(1);
    expect(isoWeekdayOf('2026-12-06')).toBe(7);
  });

  it('cuts the opening hours into whole slots and offers none on holidays or closed days', () => {
    const desk = deskWithBooking();
    const monday = slotTimes(desk.state.config, 'khai-sinh', '2026-11-30');
    expect(monday[0]).toBe('07:30');
    expect(monday).toContain('11:00');
    expect(monday).not.toContain('11:30');
    expect(monday).toContain('13:30');
    expect(monday.at(-1)).toBe('16:30');
    expect(monday).toHaveLength(8 + 7);
    expect(slotTimes(desk.state.config, 'khai-sinh', '2026-12-06')).toEqual([]); // Sunday
    desk.run({ type: 'config.setOffice', office: { ...desk.state.config.office, openingHours: alwaysOpen } });
    const allDay = slotTimes(desk.state.config, 'khai-sinh', '2026-11-30');
    expect(allDay.at(-1)).toBe('19:30'); // the service day closes at 20:00
    desk.run({ type: 'config.setOffice', office: { ...desk.state.config.office, openingHours: workingWeek } });
    desk.run({ type: 'config.setOffice', office: { ...desk.state.config.office, holidays: ['2026-12-01'] } });
    expect(slotTimes(desk.state.config, 'khai-sinh', '2026-12-01')).toEqual([]);
    expect(bookableDays(desk.state, 'khai-sinh', desk.now)).not.toContain('2026-12-01');
    expect(bookableDays(desk.state, 'khai-sinh', desk.now)).toContain('2026-12-02');
  });

  it('says when a check-in is early, in its window or late', () => {
    const start = MONDAY_9AM;
    expect(checkInTiming(policy, start, start - 31 * MINUTE)).toEqual({
      kind: 'early',
      checkInFrom: start - 30 * MINUTE,
    });
    expect(checkInTiming(policy, start, start - 30 * MINUTE)).toEqual({ kind: 'onTime' });
    expect(checkInTiming(policy, start, start + 15 * MINUTE)).toEqual({ kind: 'onTime' });
    expect(checkInTiming(policy, start, start + 16 * MINUTE)).toEqual({ kind: 'late' });
  });
});

describe('booking codes', () => {
  it('uses 8 characters without 0, O, 1 or I', () => {
    expect(BOOKING_CODE_ALPHABET).toHaveLength(32);
    expect(BOOKING_CODE_ALPHABET).not.toMatch(/[0O1I]/);
    const code = bookingCodeFromBytes(Uint8Array.from([0, 1, 31, 32, 200, 7, 8, 255]));
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });

  it('finds the code in what a person typed or a scanner sent', () => {
    expect(bookingCodeFromText('abcd-2345')).toBe('ABCD2345');
    expect(bookingCodeFromText(' ABCD 2345 ')).toBe('ABCD2345');
    expect(bookingCodeFromText('http://192.168.1.10:8080/book/?code=ABCD2345')).toBe('ABCD2345');
    expect(bookingCodeFromText('ABCD0345')).toBeNull();
    expect(bookingCodeFromText('ABC')).toBeNull();
  });
});

describe('booking', () => {
  it('never fills a slot beyond its capacity, nor a service beyond its day limit', () => {
    const desk = deskWithBooking();
    expect(book(desk, 'khai-sinh', '2026-12-01', '09:00').outcome.ok).toBe(true);
    expect(book(desk, 'khai-sinh', '2026-12-01', '09:00').outcome.ok).toBe(true);
    expect(book(desk, 'khai-sinh', '2026-12-01', '09:00').outcome).toEqual({ ok: false, code: 'SLOT_FULL' });
    for (const slot of ['09:30', '10:00', '10:30'])
      expect(book(desk, 'khai-sinh', '2026-12-01', slot).outcome.ok).toBe(true);
    expect(book(desk, 'khai-sinh', '2026-12-01', '11:00').outcome).toEqual({ ok: false, code: 'SLOT_FULL' });
    const slots = appointmentSlots(desk.state, 'khai-sinh', '2026-12-01', desk.now);
    expect(slots.find((s) => s.slot === '09:00')).toMatchObject({ capacity: 2, booked: 2, refusal: 'SLOT_FULL' });
  });

  it('frees a place when a booking is cancelled', () => {
    const desk = deskWithBooking();
    const first = book(desk, 'ket-hon', '2026-12-01', '09:00');
    expect(book(desk, 'ket-hon', '2026-12-01', '09:00').outcome.ok).toBe(false);
    desk.run({ type: 'appointment.cancel', appointmentId: first.id }, system);
    expect(book(desk, 'ket-hon', '2026-12-01', '09:00').outcome.ok).toBe(true);
    expect(desk.tryRun({ type: 'appointment.cancel', appointmentId: first.id }, system)).toEqual({
      ok: false,
      code: 'APPOINTMENT_CANCELLED',
    });
  });

  it('respects opening hours, holidays, the lead time and the horizon', () => {
    const desk = deskWithBooking();
    expect(book(desk, 'khai-sinh', '2026-12-01', '12:00').outcome).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
    expect(book(desk, 'khai-sinh', '2026-12-01', '09:10').outcome).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
    expect(book(desk, 'khai-sinh', '2026-12-06', '09:00').outcome).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
    expect(book(desk, 'khai-sinh', '2026-11-30', '09:00').outcome).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
    expect(book(desk, 'khai-sinh', '2026-11-30', '09:30').outcome.ok).toBe(true);
    expect(book(desk, 'khai-sinh', '2026-12-08', '09:00').outcome.ok).toBe(false);
    desk.run({ type: 'config.setOffice', office: { ...desk.state.config.office, holidays: ['2026-12-02'] } });
    expect(book(desk, 'khai-sinh', '2026-12-02', '09:00').outcome).toEqual({ ok: false, code: 'OFFICE_HOLIDAY' });
    expect(book(desk, 'chung-thuc-ban-sao', '2026-12-01', '09:00').outcome).toEqual({
      ok: false,
      code: 'APPOINTMENTS_CLOSED',
    });
  });

  it('is the hub’s to make: no device or user may book', () => {
    const desk = deskWithBooking();
    const command: CommandInput = {
      type: 'appointment.book',
      appointmentId: 'x1',
      serviceId: 'khai-sinh',
      day: '2026-12-01',
      slot: '09:00',
    };
    expect(desk.tryRun(command, kiosk)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(desk.tryRun(command, admin)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(desk.tryRun(command, { kind: 'anonymous' })).toEqual({ ok: false, code: 'UNAUTHENTICATED' });
    expect(desk.tryRun({ type: 'appointment.checkIn', appointmentId: 'x1' }, display)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('check-in', () => {
  /** A booking for today 09:30, a desk at 08:50. */
  function bookedToday() {
    const desk = deskWithBooking();
    desk.advance(-60 * MINUTE); // 08:00, so 09:30 is bookable
    const { id } = book(desk, 'khai-sinh', '2026-11-30', '09:30');
    desk.advance(50 * MINUTE); // 08:50
    return { desk, id };
  }

  it('queues an arrival within the window at the slot time, ahead of walk-ins who came later', () => {
    const { desk, id } = bookedToday();
    desk.advance(45 * MINUTE); // 09:35
    const walkIn = desk.issue('khai-sinh');
    desk.advance(5 * MINUTE); // 09:40, within the 15 minutes after 09:30
    const result = desk.run({ type: 'appointment.checkIn', appointmentId: id }, kiosk);
    expect(result.ticket).toMatchObject({
      source: 'appointment',
      queuedAt: zonedEpoch('2026-11-30', '09:30', 'Asia/Ho_Chi_Minh'),
    });
    expect(result.ahead).toBe(0);
    expect(result.appointment).toMatchObject({ status: 'checkedIn', arrival: 'onTime', ticketId: result.ticket!.id });
    expect(desk.callNext(1)).toBe(result.ticket!.id);
    desk.finish(1, result.ticket!.id);
    expect(desk.callNext(1)).toBe(walkIn);
  });

  it('tells an early arrival from when to check in, and a late one is queued as a walk-in', () => {
    const { desk, id } = bookedToday();
    expect(desk.tryRun({ type: 'appointment.checkIn', appointmentId: id }, kiosk)).toEqual({
      ok: false,
      code: 'APPOINTMENT_TOO_EARLY',
    });
    desk.advance(60 * MINUTE); // 09:50, past 09:45
    const walkIn = desk.issue('khai-sinh');
    desk.advance(MINUTE);
    const result = desk.run({ type: 'appointment.checkIn', appointmentId: id }, kiosk);
    expect(result.appointment?.arrival).toBe('late');
    expect(result.ticket?.queuedAt).toBe(desk.now);
    expect(result.ahead).toBe(1);
    expect(desk.callNext(1)).toBe(walkIn);
    expect(desk.tryRun({ type: 'appointment.checkIn', appointmentId: id }, kiosk)).toEqual({
      ok: false,
      code: 'APPOINTMENT_USED',
    });
  });

  it('refuses a booking of another day and an unknown one', () => {
    const desk = deskWithBooking();
    const { id } = book(desk, 'khai-sinh', '2026-12-01', '09:00');
    expect(desk.tryRun({ type: 'appointment.checkIn', appointmentId: id }, kiosk)).toEqual({
      ok: false,
      code: 'APPOINTMENT_NOT_TODAY',
    });
    expect(desk.tryRun({ type: 'appointment.checkIn', appointmentId: 'nope' }, kiosk)).toEqual({
      ok: false,
      code: 'APPOINTMENT_NOT_FOUND',
    });
    expect(desk.tryRun({ type: 'appointment.checkIn', appointmentId: id }, clerkAt(1))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('releases bookings whose window passed as no-shows, and forgets past days at the roll-over', () => {
    const { desk, id } = bookedToday();
    const later = book(desk, 'khai-sinh', '2026-12-01', '09:00');
    desk.advance(50 * MINUTE); // 09:40: still within the window
    expect(desk.tryRun({ type: 'appointment.release' }, system)).toEqual({ ok: false, code: 'NOT_FOUND' });
    desk.advance(10 * MINUTE); // 09:50
    expect(desk.run({ type: 'appointment.release' }, system).events).toEqual(['appointment.released']);
    expect(desk.state.appointments?.[id]?.status).toBe('noShow');
    expect(desk.state.appointments?.[later.id]?.status).toBe('booked');
    desk.advance(24 * 60 * MINUTE);
    desk.run({ type: 'day.close' }, system);
    expect(Object.keys(desk.state.appointments ?? {})).toEqual([later.id]);
  });

  it('replays to the same state from the event log', () => {
    const { desk, id } = bookedToday();
    desk.advance(20 * MINUTE); // 09:10
    desk.run({ type: 'appointment.checkIn', appointmentId: id }, kiosk);
    expect(stateHash(applyAll(emptyState(), desk.log))).toBe(stateHash(desk.state));
  });
});

describe('per-phone booking caps', () => {
  it('reads one number however it is written', () => {
    expect(phoneKey('0912 345 678')).toBe('0912345678');
    expect(phoneKey('+84 912.345.678')).toBe('0912345678');
    expect(phoneKey('(84) 912-345-678')).toBe('0912345678');
    expect(phoneKey('')).toBe('');
  });

  it('allows one active booking per service and three a day by default, and what an admin sets', () => {
    expect(phoneBookingRefusal(defaultAppointmentPolicy, [], 'khai-sinh')).toBeNull();
    expect(phoneBookingRefusal(defaultAppointmentPolicy, ['khai-sinh'], 'khai-sinh')).toEqual({
      scope: 'service',
      limit: 1,
    });
    expect(phoneBookingRefusal(defaultAppointmentPolicy, ['a', 'b'], 'khai-sinh')).toBeNull();
    expect(phoneBookingRefusal(defaultAppointmentPolicy, ['a', 'b', 'c'], 'khai-sinh')).toEqual({
      scope: 'day',
      limit: 3,
    });
    const generous = { ...defaultAppointmentPolicy, maxPerPhonePerService: 2, maxPerPhonePerDay: 5 };
    expect(phoneBookingRefusal(generous, ['khai-sinh'], 'khai-sinh')).toBeNull();
  });
});
