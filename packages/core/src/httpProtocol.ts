import { z } from 'zod';
import type { HttpRouteKey } from './access.js';
import type { CentralLinkStatus } from './centralShipping.js';
import { errorMessages, type ErrorCode } from './errors.js';
import { reportPeriodSchema } from './periodicReport.js';
import { ratingAnswerSchema, ratingScaleSchema } from './ratingMethod.js';
import type { ReportSummary } from './reportDefinitions.js';
import { appointmentStatusSchema, clockTimeSchema, idSchema, isoDateSchema } from './schemas.js';
import type { StatusLinkCheck } from './statusLink.js';
import { clipIdSchema, uploadClipSchema } from './officeVoiceClip.js';

/**
 * Every HTTP route of the hub with what it takes and what it answers, keyed like core's `httpRouteRoles`
 * ("METHOD url"). The hub registers its JSON routes through this map (their params, query and body are
 * parsed with its schemas, their replies type-checked against its reply types); the apps build their
 * requests and read the replies with the same types. Each reply is a zod schema so the integration test
 * (apps/hub/src/httpProtocol.integration.test.ts) can hold a real hub's answers to it.
 *
 * Any JSON route may also answer an `HttpRefusal` (401/403 from the guard, 400 for a bad input, 429, 500);
 * the refusals a route gives itself are listed in its comment.
 */

const errorCodeSchema = z.enum(Object.keys(errorMessages) as [ErrorCode, ...ErrorCode[]]);

/** `{ ok:false, code, message, messageEn, details? }`: what every refused HTTP request answers. */
export const httpRefusalSchema = z.strictObject({
  ok: z.literal(false),
  code: errorCodeSchema,
  message: z.string(),
  messageEn: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type HttpRefusal = z.infer<typeof httpRefusalSchema>;

// ——— Requests (moved here from the hub: the one copy the hub validates with and the apps send) ———

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD, from ≤ to: the service days of a report. */
export const reportRangeSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((r) => r.from <= r.to, { message: 'from ≤ to', path: ['to'] });

/** ?delimiter=semicolon for Vietnamese Excel, ?durations=hms for h:mm:ss instead of whole seconds. */
export const csvFormatSchema = z.object({
  delimiter: z.enum(['comma', 'semicolon']).default('comma'),
  durations: z.enum(['seconds', 'hms']).default('seconds'),
});

export const periodicReportQuerySchema = z.intersection(
  reportRangeSchema,
  z.object({ period: reportPeriodSchema.default('month') }),
);

export const auditQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** "user:admin", "device:kiosk-…", "system". */
  actor: z.string().max(120).optional(),
  /** An event type ("ticket.called") or a family ending in a dot ("config."). */
  type: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Only events older than this seq: the next page. */
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const signInLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Only entries older than this id: the next page. */
  before: z.coerce.number().int().min(1).optional(),
});

