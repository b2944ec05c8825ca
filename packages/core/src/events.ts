import { z } from 'zod';
import {
  appointmentArrivalSchema,
  appointmentPolicySchema,
  appointmentSchema,
  counterSchema,
  deviceSchema,
  displaySettingsSchema,
  fieldSchema,
  idSchema,
  isoDateSchema,
  kioskSettingsSchema,
  officeSchema,
  printerProfileSchema,
  priorityPolicySchema,
  procedureInfoSchema,
  serviceSchema,
  ticketSchema,
  userSchema,
  ratingMethodSettingsSchema,
} from './schemas.js';
import { placementSchema } from './commands.js';
import { hasRatingAnswer, RATING_ANSWER_MISSING, ratingAnswerFields, ratingSchema } from './ratingMethod.js';

const at = z.number();
const ticketAt = { ticketId: idSchema, at };

export const eventSchemas = {
  'ticket.issued': z.object({
    type: z.literal('ticket.issued'),
    ticket: ticketSchema,
    /**
     * What the citizen was told at issue, kept for the ETA error report: people ahead and the estimated
     * wait, null when no counter with a clerk served the service. Absent in events of older hubs.
     */
    estimate: z.object({ ahead: z.number().int(), etaMinutes: z.number().nullable() }).optional(),
  }),
  'ticket.called': z.object({
    type: z.literal('ticket.called'),
    ...ticketAt,
    counterId: idSchema,
    clerkId: idSchema.nullable(),
    /** How it was chosen: next in line, or picked from the list. */
    how: z.enum(['next', 'chosen', 'resumed']),
    /** True when the call was a priority ticket taken by the interleave. */
    priority: z.boolean(),
  }),
  'ticket.recalled': z.object({ type: z.literal('ticket.recalled'), ...ticketAt, counterId: idSchema }),
  'ticket.started': z.object({ type: z.literal('ticket.started'), ...ticketAt }),
  'ticket.finished': z.object({ type: z.literal('ticket.finished'), ...ticketAt }),
  'ticket.noShow': z.object({ type: z.literal('ticket.noShow'), ...ticketAt }),
  'ticket.returned': z.object({
    type: z.literal('ticket.returned'),
    ...ticketAt,
    queuedAt: z.number(),
    /** Absent in events from before "to the front" was a flag: those kept their place. */
    placement: placementSchema.optional(),
  }),
  'ticket.transferred': z.object({
    type: z.literal('ticket.transferred'),
    ...ticketAt,
    fromCounterId: idSchema.nullable(),
    toServiceId: idSchema,
    toCounterId: idSchema.nullable(),
    placement: placementSchema,
    queuedAt: z.number(),
  }),
  /** A dossier code joined to a ticket: by the clerk serving it (`counterId`), or at issue from the kiosk (null). */
  'ticket.dossierAttached': z.object({
    type: z.literal('ticket.dossierAttached'),
    ...ticketAt,
    dossierCode: z.string(),
    counterId: idSchema.nullable(),
  }),
  'ticket.parked': z.object({ type: z.literal('ticket.parked'), ...ticketAt, counterId: idSchema }),
  'ticket.resumed': z.object({ type: z.literal('ticket.resumed'), ...ticketAt, counterId: idSchema }),
  /** A kiosk printed the ticket again; `copy` counts the reprints of this ticket from 1. */
  'ticket.reprinted': z.object({ type: z.literal('ticket.reprinted'), ...ticketAt, copy: z.number().int().min(1) }),
  'ticket.cancelled': z.object({ type: z.literal('ticket.cancelled'), ...ticketAt, reason: z.string() }),
  'counter.opened': z.object({ type: z.literal('counter.opened'), counterId: idSchema, at }),
  'counter.paused': z.object({ type: z.literal('counter.paused'), counterId: idSchema, reason: z.string(), at }),
  'counter.closed': z.object({ type: z.literal('counter.closed'), counterId: idSchema, at }),
  'counter.clerkAssigned': z.object({
    type: z.literal('counter.clerkAssigned'),
    counterId: idSchema,
    userId: idSchema.nullable(),
    at,
  }),
  /**
   * The hub has not seen any device of this open (or staffed) counter for the office's
   * counterLostAfterSeconds: the counter shows "Mất kết nối" and its idle time stops at `lastSeenAt`.
   */
  'counter.deviceLost': z.object({
    type: z.literal('counter.deviceLost'),
    counterId: idSchema,
    /** When the hub last had a connection from the counter's device (or its own start, after a restart). */
    lastSeenAt: z.number(),
    at,
  }),
  /** A device of the counter is connected again: "Mất kết nối" clears and idle time counts again. */
  'counter.deviceBack': z.object({ type: z.literal('counter.deviceBack'), counterId: idSchema, at }),
  'rating.submitted': z.object({ type: z.literal('rating.submitted'), rating: ratingSchema }),
  /** The same ticket's rating, with the score and reasons of the reason step; it replaces the first answer. */
  'rating.amended': z
    .object({
      type: z.literal('rating.amended'),
      ...ticketAt,
      counterId: idSchema,
      ...ratingAnswerFields,
    })
    .refine(hasRatingAnswer, RATING_ANSWER_MISSING),
  /** The office's satisfaction method: the scale the pads show and the reasons they offer. */
  'config.ratingMethodSet': z.object({
    type: z.literal('config.ratingMethodSet'),
    ratingMethod: ratingMethodSettingsSchema,
  }),
  'alert.raised': z.object({
    type: z.literal('alert.raised'),
    alertId: idSchema,
    alertKind: z.string(),
    message: z.string(),
    source: z.string(),
    at,
  }),
  'alert.cleared': z.object({ type: z.literal('alert.cleared'), alertId: idSchema, at }),
  'day.closed': z.object({
    type: z.literal('day.closed'),
    serviceDay: isoDateSchema,
    /**
     * Written by older hubs only. The fold derives the expired tickets itself (every
     * ticket still waiting, called, serving, parked or no-show), so the event's size does not grow with the queue.
     */
    expiredTicketIds: z.array(idSchema).optional(),
    at,
  }),
  'day.opened': z.object({ type: z.literal('day.opened'), serviceDay: isoDateSchema, at }),
  'config.officeSet': z.object({ type: z.literal('config.officeSet'), office: officeSchema }),
  'config.fieldUpserted': z.object({ type: z.literal('config.fieldUpserted'), field: fieldSchema }),
  'config.fieldRemoved': z.object({ type: z.literal('config.fieldRemoved'), fieldId: idSchema }),
  'config.serviceUpserted': z.object({ type: z.literal('config.serviceUpserted'), service: serviceSchema }),
  'config.serviceRemoved': z.object({ type: z.literal('config.serviceRemoved'), serviceId: idSchema }),
  'config.counterUpserted': z.object({ type: z.literal('config.counterUpserted'), counter: counterSchema }),
  'config.counterRemoved': z.object({ type: z.literal('config.counterRemoved'), counterId: idSchema }),
  'config.userUpserted': z.object({ type: z.literal('config.userUpserted'), user: userSchema }),
  'config.deviceUpserted': z.object({ type: z.literal('config.deviceUpserted'), device: deviceSchema }),
  'config.printerProfileUpserted': z.object({
    type: z.literal('config.printerProfileUpserted'),
    profile: printerProfileSchema,
  }),
  'config.printerProfileRemoved': z.object({
    type: z.literal('config.printerProfileRemoved'),
    profileId: idSchema,
  }),
  'config.priorityPolicySet': z.object({
    type: z.literal('config.priorityPolicySet'),
    priority: priorityPolicySchema,
  }),
  'config.displaySet': z.object({ type: z.literal('config.displaySet'), display: displaySettingsSchema }),
  'config.kioskSet': z.object({ type: z.literal('config.kioskSet'), kiosk: kioskSettingsSchema }),
  'config.procedureInfoSet': z.object({
    type: z.literal('config.procedureInfoSet'),
    serviceId: idSchema,
    info: procedureInfoSchema,
  }),
  'appointment.booked': z.object({ type: z.literal('appointment.booked'), appointment: appointmentSchema }),
  'appointment.cancelled': z.object({ type: z.literal('appointment.cancelled'), appointmentId: idSchema, at }),
  /** Follows the `ticket.issued` of the same command. */
  'appointment.checkedIn': z.object({
    type: z.literal('appointment.checkedIn'),
    appointmentId: idSchema,
    ticketId: idSchema,
    arrival: appointmentArrivalSchema,
    at,
  }),
  /** Bookings whose window passed without a check-in: no-shows. */
  'appointment.released': z.object({
    type: z.literal('appointment.released'),
    appointmentIds: z.array(idSchema),
    at,
  }),
  'config.appointmentsSet': z.object({
    type: z.literal('config.appointmentsSet'),
    appointments: appointmentPolicySchema,
  }),
} as const;

export type DomainEventType = keyof typeof eventSchemas;
export const eventTypes = Object.keys(eventSchemas) as DomainEventType[];
export type DomainEvent = { [K in DomainEventType]: z.output<(typeof eventSchemas)[K]> }[DomainEventType];
export type EventOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>;

export const domainEventSchema = z.discriminatedUnion(
  'type',
  Object.values(eventSchemas) as unknown as [
    (typeof eventSchemas)[DomainEventType],
    ...(typeof eventSchemas)[DomainEventType][],
  ],
);

/** An event as stored and broadcast: its place in the log, when, and who caused it. */
export interface EventEnvelope {
  seq: number;
  at: number;
  /** "user:<id>", "device:<id>" or "system". */
  actor: string;
  event: DomainEvent;
}
