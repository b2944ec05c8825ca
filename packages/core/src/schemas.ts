import { z } from 'zod';

/** Identifiers are short, URL-safe strings chosen by the admin or the hub. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'chỉ gồm chữ không dấu, số, _ . : - / letters, digits, _ . : - only')
  // Ids key plain objects in the state: "__proto__" or "constructor" would find Object.prototype's members.
  .refine((id) => !(id in Object.prototype), 'tên dành riêng / reserved name');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max);

export const localizedNameSchema = z.object({ vi: text(200), en: optionalText(200).default('') });
export type LocalizedName = z.infer<typeof localizedNameSchema>;

/** "07:30" in the office's time zone; "24:00" ends a range at midnight. */
export const clockTimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM');
export const timeRangeSchema = z
  .object({ from: clockTimeSchema, to: clockTimeSchema })
  .refine((r) => r.from < r.to, { message: 'from < to' });
export type TimeRange = z.infer<typeof timeRangeSchema>;

/** Opening hours by ISO weekday: "1" = Monday … "7" = Sunday. A missing day is closed. */
export const weeklyHoursSchema = z.partialRecord(
  z.enum(['1', '2', '3', '4', '5', '6', '7']),
  z.array(timeRangeSchema).max(6),
);
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const officeSchema = z.object({
  name: text(200),
  nameEn: optionalText(200).default(''),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone'),
  /** Local hour (0–23) at which the service day closes; unfinished tickets expire then. */
  dayCloseHour: z.number().int().min(0).max(23),
  openingHours: weeklyHoursSchema,
  holidays: z.array(isoDateSchema).max(366),
  /** When true a clerk must press "start serving" before "finish". */
  requireStart: z.boolean(),
  /** Seconds after finishing during which the citizen may rate the ticket. */
  ratingWindowSeconds: z.number().int().min(10).max(3600),
  /**
   * Seconds a counter's device may be gone before the counter shows "Mất kết nối" and stops counting idle
   * time. Absent in offices set up before it existed: DEFAULT_COUNTER_LOST_AFTER_SECONDS.
   */
  counterLostAfterSeconds: z.number().int().min(5).max(3600).optional(),
});
export type Office = z.infer<typeof officeSchema>;

/** Two minutes: longer than a page reload or a Wi-Fi hiccup, short enough that the monitor is not fooled for long. */
export const DEFAULT_COUNTER_LOST_AFTER_SECONDS = 120;

export function counterLostAfterMs(office: Office): number {
  return (office.counterLostAfterSeconds ?? DEFAULT_COUNTER_LOST_AFTER_SECONDS) * 1000;
}

export const fieldSchema = z.object({
  id: idSchema,
  name: localizedNameSchema,
  order: z.number().int().min(0).max(10_000),
});
export type Field = z.infer<typeof fieldSchema>;

export const serviceSchema = z
  .object({
    id: idSchema,
    code: text(32),
    /** Printed before the number, e.g. "A" gives A023. May be empty for numeric labels. */
    prefix: z
      .string()
      .max(3)
      .regex(/^[A-Z0-9]*$/, 'A–Z, 0–9'),
    /** `prefixed`: A023 (zero-padded to the width of `rangeTo`); `numeric`: 1023. */
    labelFormat: z.enum(['prefixed', 'numeric']),
    rangeFrom: z.number().int().min(0).max(99_999),
    rangeTo: z.number().int().min(1).max(99_999),
    name: localizedNameSchema,
    fieldId: idSchema,
    /** 0 means no cap. */
    dailyCap: z.number().int().min(0).max(99_999),
    /** Overrides the office's opening hours when set. */
    openingHours: weeklyHoursSchema.nullable(),
    defaultServiceMinutes: z.number().min(0.5).max(480),
    /** Services with the same group share one running number; empty = its own. */
    numberingGroup: z.string().max(64),
    /** The kiosk offers it and tickets may be issued. */
    enabled: z.boolean(),
    order: z.number().int().min(0).max(10_000),
  })
  .refine((s) => s.rangeFrom < s.rangeTo, { message: 'rangeFrom < rangeTo', path: ['rangeTo'] });
export type Service = z.infer<typeof serviceSchema>;

