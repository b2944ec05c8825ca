import {
  alertKindForPrinterFailure,
  errorMessages,
  printerAddressMessages,
  printPreviewRequestSchema,
  printRefusal,
  printRefusalMessages,
  printTicketRequestSchema,
  ticketPrintout,
  type Actor,
  type ErrorCode,
  type PrinterProfile,
  type PrintJobUpdate,
  type PrintPreviewReply,
  type PrintReply,
  type QueueState,
  type AlertKind,
  type TicketPrintout,
  ticketById,
} from '@motcua/core';
import { loadPrinter } from './loadPrinter.js';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printerAddressContext, printerAddressRefusalNow } from './printerAddressCheck.js';
import type { HubSocket } from '../net/socketTypes.js';
import type { FeatureContext, HubFeature } from './types.js';

/** A print job never holds a kiosk longer than this (connect, status, send, confirm). */
export const PRINT_TIMEOUT_MS = 8000;

/** The printer of a kiosk device: its profile, else a file printer in `<dataDir>/prints` (the demo). */
export function printerProfileForDevice(state: QueueState, deviceId: string, dataDir: string): PrinterProfile {
  const profileId = state.config.devices[deviceId]?.printerProfileId;
  const profile = profileId ? state.config.printerProfiles[profileId] : undefined;
  if (profile) return profile;
  return {
    id: 'file-prints',
    name: 'Máy in tệp (demo)',
    transportUrl: pathToFileURL(join(dataDir, 'prints')).href,
    paperWidth: 80,
    mode: 'raster',
    codePage: '',
    cut: 'partial',
    density: 4,
    beep: false,
  };
}

async function previewDataUrl(printout: TicketPrintout, paperWidth: 58 | 80): Promise<string> {
  const { renderTicketPng } = await loadPrinter();
  return `data:image/png;base64,${renderTicketPng(printout, { paperWidth }).toString('base64')}`;
}

/** A step of a job in its printer's line, pushed to the kiosk as `print.job`. */
type LineUpdate = { status: 'queued'; ahead: number } | { status: 'printing' };
type PrintOutcome = Omit<PrintJobUpdate, 'jobId' | 'ticketId'>;

interface PrinterLine {
  /** Jobs not finished, the one printing first. */
  pending: { notify(update: LineUpdate): void }[];
  tail: Promise<unknown>;
}

/** The reply when the printer took the bytes but never confirmed them. */
const UNCONFIRMED = {
  code: 'PRINTER_UNCONFIRMED',
  message: 'Máy in chưa xác nhận đã in vé. Ông/Bà vui lòng xem khay giấy; nếu không có vé, vui lòng báo cán bộ',
  messageEn:
    'The printer did not confirm the ticket. Please check the tray; if there is no ticket, tell a staff member',
};

/** Every failure the kiosk shows says what to do next. */
function forTheCitizen(message: { vi: string; en: string }): { vi: string; en: string } {
  if (message.vi.includes('báo cán bộ')) return message;
  return { vi: `${message.vi}, vui lòng báo cán bộ`, en: `${message.en}, please tell a staff member` };
}

function errorEn(code: ErrorCode): string {
  return errorMessages[code].en;
}

function refused(code: ErrorCode): { ok: false; code: string; message: string; messageEn: string } {
  return { ok: false, code, message: errorMessages[code].vi, messageEn: errorMessages[code].en };
}

/**
 * Hub-side printing for kiosks in a plain browser (a tablet plus a network printer): `print.ticket`
 * prints on the printer assigned to the kiosk device, `print.preview` gives the on-screen picture.
 * Jobs run off the command path and per printer one after another, each bounded by a timeout.
 */
