import {
  appointmentPolicyOf,
  appointmentSlots,
  bookableDays,
  bookingCodeFromBytes,
  bookingCodeFromText,
  clockTimeSchema,
  errorMessages,
  idSchema,
  isoDateSchema,
  officeClock,
  overdueAppointments,
  sortedServices,
  type Actor,
  type Appointment,
  type AppointmentPolicy,
  type CheckInReply,
  type CommandReply,
  type ErrorCode,
  type EventEnvelope,
  type LocalizedName,
  type QueueState,
} from '@motcua/core';
import { createHmac, randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { defineRoute, refusalBody, refuse, type HubRoute } from '../net/routes.js';
import { TokenBucket } from '../net/tokenBucket.js';
import { citizenAppRoutes } from './appointmentsCitizenApp.js';
import { ticketStatusUrl } from './ticketStatus.js';
import type { Db } from '../store/openDatabase.js';
import type { HubContext, HubFeature } from './types.js';

/** Per client address (trust-proxy aware): bookings per window, enough for a family, too few to fill a day. */
export const BOOKINGS_PER_WINDOW = 6;
export const BOOKING_WINDOW_MS = 30_000;
/** Per client address (look-ups and cancels) and per kiosk (check-ins): enough for people, too few to guess codes. */
export const CODE_ATTEMPTS_PER_MINUTE = 30;
export const CODE_ATTEMPT_BURST = 20;
/** How often the hub releases bookings whose window has passed. */
export const RELEASE_EVERY_MS = 15_000;

const bookRequestSchema = z.strictObject({
  serviceId: idSchema,
  day: isoDateSchema,
  slot: clockTimeSchema,
  /** Optional; kept only until the day of the appointment is over. */
  name: z.string().trim().max(80).default(''),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ .()-]{0,20}$/, 'số điện thoại / phone number')
    .default(''),
  /** Made by the page once per submit: a retry returns the same booking. */
  requestId: z.string().min(8).max(64).optional(),
});
type BookRequest = z.output<typeof bookRequestSchema>;
const codeRequestSchema = z.strictObject({ code: z.string().min(1).max(300) });
const checkInRequestSchema = z.strictObject({
  /** What the citizen typed or the scanner sent: the code, or the booking link of the QR. */
  code: z.string().min(1).max(300),
  requestId: z.string().min(8).max(64).optional(),
});

/** A booking as the citizen sees it: no id, no other citizen's data. */
export interface AppointmentView {
  code: string;
  service: LocalizedName;
  serviceId: string;
  day: string;
  slot: string;
  status: Appointment['status'];
  /** From when and until when a check-in is served at the slot time ("HH:MM"). */
  checkInFrom: string;
  checkInUntil: string;
  officeName: string;
  /** The link the QR code carries. */
  bookingUrl: string;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  APPOINTMENT_NOT_FOUND: 404,
  SLOT_FULL: 409,
  CONFLICT: 409,
  APPOINTMENT_CANCELLED: 409,
  APPOINTMENT_USED: 409,
  STORE_BUSY: 503,
  STORE_UNAVAILABLE: 503,
};

function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code] ?? 422;
}

/** Per-key token buckets that forget keys once there are too many (one per client IP). */
class RateLimiter {
  private buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      bucket = new TokenBucket(this.burst, this.perMinute / 60_000);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}

interface ReportRow {
  serviceId: string;
  booked: number;
  checkedIn: number;
  late: number;
  noShow: number;
  cancelled: number;
}

/** A day's bookings per service: how many came (on time or late), did not come, or cancelled. */
export function appointmentReport(
  hub: HubContext,
  day: string,
): { services: ReportRow[]; noShows: { serviceId: string; slot: string }[] } {
  const services = hub.db
    .prepare(
      `SELECT service_id AS serviceId, COUNT(*) AS booked,
         SUM(status = 'checkedIn') AS checkedIn, SUM(arrival = 'late') AS late,
         SUM(status = 'noShow') AS noShow, SUM(status = 'cancelled') AS cancelled
       FROM appointment_records WHERE day = ? GROUP BY service_id ORDER BY service_id`,
    )
    .all(day) as ReportRow[];
  const noShows = hub.db
    .prepare(
      `SELECT service_id AS serviceId, slot FROM appointment_records WHERE day = ? AND status = 'noShow' ORDER BY slot`,
    )
    .all(day) as { serviceId: string; slot: string }[];
  return { services, noShows };
}

