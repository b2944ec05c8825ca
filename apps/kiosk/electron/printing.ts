import { printRefusal, printRefusalMessages, type LastPrintedTicket, type PrintReply } from '@motcua/core';
import {
  checkPrinterStatus,
  isPrinterError,
  printTicket,
  renderTicketPng,
  ticketDocumentSchema,
  type PrinterProfile,
} from '@motcua/printer';
import { z } from 'zod';
import type { BridgePrinterStatus } from '../src/kioskBridge.js';
import type { KioskDeviceSettings } from '../src/deviceSettings.js';

export const PRINT_TIMEOUT_MS = 8000;

export const bridgePrintRequestSchema = z.strictObject({
  ticketId: z.string().min(1).max(64),
  reprint: z.boolean(),
  document: ticketDocumentSchema,
  hubNow: z.number(),
});

function profileOf(settings: KioskDeviceSettings): PrinterProfile | null {
  if (!settings.printer) return null;
  return { id: 'kiosk', name: 'Máy in của máy lấy số', ...settings.printer };
}

/**
 * Prints a ticket from the renderer on the kiosk's own printer. The renderer's request is checked
 * (shape, reprint rule) because it crosses the process boundary. The reprint window runs on the
 * hub's clock (sent by the renderer), since the kiosk's own clock may be off.
 */
export class KioskPrinter {
  private last: LastPrintedTicket | null = null;

  constructor(private readonly settings: () => KioskDeviceSettings) {}

  async print(request: unknown): Promise<PrintReply> {
    const parsed = bridgePrintRequestSchema.safeParse(request);
    if (!parsed.success) {
      return {
        ok: false,
        code: 'BAD_REQUEST',
        message: 'Yêu cầu in không hợp lệ.',
        messageEn: 'Invalid print request.',
      };
    }
    const { ticketId, reprint, document, hubNow } = parsed.data;
    const refusal = printRefusal({ ticketId, reprint, issuedAt: document.issuedAt }, this.last, hubNow);
    if (refusal) {
      return {
        ok: false,
        code: refusal,
        message: printRefusalMessages[refusal].vi,
        messageEn: printRefusalMessages[refusal].en,
      };
    }
    this.last = { ticketId, issuedAt: document.issuedAt };
    const profile = profileOf(this.settings());
    const previewPng = `data:image/png;base64,${renderTicketPng(document, { paperWidth: profile?.paperWidth ?? 80 }).toString('base64')}`;
    if (!profile) {
      return {
        ok: false,
        code: 'PRINTER_NOT_CONFIGURED',
        message: 'Máy lấy số chưa được cài máy in, vui lòng báo cán bộ',
        messageEn: 'No printer is set up for this kiosk, please tell a staff member',
        previewPng,
      };
    }
    try {
      const result = await printTicket(profile, document, { timeoutMs: PRINT_TIMEOUT_MS });
      return { ok: true, status: result.status.status, previewPng };
    } catch (error) {
      if (!isPrinterError(error)) throw error;
      return { ok: false, code: `PRINTER_${error.code}`, message: error.vi, messageEn: error.en, previewPng };
    }
  }

  async status(): Promise<BridgePrinterStatus> {
    const profile = profileOf(this.settings());
    if (!profile) {
      return { status: 'notConfigured', message: { vi: 'Chưa cài máy in.', en: 'No printer set up.' } };
    }
    try {
      const status = await checkPrinterStatus(profile, { timeoutMs: 4000 });
      return { status: status.status, message: status.message };
    } catch (error) {
      const message = isPrinterError(error) ? { vi: error.vi, en: error.en } : { vi: String(error), en: String(error) };
      return { status: 'error', message };
    }
  }
}
