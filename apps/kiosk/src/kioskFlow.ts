import {
  serviceRefusal,
  type CommandReply,
  type CommandResult,
  type LocalizedName,
  type PrintReply,
  type ProcedureInfo,
  type QueueState,
  type Service,
} from '@motcua/core';
import type { Refusal } from './kioskMessages';
import { NO_ANSWER_CODE, type PrintProgress } from './ticketPrinting';

/** How long the ticket and the refusal screens stay before the kiosk returns home by itself. */
export const TICKET_SCREEN_SECONDS = 20;
export const MESSAGE_SCREEN_SECONDS = 12;
const SETTINGS_IDLE_SECONDS = 120;

/** While printing, `progress` is the hub's latest word on the job (its place in the printer's line). */
export type PrintState = { phase: 'printing'; progress?: PrintProgress } | { phase: 'done'; reply: PrintReply };

export type TicketShown = {
  name: 'ticket';
  issued: CommandResult;
  print: PrintState;
  preview: string | null;
  shownAt: number;
  /** For a booked ticket: how it was queued (at the booked time, or as a walk-in). */
  notice?: LocalizedName;
};

/** Where the citizen is on the kiosk: one screen at a time, changed only by `kioskFlow`. */
export type KioskScreen =
  | { name: 'home' }
  | { name: 'fields'; query: string; keyboard: boolean }
  | { name: 'services'; fieldId: string }
  /** The last step before the ticket; `fieldId` is where "back" returns to. */
  | { name: 'details'; serviceId: string; fieldId: string; dossierCode: string | null }
  | { name: 'issuing'; serviceId: string }
  | { name: 'checkIn' }
  | TicketShown
  | { name: 'refused'; refusal: Refusal; shownAt: number }
  | { name: 'settings' };

export type KioskStep =
  | { type: 'home' }
  | { type: 'openSettings' }
  | { type: 'start' }
  | { type: 'search'; query: string; keyboard: boolean }
  | { type: 'openField'; fieldId: string }
  | { type: 'openCheckIn' }
  | { type: 'askDetails'; service: Service }
  | { type: 'dossierCode'; dossierCode: string | null }
  | { type: 'back' }
  | { type: 'issuing'; serviceId: string }
  | { type: 'refused'; refusal: Refusal; at: number }
  | { type: 'ticketShown'; issued: CommandResult; at: number; notice?: LocalizedName }
  | { type: 'printStarted'; ticketId: string | undefined }
  /** `at`: when the print ended; the screen's return countdown starts then. */
  | { type: 'printed'; ticketId: string | undefined; reply: PrintReply; preview: string | null; at?: number }
  | { type: 'printProgress'; ticketId: string | undefined; progress: PrintProgress };

export const HOME: KioskScreen = { name: 'home' };
const FIELDS: KioskScreen = { name: 'fields', query: '', keyboard: false };

/** The kiosk's screen flow: pure, so every path a citizen can take is a unit test. */
export function kioskFlow(screen: KioskScreen, step: KioskStep): KioskScreen {
  switch (step.type) {
    case 'home':
      return HOME;
    case 'openSettings':
      return { name: 'settings' };
    case 'start':
      return FIELDS;
    case 'search':
      return { name: 'fields', query: step.query, keyboard: step.keyboard };
    case 'openField':
      return { name: 'services', fieldId: step.fieldId };
    case 'openCheckIn':
      return { name: 'checkIn' };
    case 'askDetails':
      return { name: 'details', serviceId: step.service.id, fieldId: step.service.fieldId, dossierCode: null };
    case 'dossierCode':
      return screen.name === 'details' ? { ...screen, dossierCode: step.dossierCode } : screen;
    case 'back':
      if (screen.name === 'services') return FIELDS;
      if (screen.name === 'details') return { name: 'services', fieldId: screen.fieldId };
      return HOME;
    case 'issuing':
      return { name: 'issuing', serviceId: step.serviceId };
    case 'refused':
      return { name: 'refused', refusal: step.refusal, shownAt: step.at };
    case 'ticketShown': {
      const shown: TicketShown = {
        name: 'ticket',
        issued: step.issued,
        print: { phase: 'printing' },
        preview: null,
        shownAt: step.at,
      };
      return step.notice ? { ...shown, notice: step.notice } : shown;
    }
    case 'printStarted':
      return isTicketOnScreen(screen, step.ticketId) ? { ...screen, print: { phase: 'printing' } } : screen;
    case 'printed':
      return isTicketOnScreen(screen, step.ticketId)
        ? {
            ...screen,
            print: { phase: 'done', reply: step.reply },
            preview: step.preview ?? screen.preview,
            shownAt: step.at ?? screen.shownAt,
          }
        : screen;
    case 'printProgress':
      return isTicketOnScreen(screen, step.ticketId) ? withPrintProgress(screen, step.progress) : screen;
  }
}

