import type { Ticket } from './schemas.js';
import type { QueueState } from './state.js';
import type { WaitingLineRef } from './ticketReads.js';
import { waitingLine } from './ticketReads.js';

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

/** Within a class: the counter's services in its order, then first come, first served. */
function byCounterOrder(serviceIds: string[]): (a: Ticket, b: Ticket) => number {
  const rank = (t: Ticket) => {
    const index = serviceIds.indexOf(t.serviceId);
    return index === -1 ? 0 : index;
  };
  return (a, b) => rank(a) - rank(b) || a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : 1);
}

/**
 * Whether the next call takes a priority ticket. With interleave N, a counter calls one priority
 * ticket after N normal ones, so neither class starves; N = 0 means priority always first.
 */
export function priorityTurn(interleave: number, normalsSinceLastPriority: number): boolean {
  return interleave === 0 || normalsSinceLastPriority >= interleave;
}

/**
 * The order in which a counter will call its waiting tickets if nothing else changes:
 * the queue policy applied step by step.
 */
export function callOrder(state: QueueState, counterId: string, limit = Number.POSITIVE_INFINITY): Ticket[] {
  const counter = state.config.counters[counterId];
  if (!counter) return [];
  const compare = byCounterOrder(counter.serviceIds);
  const candidates = callableTickets(state, counterId);
  const priority = candidates.filter((t) => t.priorityGroup !== null).sort(compare);
  const normal = candidates.filter((t) => t.priorityGroup === null).sort(compare);
  return interleave(
    priority,
    normal,
    state.config.priority.interleave,
    state.counters[counterId]?.normalsSinceLastPriority ?? 0,
    limit,
  );
}

/** Merges the two classes in call order: one priority ticket after every `n` normal ones. */
export function interleave(
  priority: Ticket[],
  normal: Ticket[],
  n: number,
  normalsSince: number,
  limit: number,
): Ticket[] {
  const order: Ticket[] = [];
  let p = 0;
  let q = 0;
  let since = normalsSince;
  while ((p < priority.length || q < normal.length) && order.length < limit) {
    const takePriority = p < priority.length && (q >= normal.length || priorityTurn(n, since));
    if (takePriority) {
      order.push(priority[p++] as Ticket);
      since = 0;
    } else {
      order.push(normal[q++] as Ticket);
      since++;
    }
  }
  return order;
}

/** The ticket "call next" gives this counter, or null when nobody is waiting for it. */
export function pickNextTicket(state: QueueState, counterId: string): Ticket | null {
  return callOrder(state, counterId, 1)[0] ?? null;
}
