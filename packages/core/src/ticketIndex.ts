import createTree from 'functional-red-black-tree';
import { Map as ImmutableMap } from 'immutable';
import type { Ticket } from './schemas.js';

/**
 * How core keeps the day's tickets (docs/decisions/0003-persistent-ticket-map.md): a persistent map by
 * id, so an event copies O(log n) of it instead of the whole day, and for each waiting line and class a
 * persistent red-black tree of its tickets in queue order, so a place in line is an O(log n) look-up.
 *
 * The waiting lines are derived from the map and remembered beside it (one set per map version), so the
 * state stays plain data that equals, encodes and hashes as before; `putTickets` (used only by `apply`)
 * carries the lines from one version to the next in O(log n) per changed ticket.
 */
export type TicketMap = ImmutableMap<string, Ticket>;

/** Priority tickets (any priority group) and the others form two classes that the queue policy mixes. */
export type TicketClass = 'priority' | 'normal';

/**
 * A line of waiting tickets: those of a service that any counter serving it may call, or those sent
 * to one counter by a transfer (whatever their service).
 */
export type WaitingLineRef = { serviceId: string } | { counterId: string };

/** One line and class, first in line first. The keys are the tickets themselves (immutable objects). */
type LineTree = createTree.Tree<Ticket, true>;

/** Every non-empty line, by `lineKey`. */
type WaitingLines = ImmutableMap<string, LineTree>;

export function ticketClassOf(ticket: Pick<Ticket, 'priorityGroup'>): TicketClass {
  return ticket.priorityGroup === null ? 'normal' : 'priority';
}

/** The line a waiting ticket stands in. */
export function lineOf(ticket: Pick<Ticket, 'serviceId' | 'targetCounterId'>): WaitingLineRef {
  return ticket.targetCounterId === null ? { serviceId: ticket.serviceId } : { counterId: ticket.targetCounterId };
}

/**
 * First in line first: earlier queue time (a ticket sent "to the front" gets one before everyone
 * waiting), then earlier issue, then id, so the order is total and the same on every replica.
 */
export function compareQueuePlace(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function lineKey(line: WaitingLineRef, ticketClass: TicketClass): string {
  return 'counterId' in line ? `counter:${line.counterId}:${ticketClass}` : `service:${line.serviceId}:${ticketClass}`;
}

function lineKeyOf(ticket: Ticket): string {
  return lineKey(lineOf(ticket), ticketClassOf(ticket));
}

/** The parsed form of a `lineKey`, for listing the lines that have someone waiting. */
function lineRefOfKey(key: string): WaitingLineRef {
  const [kind, ...rest] = key.split(':');
  const id = rest.slice(0, -1).join(':');
  return kind === 'counter' ? { counterId: id } : { serviceId: id };
}

const EMPTY_LINE: LineTree = createTree<Ticket, true>(compareQueuePlace);
const EMPTY_LINES: WaitingLines = ImmutableMap();

/** Waiting lines of each map version. A WeakMap, so they go when the version does. */
const linesOfVersion = new WeakMap<TicketMap, WaitingLines>();

export function emptyTickets(): TicketMap {
  return ImmutableMap();
}

/** A ticket map from plain tickets (a decoded snapshot); its lines are built once, on first use. */
export function ticketMapOf(tickets: Record<string, Ticket> | Iterable<Ticket>): TicketMap {
  if (Symbol.iterator in tickets) return ImmutableMap([...tickets].map((t) => [t.id, t] as const));
  return ImmutableMap(tickets);
}

function withoutFromLine(lines: WaitingLines, ticket: Ticket): WaitingLines {
  const key = lineKeyOf(ticket);
  const tree = lines.get(key);
  if (!tree) return lines;
  const at = tree.find(ticket);
  if (!at.valid) return lines;
  const rest = at.remove();
  return rest.length === 0 ? lines.delete(key) : lines.set(key, rest);
}

function withInLine(lines: WaitingLines, ticket: Ticket): WaitingLines {
  const key = lineKeyOf(ticket);
  return lines.set(key, (lines.get(key) ?? EMPTY_LINE).insert(ticket, true));
}

function buildLines(tickets: TicketMap): WaitingLines {
  return EMPTY_LINES.withMutations((lines) => {
    for (const ticket of tickets.values()) {
      if (ticket.status !== 'waiting') continue;
      const key = lineKeyOf(ticket);
      lines.set(key, (lines.get(key) ?? EMPTY_LINE).insert(ticket, true));
    }
  });
}

function waitingLinesOf(tickets: TicketMap): WaitingLines {
  let lines = linesOfVersion.get(tickets);
  if (!lines) {
    lines = buildLines(tickets);
    linesOfVersion.set(tickets, lines);
  }
  return lines;
}

/**
 * The map with these tickets put in (new or changed), and its waiting lines carried over from the
 * previous version: each changed ticket leaves its old line and joins its new one, O(log n) each.
 */
export function putTickets(tickets: TicketMap, changed: readonly Ticket[]): TicketMap {
  if (changed.length === 0) return tickets;
  let lines = waitingLinesOf(tickets);
  const next = tickets.withMutations((map) => {
    for (const ticket of changed) {
      const before = map.get(ticket.id);
      if (before === ticket) continue;
      if (before?.status === 'waiting') lines = withoutFromLine(lines, before);
      if (ticket.status === 'waiting') lines = withInLine(lines, ticket);
      map.set(ticket.id, ticket);
    }
  });
  if (next !== tickets) linesOfVersion.set(next, lines);
  return next;
}

/** The waiting tickets of one class in a line, first in line first. */
export function lineTickets(tickets: TicketMap, line: WaitingLineRef, ticketClass: TicketClass): Ticket[] {
  return waitingLinesOf(tickets).get(lineKey(line, ticketClass))?.keys ?? [];
}

export function lineLength(tickets: TicketMap, line: WaitingLineRef, ticketClass: TicketClass): number {
  return waitingLinesOf(tickets).get(lineKey(line, ticketClass))?.length ?? 0;
}

export function lineFirst(tickets: TicketMap, line: WaitingLineRef, ticketClass: TicketClass): Ticket | undefined {
  return waitingLinesOf(tickets).get(lineKey(line, ticketClass))?.begin.key;
}

/** How many of its class stand before a waiting ticket in its own line (0 if it is not waiting). */
export function lineIndexOf(tickets: TicketMap, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  const at = waitingLinesOf(tickets).get(lineKeyOf(ticket))?.find(ticket);
  return at?.valid ? at.index : 0;
}

/** The lines that have someone waiting (each once, whatever the classes in it). */
export function linesWithWaiting(tickets: TicketMap): WaitingLineRef[] {
  const seen = new Set<string>();
  const lines: WaitingLineRef[] = [];
  for (const key of waitingLinesOf(tickets).keys()) {
    const line = lineRefOfKey(key);
    const id = lineKey(line, 'normal');
    if (seen.has(id)) continue;
    seen.add(id);
    lines.push(line);
  }
  return lines;
}