export const counterSchema = z.object({
  id: idSchema,
  number: z.number().int().min(1).max(999),
  name: localizedNameSchema,
  /** Services served here, most important first. */
  serviceIds: z.array(idSchema).max(100),
});
export type Counter = z.infer<typeof counterSchema>;

export const roleSchema = z.enum(['admin', 'supervisor', 'clerk']);
export type Role = z.infer<typeof roleSchema>;

/** A user as every participant sees it. The PIN hash lives only in the hub's database. */
export const userSchema = z.object({
  id: idSchema,
  username: z
    .string()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9_.-]+$/, 'a–z, 0–9, _ . -'),
  displayName: text(120),
  role: roleSchema,
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const deviceKindSchema = z.enum(['kiosk', 'counter', 'display', 'rating']);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

export const deviceSchema = z.object({
  id: idSchema,
  kind: deviceKindSchema,
  name: text(120),
  counterId: idSchema.nullable(),
  printerProfileId: idSchema.nullable(),
  revoked: z.boolean(),
});
export type Device = z.infer<typeof deviceSchema>;

export const priorityGroupSchema = z.object({
  id: idSchema,
  name: localizedNameSchema,
});
export type PriorityGroup = z.infer<typeof priorityGroupSchema>;

/** K when an office never chose one: three priority citizens, then one normal ticket if one waits. */
export const DEFAULT_PRIORITY_BURST = 3;

export const priorityPolicySchema = z
  .object({
    /**
     * Priority tickets are called first; after this many priority calls in a row a counter calls one
     * normal ticket if one waits, so normal tickets never starve. 0 = priority strictly first.
     */
    priorityBurst: z.number().int().min(0).max(50).optional(),
    /** Replaced by `priorityBurst`: the old "one priority after N normal" setting, read only to migrate. */
    interleave: z.number().int().min(0).max(50).optional(),
    /** A ticket waiting this long is called next whatever its class (aging); 0 = off. */
    maxWaitMinutes: z.number().int().min(0).max(600).default(0),
    /**
     * Within a class a counter calls the oldest ticket across all its services (the counter's service
     * order breaks ties); strict mode empties the services in the counter's order instead.
     */
    strictServiceOrder: z.boolean().default(false),
    groups: z.array(priorityGroupSchema).max(20),
    /** Whether the kiosk asks for a priority group at all. */
    kioskAsks: z.boolean(),
  })
  .transform(migratePriorityPolicy);

/**
 * The policy in its current shape from any stored one. The old "N normal, then one priority" made a
 * priority citizen who came first wait behind N later tickets; it becomes the default burst, except
 * N = 0 (priority strictly first), which keeps its meaning as burst 0.
 */
export function migratePriorityPolicy(stored: {
  priorityBurst?: number | undefined;
  interleave?: number | undefined;
  maxWaitMinutes?: number | undefined;
  strictServiceOrder?: boolean | undefined;
  groups: PriorityGroup[];
  kioskAsks: boolean;
}): {
  priorityBurst: number;
  maxWaitMinutes: number;
  strictServiceOrder: boolean;
  groups: PriorityGroup[];
  kioskAsks: boolean;
} {
  const priorityBurst = stored.priorityBurst ?? (stored.interleave === 0 ? 0 : DEFAULT_PRIORITY_BURST);
  return {
    priorityBurst,
    maxWaitMinutes: stored.maxWaitMinutes ?? 0,
    strictServiceOrder: stored.strictServiceOrder ?? false,
    groups: stored.groups,
    kioskAsks: stored.kioskAsks,
  };
}
export type PriorityPolicy = z.infer<typeof priorityPolicySchema>;

export const displaySettingsSchema = z.object({
  tickerText: optionalText(1000),
  recentCallsShown: z.number().int().min(0).max(30),
  showWaitingCounts: z.boolean(),
  voiceEnabled: z.boolean(),
  voiceLanguage: z.enum(['vi', 'en', 'vi+en']),
  numberReading: z.enum(['words', 'digits']),
  /**
   * Regional reading of numbers: 'north' (một trăm linh một, hai mươi tư, nghìn) or 'south' (một trăm lẻ
   * một, hai mươi bốn, ngàn). Optional so configurations saved before it existed stay valid; 'north' then.
   */
  numberDialect: z.enum(['north', 'south']).optional(),
  /** "Mời công dân có số thứ tự {number} đến quầy số {counter}" */
  voiceTemplateVi: text(300),
  voiceTemplateEn: text(300),
});
export type DisplaySettings = z.infer<typeof displaySettingsSchema>;