/**
 * The hub's word on the job: its place in line while printing; and after the kiosk stopped waiting for a silent
 * hub, a late "printed" turns "check the tray" into "take your ticket".
 */
function withPrintProgress(screen: TicketShown, progress: PrintProgress): TicketShown {
  if (screen.print.phase === 'printing') {
    return progress.status === 'queued' || progress.status === 'printing'
      ? { ...screen, print: { phase: 'printing', progress } }
      : screen;
  }
  const reply = screen.print.reply;
  if (progress.status === 'printed' && !reply.ok && reply.code === NO_ANSWER_CODE) {
    return { ...screen, print: { phase: 'done', reply: { ok: true, status: 'ok', previewPng: screen.preview ?? '' } } };
  }
  return screen;
}

/** A print that ends after the citizen moved on changes nothing. */
function isTicketOnScreen(screen: KioskScreen, ticketId: string | undefined): screen is TicketShown {
  return screen.name === 'ticket' && screen.issued.ticket?.id === ticketId;
}

/** Whether a procedure has anything to tell the citizen before the ticket is taken. */
export function hasProcedureInfo(info: ProcedureInfo | undefined): info is ProcedureInfo {
  return Boolean(info && (info.documents.length > 0 || info.fee || info.processingTime));
}

/** What touching a procedure leads to: core's refusal, the details step, or the ticket straight away. */
export type ServiceChoice = { next: 'refused'; refusal: Refusal } | { next: 'details' } | { next: 'issue' };

/** `agePriorityProposed`: the citizen's ID card gives age priority, which they confirm on the details step. */
export function serviceChoice(
  state: QueueState,
  serviceId: string,
  now: number,
  agePriorityProposed = false,
): ServiceChoice {
  const refusal = serviceRefusal(state, serviceId, now);
  if (refusal) return { next: 'refused', refusal };
  const { priority, procedures } = state.config;
  const info = procedures?.[serviceId];
  const asksPriority = priority.kioskAsks && priority.groups.length > 0;
  return asksPriority || agePriorityProposed || info?.returnsResults || hasProcedureInfo(info)
    ? { next: 'details' }
    : { next: 'issue' };
}

/** The hub's answer to `ticket.issue` as the next step: the ticket, or why there is none. */
export function issueOutcome(reply: CommandReply, at: number): KioskStep {
  if (reply.ok && reply.result.ticket) return { type: 'ticketShown', issued: reply.result, at };
  const refusal: Refusal = reply.ok ? { code: 'INTERNAL' } : { code: reply.code };
  if (!reply.ok && reply.details) refusal.details = reply.details;
  return { type: 'refused', refusal, at };
}

/** After how many idle seconds this screen returns home by itself; null where it waits. */
export function idleReturnSeconds(screen: KioskScreen, officeIdleSeconds: number): number | null {
  switch (screen.name) {
    case 'home':
    case 'issuing':
      return null;
    case 'settings':
      return SETTINGS_IDLE_SECONDS;
    case 'ticket':
      // Not while the ticket waits for the printer: the citizen stays to take it (the wait is bounded by the hub).
      return screen.print.phase === 'printing' ? null : Math.min(officeIdleSeconds, TICKET_SCREEN_SECONDS);
    case 'refused':
      return Math.min(officeIdleSeconds, MESSAGE_SCREEN_SECONDS);
    default:
      return officeIdleSeconds;
  }
}
