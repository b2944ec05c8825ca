import { aheadInLine, callOrder, mergeClasses, queuePolicySettings } from './queuePolicy.js';
import type { Counter, Service, Ticket } from './schemas.js';
import type { CallRecord, CounterState, QueueState } from './state.js';
import { emptyCounterState } from './state.js';
import {
  allTickets,
  placeInLine,
  ticketById,
  ticketsWhere,
  waitingLine,
  waitingLineLength,
  waitingLines,
} from './ticketReads.js';

const ACTIVE_STATUSES = new Set(['waiting', 'called', 'serving', 'parked']);

export function counterState(state: QueueState, counterId: string): CounterState {
  return state.counters[counterId] ?? emptyCounterState();
}

export function sortedServices(state: QueueState): Service[] {
  return Object.values(state.config.services).sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
}

export function sortedCounters(state: QueueState): Counter[] {
  return Object.values(state.config.counters).sort((a, b) => a.number - b.number);
}

/** Waiting tickets of a service in the order a fresh counter would call them (policy applied, no aging). */
export function waitingForService(state: QueueState, serviceId: string): Ticket[] {
  const line = { serviceId };
  return mergeClasses(
    waitingLine(state, line, 'priority'),
    waitingLine(state, line, 'normal'),
    queuePolicySettings(state.config.priority).priorityBurst,
    0,
  );
}

/** Waiting tickets for a counter, in the order it will call them (with `now`, overdue tickets first). */
export function waitingForCounter(state: QueueState, counterId: string, now: number | null = null): Ticket[] {
  return callOrder(state, counterId, now);
}

/**
 * How many waiting tickets will be called before this one: its index in `waitingForService` (or the
 * target counter's order), from its place in its own class and the length of the other class.
 */
export function ticketsAhead(state: QueueState, ticketId: string): number {
  const ticket = ticketById(state, ticketId);
  if (!ticket || ticket.status !== 'waiting') return 0;
  if (ticket.targetCounterId) {
    const index = waitingForCounter(state, ticket.targetCounterId).findIndex((t) => t.id === ticketId);
    return index === -1 ? 0 : index;
  }
  const isPriority = ticket.priorityGroup !== null;
  const sameClassBefore = placeInLine(state, ticket);
  const otherClass = waitingLineLength(state, { serviceId: ticket.serviceId }, isPriority ? 'normal' : 'priority');
  return aheadInLine(isPriority, sameClassBefore, otherClass, queuePolicySettings(state.config.priority).priorityBurst);
}

/**
 * People ahead of every waiting ticket, each line (service, or counter for tickets sent to one) ordered
 * once: for screens and notifications that need many tickets' positions after each event.
 */
export function aheadByTicket(state: QueueState): Map<string, number> {
  const ahead = new Map<string, number>();
  for (const line of waitingLines(state)) {
    if ('serviceId' in line) {
      waitingForService(state, line.serviceId).forEach((t, i) => ahead.set(t.id, i));
    } else {
      waitingForCounter(state, line.counterId).forEach((t, i) => {
        if (t.targetCounterId === line.counterId) ahead.set(t.id, i);
      });
    }
  }
  return ahead;
}

const MIN_SAMPLES = 3;
const mean = (samples: readonly number[]) => samples.reduce((sum, s) => sum + s, 0) / samples.length;

/** Mean of the recent service times of a service in minutes, or its configured default before data exists. */
export function meanServiceMinutes(state: QueueState, serviceId: string): number {
  const samples = state.serviceTimes[serviceId] ?? [];
  const fallback = state.config.services[serviceId]?.defaultServiceMinutes ?? 5;
  if (samples.length < MIN_SAMPLES) return fallback;
  return mean(samples) / 60;
}

/**
 * Mean minutes this counter recently took for a ticket of the service; the service's mean until the
 * counter has served a few of them.
 */
export function counterServiceMinutes(state: QueueState, counterId: string, serviceId: string): number {
  const samples = state.counterServiceTimes?.[counterId]?.[serviceId] ?? [];
  if (samples.length < MIN_SAMPLES) return meanServiceMinutes(state, serviceId);
  // A counter that finished tickets in under a second (mistaps) must not promise an instant wait.
  return Math.max(mean(samples) / 60, 0.1);
}

/** The hub has lost the counter's device ("Mất kết nối"): since when it was last seen, else null. */
export function counterDeviceLostSince(state: QueueState, counterId: string): number | null {
  return counterState(state, counterId).deviceLostSince ?? null;
}

/** Counters that are open (or paused, they come back) and serve the service. */
export function countersServing(state: QueueState, serviceId: string): Counter[] {
  return Object.values(state.config.counters).filter((c) => {
    const now = counterState(state, c.id);
    // A counter nobody is signed in at, or whose device is gone, serves nobody, whatever its status says.
    return (
      c.serviceIds.includes(serviceId) &&
      now.status !== 'closed' &&
      now.clerkId !== null &&
      now.deviceLostSince === undefined
    );
  });
}

/**
 * Estimated wait in whole minutes for someone with `ahead` people before them: the people ahead
 * divided by how many tickets per minute the counters open with a clerk clear together, each at its
 * own recent pace for the service. With none open, one counter at the service's pace is assumed;
 * screens check `countersServing` first and say nobody serves instead of promising a wait.
 */
export function estimatedWaitMinutes(state: QueueState, serviceId: string, ahead: number): number {
  const counters = countersServing(state, serviceId);
  const ticketsPerMinute =
    counters.length === 0
      ? 1 / meanServiceMinutes(state, serviceId)
      : counters.reduce((sum, c) => sum + 1 / counterServiceMinutes(state, c.id, serviceId), 0);
  // The epsilon keeps float noise (3 ÷ (1/4 + 1/4 + 1/4)) from adding a minute.
  return Math.ceil(ahead / ticketsPerMinute - 1e-9);
}