/** The demo office takes bookings for every service, three per half hour. */
export function demoAppointmentPolicy(state: QueueState): AppointmentPolicy {
  const services: AppointmentPolicy['services'] = {};
  for (const service of Object.values(state.config.services)) {
    if (service.enabled) services[service.id] = { perSlot: 3, perDay: 0 };
  }
  return {
    enabled: true,
    slotMinutes: 30,
    earlyMinutes: 30,
    lateMinutes: 15,
    daysAhead: 14,
    leadMinutes: 0,
    services,
  };
}

/**
 * Online booking and check-in. Booking codes never enter the shared state: the appointment's id
 * is an HMAC of its code with a hub secret, so displays and counters that fold the events cannot
 * cancel or use someone's booking. Name and phone, when given, stay in a hub table.
 */
export function createAppointmentsFeature(): HubFeature {
  let ctx: HubContext | null = null;
  let secret = '';
  let releaseTimer: ReturnType<typeof setInterval> | null = null;
  const codeLimiter = new RateLimiter(CODE_ATTEMPT_BURST, CODE_ATTEMPTS_PER_MINUTE);
  const recentBookings = new Map<string, { at: number; status: number; body: unknown }>();

  function appointmentIdFor(code: string): string {
    return `ap-${createHmac('sha256', secret).update(code).digest('base64url').slice(0, 24)}`;
  }

  function bookingUrl(hub: HubContext, code: string): string {
    const base = (hub.engine.state.config.kiosk.statusBaseUrl || hub.publicUrl()).replace(/\/+$/, '');
    return `${base}/book/?code=${code}`;
  }

  function viewOf(hub: HubContext, appointment: Appointment, code: string): AppointmentView {
    const state = hub.engine.state;
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
      bookingUrl: bookingUrl(hub, code),
    };
  }

  /** The appointment behind what someone typed, or the error to show. */
  function findByCode(hub: HubContext, text: string): { code: string; appointment: Appointment } | ErrorCode {
    const code = bookingCodeFromText(text);
    if (!code) return 'APPOINTMENT_NOT_FOUND';
    const appointment = hub.engine.state.appointments?.[appointmentIdFor(code)];
    return appointment ? { code, appointment } : 'APPOINTMENT_NOT_FOUND';
  }

  /**
   * The booking records for reports and the contact details' lifetime, written in the events' own
   * transaction: a booking, its record and its contact are stored together or not at all.
   */
  function project(tx: Db, envelopes: EventEnvelope[], after: QueueState): void {
    const touched = new Map<string, number>();
    for (const { event, at } of envelopes) {
      if (event.type === 'appointment.booked') touched.set(event.appointment.id, at);
      else if (event.type === 'appointment.released') for (const id of event.appointmentIds) touched.set(id, at);
      else if ('appointmentId' in event) touched.set(event.appointmentId, at);
      // Contact details are kept only while they can be used: until cancelled, or until the day is over.
      if (event.type === 'appointment.cancelled')
        tx.prepare('DELETE FROM appointment_contacts WHERE appointment_id = ?').run(event.appointmentId);
      if (event.type === 'day.opened')
        tx.prepare('DELETE FROM appointment_contacts WHERE day < ?').run(event.serviceDay);
    }
    if (touched.size === 0) return;
    const upsert = tx.prepare(
      `INSERT INTO appointment_records (id, service_id, day, slot, status, arrival, ticket_id, booked_at, updated_at)
       VALUES (@id, @serviceId, @day, @slot, @status, @arrival, @ticketId, @bookedAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, arrival = excluded.arrival,
         ticket_id = excluded.ticket_id, updated_at = excluded.updated_at`,
    );
    for (const [id, at] of touched) {
      const a = after.appointments?.[id];
      if (a) upsert.run({ ...a, updatedAt: at });
    }
  }

  function releaseOverdue(hub: HubContext): void {
    if (overdueAppointments(hub.engine.state, hub.engine.now()).length > 0) {
      const reply = hub.engine.execute({ kind: 'system' }, { type: 'appointment.release' }, null);
      if (!reply.ok) hub.log.warn({ code: reply.code }, 'could not release overdue bookings');
      else hub.log.info({ seq: reply.result.seq }, 'overdue bookings released as no-shows');
    }
  }

  function book(hub: HubContext, request: BookRequest): { status: number; body: unknown } {
    const { serviceId, day, slot, name, phone, requestId } = request;
    const remembered = requestId ? recentBookings.get(requestId) : undefined;
    if (remembered) return remembered;
    let reply: CommandReply | null = null;
    let code = '';
    // A fresh code until its id is new (a clash of 40-bit codes is rare but possible).
    for (let attempt = 0; attempt < 5; attempt++) {
      code = bookingCodeFromBytes(randomBytes(8));
      const appointmentId = appointmentIdFor(code);
      // The contact is written in the booking's transaction: never a booking that lost its contact.
      const storeContact = (tx: Db) =>
        tx
          .prepare('INSERT INTO appointment_contacts (appointment_id, day, name, phone) VALUES (?, ?, ?, ?)')
          .run(appointmentId, day, name, phone);
      reply = hub.engine.execute(
        { kind: 'system' },
        { type: 'appointment.book', appointmentId, serviceId, day, slot },
        null,
        name || phone ? storeContact : undefined,
      );
      if (reply.ok || reply.code !== 'CONFLICT') break;
    }
    if (!reply || !reply.ok || !reply.result.appointment) {
      const failed = reply && !reply.ok ? reply.code : 'INTERNAL';
      return { status: httpStatusOf(failed), body: refusalBody(failed) };
    }
    const appointment = reply.result.appointment;
    const booked = { at: Date.now(), status: 201, body: { ok: true, appointment: viewOf(hub, appointment, code) } };
    if (requestId) {
      for (const [key, value] of recentBookings) if (booked.at - value.at > 10 * 60_000) recentBookings.delete(key);
      recentBookings.set(requestId, booked);
    }
    hub.log.info({ serviceId, day, slot }, 'appointment booked online');
    return booked;
  }

  function publicServices(hub: HubContext) {
    const state = hub.engine.state;
    const policy = appointmentPolicyOf(state.config);
    const now = hub.engine.now();
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

  function checkIn(hub: HubContext, request: unknown, actor: Actor): CheckInReply {
    const fail = (code: ErrorCode, details?: Record<string, unknown>): CheckInReply => ({
      ok: false,
      code,
      message: errorMessages[code].vi,
      messageEn: errorMessages[code].en,
      ...(details ? { details } : {}),
    });
    if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED');
    const parsed = checkInRequestSchema.safeParse(request);
    if (!parsed.success) return fail('BAD_REQUEST');
    const key = actor.kind === 'device' ? actor.deviceId : actor.kind === 'user' ? actor.userId : 'system';
    if (!codeLimiter.take(`checkin:${key}`)) return fail('RATE_LIMITED');
    const code = bookingCodeFromText(parsed.data.code);
    if (!code) return fail('APPOINTMENT_NOT_FOUND');
    const reply = hub.engine.execute(
      actor,
      { type: 'appointment.checkIn', appointmentId: appointmentIdFor(code) },
      parsed.data.requestId ?? null,
    );
    if (!reply.ok) return fail(reply.code, reply.details);
    const { ticket, ahead, etaMinutes, appointment } = reply.result;
    if (!ticket || !appointment) return fail('INTERNAL');
    return {
      ok: true,
      ticket,
      ahead: ahead ?? 0,
      etaMinutes: etaMinutes ?? 0,
      arrival: appointment.arrival ?? 'late',
      slot: appointment.slot,
      statusUrl: ticketStatusUrl(hub, ticket.id),
    };
  }

  return {
    name: 'appointments',
    routes: (hub): HubRoute[] => [
      ...citizenAppRoutes(),
      defineRoute({ method: 'GET', url: '/api/appointments/services', handler: () => publicServices(hub) }),
      defineRoute({
        method: 'GET',
        url: '/api/appointments/slots',
        query: z.object({ serviceId: idSchema, day: isoDateSchema }),
        handler: ({ query }) => {
          const slots = appointmentSlots(hub.engine.state, query.serviceId, query.day, hub.engine.now()).map((s) => ({
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
          const outcome = book(hub, body);
          return reply.code(outcome.status).send(outcome.body);
        },
      }),
      defineRoute({
        method: 'GET',
        url: '/api/appointments/code/:code',
        params: z.object({ code: z.string().min(1).max(300) }),
        rateLimit: { max: CODE_ATTEMPTS_PER_MINUTE, windowMs: 60_000 },
        handler: ({ params, reply }) => {
          const found = findByCode(hub, params.code);
          if (typeof found === 'string') return refuse(reply, 404, found);
          return { ok: true, appointment: viewOf(hub, found.appointment, found.code) };
        },
      }),
      defineRoute({
        method: 'GET',
        url: '/api/appointments/report',
        query: z.object({ day: isoDateSchema.optional() }),
        handler: ({ query }) => {
          const day = query.day ?? hub.engine.state.serviceDay;
          return { ok: true, day, ...appointmentReport(hub, day) };
        },
      }),
      defineRoute({
        method: 'POST',
        url: '/api/appointments/cancel',
        body: codeRequestSchema,
        bodyLimit: 10_000,
        rateLimit: { max: CODE_ATTEMPTS_PER_MINUTE, windowMs: 60_000 },
        handler: ({ body, reply }) => {
          const found = findByCode(hub, body.code);
          if (typeof found === 'string') return refuse(reply, 404, found);
          const result = hub.engine.execute(
            { kind: 'system' },
            { type: 'appointment.cancel', appointmentId: found.appointment.id },
            null,
          );
          if (!result.ok) return refuse(reply, httpStatusOf(result.code), result.code);
          const cancelled = hub.engine.state.appointments?.[found.appointment.id] ?? found.appointment;
          return { ok: true, appointment: viewOf(hub, cancelled, found.code) };
        },
      }),
    ],
    projector: () => ({ name: 'appointment records', project }),
    onConnection(socket: Socket, hub, api) {
      api.handle(socket, 'appointment.checkIn', (request, actor) => checkIn(hub, request, actor));
    },
    start(hub) {
      ctx = hub;
      secret = hub.store.metaValue('appointment_code_secret') ?? '';
      if (!secret) {
        secret = randomBytes(32).toString('hex');
        hub.store.setMetaValue('appointment_code_secret', secret);
      }
      if (hub.options.demo && !hub.engine.state.config.appointments) {
        const reply = hub.engine.execute(
          { kind: 'system' },
          { type: 'config.setAppointments', appointments: demoAppointmentPolicy(hub.engine.state) },
          null,
        );
        if (!reply.ok) hub.log.warn({ code: reply.code }, 'demo booking policy refused');
      }
      releaseOverdue(hub);
      releaseTimer = setInterval(() => {
        try {
          if (ctx) releaseOverdue(ctx);
        } catch (error) {
          hub.log.warn({ err: error }, 'booking release failed; will retry');
        }
      }, RELEASE_EVERY_MS);
      releaseTimer.unref();
    },
    stop() {
      if (releaseTimer) clearInterval(releaseTimer);
      releaseTimer = null;
      ctx = null;
    },
  };
}

export const appointmentsFeature = createAppointmentsFeature();