/** The booking page's booking. */
export const bookRequestSchema = z.strictObject({
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
export type BookRequest = z.output<typeof bookRequestSchema>;

const bookingCodeSchema = z.string().min(1).max(300);
/** A booking code the citizen typed or scanned (look-up and cancel). */
export const codeRequestSchema = z.strictObject({ code: bookingCodeSchema });

export const slotsQuerySchema = z.object({ serviceId: idSchema, day: isoDateSchema });
export const testPrintSchema = z.strictObject({ profileId: idSchema });
export const healthQuerySchema = z.object({ hash: z.string().max(8).optional() });
export const testClockSchema = z.object({ offsetMs: z.number().int() });
/** The path under a static mount (`GET /kiosk/*` …). */
export const staticPathParamsSchema = z.object({ '*': z.string().max(1024) });

// ——— Replies ———

const localizedNameReply = z.strictObject({ vi: z.string(), en: z.string() });

/** A booking as the citizen sees it: no id, no other citizen's data. */
export const appointmentViewSchema = z.strictObject({
  code: z.string(),
  service: localizedNameReply,
  serviceId: z.string(),
  day: z.string(),
  slot: z.string(),
  status: appointmentStatusSchema,
  /** From when and until when a check-in is served at the slot time ("HH:MM"). */
  checkInFrom: z.string(),
  checkInUntil: z.string(),
  officeName: z.string(),
  /** The link the QR code carries. */
  bookingUrl: z.string(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

export const bookableServiceSchema = z.strictObject({
  id: z.string(),
  code: z.string(),
  name: localizedNameReply,
  field: localizedNameReply.nullable(),
  days: z.array(z.string()),
});
export type BookableService = z.infer<typeof bookableServiceSchema>;

export const bookingOfferSchema = z.strictObject({
  ok: z.literal(true),
  office: z.strictObject({ name: z.string(), nameEn: z.string() }),
  enabled: z.boolean(),
  slotMinutes: z.number(),
  earlyMinutes: z.number(),
  lateMinutes: z.number(),
  services: z.array(bookableServiceSchema),
});
export type BookingOffer = z.infer<typeof bookingOfferSchema>;

export const slotOfferSchema = z.strictObject({
  slot: z.string(),
  left: z.number().int().min(0),
  available: z.boolean(),
  reason: errorCodeSchema.nullable(),
});
export type SlotOffer = z.infer<typeof slotOfferSchema>;

const appointmentReply = z.strictObject({ ok: z.literal(true), appointment: appointmentViewSchema });

/** One service's bookings of a day: how many came (on time or late), did not come, or cancelled. */
export const appointmentReportRowSchema = z.strictObject({
  serviceId: z.string(),
  booked: z.number(),
  checkedIn: z.number(),
  late: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
});
export type AppointmentReportRow = z.infer<typeof appointmentReportRowSchema>;
export const appointmentDayReportSchema = z.strictObject({
  services: z.array(appointmentReportRowSchema),
  noShows: z.array(z.strictObject({ serviceId: z.string(), slot: z.string() })),
});
export type AppointmentDayReport = z.infer<typeof appointmentDayReportSchema>;
export const bookingReportSchema = appointmentDayReportSchema.extend({ ok: z.literal(true), day: z.string() });
export type BookingReport = z.infer<typeof bookingReportSchema>;

const outcomeCountsSchema = z.strictObject({
  key: z.string(),
  issued: z.number(),
  served: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
  expired: z.number(),
});
const timeStatsSchema = z.strictObject({
  key: z.string(),
  count: z.number(),
  meanSeconds: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});
const timeBreakdownSchema = z.strictObject({
  overall: timeStatsSchema,
  byService: z.array(timeStatsSchema),
  byCounter: z.array(timeStatsSchema),
  byClerk: z.array(timeStatsSchema),
});
const satisfactionRowSchema = z.strictObject({
  key: z.string(),
  ratings: z.number(),
  verySatisfied: z.number(),
  satisfied: z.number(),
  neutral: z.number(),
  dissatisfied: z.number(),
  veryDissatisfied: z.number(),
  index: z.number().nullable(),
});
const idleRowSchema = z.strictObject({ key: z.string(), idleSeconds: z.number() });

/** Core's `ReportSummary` as a schema (the check below keeps the two the same). */
export const reportSummarySchema = z.strictObject({
  range: z.strictObject({ from: z.string(), to: z.string() }),
  timeZone: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  totals: outcomeCountsSchema,
  byService: z.array(outcomeCountsSchema),
  byField: z.array(outcomeCountsSchema),
  byCounter: z.array(outcomeCountsSchema),
  byClerk: z.array(outcomeCountsSchema),
  byHour: z.array(outcomeCountsSchema),
  byDay: z.array(outcomeCountsSchema),
  byPriority: z.array(outcomeCountsSchema),
  waiting: timeBreakdownSchema,
  walk: timeBreakdownSchema,
  service: timeBreakdownSchema,
  etaError: z.strictObject({
    overall: timeStatsSchema,
    byService: z.array(timeStatsSchema),
    byDay: z.array(timeStatsSchema),
    byDayAndService: z.array(timeStatsSchema),
  }),
  idle: z.strictObject({
    totalSeconds: z.number(),
    byCounter: z.array(idleRowSchema),
    byClerk: z.array(idleRowSchema),
  }),
  satisfaction: z.strictObject({
    overall: satisfactionRowSchema,
    byDay: z.array(satisfactionRowSchema),
    byService: z.array(satisfactionRowSchema),
    byCounter: z.array(satisfactionRowSchema),
    byClerk: z.array(satisfactionRowSchema),
  }),
});

/** One dossier's visit (filing or collecting its result) for the provincial dossier system. */
export const dossierVisitSchema = z.strictObject({
  dossierCode: z.string(),
  /** `receive`: the dossier was filed (tiếp nhận); `return`: its result was collected (trả kết quả). */
  step: z.enum(['receive', 'return']),
  /** Mã TTHC in the national catalogue, null when the office has not set it. */
  procedureCode: z.string().nullable(),
  serviceCode: z.string(),
  serviceName: z.string(),
  fieldName: z.string(),
  ticketLabel: z.string(),
  serviceDay: z.string(),
  counterNumber: z.number().nullable(),
  clerkName: z.string().nullable(),
  /** ISO 8601 in the office's time zone, e.g. "2026-12-03T09:15:00+07:00"; null when it did not happen. */
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  waitingSeconds: z.number().nullable(),
  serviceSeconds: z.number().nullable(),
  /** The citizen's answer on the rating pad, null when they did not rate. */
  rating: z
    .strictObject({
      answer: ratingAnswerSchema,
      /** The scale the answer was given on: three, five, or legacyFour (the pad's earlier four levels). */
      scale: ratingScaleSchema,
      label: z.string(),
      satisfied: z.boolean(),
      /** Reason ids from the office's list. */
      reasons: z.array(z.string()),
      /** The reasons' Vietnamese names, in the same order. */
      reasonNames: z.array(z.string()),
      reasonText: z.string(),
    })
    .nullable(),
});
export type DossierVisit = z.infer<typeof dossierVisitSchema>;

/** One entry of GET /api/audit: an event of the log, with the ticket's number for ticket events. */
export const auditEntrySchema = z.strictObject({
  seq: z.number(),
  at: z.number(),
  actor: z.string(),
  type: z.string(),
  event: z.record(z.string(), z.unknown()),
  /** The ticket's number ("A012") for ticket events, so the log reads like the desk talks. */
  ticketLabel: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** One entry of GET /api/audit/sign-ins: a refused sign-in (nothing changed, so it is not an event). */
export const signInLogEntrySchema = z.strictObject({
  id: z.number(),
  at: z.number(),
  outcome: z.enum(['failed', 'throttled']),
  code: z.string(),
  username: z.string(),
  userId: z.string().nullable(),
  address: z.string(),
  deviceId: z.string().nullable(),
  retryAfterSeconds: z.number().nullable(),
});
export type SignInLogEntry = z.infer<typeof signInLogEntrySchema>;

export const officeVoiceClipEntrySchema = z.strictObject({
  file: z.string(),
  text: z.string(),
  durationMs: z.number().optional(),
  bytes: z.number(),
});
export const officeVoiceListSchema = z.strictObject({
  ok: z.literal(true),
  clips: z.record(z.string(), officeVoiceClipEntrySchema),
  totalBytes: z.number(),
  limitBytes: z.number(),
});
export type OfficeVoiceList = z.infer<typeof officeVoiceListSchema>;

export const savedClipSchema = z.strictObject({
  ok: z.literal(true),
  file: z.string(),
  totalBytes: z.number(),
  durationMs: z.number(),
  /** Played, but worth re-recording (e.g. very quiet). */
  warning: z.string().optional(),
});

export const backupListSchema = z.strictObject({
  ok: z.literal(true),
  /** When the daily backup is taken (local hour) and how many are kept. */
  settings: z.strictObject({ hour: z.number(), keepDays: z.number() }),
  backups: z.array(z.strictObject({ file: z.string(), date: z.string(), bytes: z.number() })),
});
export type BackupList = z.infer<typeof backupListSchema>;

/** A test print's outcome: 200 either way; a printer fault is `PRINTER_<fault>` with what to do. */
export const testPrintReplySchema = z.union([
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), code: z.string(), message: z.string(), messageEn: z.string() }),
]);

const statusLinkCheckSchema = z.strictObject({
  baseUrl: z.string(),
  configured: z.boolean(),
  warnings: z.array(
    z.enum(['hubListensOnLoopback', 'loopbackBaseUrl', 'noLanAddress', 'lanOnlyBaseUrl', 'invalidBaseUrl']),
  ),
});

const centralLinkStatusSchema = z.strictObject({
  enabled: z.boolean(),
  centralUrl: z.string().nullable(),
  officeId: z.string().nullable(),
  hubId: z.string(),
  link: z.enum(['off', 'connecting', 'up', 'down', 'refused']),
  acknowledgedSeq: z.number(),
  hubSeq: z.number(),
  behind: z.number(),
  lastSuccessAt: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.number().nullable(),
});

/** /healthz: 200 while the store writes, 503 (same shape, ok false) while it does not. */
export const healthReplySchema = z.strictObject({
  ok: z.boolean(),
  seq: z.number(),
  serviceDay: z.string(),
  store: z.union([
    z.strictObject({ ok: z.literal(true) }),
    z.strictObject({
      ok: z.literal(false),
      code: z.enum(['STORE_BUSY', 'STORE_UNAVAILABLE']),
      detail: z.string(),
      since: z.number(),
    }),
  ]),
  hubId: z.string(),
  time: z.number(),
  /** Only for signed-in staff who asked `?hash=1`. */
  stateHash: z.string().optional(),
});
export type HealthReply = z.infer<typeof healthReplySchema>;

// ——— The map ———

/** A route that answers JSON: its inputs' schemas and its reply's. */
export interface JsonRouteSpec {
  kind: 'json';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The 2xx body (a route whose own failures answer 200 or 503 lists them here too). */
  reply: z.ZodType;
}

/** A route that answers a file: a download (xlsx, csv, SQLite), a static file, or an app's page. */
export interface FileRouteSpec {
  kind: 'download' | 'static' | 'page';
  params?: z.ZodType;
  query?: z.ZodType;
}

export type HttpRouteSpec = JsonRouteSpec | FileRouteSpec;

const ok = z.literal(true);
const staticFiles = { kind: 'static', params: staticPathParamsSchema } as const;

/**
 * `satisfies Record<HttpRouteKey, …>`: a route added to `httpRouteRoles` without its line here (or a line
 * here for a route that is not there) does not compile.
 */
export const httpRoutes = {
  'GET /healthz': { kind: 'json', query: healthQuerySchema, reply: healthReplySchema },
  /** The same route asked with `?hash=1` (the guard's line for the state hash). */
  'GET /healthz?hash=1': { kind: 'json', reply: healthReplySchema },
  'GET /': { kind: 'page' },
  'GET /kiosk/*': staticFiles,
  'GET /counter/*': staticFiles,
  'GET /display/*': staticFiles,
  'GET /admin/*': staticFiles,
  'GET /citizen/*': staticFiles,
  'GET /book/*': staticFiles,
  /** The citizen page, or a page saying the link is not valid (404). */
  'GET /t/:token': { kind: 'page', params: z.object({ token: z.string().max(500) }) },
  'GET /voice/default/*': staticFiles,
  'GET /voice/office/*': staticFiles,
  'GET /api/appointments/services': { kind: 'json', reply: bookingOfferSchema },
  'GET /api/appointments/slots': {
    kind: 'json',
    query: slotsQuerySchema,
    reply: z.strictObject({ ok, serviceId: z.string(), day: z.string(), slots: z.array(slotOfferSchema) }),
  },
  /** 201; a refusal (409 SLOT_FULL, BOOKING_LIMIT_REACHED …, 422 for other rules) is an HttpRefusal. */
  'POST /api/appointments': { kind: 'json', body: bookRequestSchema, reply: appointmentReply },
  /** 404 APPOINTMENT_NOT_FOUND for an unknown code. */
  'GET /api/appointments/code/:code': {
    kind: 'json',
    params: z.object({ code: bookingCodeSchema }),
    reply: appointmentReply,
  },
  /** 404 APPOINTMENT_NOT_FOUND; 409 when it can no longer be cancelled. */
  'POST /api/appointments/cancel': { kind: 'json', body: codeRequestSchema, reply: appointmentReply },
  'GET /api/appointments/report': {
    kind: 'json',
    query: z.object({ day: isoDateSchema.optional() }),
    reply: bookingReportSchema,
  },
  'GET /api/reports/summary': {
    kind: 'json',
    query: reportRangeSchema,
    reply: z.strictObject({ ok, summary: reportSummarySchema }),
  },
  'GET /api/reports/export.xlsx': { kind: 'download', query: reportRangeSchema },
  'GET /api/reports/export.csv': { kind: 'download', query: z.intersection(reportRangeSchema, csvFormatSchema) },
  'GET /api/reports/dossiers.json': {
    kind: 'json',
    query: reportRangeSchema,
    reply: z.strictObject({
      ok,
      format: z.literal('motcua.dossier-visits/1'),
      office: z.string(),
      timeZone: z.string(),
      range: z.strictObject({ from: z.string(), to: z.string() }),
      dossiers: z.array(dossierVisitSchema),
    }),
  },
  'GET /api/reports/dossiers.csv': { kind: 'download', query: reportRangeSchema },
  'GET /api/reports/dossiers.xlsx': { kind: 'download', query: reportRangeSchema },
  'GET /api/reports/periodic.xlsx': { kind: 'download', query: periodicReportQuerySchema },
  'GET /api/audit': {
    kind: 'json',
    query: auditQuerySchema,
    reply: z.strictObject({ ok, entries: z.array(auditEntrySchema), nextBefore: z.number().nullable() }),
  },
  'GET /api/audit/sign-ins': {
    kind: 'json',
    query: signInLogQuerySchema,
    reply: z.strictObject({ ok, entries: z.array(signInLogEntrySchema), nextBefore: z.number().nullable() }),
  },
  'GET /api/voice/office': { kind: 'json', reply: officeVoiceListSchema },
  /** 400 with `details.issue` saying what is wrong with the file; 413 for a file too large. */
  'PUT /api/voice/office/clip': { kind: 'json', body: uploadClipSchema, reply: savedClipSchema },
  /** 404 when the office had no such clip. */
  'DELETE /api/voice/office/clip': {
    kind: 'json',
    query: z.object({ id: clipIdSchema }),
    reply: z.strictObject({ ok }),
  },
  'GET /api/backup': { kind: 'download' },
  'GET /api/backups': { kind: 'json', reply: backupListSchema },
  /** 404 for an unknown profile. */
  'POST /api/printers/test': { kind: 'json', body: testPrintSchema, reply: testPrintReplySchema },
  'GET /api/status-link': { kind: 'json', reply: statusLinkCheckSchema.extend({ ok }) },
  'GET /api/central/status': { kind: 'json', reply: z.strictObject({ ok, status: centralLinkStatusSchema }) },
  /** Only with --test-clock: moves the hub's clock by `offsetMs` and rolls the service day over if due. */
  'POST /__test__/clock': {
    kind: 'json',
    body: testClockSchema,
    reply: z.strictObject({ ok, now: z.number(), serviceDay: z.string() }),
  },
} satisfies Record<HttpRouteKey, HttpRouteSpec>;

type Routes = typeof httpRoutes;

/** The routes that answer JSON, and those that answer a file. */
export type JsonRouteKey = { [K in HttpRouteKey]: Routes[K] extends JsonRouteSpec ? K : never }[HttpRouteKey];
export type FileRouteKey = Exclude<HttpRouteKey, JsonRouteKey>;

type Part<K extends HttpRouteKey, F extends 'params' | 'query' | 'body'> =
  Routes[K] extends Record<F, z.ZodType> ? Routes[K][F] : undefined;

/** What the hub's handler gets (parsed, defaults applied) for each part of a request. */
export type HttpParsed<K extends HttpRouteKey, F extends 'params' | 'query' | 'body'> =
  Part<K, F> extends z.ZodType ? z.output<Part<K, F>> : undefined;
/** What a client sends for each part of a request. */
export type HttpInput<K extends HttpRouteKey, F extends 'params' | 'query' | 'body'> =
  Part<K, F> extends z.ZodType ? z.input<Part<K, F>> : undefined;

/** The 2xx JSON body of a route (and the failures it answers in that same shape). */
export type HttpOk<K extends JsonRouteKey> = z.infer<Routes[K]['reply']>;
/** Everything a JSON route may answer. */
export type HttpReply<K extends JsonRouteKey> = HttpOk<K> | HttpRefusal;

/** Absent where the route has no such part; optional where every field of it is (a query of filters). */
type Field<K extends HttpRouteKey, F extends 'params' | 'query' | 'body'> =
  HttpInput<K, F> extends undefined
    ? { [P in F]?: never }
    : Partial<HttpInput<K, F>> extends HttpInput<K, F>
      ? { [P in F]?: HttpInput<K, F> }
      : { [P in F]: HttpInput<K, F> };

/** A client's request to a route: `params`, `query` and `body` where the route has them, typed by its schemas. */
export type HttpRequest<K extends HttpRouteKey> = Field<K, 'params'> & Field<K, 'query'> & Field<K, 'body'>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** "GET /api/audit" → ["GET", "/api/audit"]. */
export function httpRouteParts(key: HttpRouteKey): { method: HttpMethod; url: string } {
  const space = key.indexOf(' ');
  return { method: key.slice(0, space) as HttpMethod, url: key.slice(space + 1) };
}

/**
 * The method, path (params filled in, query appended) and JSON body text of a request to a route: what
 * an app's fetch helper sends. Query values that are undefined are left out.
 */
export function httpRequestOf<K extends HttpRouteKey>(
  key: K,
  request: HttpRequest<K>,
): { method: HttpMethod; path: string; body?: string } {
  const { method, url } = httpRouteParts(key);
  const params = (request.params ?? {}) as Record<string, string>;
  let path = url.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
  const query = Object.entries((request.query ?? {}) as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  if (query.length > 0) path += `${path.includes('?') ? '&' : '?'}${query.join('&')}`;
  return { method, path, ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }) };
}

// Core's interfaces that are also replies stay the same as their schemas here (both ways).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type HttpReplyShapeChecks = [
  Holds<Same<z.infer<typeof reportSummarySchema>, ReportSummary>>,
  Holds<Same<z.infer<typeof statusLinkCheckSchema>, StatusLinkCheck>>,
  Holds<Same<z.infer<typeof centralLinkStatusSchema>, CentralLinkStatus>>,
];
