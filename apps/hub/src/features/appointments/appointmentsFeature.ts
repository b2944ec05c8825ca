import { overdueAppointments, type EventEnvelope, type QueueState } from '@motcua/core';
import type { FeatureContext, FeatureProjector, HubFeature } from '../types.js';
import { appointmentRoutes } from './appointmentRoutes.js';
import type { AppointmentStore } from './appointmentStore.js';
import { BookingCodes } from './bookingCodes.js';
import { createCheckIn } from './checkIn.js';
import { demoAppointmentPolicy } from './demoAppointmentPolicy.js';
import { OnlineBooking } from './onlineBooking.js';

/** How often the hub releases bookings whose window has passed. */
export const RELEASE_EVERY_MS = 15_000;

/**
 * The booking records for reports and the contact details' lifetime, written in the events' own
 * transaction: a booking, its record and its contact are stored together or not at all.
 */
function appointmentRecords(store: AppointmentStore): FeatureProjector {
  return {
    name: 'appointment records',
    project(envelopes: EventEnvelope[], after: QueueState) {
      const touched = new Map<string, number>();
      for (const { event, at } of envelopes) {
        if (event.type === 'appointment.booked') touched.set(event.appointment.id, at);
        else if (event.type === 'appointment.released') for (const id of event.appointmentIds) touched.set(id, at);
        else if ('appointmentId' in event) touched.set(event.appointmentId, at);
        // Contact details are kept only while they can be used: until cancelled, or until the day is over.
        if (event.type === 'appointment.cancelled') store.forgetContact(event.appointmentId);
        if (event.type === 'day.opened') store.forgetContactsBefore(event.serviceDay);
      }
      for (const [id, at] of touched) {
        const appointment = after.appointments?.[id];
        if (appointment) store.recordAppointment(appointment, at);
      }
    },
  };
}

/**
 * Online booking and check-in for one hub. Name and phone, when given, stay in this hub's store;
 * the booking codes' secret too (see BookingCodes).
 */
export function createAppointmentsFeature(
  ctx: FeatureContext,
  store: AppointmentStore,
  statusUrl: (ticketId: string) => string,
): HubFeature {
  const codes = new BookingCodes(store.codeSecret(BookingCodes.newSecret));
  const booking = new OnlineBooking(ctx, store, codes);
  const checkIn = createCheckIn(ctx, codes, statusUrl);
  let releaseTimer: ReturnType<typeof setInterval> | null = null;

  function releaseOverdue(): void {
    if (overdueAppointments(ctx.engine.state, ctx.engine.now()).length === 0) return;
    const reply = ctx.engine.execute({ kind: 'system' }, { type: 'appointment.release' }, null);
    if (!reply.ok) ctx.log.warn({ code: reply.code }, 'could not release overdue bookings');
    else ctx.log.info({ seq: reply.result.seq }, 'overdue bookings released as no-shows');
  }

  function useDemoPolicy(): void {
    if (!ctx.options.demo || ctx.engine.state.config.appointments) return;
    const reply = ctx.engine.execute(
      { kind: 'system' },
      { type: 'config.setAppointments', appointments: demoAppointmentPolicy(ctx.engine.state) },
      null,
    );
    if (!reply.ok) ctx.log.warn({ code: reply.code }, 'demo booking policy refused');
  }

  return {
    name: 'appointments',
    routes: appointmentRoutes(ctx, store, codes, booking),
    projector: appointmentRecords(store),
    socketHandlers: { 'appointment.checkIn': (request, actor) => checkIn(request, actor) },
    start() {
      useDemoPolicy();
      releaseOverdue();
      releaseTimer = setInterval(() => {
        try {
          releaseOverdue();
        } catch (error) {
          ctx.log.warn({ err: error }, 'booking release failed; will retry');
        }
      }, RELEASE_EVERY_MS);
      releaseTimer.unref();
    },
    stop() {
      if (releaseTimer) clearInterval(releaseTimer);
      releaseTimer = null;
    },
  };
}
