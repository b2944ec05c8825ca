import type { Ticket } from './schemas.js';
import type { QueueState } from './state.js';

/**
 * The only ways to read the day's tickets. Everything outside core reads tickets through these, so
 * core is free to choose how it keeps them (a persistent map plus ordered waiting lines).
 */

/** Priority tickets (any priority group) and the others form two classes that the queue policy mixes. */
export type TicketClass = 'priority' | 'normal';

/**
 * A line of waiting tickets: those of a service that any counter serving it may call, or those sent
 * to one counter by a transfer (whatever their service).
 */
export type WaitingLineRef = { serviceId: string } | { counterId: string };

export function ticketClassOf(ticket: Pick<Ticket, 'priorityGroup'>): TicketClass {
  return ticket.priorityGroup === null ? 'normal' : 'priority';
}

/** The line a waiting ticket stands in. */
export function lineOf(ticket: Pick<Ticket, 'serviceId' | 'targetCounterId'>): WaitingLineRef {
  return ticket.targetCounterId === null ? { serviceId: ticket.serviceId } : { counterId: ticket.targetCounterId };
}

export function ticketById(state: QueueState, ticketId: string): Ticket | undefined {
  return state.tickets[ticketId];
}

/** Every ticket of the service day, in no particular order. */
export function allTickets(state: QueueState): Iterable<Ticket> {
  return Object.values(state.tickets);
}

export function ticketCount(state: QueueState): number {
  return Object.keys(state.tickets).length;
}

/** The day's tickets that satisfy `test`, in no particular order. */
export function ticketsWhere(state: QueueState, test: (ticket: Ticket) => boolean): Ticket[] {
  const found: Ticket[] = [];
  for (const ticket of allTickets(state)) if (test(ticket)) found.push(ticket);
  return found;
}

/** First in line first: earlier queue time (a ticket sent "to the front" gets an earlier one), then issue time, then id. */
export function compareQueuePlace(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function inLine(ticket: Ticket, line: WaitingLineRef): boolean {
  if (ticket.status !== 'waiting') return false;
  if ('counterId' in line) return ticket.targetCounterId === line.counterId;
  return ticket.targetCounterId === null && ticket.serviceId === line.serviceId;
}

/** The waiting tickets of one class in a line, first in line first. */
export function waitingLine(state: QueueState, line: WaitingLineRef, ticketClass: TicketClass): Ticket[] {
  return ticketsWhere(state, (t) => inLine(t, line) && ticketClassOf(t) === ticketClass).sort(compareQueuePlace);
}

/** How many tickets of one class wait in a line. */
export function waitingLineLength(state: QueueState, line: WaitingLineRef, ticketClass: TicketClass): number {
  return waitingLine(state, line, ticketClass).length;
}

/** The lines that have someone waiting. */
export function waitingLines(state: QueueState): WaitingLineRef[] {
  const services = new Set<string>();
  const counters = new Set<string>();
  for (const t of allTickets(state)) {
    if (t.status !== 'waiting') continue;
    if (t.targetCounterId === null) services.add(t.serviceId);
    else counters.add(t.targetCounterId);
  }
  return [...[...services].map((serviceId) => ({ serviceId })), ...[...counters].map((counterId) => ({ counterId }))];
}

/** How many tickets of one class stand before this waiting ticket in its own line. */
export function placeInLine(state: QueueState, ticket: Ticket): number {
  const line = waitingLine(state, lineOf(ticket), ticketClassOf(ticket));
  const index = line.findIndex((t) => t.id === ticket.id);
  return index === -1 ? 0 : index;
}

/** The ticket a line would serve first within a class, if anyone waits. */
export function firstInLine(state: QueueState, line: WaitingLineRef, ticketClass: TicketClass): Ticket | undefined {
  return waitingLine(state, line, ticketClass)[0];
}
