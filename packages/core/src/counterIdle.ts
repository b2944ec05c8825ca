import type { IdleRow } from './reportDefinitions.js';

/**
 * Clerk idle time, defined once for the office hub's reports and the province's central copy: a counter
 * is idle while it is open, a clerk is signed in to it, its device is connected, and it has no current
 * ticket (called, being served). Walked over the events in seq order; only the events below change it.
 */
export const IDLE_EVENT_TYPES = [
  'counter.opened',
  'counter.paused',
  'counter.closed',
  'counter.clerkAssigned',
  'counter.deviceLost',
  'counter.deviceBack',
  'ticket.called',
  'ticket.resumed',
  'ticket.finished',
  'ticket.noShow',
  'ticket.transferred',
  'ticket.parked',
  'ticket.cancelled',
  'day.closed',
  'day.opened',
] as const;

export interface CounterIdleState {
  status: 'open' | 'paused' | 'closed';
  clerkId: string | null;
  currentTicketId: string | null;
  /** The hub lost the counter's device (absent in folds kept before presence existed: connected). */
  lost?: boolean;
  /** When the counter last became idle, while it is idle. */
  idleSince: number | null;
}

/** The walk's state: every counter seen so far (JSON-safe, so a projector can keep it between pages). */
export type IdleFold = Readonly<Record<string, CounterIdleState>>;

export interface IdleInterval {
  counterId: string;
  clerkId: string | null;
  from: number;
  to: number;
}

/** The fields of an event the walk reads (a stored event's payload, parsed). */
export interface IdleEventFields {
  type: string;
  counterId?: string;
  ticketId?: string;
  userId?: string | null;
  /** `counter.deviceLost`: when the device was last seen; idle ends there, not when the loss was noticed. */
  lastSeenAt?: number;
}

const CLOSED: CounterIdleState = { status: 'closed', clerkId: null, currentTicketId: null, idleSince: null };
const isIdle = (c: CounterIdleState) =>
  c.status === 'open' && c.clerkId !== null && c.currentTicketId === null && c.lost !== true;

/**
 * One event of the walk: the new fold and the idle intervals the event ended. Pure: the fold given is
 * not changed.
 */
export function foldIdle(
  fold: IdleFold,
  event: IdleEventFields,
  at: number,
): { fold: IdleFold; ended: IdleInterval[] } {
  const next: Record<string, CounterIdleState> = { ...fold };
  const ended: IdleInterval[] = [];
  const change = (counterId: string, update: Partial<CounterIdleState>, endsAt = at) => {
    const before = next[counterId] ?? CLOSED;
    if (before.idleSince !== null) {
      ended.push({
        counterId,
        clerkId: before.clerkId,
        from: before.idleSince,
        to: Math.max(before.idleSince, endsAt),
      });
    }
    const after = { ...before, ...update };
    next[counterId] = { ...after, idleSince: isIdle(after) ? at : null };
  };
  const counterId = event.counterId ?? '';
  switch (event.type) {
    case 'counter.opened':
      change(counterId, { status: 'open' });
      break;
    case 'counter.paused':
      change(counterId, { status: 'paused' });
      break;
    case 'counter.closed':
      change(counterId, { status: 'closed' });
      break;
    case 'counter.clerkAssigned':
      change(counterId, { clerkId: event.userId ?? null });
      break;
    case 'counter.deviceLost':
      // Noticed a while after the device went; nobody was at the counter since it was last seen.
      change(counterId, { lost: true }, Math.min(at, event.lastSeenAt ?? at));
      break;
    case 'counter.deviceBack':
      change(counterId, { lost: false });
      break;
    case 'ticket.called':
    case 'ticket.resumed':
      change(counterId, { currentTicketId: event.ticketId ?? null });
      break;
    case 'day.closed':
    case 'day.opened':
      for (const id of Object.keys(next)) change(id, { currentTicketId: null });
      break;
    case 'ticket.finished':
    case 'ticket.noShow':
    case 'ticket.transferred':
    case 'ticket.parked':
    case 'ticket.cancelled':
      for (const [id, c] of Object.entries(next)) {
        if (c.currentTicketId === event.ticketId) change(id, { currentTicketId: null });
      }
      break;
    default:
      return { fold, ended };
  }
  return { fold: next, ended };
}

/** The intervals still running at `until` (counters idle now). */
export function openIdleIntervals(fold: IdleFold, until: number): IdleInterval[] {
  return Object.entries(fold).flatMap(([counterId, c]) =>
    c.idleSince === null ? [] : [{ counterId, clerkId: c.clerkId, from: c.idleSince, to: until }],
  );
}

/** Idle seconds per counter and clerk, each interval clipped to [startsAt, endsAt); rows sorted by key. */
export function sumIdle(
  intervals: Iterable<IdleInterval>,
  startsAt: number,
  endsAt: number,
): { totalSeconds: number; byCounter: IdleRow[]; byClerk: IdleRow[] } {
  const byCounter = new Map<string, number>();
  const byClerk = new Map<string, number>();
  for (const interval of intervals) {
    const ms = Math.min(interval.to, endsAt) - Math.max(interval.from, startsAt);
    if (ms <= 0) continue;
    byCounter.set(interval.counterId, (byCounter.get(interval.counterId) ?? 0) + ms);
    if (interval.clerkId) byClerk.set(interval.clerkId, (byClerk.get(interval.clerkId) ?? 0) + ms);
  }
  const rows = (m: Map<string, number>) =>
    [...m].map(([key, ms]) => ({ key, idleSeconds: ms / 1000 })).sort((a, b) => a.key.localeCompare(b.key));
  const totalMs = [...byCounter.values()].reduce((s, v) => s + v, 0);
  return { totalSeconds: totalMs / 1000, byCounter: rows(byCounter), byClerk: rows(byClerk) };
}