export interface ServiceQueueSummary {
  serviceId: string;
  waiting: number;
  /** Issue time of the ticket that has waited longest, or null. */
  longestWaitingSince: number | null;
}

export function serviceQueueSummary(state: QueueState, serviceId: string): ServiceQueueSummary {
  let waiting = 0;
  let longest: number | null = null;
  // The service's own line, and its tickets that were sent to one counter: the waiting ones only.
  for (const line of waitingLines(state)) {
    if ('serviceId' in line && line.serviceId !== serviceId) continue;
    for (const ticketClass of ['priority', 'normal'] as const) {
      for (const t of waitingLine(state, line, ticketClass)) {
        if (t.serviceId !== serviceId) continue;
        waiting++;
        if (longest === null || t.issuedAt < longest) longest = t.issuedAt;
      }
    }
  }
  return { serviceId, waiting, longestWaitingSince: longest };
}

/**
 * What a counter shows the waiting room: closed (or nobody signed in), paused (with its reason), open
 * with nobody called, a ticket called, or a ticket being served.
 */
export type BoardStatus = 'closed' | 'paused' | 'idle' | 'called' | 'serving';

export interface BoardEntry {
  counterId: string;
  counterNumber: number;
  counterName: string;
  status: BoardStatus;
  pauseReason: string | null;
  /** The call of the ticket the counter has now (called or serving), null once it is finished. */
  call: CallRecord | null;
}

export interface DisplayBoard {
  byCounter: BoardEntry[];
  recent: CallRecord[];
}

/** The truth about one counter for the board: a finished ticket is no longer "now serving". */
export function boardEntry(state: QueueState, counter: Counter): BoardEntry {
  const now = counterState(state, counter.id);
  const entry = { counterId: counter.id, counterNumber: counter.number, counterName: counter.name.vi };
  if (now.status === 'paused') return { ...entry, status: 'paused', pauseReason: now.pauseReason, call: null };
  if (now.status === 'closed' || now.clerkId === null) {
    return { ...entry, status: 'closed', pauseReason: null, call: null };
  }
  const ticket = now.currentTicketId ? ticketById(state, now.currentTicketId) : undefined;
  if (!ticket || (ticket.status !== 'called' && ticket.status !== 'serving')) {
    return { ...entry, status: 'idle', pauseReason: null, call: null };
  }
  const call = state.recentCalls.find((c) => c.ticketId === ticket.id && c.counterId === counter.id) ?? {
    // Older than the calls kept: the board still names the ticket the counter has.
    ticketId: ticket.id,
    label: ticket.label,
    counterId: counter.id,
    counterNumber: counter.number,
    serviceId: ticket.serviceId,
    at: ticket.calledAt ?? now.since,
    recall: false,
  };
  return { ...entry, status: ticket.status, pauseReason: null, call };
}

/** What the wall display shows: each counter's state and current call, and the last calls. */
export function displayBoard(state: QueueState, recentCount = state.config.display.recentCallsShown): DisplayBoard {
  return {
    byCounter: sortedCounters(state).map((c) => boardEntry(state, c)),
    recent: state.recentCalls.slice(0, recentCount),
  };
}

/**
 * Tickets finished at this counter that the citizen may still rate (not rated, inside the rating
 * window), oldest first: the pad keeps asking about a ticket even after the clerk finished the next.
 */
export function ticketsToRate(state: QueueState, counterId: string, now: number): Ticket[] {
  const windowMs = state.config.office.ratingWindowSeconds * 1000;
  return ticketsWhere(
    state,
    (t) =>
      t.status === 'finished' &&
      t.counterId === counterId &&
      !t.rated &&
      t.finishedAt !== null &&
      now - t.finishedAt <= windowMs,
  ).sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
}

export function isActiveTicket(ticket: Ticket): boolean {
  return ACTIVE_STATUSES.has(ticket.status);
}

/** The tickets `day.closed` turns to `expired`: everyone not served yet, and the no-shows. */
export function expiresAtDayClose(ticket: Ticket): boolean {
  return isActiveTicket(ticket) || ticket.status === 'noShow';
}

export interface ClerkDayFigures {
  served: number;
  noShows: number;
  meanServiceSeconds: number | null;
}

/** A clerk's figures for today, from today's tickets. */
export function clerkDayFigures(state: QueueState, clerkId: string): ClerkDayFigures {
  let served = 0;
  let noShows = 0;
  let totalSeconds = 0;
  for (const t of allTickets(state)) {
    if (t.clerkId !== clerkId) continue;
    if (t.status === 'finished') {
      served++;
      totalSeconds += ((t.finishedAt ?? 0) - (t.startedAt ?? t.calledAt ?? 0)) / 1000;
    } else if (t.status === 'noShow') noShows++;
  }
  return { served, noShows, meanServiceSeconds: served ? totalSeconds / served : null };
}

/** The counter a clerk works at now, if any (a clerk works at one counter at a time). */
export function counterOfClerk(state: QueueState, clerkId: string): Counter | null {
  for (const [counterId, now] of Object.entries(state.counters)) {
    if (now.clerkId === clerkId) return state.config.counters[counterId] ?? null;
  }
  return null;
}

/** An alert of this kind from this source (an `actorRef`) that staff have not cleared yet. */
export function hasOpenAlert(state: QueueState, source: string, alertKind: string): boolean {
  return Object.values(state.alerts).some((alert) => alert.source === source && alert.alertKind === alertKind);
}
