import type { HubClient } from '@motcua/client';
import {
  apply,
  errorMessages,
  printJobUpdateSchema,
  reprintMark,
  ticketById,
  ticketPrintout,
  type CommandResult,
  type PrintJobUpdate,
  type PrintReply,
} from '@motcua/core';
import { kioskStrings } from './i18n/strings';
import type { KioskBridge } from './kioskBridge';

/**
 * With no word from the hub for this long the kiosk stops waiting. The hub pushes each step of the job
 * (a job holds its printer at most 8 s, and every job that ends moves the others up), so silence this long
 * means the hub or the link is gone, not a slow line.
 */
export const HUB_PRINT_STALL_MS = 20_000;
/** Late pushes about a job the kiosk stopped waiting for still update the screen for this long. */
const LATE_PUSHES_MS = 2 * 60_000;
const PREVIEW_TIMEOUT_MS = 15_000;

const NO_TICKET: PrintReply = {
  ok: false,
  code: 'PRINTER_TIMEOUT',
  message: kioskStrings['print.timeout'].vi,
  messageEn: kioskStrings['print.timeout'].en,
};

export const NO_ANSWER_CODE = 'PRINT_NO_ANSWER';

/** The hub went quiet: the job may still print, so the kiosk never says it failed. */
export const NO_ANSWER: PrintReply = {
  ok: false,
  code: NO_ANSWER_CODE,
  message: kioskStrings['print.noAnswer'].vi,
  messageEn: kioskStrings['print.noAnswer'].en,
};

/** A job's step on the screen: queued behind others, printing, or its end. */
export type PrintProgress = Pick<PrintJobUpdate, 'status' | 'ahead'>;

/** Unique enough among one kiosk's jobs; crypto.randomUUID needs a secure context a LAN kiosk may lack. */
function newJobId(ticketId: string): string {
  return `${ticketId}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`.slice(-64);
}

/**
 * Prints on the hub's printer and follows the job through the hub's `print.job` pushes until its outcome.
 * `onProgress` hears every step, including a late `printed` after the kiosk stopped waiting.
 */
export function printOnHub(
  client: HubClient,
  ticketId: string,
  reprint: boolean,
  onProgress: (progress: PrintProgress) => void = () => undefined,
): Promise<PrintReply> {
  const socket = client.socket;
  const jobId = newJobId(ticketId);
  return new Promise<PrintReply>((resolve) => {
    let settled = false;
    let stall: ReturnType<typeof setTimeout> | undefined;
    const stopListening = setTimeout(() => socket.off('print.job', listener), LATE_PUSHES_MS);
    const settle = (reply: PrintReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(stall);
      resolve(reply);
    };
    const waitForWord = () => {
      clearTimeout(stall);
      stall = setTimeout(() => settle(NO_ANSWER), HUB_PRINT_STALL_MS);
    };
    function listener(payload: unknown) {
      const update = printJobUpdateSchema.safeParse(payload);
      if (!update.success || update.data.jobId !== jobId) return;
      const { status, ahead } = update.data;
      onProgress(ahead === undefined ? { status } : { status, ahead });
      if (status === 'queued' || status === 'printing') return waitForWord();
      socket.off('print.job', listener);
      clearTimeout(stopListening);
    }
    socket.on('print.job', listener);
    waitForWord();
    socket.emit('print.ticket', { ticketId, reprint, jobId }, (reply) => settle(reply));
  });
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
  onProgress?: (progress: PrintProgress) => void,
): Promise<PrintReply> {
  const ticket = issued.ticket;
  if (!ticket) return NO_TICKET;
  try {
    if (!bridge) return await printOnHub(client, ticket.id, reprint, onProgress);
    let copy = 0;
    if (reprint) {
      // The hub counts and audits every reprint, for the shell's printer as for its own.
      const counted = await client.send({ type: 'ticket.reprint', ticketId: ticket.id });
      if (!counted.ok)
        return { ok: false, code: counted.code, message: counted.message, messageEn: errorMessages[counted.code].en };
      copy = counted.result.ticket?.reprints ?? 1;
    }
    const state = client.state;
    if (!state) return NO_TICKET;
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
    if (!document) return NO_TICKET;
    if (copy > 0) document.copyMark = reprintMark(copy);
    onProgress?.({ status: 'printing' });
    return await bridge.print({ ticketId: ticket.id, reprint, document, hubNow: client.hubNow() });
  } catch {
    return NO_ANSWER;
  }
}

/** The printed ticket's picture from the hub, for the screen when no print reply carried it. */
export async function ticketPreview(client: HubClient, ticketId: string): Promise<string | null> {
  try {
    const reply = await client.request('print.preview', { ticketId }, PREVIEW_TIMEOUT_MS);
    return reply.ok ? reply.previewPng : null;
  } catch {
    return null;
  }
}