export const printerProfileSchema = z.object({
  id: idSchema,
  name: text(120),
  /** tcp://host:9100, file:///folder, device:///dev/usb/lp0, serial:///dev/ttyUSB0?baud=9600 */
  transportUrl: z.string().min(3).max(500),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  mode: z.enum(['raster', 'text']),
  codePage: z.string().max(32),
  cut: z.enum(['full', 'partial', 'none']),
  density: z.number().int().min(1).max(8),
  beep: z.boolean(),
});
export type PrinterProfile = z.infer<typeof printerProfileSchema>;

/** An IPv4 address in dotted form, each part 0–255 without leading zeros. */
function isIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** A host name as Windows and DNS write it: labels of letters, digits and '-', joined by dots. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * A computer whose shared printers the hub may print to (`windows-share://HOST/SHARE`). Names only: a path, a
 * port or a user name in it would make the UNC path the hub opens something other than that computer's share.
 */
export const printerShareHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .refine(
    // All digits and dots is an address, so 999.1.1.1 is refused rather than read as a name.
    (host) => (/^[\d.]+$/.test(host) ? isIpv4(host) : HOST_NAME.test(host)),
    'tên máy (chữ không dấu, số, - .) hoặc địa chỉ IPv4 / a host name or an IPv4 address',
  );

/** Share hosts an admin may list: an office has a handful of computers that share a printer, not hundreds. */
export const MAX_PRINTER_SHARE_HOSTS = 20;

export const printerShareHostsSchema = z.array(printerShareHostSchema).max(MAX_PRINTER_SHARE_HOSTS);

/**
 * What the kiosk does with a citizen's ID card or VNeID QR (docs/id-card-reader.md). Nothing of the card is
 * stored unless `storeHolder` is on, and then only the name and a salted hash of the ID number, for
 * `retentionDays` days.
 */
export const idCardSettingsSchema = z.object({
  /** From this age the kiosk proposes age priority (người cao tuổi); the citizen confirms. */
  priorityAge: z.number().int().min(50).max(120),
  /** The priority group the kiosk proposes for age; null = no proposal. */
  agePriorityGroupId: idSchema.nullable(),
  /** Greet the citizen by the name on the card, on the kiosk's own screen only. */
  greetByName: z.boolean(),
  /** Keep the holder's name and a salted hash of the ID number with the ticket. Off by default. */
  storeHolder: z.boolean(),
  /** Days a stored holder is kept before the hub's scheduled purge removes it. */
  retentionDays: z.number().int().min(1).max(365),
});
export type IdCardSettings = z.infer<typeof idCardSettingsSchema>;

export const kioskSettingsSchema = z.object({
  footerText: optionalText(200),
  /** Show the ticket and its QR on screen when the printer fails. */
  showTicketWhenPrinterFails: z.boolean(),
  idleSeconds: z.number().int().min(10).max(600),
  /** Public base URL for the status QR, e.g. https://motcua.phuong.gov.vn; empty = the address the hub answers on. */
  statusBaseUrl: z.string().max(300),
  /** Reprints allowed per ticket (each marked "BẢN IN LẠI" and audited); absent = DEFAULT_REPRINT_LIMIT. */
  reprintLimit: z.number().int().min(0).max(10).optional(),
  /**
   * Computers besides the hub whose shared printers (`windows-share://HOST/SHARE`) an admin allowed; the hub
   * also allows those its operator lists (`--printer-share-hosts`). Absent in settings saved before it = none.
   */
  printerShareHosts: printerShareHostsSchema.optional(),
  /** The chip ID card (CCCD) / VNeID QR at the kiosk; absent in settings saved before it = `DEFAULT_ID_CARD_SETTINGS`. */
  idCard: idCardSettingsSchema.optional(),
});
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;

