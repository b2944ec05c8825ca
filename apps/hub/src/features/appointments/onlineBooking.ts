import {
  appointmentPolicyOf,
  bookableDays,
  phoneBookingRefusal,
  phoneKey,
  sortedServices,
  type BookingOffer,
  type BookRequest,
  type CommandReply,
  type HttpReply,
} from '@motcua/core';
import { refusalBody } from '../../net/routes.js';
import type { FeatureContext } from '../types.js';
import type { AppointmentStore } from './appointmentStore.js';
import { appointmentView, httpStatusOf } from './appointmentView.js';
import type { BookingCodes } from './bookingCodes.js';

/** How long the answer to a booking page's requestId is kept for its retries. */
const BOOKING_REPLY_KEPT_MS = 10 * 60_000;

export interface BookingOutcome {
  status: number;
  body: HttpReply<'POST /api/appointments'>;
}

/** Booking from the public page: a fresh code per booking, its contact stored in the booking's transaction. */
export class OnlineBooking {
  /** Answers by the page's requestId, with the monotonic time they were given (this hub only). */
  private readonly recentBookings = new Map<string, BookingOutcome & { at: number }>();

  constructor(
    private readonly ctx: FeatureContext,
    private readonly store: AppointmentStore,
    private readonly codes: BookingCodes,
  ) {}

  book(request: BookRequest): BookingOutcome {
    const { serviceId, day, slot, name, phone, requestId } = request;
    const remembered = requestId ? this.recentBookings.get(requestId) : undefined;
    if (remembered) return { status: remembered.status, body: remembered.body };
    const capped = this.phoneCapRefusal(request);
    if (capped) return capped;
    let reply: CommandReply | null = null;
    let code = '';
    // A fresh code until its id is new (a clash of 40-bit codes is rare but possible).
    for (let attempt = 0; attempt < 5; attempt++) {
      code = this.codes.newCode();
      const appointmentId = this.codes.appointmentIdFor(code);
      // The contact is written in the booking's transaction: never a booking that lost its contact.
      const saveContact = () => this.store.saveContact({ appointmentId, day, name, phone });
      reply = this.ctx.engine.execute(
        { kind: 'system' },
        { type: 'appointment.book', appointmentId, serviceId, day, slot },
        null,
        name || phone ? saveContact : undefined,
      );
      if (reply.ok || reply.code !== 'CONFLICT') break;
    }
    if (!reply || !reply.ok || !reply.result.appointment) {
      const failed = reply && !reply.ok ? reply.code : 'INTERNAL';
      return { status: httpStatusOf(failed), body: refusalBody(failed) };
    }
    const view = appointmentView(this.ctx.engine.state, this.ctx.publicUrl(), reply.result.appointment, code);
    const booked: BookingOutcome = { status: 201, body: { ok: true, appointment: view } };
    if (requestId) this.remember(requestId, booked);
    this.ctx.log.info({ serviceId, day, slot }, 'appointment booked online');
    return booked;
  }

  /** The policy's per-phone caps: one person cannot hold a service's whole day by giving the same number. */
  private phoneCapRefusal({ serviceId, day, phone }: BookRequest): BookingOutcome | null {
    const key = phoneKey(phone);
    if (key === '') return null;
    const held = this.store
      .activeBookingPhones(day)
      .filter((booking) => phoneKey(booking.phone) === key)
      .map((booking) => booking.serviceId);
    const refusal = phoneBookingRefusal(appointmentPolicyOf(this.ctx.engine.state.config), held, serviceId);
    if (!refusal) return null;
    this.ctx.log.info({ serviceId, day, ...refusal }, 'online booking over the per-phone cap');
    return { status: httpStatusOf('BOOKING_LIMIT_REACHED'), body: refusalBody('BOOKING_LIMIT_REACHED', refusal) };
  }

  private remember(requestId: string, outcome: BookingOutcome): void {
    const at = this.ctx.clock.monotonic();
    for (const [key, value] of this.recentBookings)
      if (at - value.at > BOOKING_REPLY_KEPT_MS) this.recentBookings.delete(key);
    this.recentBookings.set(requestId, { ...outcome, at });
  }

  /** The services that take bookings, with their bookable days, for the booking page. */
  publicServices(): BookingOffer {
    const state = this.ctx.engine.state;
    const policy = appointmentPolicyOf(state.config);
    const now = this.ctx.engine.now();
    const services = policy.enabled
      ? sortedServices(state)
          .filter((s) => s.enabled && (policy.services[s.id]?.perSlot ?? 0) > 0)
          .map((s) => ({
            id: s.id,
            code: s.code,
            name: s.name,
            field: state.config.fields[s.fieldId]?.name ?? null,
            days: bookableDays(state, s.id, now),
          }))
      : [];
    return {
      ok: true,
      office: { name: state.config.office.name, nameEn: state.config.office.nameEn },
      enabled: policy.enabled,
      slotMinutes: policy.slotMinutes,
      earlyMinutes: policy.earlyMinutes,
      lateMinutes: policy.lateMinutes,
      services,
    };
  }
}
