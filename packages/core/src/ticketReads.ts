import type { Ticket } from './schemas.js';
import type { QueueState } from './state.js';
import type { TicketClass, WaitingLineRef } from './ticketIndex.js';
import { lineFirst, lineIndexOf, lineLength, lineTickets, linesWithWaiting } from './ticketIndex.js';

/**
 * The only ways to read the day's tickets. Everything outside core reads tickets through these, so
 * core is free to choose how it keeps them (ticketIndex.ts: a persistent map plus ordered waiting lines).
 */
export type { TicketClass, WaitingLineRef } from './ticketIndex.js';
export { compareQueuePlace, lineOf, ticketClassOf } from './ticketIndex.js';

export function ticketById(state: QueueState, ticketId: string): Ticket | undefined {
  return state.tickets.get(ticketId);
}

/** Every ticket of the service day, in no particular order. */
export function allTickets(state: QueueState): Iterable<Ticket> {
  return state.tickets.values();
}

export function ticketCount(state: QueueState): number {
  return state.tickets.size;
}

/** The day's tickets that satisfy `test`, in no particular order. Visits every ticket: not for per-event paths. */
export function ticketsWhere(state: QueueState, test: (ticket: Ticket) => boolean): Ticket[] {
  const found: Ticket[] = [];
  for (const ticket of state.tickets.values()) if (test(ticket)) found.push(ticket);
  return found;
}

/** The waiting tickets of one class in a line, first in line first. */
export function waitingLine(state: QueueState, line: WaitingLineRef, ticketClass: TicketClass): Ticket[] {
  return lineTickets(state.tickets, line, ticketClass);
}

/** How many tickets of one class wait in a line. */
export function waitingLineLength(state: QueueState, line: WaitingLineRef, ticketClass: TicketClass): number {
  return lineLength(state.tickets, line, ticketClass);
}

/** The ticket a line would serve first within a class, if anyone waits. */
export function firstInLine(state: QueueState, line: WaitingLineRef, ticketClass: TicketClass): Ticket | undefined {
  return lineFirst(state.tickets, line, ticketClass);
}

/** The lines that have someone waiting. */
export function waitingLines(state: QueueState): WaitingLineRef[] {
  return linesWithWaiting(state.tickets);
}

/** How many tickets of its own class stand before this waiting ticket in its line (0 if not waiting). */
export function placeInLine(state: QueueState, ticket: Ticket): number {
  return lineIndexOf(state.tickets, ticket);
}