export const ticketStatusSchema = z.enum([
  'waiting',
  'called',
  'serving',
  'parked',
  'noShow',
  'finished',
  'cancelled',
  'expired',
]);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketSourceSchema = z.enum(['kiosk', 'counter', 'admin', 'appointment', 'api']);
export type TicketSource = z.infer<typeof ticketSourceSchema>;

export const ticketSchema = z.object({
  id: idSchema,
  serviceDay: isoDateSchema,
  serviceId: idSchema,
  number: z.number().int(),
  label: z.string(),
  priorityGroup: idSchema.nullable(),
  source: ticketSourceSchema,
  status: ticketStatusSchema,
  issuedAt: z.number(),
  /** Sort key within its class and service: issue time, or earlier when moved to the front. */
  queuedAt: z.number(),
  /** Only this counter may call it (set by a transfer to a counter). */
  targetCounterId: idSchema.nullable(),
  /** Put "to the front" by a transfer or a return: called before every other ticket of its class. */
  front: z.boolean().default(false),
  calledAt: z.number().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  counterId: idSchema.nullable(),
  clerkId: idSchema.nullable(),
  recallCount: z.number().int(),
  rated: z.boolean(),
  /** Dossier codes (mã hồ sơ) the clerk attached, or the citizen scanned to collect a result; absent = none. */
  dossierCodes: z.array(z.string()).optional(),
  /** Copies printed again at the kiosk ("BẢN IN LẠI"); absent = none. */
  reprints: z.number().int().min(0).optional(),
});
export type Ticket = z.infer<typeof ticketSchema>;

/**
 * A dossier code (mã hồ sơ) as printed on the receipt slip (Mẫu 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết
 * quả") of the provincial dossier system, e.g. "H40.99-250703-0001". Scanners and clerks type it in any case:
 * kept in capitals so one dossier is one code.
 */
export const dossierCodeSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'chữ, số và . _ / - / letters, digits and . _ / -')
  .transform((code) => code.toUpperCase());

/** Dossiers one ticket may carry: a citizen files several papers at one visit, not dozens. */
export const MAX_DOSSIERS_PER_TICKET = 20;

export const ratingScoreSchema = z.enum(['verySatisfied', 'satisfied', 'neutral', 'dissatisfied']);
export type RatingScore = z.infer<typeof ratingScoreSchema>;

