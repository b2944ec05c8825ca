import { z } from 'zod';
import { printerProfileCommandSchema } from './printerAddress.js';
import { hasRatingAnswer, RATING_ANSWER_MISSING, ratingAnswerFields, ratingReasonIdsSchema } from './ratingMethod.js';
import {
  appointmentPolicySchema,
  clockTimeSchema,
  counterSchema,
  deviceSchema,
  displaySettingsSchema,
  dossierCodeSchema,
  fieldSchema,
  idSchema,
  isoDateSchema,
  kioskSettingsSchema,
  officeSchema,
  priorityPolicySchema,
  procedureInfoSchema,
  serviceSchema,
  ticketSourceSchema,
  userSchema,
  ratingMethodSettingsSchema,
} from './schemas.js';

const reasonText = z.string().trim().max(200);
export const placementSchema = z.enum(['keepPlace', 'front']);
export type Placement = z.infer<typeof placementSchema>;

const counterTicket = { counterId: idSchema, ticketId: idSchema };

/**
 * Every command a client can send, as one discriminated union. Each is validated with its schema
 * before `decide` sees it; unknown keys are rejected so a typo never passes silently.
 */
/** What an alert is about. Devices may raise only the kinds in `deviceAlertKinds`; staff may also raise `other`. */
export const alertKindSchema = z.enum([
  'printerPaperOut',
  'printerPaperNearEnd',
  'printerOffline',
  'printerCoverOpen',
  'printerError',
  /** Raised by the hub itself when its wall clock reads earlier than the last stored event. */
  'clockSteppedBack',
  'other',
]);
export type AlertKind = z.infer<typeof alertKindSchema>;
export const deviceAlertKinds: readonly AlertKind[] = [
  'printerPaperOut',
  'printerPaperNearEnd',
  'printerOffline',
  'printerCoverOpen',
  'printerError',
];

