import { appointmentSlots, idSchema, isoDateSchema } from '@motcua/core';
import { z } from 'zod';
import { defineRoute, refuse, type HubRoute } from '../../net/routes.js';
import type { FeatureContext } from '../types.js';
import type { AppointmentStore } from './appointmentStore.js';
import { appointmentView, httpStatusOf } from './appointmentView.js';
import type { BookingCodes } from './bookingCodes.js';
import { citizenAppRoutes } from './citizenApp.js';
import { bookRequestSchema, type OnlineBooking } from './onlineBooking.js';

/** Per client address (trust-proxy aware): bookings per window, enough for a family, too few to fill a day. */
export const BOOKINGS_PER_WINDOW = 6;
export const BOOKING_WINDOW_MS = 30_000;
/** Per client address (look-ups and cancels): enough for people, too few to guess codes. */
export const CODE_ATTEMPTS_PER_MINUTE = 30;

const codeRequestSchema = z.strictObject({ code: z.string().min(1).max(300) });

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
    defineRoute({ method: 'GET', url: '/api/appointments/services', handler: () => booking.publicServices() }),
    defineRoute({
      method: 'GET',
      url: '/api/appointments/slots',
      query: z.object({ serviceId: idSchema, day: isoDateSchema }),
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
    defineRoute({
      method: 'POST',
      url: '/api/appointments',
      body: bookRequestSchema,
      bodyLimit: 10_000,
      rateLimit: { max: BOOKINGS_PER_WINDOW, windowMs: BOOKING_WINDOW_MS },
      handler: ({ body, reply }) => {
        const outcome = booking.book(body);
        return reply.code(outcome.status).send(outcome.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/appointments/code/:code',
      params: z.object({ code: z.string().min(1).max(300) }),
      rateLimit: { max: CODE_ATTEMPTS_PER_MINUTE, windowMs: 60_000 },
      handler: ({ params, reply }) => {
        const found = codes.find(engine.state, params.code);
        if (!found) return refuse(reply, 404, 'APPOINTMENT_NOT_FOUND');
        return { ok: true, appointment: appointmentView(engine.state, ctx.publicUrl(), found.appointment, found.code) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/appointments/report',
      query: z.object({ day: isoDateSchema.optional() }),
      handler: ({ query }) => {
        const day = query.day ?? engine.state.serviceDay;
        return { ok: true, day, ...store.dayReport(day) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/appointments/cancel',
      body: codeRequestSchema,
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
