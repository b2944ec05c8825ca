import type { PriorityPolicy, Ticket } from './schemas.js';
import { migratePriorityPolicy } from './schemas.js';
import type { QueueState } from './state.js';
import type { TicketClass, WaitingLineRef } from './ticketReads.js';
import { firstInLine, waitingLine } from './ticketReads.js';

/**
 * The queue policy of a one-stop desk, in one place:
 * 1. a ticket that has waited `maxWaitMinutes` (when set) is called before anything else, oldest first;
 * 2. otherwise priority citizens go first; after `priorityBurst` priority calls in a row a counter takes
 *    one normal ticket if one waits, so normal tickets never starve;
 * 3. within a class, tickets put "to the front" first, then the oldest across all the counter's services
 *    (its service order breaks ties), or the counter's service order first in strict mode.
 */
export interface QueuePolicySettings {
  priorityBurst: number;
  maxWaitMinutes: number;
  strictServiceOrder: boolean;
}

/** The settings in force, also from a policy stored before the current shape (old snapshots). */
export function queuePolicySettings(policy: PriorityPolicy): QueuePolicySettings {
  const { priorityBurst, maxWaitMinutes, strictServiceOrder } = migratePriorityPolicy(policy);
  return { priorityBurst, maxWaitMinutes, strictServiceOrder };
}

/**
 * Tickets a counter may call: waiting, and either sent to this counter by a transfer, or of a
 * service the counter serves and not reserved for another counter.
 */
export function callableTickets(state: QueueState, counterId: string): Ticket[] {
  return linesOf(state, counterId).flatMap((line) => [
    ...waitingLine(state, line, 'priority'),
    ...waitingLine(state, line, 'normal'),
  ]);
}

/**
 * Since when a ticket counts as waiting for the maximum wait: its place in line (issue time, the
 * original place after a return, the slot of an appointment; a ticket sent to the front counts as the
 * longest waiting, which is what "to the front" asks).
 */
export function waitingSince(ticket: Ticket): number {
  return ticket.queuedAt;
}