export const commandSchemas = {
  'ticket.issue': z.strictObject({
    type: z.literal('ticket.issue'),
    serviceId: idSchema,
    priorityGroup: idSchema.nullable().default(null),
    source: ticketSourceSchema.default('kiosk'),
    /** The dossier whose result the citizen comes to collect, scanned or typed at the kiosk. */
    dossierCode: dossierCodeSchema.nullable().default(null),
  }),
  'ticket.callNext': z.strictObject({ type: z.literal('ticket.callNext'), counterId: idSchema }),
  'ticket.callChosen': z.strictObject({ type: z.literal('ticket.callChosen'), ...counterTicket }),
  'ticket.recall': z.strictObject({ type: z.literal('ticket.recall'), ...counterTicket }),
  'ticket.start': z.strictObject({ type: z.literal('ticket.start'), ...counterTicket }),
  'ticket.finish': z.strictObject({ type: z.literal('ticket.finish'), ...counterTicket }),
  'ticket.noShow': z.strictObject({ type: z.literal('ticket.noShow'), ...counterTicket }),
  'ticket.returnToQueue': z.strictObject({
    type: z.literal('ticket.returnToQueue'),
    ticketId: idSchema,
    placement: placementSchema.default('keepPlace'),
  }),
  'ticket.transfer': z.strictObject({
    type: z.literal('ticket.transfer'),
    ticketId: idSchema,
    toServiceId: idSchema.nullable().default(null),
    toCounterId: idSchema.nullable().default(null),
    placement: placementSchema.default('keepPlace'),
  }),
  /** The clerk scanned or typed the dossier code of the ticket being served. */
  'ticket.attachDossier': z.strictObject({
    type: z.literal('ticket.attachDossier'),
    ...counterTicket,
    dossierCode: dossierCodeSchema,
  }),
  'ticket.park': z.strictObject({ type: z.literal('ticket.park'), ...counterTicket }),
  'ticket.resume': z.strictObject({ type: z.literal('ticket.resume'), ...counterTicket }),
  /** The kiosk prints its ticket again: counted against the office's reprint limit and audited. */
  'ticket.reprint': z.strictObject({ type: z.literal('ticket.reprint'), ticketId: idSchema }),
  'ticket.cancel': z.strictObject({
    type: z.literal('ticket.cancel'),
    ticketId: idSchema,
    reason: reasonText.default(''),
  }),
  'counter.open': z.strictObject({ type: z.literal('counter.open'), counterId: idSchema }),
  'counter.pause': z.strictObject({
    type: z.literal('counter.pause'),
    counterId: idSchema,
    reason: reasonText.min(1),
  }),
  'counter.close': z.strictObject({ type: z.literal('counter.close'), counterId: idSchema }),
  /** Sent by the hub itself after a clerk's PIN is checked; clients use the sign-in call. */
  'counter.assignClerk': z.strictObject({
    type: z.literal('counter.assignClerk'),
    counterId: idSchema,
    userId: idSchema.nullable(),
  }),
  /** Sent by the hub's presence watch when the counter's device has been gone for the office's set time. */
  'counter.markDeviceLost': z.strictObject({
    type: z.literal('counter.markDeviceLost'),
    counterId: idSchema,
    lastSeenAt: z.number().int().min(0),
  }),
  /** Sent by the hub's presence watch when a device of a lost counter connects again. */
  'counter.markDeviceBack': z.strictObject({ type: z.literal('counter.markDeviceBack'), counterId: idSchema }),
  /**
   * The first tap: the answer on the scale the pad showed (`score` alone: a four-level pad, read as
   * legacyFour). A required reason may follow in `rating.amend`, so the tap is stored at once.
   */
  'rating.submit': z
    .strictObject({
      type: z.literal('rating.submit'),
      counterId: idSchema,
      ticketId: idSchema,
      ...ratingAnswerFields,
      reasons: ratingReasonIdsSchema.default([]),
    })
    .refine(hasRatingAnswer, RATING_ANSWER_MISSING),
  /** The reason step after the first tap: changes the answer or adds reasons to the rating already sent. */
  'rating.amend': z
    .strictObject({
      type: z.literal('rating.amend'),
      counterId: idSchema,
      ticketId: idSchema,
      ...ratingAnswerFields,
      reasons: ratingReasonIdsSchema.default([]),
    })
    .refine(hasRatingAnswer, RATING_ANSWER_MISSING),
  'config.setRatingMethod': z.strictObject({
    type: z.literal('config.setRatingMethod'),
    ratingMethod: ratingMethodSettingsSchema,
  }),
  'alert.raise': z.strictObject({
    type: z.literal('alert.raise'),
    alertKind: alertKindSchema,
    message: z.string().trim().min(1).max(300),
  }),
  'alert.clear': z.strictObject({ type: z.literal('alert.clear'), alertId: idSchema }),
  /** Close today's service day early (admin), or roll over to the new day (the hub's scheduler). */
  'day.close': z.strictObject({ type: z.literal('day.close') }),
  'config.setOffice': z.strictObject({ type: z.literal('config.setOffice'), office: officeSchema }),
  'config.upsertField': z.strictObject({ type: z.literal('config.upsertField'), field: fieldSchema }),
  'config.removeField': z.strictObject({ type: z.literal('config.removeField'), fieldId: idSchema }),
  'config.upsertService': z.strictObject({ type: z.literal('config.upsertService'), service: serviceSchema }),
  'config.removeService': z.strictObject({ type: z.literal('config.removeService'), serviceId: idSchema }),
  'config.upsertCounter': z.strictObject({ type: z.literal('config.upsertCounter'), counter: counterSchema }),
  'config.removeCounter': z.strictObject({ type: z.literal('config.removeCounter'), counterId: idSchema }),
  'config.upsertUser': z.strictObject({ type: z.literal('config.upsertUser'), user: userSchema }),
  'config.upsertDevice': z.strictObject({ type: z.literal('config.upsertDevice'), device: deviceSchema }),
  'config.upsertPrinterProfile': z.strictObject({
    type: z.literal('config.upsertPrinterProfile'),
    profile: printerProfileCommandSchema,
  }),
  'config.removePrinterProfile': z.strictObject({
    type: z.literal('config.removePrinterProfile'),
    profileId: idSchema,
  }),
  'config.setPriorityPolicy': z.strictObject({
    type: z.literal('config.setPriorityPolicy'),
    priority: priorityPolicySchema,
  }),
  'config.setDisplay': z.strictObject({ type: z.literal('config.setDisplay'), display: displaySettingsSchema }),
  'config.setKiosk': z.strictObject({ type: z.literal('config.setKiosk'), kiosk: kioskSettingsSchema }),
  'config.setProcedureInfo': z.strictObject({
    type: z.literal('config.setProcedureInfo'),
    serviceId: idSchema,
    info: procedureInfoSchema,
  }),
  /** Sent by the hub for the public booking page; `appointmentId` is derived from the booking code. */
  'appointment.book': z.strictObject({
    type: z.literal('appointment.book'),
    appointmentId: idSchema,
    serviceId: idSchema,
    day: isoDateSchema,
    slot: clockTimeSchema,
  }),
  'appointment.cancel': z.strictObject({ type: z.literal('appointment.cancel'), appointmentId: idSchema }),
  /** The citizen is at the kiosk: issue the ticket, queued at the slot time when within its window. */
  'appointment.checkIn': z.strictObject({ type: z.literal('appointment.checkIn'), appointmentId: idSchema }),
  /** Sent by the hub's timer: bookings whose window passed without a check-in become no-shows. */
  'appointment.release': z.strictObject({ type: z.literal('appointment.release') }),
  'config.setAppointments': z.strictObject({
    type: z.literal('config.setAppointments'),
    appointments: appointmentPolicySchema,
  }),
} as const;

export type CommandType = keyof typeof commandSchemas;
export const commandTypes = Object.keys(commandSchemas) as CommandType[];

export const commandSchema = z.discriminatedUnion(
  'type',
  Object.values(commandSchemas) as unknown as [
    (typeof commandSchemas)[CommandType],
    ...(typeof commandSchemas)[CommandType][],
  ],
);
export type Command = { [K in CommandType]: z.output<(typeof commandSchemas)[K]> }[CommandType];
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>;
/** What a client may send: defaults may be left out. */
export type CommandInput = { [K in CommandType]: z.input<(typeof commandSchemas)[K]> }[CommandType];

export function isCommandType(type: unknown): type is CommandType {
  return typeof type === 'string' && Object.hasOwn(commandSchemas, type);
}

/** The staff alert a printer failure raises; takes the printer's code with or without the `PRINTER_` of a print reply. */
export function alertKindForPrinterFailure(code: string): AlertKind {
  switch (code.replace(/^PRINTER_/, '')) {
    case 'PAPER_OUT':
      return 'printerPaperOut';
    case 'COVER_OPEN':
      return 'printerCoverOpen';
    case 'OFFLINE':
    case 'TIMEOUT':
    case 'CONNECTION_FAILED':
    case 'CONNECTION_LOST':
    case 'WRITE_FAILED':
      return 'printerOffline';
    default:
      return 'printerError';
  }
}
