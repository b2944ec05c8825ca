import type { LocalizedName, QueueState, Ticket } from '@motcua/core';
import { counterState, waitingForCounter, ticketById, ticketsWhere } from '@motcua/core';

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
const no = (vi: string, en: string): ActionAvailability => ({ enabled: false, reason: { vi, en } });

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
 * Which counter actions are possible now and, when not, why — in the same terms as the hub's
 * refusals, so a disabled button explains itself instead of failing on click.
 */
export function counterActions(state: QueueState, counterId: string, online = true): CounterActions {
  const offline = no('Mất kết nối với máy chủ, đang kết nối lại…', 'No connection to the hub; reconnecting…');
  if (!online) {
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
  const counter = counterState(state, counterId);
  const ticket = currentTicket(state, counterId);
  const waiting = waitingForCounter(state, counterId).length;
  const parked = parkedTickets(state, counterId).length;
  const requireStart = state.config.office.requireStart;

  const noTicket = no('Chưa có số nào đang được gọi', 'No ticket is being served');
  const busy = ticket
    ? no(
        `Đang phục vụ số ${ticket.label}: hãy Hoàn thành, Vắng mặt hoặc Tạm giữ trước`,
        `Ticket ${ticket.label} is still open: finish, no-show or park it first`,
      )
    : null;
  const notOpen =
    counter.status === 'paused'
      ? no('Quầy đang tạm nghỉ: bấm "Làm việc tiếp" trước', 'The counter is paused: resume work first')
      : counter.status === 'closed'
        ? no('Quầy chưa mở', 'The counter is not open')
        : null;

  const canCall = notOpen ?? busy ?? yes;
  return {
    callNext: canCall.enabled && waiting === 0 ? no('Không có ai đang chờ', 'Nobody is waiting') : canCall,
    callChosen: canCall.enabled && waiting === 0 ? no('Không có ai đang chờ', 'Nobody is waiting') : canCall,
    recall: ticket ? yes : noTicket,
    start: !ticket ? noTicket : ticket.status === 'serving' ? no('Đã bắt đầu phục vụ', 'Already being served') : yes,
    finish: !ticket
      ? noTicket
      : requireStart && ticket.status === 'called'
        ? no('Bấm "Bắt đầu" khi công dân đến quầy', 'Press "Start" when the citizen arrives')
        : yes,
    noShow: !ticket
      ? noTicket
      : ticket.status === 'serving'
        ? no('Công dân đã đến quầy và đang được phục vụ', 'The citizen is already being served')
        : yes,
    transfer: ticket ? yes : noTicket,
    park: ticket ? yes : noTicket,
    resume: parked === 0 ? no('Không có số nào đang tạm giữ', 'No ticket is on hold') : (busy ?? yes),
    returnToQueue:
      noShowTickets(state, counterId).length === 0
        ? no('Không có số vắng mặt nào', 'No no-show ticket to return')
        : yes,
    pause:
      counter.status === 'open'
        ? yes
        : counter.status === 'paused'
          ? no('Quầy đang tạm nghỉ', 'The counter is already paused')
          : no('Quầy chưa mở', 'The counter is not open'),
    reopen: counter.status === 'open' ? no('Quầy đang làm việc', 'The counter is already open') : yes,
  };
}

/** A ticket that arrived in this counter's line while the counter sat idle: time to tell the clerk. */
export function ticketArrivedForIdleCounter(before: QueueState, after: QueueState, counterId: string): boolean {
  const counter = counterState(after, counterId);
  if (counter.status !== 'open' || currentTicket(after, counterId)) return false;
  const seen = new Set(waitingForCounter(before, counterId).map((t) => t.id));
  return waitingForCounter(after, counterId).some((t) => !seen.has(t.id));
}