/** The order within one class at a counter serving `serviceIds` (in its order). */
export function classOrder(serviceIds: readonly string[], strict: boolean): (a: Ticket, b: Ticket) => number {
  const rank = (t: Ticket) => {
    const index = serviceIds.indexOf(t.serviceId);
    return index === -1 ? 0 : index;
  };
  return (a, b) =>
    Number(b.front) - Number(a.front) ||
    (strict ? rank(a) - rank(b) : 0) ||
    a.queuedAt - b.queuedAt ||
    rank(a) - rank(b) ||
    a.issuedAt - b.issuedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether the next call takes a priority ticket, given how many priority calls in a row came before. */
export function priorityTurn(priorityBurst: number, priorityStreak: number): boolean {
  return priorityBurst === 0 || priorityStreak < priorityBurst;
}

/**
 * Merges the two classes, each already in class order, in the order a counter calls them:
 * priority first, one normal after every `priorityBurst` priority calls in a row.
 */
export function mergeClasses(
  priority: readonly Ticket[],
  normal: readonly Ticket[],
  priorityBurst: number,
  priorityStreak: number,
  limit = Number.POSITIVE_INFINITY,
): Ticket[] {
  const order: Ticket[] = [];
  let p = 0;
  let q = 0;
  let streak = priorityStreak;
  while ((p < priority.length || q < normal.length) && order.length < limit) {
    const takePriority = p < priority.length && (q >= normal.length || priorityTurn(priorityBurst, streak));
    if (takePriority) {
      order.push(priority[p++] as Ticket);
      streak++;
    } else {
      order.push(normal[q++] as Ticket);
      streak = 0;
    }
  }
  return order;
}

/** The lines a counter calls from: tickets sent to it, then its services in its order. */
function linesOf(state: QueueState, counterId: string): WaitingLineRef[] {
  const counter = state.config.counters[counterId];
  return counter ? [{ counterId }, ...counter.serviceIds.map((serviceId) => ({ serviceId }))] : [];
}

/** The moment before which a waiting ticket is past the maximum wait, or null when aging is off. */
function overdueBefore(settings: QueuePolicySettings, now: number | null): number | null {
  return now !== null && settings.maxWaitMinutes > 0 ? now - settings.maxWaitMinutes * 60_000 : null;
}

/** Longest waiting first among tickets past the maximum wait; the class order breaks ties. */
function byWaitThen(compare: (a: Ticket, b: Ticket) => number): (a: Ticket, b: Ticket) => number {
  return (a, b) => waitingSince(a) - waitingSince(b) || compare(a, b);
}

/**
 * The order in which a counter will call its waiting tickets if nothing else changes: the policy
 * applied step by step. With `now`, tickets already past the maximum wait come first.
 */
export function callOrder(
  state: QueueState,
  counterId: string,
  now: number | null = null,
  limit = Number.POSITIVE_INFINITY,
): Ticket[] {
  const counter = state.config.counters[counterId];
  if (!counter) return [];
  const settings = queuePolicySettings(state.config.priority);
  const compare = classOrder(counter.serviceIds, settings.strictServiceOrder);
  let candidates = callableTickets(state, counterId);
  const overdue: Ticket[] = [];
  const before = overdueBefore(settings, now);
  if (before !== null) {
    const late = (t: Ticket) => waitingSince(t) <= before;
    overdue.push(...candidates.filter(late).sort(byWaitThen(compare)));
    candidates = candidates.filter((t) => !late(t));
  }
  if (overdue.length >= limit) return overdue.slice(0, limit);
  const priority = candidates.filter((t) => t.priorityGroup !== null).sort(compare);
  const normal = candidates.filter((t) => t.priorityGroup === null).sort(compare);
  // The overdue calls change the streak too: count it forward through them.
  let streak = state.counters[counterId]?.priorityStreak ?? 0;
  for (const t of overdue) streak = t.priorityGroup !== null ? streak + 1 : 0;
  return [...overdue, ...mergeClasses(priority, normal, settings.priorityBurst, streak, limit - overdue.length)];
}

/**
 * The ticket "call next" gives this counter at `now`, or null when nobody is waiting for it: the same
 * as the head of `callOrder`, read from the first ticket of each of its lines only, since every call asks.
 */
export function pickNextTicket(state: QueueState, counterId: string, now: number): Ticket | null {
  const counter = state.config.counters[counterId];
  if (!counter) return null;
  const settings = queuePolicySettings(state.config.priority);
  const compare = classOrder(counter.serviceIds, settings.strictServiceOrder);
  const best = (tickets: Ticket[], order: (a: Ticket, b: Ticket) => number) =>
    tickets.reduce<Ticket | null>((found, t) => (found === null || order(t, found) < 0 ? t : found), null);
  const heads = (ticketClass: TicketClass) =>
    linesOf(state, counterId).flatMap((line) => firstInLine(state, line, ticketClass) ?? []);
  const priorityHeads = heads('priority');
  const normalHeads = heads('normal');
  const before = overdueBefore(settings, now);
  if (before !== null) {
    // Lines are ordered by their place in line, so a line's longest waiting ticket is its first.
    const longest = best([...priorityHeads, ...normalHeads], byWaitThen(compare));
    if (longest && waitingSince(longest) <= before) return longest;
  }
  const priority = best(priorityHeads, compare);
  const normal = best(normalHeads, compare);
  const streak = state.counters[counterId]?.priorityStreak ?? 0;
  if (priority && (!normal || priorityTurn(settings.priorityBurst, streak))) return priority;
  return normal ?? priority;
}

/**
 * How many tickets of one line go before a ticket, from a fresh counter (no streak): its class
 * comes in bursts of `priorityBurst` priority tickets, each followed by one normal ticket.
 */
export function aheadInLine(
  isPriority: boolean,
  sameClassBefore: number,
  otherClass: number,
  priorityBurst: number,
): number {
  if (isPriority) {
    return (
      sameClassBefore + (priorityBurst === 0 ? 0 : Math.min(otherClass, Math.floor(sameClassBefore / priorityBurst)))
    );
  }
  return (
    sameClassBefore + (priorityBurst === 0 ? otherClass : Math.min(otherClass, (sameClassBefore + 1) * priorityBurst))
  );
}
