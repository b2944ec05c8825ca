import type { HubClient } from '@motcua/client';
import {
  ticketPrintout,
  type CommandResult,
  type PrintPreviewReply,
  type PrintReply,
  ticketById,
  apply,
} from '@motcua/core';
import type { KioskBridge } from './kioskBridge';

const HUB_PRINT_TIMEOUT_MS = 15_000;

const NO_ANSWER: PrintReply = {
  ok: false,
  code: 'PRINTER_TIMEOUT',
  message: 'Máy in không phản hồi kịp thời, vui lòng báo cán bộ',
  messageEn: 'The printer did not answer in time, please tell a staff member',
};

type Emit = (event: string, payload: unknown) => Promise<unknown>;

function emitter(client: HubClient): Emit {
  const socket = client.socket as unknown as {
    timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
  };
  return (event, payload) => socket.timeout(HUB_PRINT_TIMEOUT_MS).emitWithAck(event, payload);
}

/**
 * Prints a just-issued ticket: through the Electron shell's printer when the bridge is there,
 * else on the printer the hub assigned to this kiosk. Never rejects.
 */
export async function printIssuedTicket(
  client: HubClient,
  bridge: KioskBridge | null,
  issued: CommandResult,
  reprint: boolean,
): Promise<PrintReply> {
  const ticket = issued.ticket;
  if (!ticket) return NO_ANSWER;
  try {
    if (bridge) {
      const state = client.state;
      if (!state) return NO_ANSWER;
      // The ack may overtake the event in the local copy; the ticket itself is in the ack.
      const withTicket = ticketById(state, ticket.id)
        ? state
        : apply(state, {
            seq: state.seq,
            at: ticket.issuedAt,
            actor: 'system',
            event: { type: 'ticket.issued', ticket },
          });
      // The hub signs the status link (a credential for this ticket only); it comes in the ack.
      const document = ticketPrintout(withTicket, ticket.id, issued.statusUrl ?? '');
      if (!document) return NO_ANSWER;
      return await bridge.print({ ticketId: ticket.id, reprint, document, hubNow: client.hubNow() });
    }
    return (await emitter(client)('print.ticket', { ticketId: ticket.id, reprint })) as PrintReply;
  } catch {
    return NO_ANSWER;
  }
}

/** The printed ticket's picture from the hub, for the screen when no print reply carried it. */
export async function ticketPreview(client: HubClient, ticketId: string): Promise<string | null> {
  try {
    const reply = (await emitter(client)('print.preview', { ticketId })) as PrintPreviewReply;
    return reply.ok ? reply.previewPng : null;
  } catch {
    return null;
  }
}

/** Alert kinds of core's alert.raise for a PRINTER_* code of a print reply. */
export function alertKindForPrintCode(code: string) {
  if (code === 'PRINTER_PAPER_OUT') return 'printerPaperOut' as const;
  if (code === 'PRINTER_COVER_OPEN') return 'printerCoverOpen' as const;
  if (
    [
      'PRINTER_OFFLINE',
      'PRINTER_TIMEOUT',
      'PRINTER_CONNECTION_FAILED',
      'PRINTER_CONNECTION_LOST',
      'PRINTER_WRITE_FAILED',
    ].includes(code)
  )
    return 'printerOffline' as const;
  return 'printerError' as const;
}
