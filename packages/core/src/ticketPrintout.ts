import { ticketById } from './ticketReads.js';
import { z } from 'zod';
import type { Language } from './errors.js';
import { idSchema, type ProcedureInfo } from './schemas.js';
import { estimatedWaitMinutes, ticketsAhead } from './selectors.js';
import type { QueueState } from './state.js';

/**
 * What goes on a printed ticket, as plain data: @motcua/printer lays it out (as its TicketDocument), so the
 * hub and the kiosk's Electron shell print the same ticket from the same state.
 */
export interface TicketPrintout {
  /** "UBND THỊ XÃ HOÀNG MAI – BỘ PHẬN MỘT CỬA" */
  officeName: string;
  /** Service / procedure name in Vietnamese, e.g. "Chứng thực bản sao từ bản chính". Wrapped if long. */
  serviceNameVi: string;
  /** Optional English line under the Vietnamese service name. */
  serviceNameEn?: string;
  /** The ticket number as shown and read out, e.g. "A023" or "1023". Printed very large. */
  label: string;
  /** e.g. "Ưu tiên – Người cao tuổi". Printed inverted when present. */
  priorityLabel?: string;
  /** When the ticket was issued (epoch ms, the hub's clock). */
  issuedAt: number;
  /** IANA zone of the office, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  /** People waiting before this ticket. */
  peopleAhead: number;
  /** Estimated wait in minutes. */
  etaMinutes: number;
  /** Encoded in the QR code: the ticket's status link. Empty string = no QR code. */
  qrContent: string;
  /** Vietnamese footer; default "Vui lòng chờ đến lượt". */
  footer?: string;
  /** English footer; default "Please wait for your turn". */
  footerEn?: string;
  /** A short reminder of the papers to bring, from the procedure's information (`procedureReminder`). */
  reminder?: string;
  /** On a reprinted copy: "BẢN IN LẠI (lần 1)", printed inverted at the top so staff tell copies apart. */
  copyMark?: string;
}

/** Reprints a ticket may have when the office has not set `config.kiosk.reprintLimit`. */
export const DEFAULT_REPRINT_LIMIT = 2;

/** How many times a kiosk may print a ticket again (the office's setting, else the default). */
export function reprintLimit(state: QueueState): number {
  return state.config.kiosk.reprintLimit ?? DEFAULT_REPRINT_LIMIT;
}

/** The mark on the `copy`-th reprint of a ticket. */
export function reprintMark(copy: number): string {
  return `BẢN IN LẠI (lần ${copy})`;
}

/** Documents longer than this are cut on the ticket: it is a reminder, the kiosk screen shows the full list. */
const REMINDER_MAX_CHARS = 240;

/**
 * The reminder printed on a ticket for a procedure whose office chose to print it: the documents to
 * bring, in one line. Null when there is nothing to print.
 */
export function procedureReminder(info: ProcedureInfo | undefined): string | null {
  if (!info?.printOnTicket || info.documents.length === 0) return null;
  const text = `Cần mang theo: ${info.documents.join('; ')}.`;
  return text.length <= REMINDER_MAX_CHARS ? text : `${text.slice(0, REMINDER_MAX_CHARS - 1).trimEnd()}…`;
}

/** A ticket may be printed again only this long after it was issued; a reprint never issues a new number. */
export const REPRINT_WINDOW_MS = 2 * 60_000;

/**
 * The printout of a ticket of today, or null when the hub does not know the ticket. `statusUrl` is the
 * ticket's live status link with its scoped credential; only the hub can make it (`CommandResult.statusUrl`).
 */
