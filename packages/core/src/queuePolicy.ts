import type { PriorityPolicy, Ticket } from './schemas.js';
import { migratePriorityPolicy } from './schemas.js';
import type { QueueState } from './state.js';
import type { WaitingLineRef } from './ticketReads.js';
import { waitingLine } from './ticketReads.js';

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
  const counter = state.config.counters[counterId];
  if (!counter) return [];
  const lines: WaitingLineRef[] = [{ counterId }, ...counter.serviceIds.map((serviceId) => ({ serviceId }))];
  return lines.flatMap((line) => [...waitingLine(state, line, 'priority'), ...waitingLine(state, line, 'normal')]);
}

/** Since when a ticket counts as waiting for aging: its issue, or its place in line when that is later (appointments). */
export function waitingSince(ticket: Ticket): number {
  return Math.max(ticket.issuedAt, ticket.queuedAt);
}

/** The order within one class at a counter serving `serviceIds` (in its order). */
export function classOrder(serviceIds: readonly string[], strict: boolean): (a: Ticket, b: Ticket) => number {
  const rank = (t: Ticket) => {
    const index = serviceIds.indexOf(t.serviceId);
    return index === -1 ? 0 : index;
  };
  return (a, b) =>
    Number(b.front === true) - Number(a.front === true) ||
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
  if (now !== null && settings.maxWaitMinutes > 0) {
    const limitAt = now - settings.maxWaitMinutes * 60_000;
    const late = (t: Ticket) => waitingSince(t) <= limitAt;
    overdue.push(...candidates.filter(late).sort((a, b) => waitingSince(a) - waitingSince(b) || compare(a, b)));
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

/** The ticket "call next" gives this counter at `now`, or null when nobody is waiting for it. */
export function pickNextTicket(state: QueueState, counterId: string, now: number): Ticket | null {
  return callOrder(state, counterId, now, 1)[0] ?? null;
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
