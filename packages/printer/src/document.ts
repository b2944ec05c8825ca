import { z } from 'zod';
import { PrinterError } from './errors.js';
import type { TicketDocument } from './types.js';

export const DEFAULT_FOOTER_VI = 'Vui lòng chờ đến lượt';
export const DEFAULT_FOOTER_EN = 'Please wait for your turn';

/** Runtime check of a TicketDocument (e.g. one built from a socket ack). */
export const ticketDocumentSchema = z.object({
  officeName: z.string().max(300),
  serviceNameVi: z.string().min(1).max(400),
  serviceNameEn: z.string().max(400).optional(),
  label: z.string().min(1).max(12),
  priorityLabel: z.string().max(200).optional(),
  issuedAt: z.number().int().nonnegative(),
  timeZone: z.string().min(1).max(64),
  peopleAhead: z.number().int().nonnegative(),
  etaMinutes: z.number().nonnegative(),
  qrContent: z.string().max(1000),
  footer: z.string().max(300).optional(),
  footerEn: z.string().max(300).optional(),
  reminder: z.string().max(400).optional(),
  copyMark: z.string().max(60).optional(),
});

export function validateTicketDocument(doc: TicketDocument): TicketDocument {
  const r = ticketDocumentSchema.safeParse(doc);
  if (!r.success) {
    throw new PrinterError('BAD_CONFIG', {
      messages: { vi: 'Nội dung vé không hợp lệ', en: 'The ticket content is not valid' },
      detail: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  formatIssuedAt(doc.issuedAt, doc.timeZone);
  return doc;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "28/11/2026 08:15" in the office's time zone. */
export function formatIssuedAt(epochMs: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch (e) {
      throw new PrinterError('BAD_CONFIG', {
        messages: { vi: 'Múi giờ không hợp lệ', en: 'Unknown time zone' },
        detail: timeZone,
        cause: e,
      });
    }
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

export function formatEta(minutes: number): { vi: string; en: string } {
  const m = Math.round(minutes);
  if (m < 1) return { vi: 'dưới 1 phút', en: 'under 1 min' };
  return { vi: `khoảng ${m} phút`, en: `about ${m} min` };
}
