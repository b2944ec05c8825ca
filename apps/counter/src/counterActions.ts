import type { Actor, Command, LocalizedName, QueueState, Ticket } from '@motcua/core';
import { checkCommand, counterState, errorMessages, waitingForCounter, ticketById, ticketsWhere } from '@motcua/core';
import { counterText, type CounterStringKey } from './i18n/strings';

export type CounterActionId =
  | 'callNext'
  | 'recall'
  | 'start'
  | 'finish'
  | 'noShow'
  | 'transfer'
  | 'park'
  | 'resume'
  | 'callChosen'
  | 'returnToQueue'
  | 'pause'
  | 'reopen';

export interface ActionAvailability {
  enabled: boolean;
  /** Why the button is disabled, shown as its title and as a hint under it. */
  reason: LocalizedName | null;
}

export type CounterActions = Record<CounterActionId, ActionAvailability>;

const yes: ActionAvailability = { enabled: true, reason: null };
const no = (why: CounterStringKey): ActionAvailability => ({ enabled: false, reason: counterText(why) });

/** The ticket called or being served at the counter now, if any. */
export function currentTicket(state: QueueState, counterId: string): Ticket | null {
  const id = counterState(state, counterId).currentTicketId;
  const ticket = id ? ticketById(state, id) : undefined;
  return ticket && (ticket.status === 'called' || ticket.status === 'serving') ? ticket : null;
}

/** Tickets this counter put on hold, oldest first. */
export function parkedTickets(state: QueueState, counterId: string): Ticket[] {
  return ticketsWhere(state, (t) => t.status === 'parked' && t.counterId === counterId).sort(
    (a, b) => (a.calledAt ?? 0) - (b.calledAt ?? 0),
  );
}

/** Today's no-shows of this counter, newest first: they may come back. */
export function noShowTickets(state: QueueState, counterId: string): Ticket[] {
  return ticketsWhere(state, (t) => t.status === 'noShow' && t.counterId === counterId).sort(
    (a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0),
  );
}

/**
 * Which counter actions are possible now and, when not, why. Core answers (`checkCommand`: the hub's
 * own authorisation and rules, run against this client's state), so a button is disabled exactly when
 * the hub would refuse it, with the hub's message. Only "there is nothing to act on" is said here.
 */
export function counterActions(
  state: QueueState,
  clerk: Actor & { kind: 'user' },
  now: number,
  online = true,
): CounterActions {
  const offline = no('action.offline');
  if (!online || clerk.counterId === null) {
    return {
      callNext: offline,
      recall: offline,
      start: offline,
      finish: offline,
      noShow: offline,
      transfer: offline,
      park: offline,
      resume: offline,
      callChosen: offline,
      returnToQueue: offline,
      pause: offline,
      reopen: offline,
    };
  }
  const counterId = clerk.counterId;
  const ask = (command: Command, unchanged: LocalizedName | null = null): ActionAvailability => {
    const check = checkCommand(state, command, clerk, now);
    if (!check.ok) return { enabled: false, reason: errorMessages[check.error.code] };
    return check.changes || !unchanged ? yes : { enabled: false, reason: unchanged };
  };
  const ticket = currentTicket(state, counterId);
  const onTicket = (make: (ticketId: string) => Command): ActionAvailability =>
    ticket ? ask(make(ticket.id)) : no('action.noCurrentTicket');
  const firstWaiting = waitingForCounter(state, counterId)[0];
  const parked = parkedTickets(state, counterId)[0];
  const noShow = noShowTickets(state, counterId)[0];
  const callNext = ask({ type: 'ticket.callNext', counterId });
  return {
    callNext,
    callChosen: firstWaiting ? ask({ type: 'ticket.callChosen', counterId, ticketId: firstWaiting.id }) : callNext,
    recall: onTicket((ticketId) => ({ type: 'ticket.recall', counterId, ticketId })),
    start: onTicket((ticketId) => ({ type: 'ticket.start', counterId, ticketId })),
    finish: onTicket((ticketId) => ({ type: 'ticket.finish', counterId, ticketId })),
    noShow: onTicket((ticketId) => ({ type: 'ticket.noShow', counterId, ticketId })),
    transfer: onTicket((ticketId) => ({
      type: 'ticket.transfer',
      ticketId,
      toServiceId: ticket?.serviceId ?? null,
      toCounterId: null,
      placement: 'keepPlace',
    })),
    park: onTicket((ticketId) => ({ type: 'ticket.park', counterId, ticketId })),
    resume: parked ? ask({ type: 'ticket.resume', counterId, ticketId: parked.id }) : no('action.nothingOnHold'),
    returnToQueue: noShow
      ? ask({ type: 'ticket.returnToQueue', ticketId: noShow.id, placement: 'keepPlace' })
      : no('action.noNoShow'),
    pause: ask({ type: 'counter.pause', counterId, reason: 'Tạm nghỉ' }),
    reopen: ask({ type: 'counter.open', counterId }, counterText('action.alreadyOpen')),
  };
}

/** A ticket that arrived in this counter's line while the counter sat idle: time to tell the clerk. */
export function ticketArrivedForIdleCounter(before: QueueState, after: QueueState, counterId: string): boolean {
  const counter = counterState(after, counterId);
  if (counter.status !== 'open' || currentTicket(after, counterId)) return false;
  const seen = new Set(waitingForCounter(before, counterId).map((t) => t.id));
  return waitingForCounter(after, counterId).some((t) => !seen.has(t.id));
}