export function ticketPrintout(state: QueueState, ticketId: string, statusUrl: string): TicketPrintout | null {
  const ticket = ticketById(state, ticketId);
  if (!ticket) return null;
  const { office, services, priority, kiosk } = state.config;
  const service = services[ticket.serviceId];
  const group = priority.groups.find((g) => g.id === ticket.priorityGroup);
  const peopleAhead = ticketsAhead(state, ticket.id);
  const printout: TicketPrintout = {
    officeName: office.name,
    serviceNameVi: service?.name.vi ?? ticket.serviceId,
    label: ticket.label,
    issuedAt: ticket.issuedAt,
    timeZone: office.timeZone,
    peopleAhead,
    etaMinutes: estimatedWaitMinutes(state, ticket.serviceId, peopleAhead),
    qrContent: statusUrl,
  };
  if (service?.name.en) printout.serviceNameEn = service.name.en;
  if (group) printout.priorityLabel = `Ưu tiên – ${group.name.vi}`;
  if (kiosk.footerText) printout.footer = kiosk.footerText;
  const reminder = procedureReminder(state.config.procedures?.[ticket.serviceId]);
  if (reminder) printout.reminder = reminder;
  if (ticket.reprints) printout.copyMark = reprintMark(ticket.reprints);
  return printout;
}

export const printTicketRequestSchema = z.strictObject({
  ticketId: idSchema,
  reprint: z.boolean().default(false),
  /** Chosen by the kiosk so it can match the hub's `print.job` pushes to this request before the ack. */
  jobId: idSchema.optional(),
});
export type PrintTicketRequest = z.input<typeof printTicketRequestSchema>;

export const printPreviewRequestSchema = z.strictObject({ ticketId: idSchema });
export type PrintPreviewRequest = z.input<typeof printPreviewRequestSchema>;

/** Why a print was refused before reaching the printer. */
export const printRefusalMessages = {
  PRINT_WINDOW_PASSED: {
    vi: 'Đã quá thời gian in lại vé. Vui lòng báo cán bộ nếu cần hỗ trợ.',
    en: 'The time to reprint this ticket has passed. Please ask a staff member for help.',
  },
  NOT_LAST_TICKET: {
    vi: 'Chỉ in lại được vé vừa lấy tại máy này.',
    en: 'Only the last ticket taken at this kiosk can be reprinted.',
  },
} as const satisfies Record<string, Record<Language, string>>;
export type PrintRefusal = keyof typeof printRefusalMessages;

export interface LastPrintedTicket {
  ticketId: string;
  issuedAt: number;
}

/**
 * Whether a kiosk may print this ticket now: a first print right after issue, or a reprint of the
 * kiosk's own last ticket within REPRINT_WINDOW_MS of its issue.
 */
export function printRefusal(
  request: { ticketId: string; reprint: boolean; issuedAt: number },
  last: LastPrintedTicket | null,
  now: number,
): PrintRefusal | null {
  if (now - request.issuedAt > REPRINT_WINDOW_MS) return 'PRINT_WINDOW_PASSED';
  if (request.reprint && last?.ticketId !== request.ticketId) return 'NOT_LAST_TICKET';
  return null;
}

/**
 * Where a hub-side print job is, pushed to the kiosk that asked (`print.job`) at each step: `queued` (with the
 * jobs ahead of it on the same printer), `printing`, then `printed` or `failed`, or `unconfirmed` when the bytes
 * reached the printer but it never confirmed them (the slip may be out: look before printing again).
 */
export const printJobUpdateSchema = z.object({
  jobId: idSchema,
  ticketId: idSchema,
  status: z.enum(['queued', 'printing', 'printed', 'failed', 'unconfirmed']),
  /** `queued`: jobs before this one on the printer (the one printing included). */
  ahead: z.number().int().min(0).optional(),
  code: z.string().max(64).optional(),
  message: z.string().max(300).optional(),
  messageEn: z.string().max(300).optional(),
});
export type PrintJobUpdate = z.infer<typeof printJobUpdateSchema>;
export type PrintJobStatus = PrintJobUpdate['status'];

/** Codes of a hub-side print reply; PRINTER_* carry the printer's own problem (paper out, offline …). */
export type PrintReply =
  | { ok: true; status: string; previewPng: string }
  | { ok: false; code: string; message: string; messageEn: string; previewPng?: string };
export type PrintPreviewReply =
  { ok: true; previewPng: string } | { ok: false; code: string; message: string; messageEn: string };