/** The four-level pad's answer names; the scales' answers and their names are in ratingMethod.ts. */
export const ratingScoreNames: Record<RatingScore, LocalizedName> = {
  verySatisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  neutral: { vi: 'Bình thường', en: 'Neutral' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
};

/**
 * What a citizen should know before taking a ticket for a procedure: shown at the kiosk and, when
 * `printOnTicket`, printed on the ticket as a short reminder. Kept beside the service rather than in it,
 * so a service without this information is still complete.
 */
export const procedureInfoSchema = z.object({
  /**
   * Mã TTHC in the national database of administrative procedures, e.g. "1.001193"; empty when the
   * office has not looked it up (a wrong code is worse than none in a provincial export).
   */
  catalogueCode: z
    .string()
    .trim()
    .regex(/^(\d\.\d{6})?$/, 'dạng 1.001193 / like 1.001193'),
  /** The papers to bring, one per line, in the order the clerk checks them. */
  documents: z.array(text(300)).max(30),
  /** "Miễn phí", "2.000 đồng/trang" … as the office publishes it; empty = not shown. */
  fee: optionalText(200),
  /** "Trong ngày", "Không quá 15 ngày làm việc" …; empty = not shown. */
  processingTime: optionalText(200),
  printOnTicket: z.boolean(),
  /** This service hands out results (trả kết quả): the kiosk asks for the dossier code before the ticket. */
  returnsResults: z.boolean().default(false),
});
export type ProcedureInfo = z.infer<typeof procedureInfoSchema>;
export type ProcedureInfoInput = z.input<typeof procedureInfoSchema>;

export const appointmentServicePolicySchema = z.object({
  /** Bookings per time slot; 0 = this service takes no bookings. */
  perSlot: z.number().int().min(0).max(100),
  /** Bookings per day for this service; 0 = only the slots limit it. */
  perDay: z.number().int().min(0).max(10_000),
});
export type AppointmentServicePolicy = z.infer<typeof appointmentServicePolicySchema>;

/** Online booking: which services take bookings, how slots are cut and how arrivals are treated. */
export const appointmentPolicySchema = z.object({
  enabled: z.boolean(),
  slotMinutes: z.number().int().min(5).max(240),
  /** A check-in from this many minutes before the slot … */
  earlyMinutes: z.number().int().min(0).max(240),
  /** … to this many minutes after its start is queued at the slot time (served before later walk-ins). */
  lateMinutes: z.number().int().min(0).max(240),
  /** How many days ahead a citizen may book; 0 = today only. */
  daysAhead: z.number().int().min(0).max(90),
  /** A slot must start at least this many minutes after the booking is made. */
  leadMinutes: z.number().int().min(0).max(1440),
  services: z.record(idSchema, appointmentServicePolicySchema),
  /**
   * Active bookings one phone number may hold for one service on one day (default 1), and for all services on
   * one day (default 3), so one person cannot book a service's whole day. Optional: policies saved before
   * these existed keep working with the defaults.
   */
  maxPerPhonePerService: z.number().int().min(1).max(50).optional(),
  maxPerPhonePerDay: z.number().int().min(1).max(50).optional(),
});
export type AppointmentPolicy = z.infer<typeof appointmentPolicySchema>;

export const appointmentStatusSchema = z.enum(['booked', 'checkedIn', 'cancelled', 'noShow']);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const appointmentArrivalSchema = z.enum(['onTime', 'late']);
export type AppointmentArrival = z.infer<typeof appointmentArrivalSchema>;

/** A booked time slot. It holds no personal data: the hub keeps an optional name and phone apart. */
export const appointmentSchema = z.object({
  /** Derived by the hub from the booking code (a one-way hash), so the code itself is never broadcast. */
  id: idSchema,
  serviceId: idSchema,
  day: isoDateSchema,
  /** The slot's start, "HH:MM" in the office's time zone. */
  slot: clockTimeSchema,
  /** The slot's start as epoch milliseconds. */
  slotStart: z.number(),
  status: appointmentStatusSchema,
  bookedAt: z.number(),
  ticketId: idSchema.nullable(),
  arrival: appointmentArrivalSchema.nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** Everything an admin configures. Part of the shared state every participant folds. */
/** The satisfaction method an office may choose (ratingMethod.ts has the scales and the index). */
/** The scales an office may choose; `legacyFour` only reads earlier data. */
export const selectableRatingScaleSchema = z.enum(['three', 'five']);
export type SelectableRatingScale = z.infer<typeof selectableRatingScaleSchema>;

export const ratingReasonOptionSchema = z.object({ id: idSchema, name: localizedNameSchema });
export type RatingReasonOption = z.infer<typeof ratingReasonOptionSchema>;

/** Reasons one rating may carry, and the longest free text: enough to say what went wrong, not an essay. */
export const MAX_RATING_REASONS = 12;
export const MAX_RATING_REASON_TEXT = 300;

/** The office's choice: the scale the pads show and the reasons they offer for a dissatisfied answer. */
export const ratingMethodSettingsSchema = z.object({
  scale: selectableRatingScaleSchema,
  reasons: z
    .array(ratingReasonOptionSchema)
    .max(MAX_RATING_REASONS)
    .refine(
      (reasons) => new Set(reasons.map((r) => r.id)).size === reasons.length,
      'mã lý do trùng / duplicate reason id',
    ),
});
export type RatingMethodSettings = z.infer<typeof ratingMethodSettingsSchema>;

export interface OfficeConfig {
  office: Office;
  fields: Record<string, Field>;
  services: Record<string, Service>;
  counters: Record<string, Counter>;
  users: Record<string, User>;
  devices: Record<string, Device>;
  printerProfiles: Record<string, PrinterProfile>;
  priority: PriorityPolicy;
  display: DisplaySettings;
  kiosk: KioskSettings;
  /** Online booking; absent until an admin configures it (booking is then off). */
  appointments?: AppointmentPolicy;
  /** Documents, fee and processing time per service id; absent or missing for a service = nothing to show. */
  procedures?: Record<string, ProcedureInfo>;
  /** The satisfaction method; absent = the official three levels with the default reasons (ratingMethodOf). */
  ratingMethod?: RatingMethodSettings;
}
