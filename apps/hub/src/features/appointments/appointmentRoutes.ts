import { appointmentSlots } from '@motcua/core';
import { jsonRoute, refuse, sendJson, type HubRoute } from '../../net/routes.js';
import type { FeatureContext } from '../types.js';
import type { AppointmentStore } from './appointmentStore.js';
import { appointmentView, httpStatusOf } from './appointmentView.js';
import type { BookingCodes } from './bookingCodes.js';
import { citizenAppRoutes } from './citizenApp.js';
import type { OnlineBooking } from './onlineBooking.js';

/** Per client address (trust-proxy aware): bookings per window, enough for a family, too few to fill a day. */
export const BOOKINGS_PER_WINDOW = 6;
export const BOOKING_WINDOW_MS = 30_000;
/** Per client address (look-ups and cancels): enough for people, too few to guess codes. */
export const CODE_ATTEMPTS_PER_MINUTE = 30;

/** The booking page's API (public, rate limited per address) and the day's booking report (staff). */
export function appointmentRoutes(
  ctx: FeatureContext,
  store: AppointmentStore,
  codes: BookingCodes,
  booking: OnlineBooking,
): HubRoute[] {
  const { engine } = ctx;
  return [
    ...citizenAppRoutes(),
    jsonRoute('GET /api/appointments/services', { handler: () => booking.publicServices() }),
    jsonRoute('GET /api/appointments/slots', {
      handler: ({ query }) => {
        const slots = appointmentSlots(engine.state, query.serviceId, query.day, engine.now()).map((s) => ({
          slot: s.slot,
          left: Math.max(0, s.capacity - s.booked),
          available: s.refusal === null,
          reason: s.refusal,
        }));
        return { ok: true, serviceId: query.serviceId, day: query.day, slots };
      },
    }),
    jsonRoute('POST /api/appointments', {
      bodyLimit: 10_000,
      rateLimit: { max: BOOKINGS_PER_WINDOW, windowMs: BOOKING_WINDOW_MS },
      handler: ({ body, reply }) => {
        const outcome = booking.book(body);
        return sendJson(reply, 'POST /api/appointments', outcome.status, outcome.body);
      },
    }),
    jsonRoute('GET /api/appointments/code/:code', {
      rateLimit: { max: CODE_ATTEMPTS_PER_MINUTE, windowMs: 60_000 },
      handler: ({ params, reply }) => {
        const found = codes.find(engine.state, params.code);
        if (!found) return refuse(reply, 404, 'APPOINTMENT_NOT_FOUND');
        return { ok: true, appointment: appointmentView(engine.state, ctx.publicUrl(), found.appointment, found.code) };
      },
    }),
    jsonRoute('GET /api/appointments/report', {
      handler: ({ query }) => {
        const day = query.day ?? engine.state.serviceDay;
        return { ok: true, day, ...store.dayReport(day) };
      },
    }),
    jsonRoute('POST /api/appointments/cancel', {
      bodyLimit: 10_000,
      rateLimit: { max: CODE_ATTEMPTS_PER_MINUTE, windowMs: 60_000 },
      handler: ({ body, reply }) => {
        const found = codes.find(engine.state, body.code);
        if (!found) return refuse(reply, 404, 'APPOINTMENT_NOT_FOUND');
        const result = engine.execute(
          { kind: 'system' },
          { type: 'appointment.cancel', appointmentId: found.appointment.id },
          null,
        );
        if (!result.ok) return refuse(reply, httpStatusOf(result.code), result.code);
        const cancelled = engine.state.appointments?.[found.appointment.id] ?? found.appointment;
        return { ok: true, appointment: appointmentView(engine.state, ctx.publicUrl(), cancelled, found.code) };
      },
    }),
  ];
}