export function createPrintingFeature(ctx: FeatureContext, statusUrl: (ticketId: string) => string): HubFeature {
  const lastTicketByDevice = new Map<string, { ticketId: string; issuedAt: number }>();
  const printerLines = new Map<string, PrinterLine>();

  /**
   * One job at a time per printer address; a failed job does not block the next. Each job hears where it
   * is (queued with N ahead, printing), so a kiosk behind two others waits knowingly instead of giving up.
   */
  function onPrinter<T>(transportUrl: string, notify: (update: LineUpdate) => void, job: () => Promise<T>): Promise<T> {
    let line = printerLines.get(transportUrl);
    if (!line) {
      line = { pending: [], tail: Promise.resolve() };
      printerLines.set(transportUrl, line);
    }
    const own = line;
    const entry = { notify };
    own.pending.push(entry);
    notify({ status: 'queued', ahead: own.pending.length - 1 });
    const run = async (): Promise<T> => {
      notify({ status: 'printing' });
      try {
        return await job();
      } finally {
        own.pending.splice(own.pending.indexOf(entry), 1);
        own.pending.forEach((waiting, ahead) => waiting.notify({ status: 'queued', ahead }));
        if (own.pending.length === 0 && printerLines.get(transportUrl) === own) printerLines.delete(transportUrl);
      }
    };
    const next = own.tail.then(run, run);
    own.tail = next.catch(() => undefined);
    return next;
  }

  /** The kiosk's device id (the hub's guard lets only kiosks send print.*: core's `socketEventRoles`). */
  function kioskDeviceId(actor: Actor): string | null {
    return actor.kind === 'device' ? actor.deviceId : null;
  }

  function raiseAlert(actor: Actor, alertKind: AlertKind, problem: string): void {
    if (actor.kind !== 'device') return;
    const deviceName = ctx.engine.state.config.devices[actor.deviceId]?.name ?? actor.deviceId;
    const message = `Máy lấy số ${deviceName}: ${problem}`.slice(0, 300);
    const reply = ctx.engine.execute(actor, { type: 'alert.raise', alertKind, message }, null);
    if (!reply.ok) ctx.log.warn({ code: reply.code, alertKind }, 'could not raise the printer alert');
  }

  async function printForKiosk(request: unknown, actor: Actor, socket: HubSocket): Promise<PrintReply> {
    const deviceId = kioskDeviceId(actor);
    if (!deviceId) return refused('FORBIDDEN');
    const parsed = printTicketRequestSchema.safeParse(request);
    if (!parsed.success) return refused('BAD_REQUEST');
    const { ticketId, reprint } = parsed.data;
    const jobId = parsed.data.jobId ?? randomUUID();
    const push = (update: LineUpdate | PrintOutcome): void => {
      socket.emit('print.job', { jobId, ticketId, ...update });
    };
    const ticket = ticketById(ctx.engine.state, ticketId);
    if (!ticket) return refused('NOT_FOUND');
    const refusal = printRefusal(
      { ticketId, reprint, issuedAt: ticket.issuedAt },
      lastTicketByDevice.get(deviceId) ?? null,
      ctx.engine.now(),
    );
    if (refusal)
      return {
        ok: false,
        code: refusal,
        message: printRefusalMessages[refusal].vi,
        messageEn: printRefusalMessages[refusal].en,
      };
    if (reprint) {
      // Counted and audited before printing: the copy carries its number ("BẢN IN LẠI (lần 2)").
      const counted = ctx.engine.execute(actor, { type: 'ticket.reprint', ticketId }, null);
      if (!counted.ok)
        return { ok: false, code: counted.code, message: counted.message, messageEn: errorEn(counted.code) };
    }
    lastTicketByDevice.set(deviceId, { ticketId, issuedAt: ticket.issuedAt });

    const state = ctx.engine.state;
    const printout = ticketPrintout(state, ticketId, statusUrl(ticketId));
    if (!printout) return refused('NOT_FOUND');
    const profile = printerProfileForDevice(state, deviceId, ctx.options.dataDir);
    const { isPrinterError, printerErrorMessage, printTicket } = await loadPrinter();
    const previewPng = await previewDataUrl(printout, profile.paperWidth);
    const addressRefusal = await printerAddressRefusalNow(
      profile.transportUrl,
      printerAddressContext(ctx.options, state.config),
    );
    if (addressRefusal) {
      // Defence in depth: an address stored before the rules, or a link out of the data folder, prints nothing.
      const message = printerAddressMessages[addressRefusal];
      raiseAlert(actor, 'printerError', message.vi);
      ctx.log.warn({ deviceId, printer: profile.id, refusal: addressRefusal }, 'printer address refused at print time');
      push({ status: 'failed', code: 'PRINTER_BAD_CONFIG', message: message.vi, messageEn: message.en });
      return { ok: false, code: 'PRINTER_BAD_CONFIG', message: message.vi, messageEn: message.en, previewPng };
    }
    let sent = false;
    try {
      const result = await onPrinter(profile.transportUrl, push, () =>
        printTicket(profile, printout, { timeoutMs: PRINT_TIMEOUT_MS, onSent: () => (sent = true) }),
      );
      if (result.status.status === 'paperNearEnd') {
        raiseAlert(actor, 'printerPaperNearEnd', 'Máy in sắp hết giấy');
      }
      ctx.log.info({ deviceId, ticketId, reprint, printer: profile.id }, 'ticket printed');
      push({ status: 'printed' });
      return { ok: true, status: result.status.status, previewPng };
    } catch (error) {
      if (!isPrinterError(error)) {
        push({
          status: 'failed',
          code: 'INTERNAL',
          message: errorMessages.INTERNAL.vi,
          messageEn: errorMessages.INTERNAL.en,
        });
        throw error;
      }
      const code = error.code;
      const message = forTheCitizen(printerErrorMessage(code));
      raiseAlert(actor, alertKindForPrinterFailure(code), message.vi.replace(/, vui lòng báo cán bộ$/, ''));
      ctx.log.warn({ deviceId, ticketId, code, detail: error.detail, sent }, 'ticket not printed');
      // The bytes went out but the printer never confirmed them: the slip may be in the tray.
      const outcome = sent && code !== 'PAPER_OUT' && code !== 'COVER_OPEN' ? UNCONFIRMED : null;
      const reply = outcome ?? { code: `PRINTER_${code}`, message: message.vi, messageEn: message.en };
      push({ status: outcome ? 'unconfirmed' : 'failed', ...reply });
      return { ok: false, ...reply, previewPng };
    }
  }

  async function previewForKiosk(request: unknown, actor: Actor): Promise<PrintPreviewReply> {
    const deviceId = kioskDeviceId(actor);
    if (!deviceId) return refused('FORBIDDEN');
    const parsed = printPreviewRequestSchema.safeParse(request);
    if (!parsed.success) return refused('BAD_REQUEST');
    const printout = ticketPrintout(ctx.engine.state, parsed.data.ticketId, statusUrl(parsed.data.ticketId));
    if (!printout) return refused('NOT_FOUND');
    const profile = printerProfileForDevice(ctx.engine.state, deviceId, ctx.options.dataDir);
    return { ok: true, previewPng: await previewDataUrl(printout, profile.paperWidth) };
  }

  return {
    name: 'printing',
    socketHandlers: {
      'print.ticket': (request, actor, socket) => printForKiosk(request, actor, socket),
      'print.preview': (request, actor) => previewForKiosk(request, actor),
    },
    stop() {
      lastTicketByDevice.clear();
      printerLines.clear();
    },
  };
}
