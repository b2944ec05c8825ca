import type { CommandOf } from './commands.js';
import { accept, refuse, type DecideContext, type Decision } from './decision.js';
import type { DomainEvent } from './events.js';
import { serviceRefusal } from './issueAvailability.js';
import { formatTicketLabel, nextTicketNumber } from './numbering.js';
import { aheadInLine, pickNextTicket, queuePolicySettings } from './queuePolicy.js';
import { MAX_DOSSIERS_PER_TICKET, type Ticket } from './schemas.js';
import { counterState, countersServing, estimatedWaitMinutes, isActiveTicket } from './selectors.js';
import type { QueueState } from './state.js';
import { reprintLimit } from './ticketPrintout.js';
import { firstInLine, ticketById, waitingLineLength, waitingLines } from './ticketReads.js';

export type TicketCommand = CommandOf<
  | 'ticket.issue'
  | 'ticket.callNext'
  | 'ticket.callChosen'
  | 'ticket.recall'
  | 'ticket.start'
  | 'ticket.finish'
  | 'ticket.noShow'
  | 'ticket.attachDossier'
  | 'ticket.park'
  | 'ticket.resume'
  | 'ticket.returnToQueue'
  | 'ticket.transfer'
  | 'ticket.reprint'
  | 'ticket.cancel'
>;

/** A ticket's life: issued, called, served, parked, returned, transferred, reprinted, cancelled. */
export function decideTicket(state: QueueState, command: TicketCommand, ctx: DecideContext): Decision {
  switch (command.type) {
    case 'ticket.issue':
      return issueTicket(state, command, ctx);
    case 'ticket.callNext': {
      const ready = counterReadyToCall(state, command.counterId);
      if (ready) return ready;
      const ticket = pickNextTicket(state, command.counterId, ctx.now);
      if (!ticket) return refuse('NOTHING_WAITING');
      return accept(callEvent(state, ticket, command.counterId, 'next', ctx.now));
    }
    case 'ticket.callChosen': {
      const ready = counterReadyToCall(state, command.counterId);
      if (ready) return ready;
      const ticket = ticketById(state, command.ticketId);
      if (!ticket) return refuse('NOT_FOUND');
      if (ticket.status !== 'waiting') return refuse('INVALID_TICKET_STATE');
      const counter = state.config.counters[command.counterId];
      const mayCall =
        ticket.targetCounterId === command.counterId ||
        (ticket.targetCounterId === null && (counter?.serviceIds.includes(ticket.serviceId) ?? false));
      if (!mayCall) return refuse('NOT_YOUR_COUNTER');
      return accept(callEvent(state, ticket, command.counterId, 'chosen', ctx.now));
    }
    case 'ticket.recall':
      return withCurrentTicket(state, command, ['called', 'serving'], (t) =>
        accept({ type: 'ticket.recalled', ticketId: t.id, counterId: command.counterId, at: ctx.now }),
      );
    case 'ticket.start':
      return withCurrentTicket(state, command, ['called'], (t) =>
        accept({ type: 'ticket.started', ticketId: t.id, at: ctx.now }),
      );
    case 'ticket.finish': {
      const allowed: Ticket['status'][] = state.config.office.requireStart ? ['serving'] : ['called', 'serving'];
      return withCurrentTicket(state, command, allowed, (t) =>
        accept({ type: 'ticket.finished', ticketId: t.id, at: ctx.now }),
      );
    }
    case 'ticket.noShow':
      return withCurrentTicket(state, command, ['called'], (t) =>
        accept({ type: 'ticket.noShow', ticketId: t.id, at: ctx.now }),
      );
    case 'ticket.attachDossier':
      return withCurrentTicket(state, command, ['called', 'serving'], (t) => {
        const codes = t.dossierCodes ?? [];
        if (codes.includes(command.dossierCode)) return accept();
        if (codes.length >= MAX_DOSSIERS_PER_TICKET) return refuse('BAD_REQUEST', { max: MAX_DOSSIERS_PER_TICKET });
        return accept({
          type: 'ticket.dossierAttached',
          ticketId: t.id,
          dossierCode: command.dossierCode,
          counterId: command.counterId,
          at: ctx.now,
        });
      });
    case 'ticket.park':
      return withCurrentTicket(state, command, ['called', 'serving'], (t) =>
        accept({ type: 'ticket.parked', ticketId: t.id, counterId: command.counterId, at: ctx.now }),
      );
    case 'ticket.resume': {
      const ticket = ticketById(state, command.ticketId);
      if (!ticket) return refuse('NOT_FOUND');
      if (ticket.status !== 'parked') return refuse('INVALID_TICKET_STATE');
      if (ticket.counterId !== command.counterId) return refuse('NOT_YOUR_COUNTER');
      if (counterIsBusy(state, command.counterId)) return refuse('COUNTER_BUSY');
      return accept({ type: 'ticket.resumed', ticketId: ticket.id, counterId: command.counterId, at: ctx.now });
    }
    case 'ticket.returnToQueue': {
      const ticket = ticketById(state, command.ticketId);
      if (!ticket) return refuse('NOT_FOUND');
      if (ticket.status !== 'noShow') return refuse('INVALID_TICKET_STATE');
      const queuedAt = placeInQueue(state, command.placement, ticket.queuedAt);
      return accept({
        type: 'ticket.returned',
        ticketId: ticket.id,
        queuedAt,
        placement: command.placement,
        at: ctx.now,
      });
    }
    case 'ticket.transfer':
      return transferTicket(state, command, ctx);
    case 'ticket.reprint': {
      const ticket = ticketById(state, command.ticketId);
      if (!ticket) return refuse('NOT_FOUND');
      const limit = reprintLimit(state);
      const printed = ticket.reprints ?? 0;
      if (printed >= limit) return refuse('REPRINT_LIMIT_REACHED', { limit });
      return accept({ type: 'ticket.reprinted', ticketId: ticket.id, copy: printed + 1, at: ctx.now });
    }
    case 'ticket.cancel': {
      const ticket = ticketById(state, command.ticketId);
      if (!ticket) return refuse('NOT_FOUND');
      if (!isActiveTicket(ticket) && ticket.status !== 'noShow') return refuse('INVALID_TICKET_STATE');
      return accept({ type: 'ticket.cancelled', ticketId: ticket.id, reason: command.reason, at: ctx.now });
    }
  }
}

export function issueTicket(state: QueueState, command: CommandOf<'ticket.issue'>, ctx: DecideContext): Decision {
  const { priority } = state.config;
  const refusal = serviceRefusal(state, command.serviceId, ctx.now);
  if (refusal) return refuse(refusal.code, refusal.details);
  const service = state.config.services[command.serviceId];
  if (!service) return refuse('NOT_FOUND');
  if (command.priorityGroup !== null && !priority.groups.some((g) => g.id === command.priorityGroup)) {
    return refuse('PRIORITY_NOT_ENABLED');
  }
  const number = nextTicketNumber(state, service);
  if (number === null) return refuse('NUMBER_RANGE_EXHAUSTED');
  const label = formatTicketLabel(service, number);
  const baseId = `${state.serviceDay.replaceAll('-', '')}-${label}`;
  const id = ticketById(state, baseId) ? `${baseId}-${state.seq + 1}` : baseId;
  const estimate = issueEstimate(state, service.id, command.priorityGroup !== null);
  const nobodyServes: DomainEvent[] =
    estimate.etaMinutes === null && !state.alerts[`nocounter-${service.id}`]
      ? [
          {
            type: 'alert.raised',
            alertId: `nocounter-${service.id}`,
            alertKind: 'noCounterForService',
            message: `Chưa có quầy mở tiếp nhận thủ tục "${service.name.vi}" nhưng công dân đã lấy số ${label}. Vui lòng mở quầy hoặc hướng dẫn công dân.`,
            source: 'system',
            at: ctx.now,
          },
        ]
      : [];
  const issued: DomainEvent = {
    type: 'ticket.issued',
    estimate,
    ticket: {
      id,
      serviceDay: state.serviceDay,
      serviceId: service.id,
      number,
      label,
      priorityGroup: command.priorityGroup,
      source: command.source,
      status: 'waiting',
      issuedAt: ctx.now,
      queuedAt: ctx.now,
      targetCounterId: null,
      front: false,
      calledAt: null,
      startedAt: null,
      finishedAt: null,
      counterId: null,
      clerkId: null,
      recallCount: 0,
      rated: false,
    },
  };
  if (command.dossierCode === null) return accept(issued, ...nobodyServes);
  return accept(
    issued,
    {
      type: 'ticket.dossierAttached',
      ticketId: id,
      dossierCode: command.dossierCode,
      counterId: null,
      at: ctx.now,
    },
    ...nobodyServes,
  );
}

/**
 * What a new ticket is told: people ahead of it (it is last in its class) and the estimated wait,
 * null when no counter with a clerk serves the service, since any number would be a false promise.
 */
function issueEstimate(
  state: QueueState,
  serviceId: string,
  isPriority: boolean,
): { ahead: number; etaMinutes: number | null } {
  const line = { serviceId };
  const sameClass = waitingLineLength(state, line, isPriority ? 'priority' : 'normal');
  const otherClass = waitingLineLength(state, line, isPriority ? 'normal' : 'priority');
  const ahead = aheadInLine(
    isPriority,
    sameClass,
    otherClass,
    queuePolicySettings(state.config.priority).priorityBurst,
  );
  const etaMinutes =
    countersServing(state, serviceId).length === 0 ? null : estimatedWaitMinutes(state, serviceId, ahead);
  return { ahead, etaMinutes };
}

function counterIsBusy(state: QueueState, counterId: string): boolean {
  const current = counterState(state, counterId).currentTicketId;
  const ticket = current ? ticketById(state, current) : undefined;
  return ticket !== undefined && (ticket.status === 'called' || ticket.status === 'serving');
}

function counterReadyToCall(state: QueueState, counterId: string): Decision | null {
  if (!state.config.counters[counterId]) return refuse('NOT_FOUND');
  const counter = counterState(state, counterId);
  if (counter.status !== 'open') return refuse('COUNTER_NOT_OPEN');
  if (counterIsBusy(state, counterId)) return refuse('COUNTER_BUSY');
  return null;
}

function callEvent(
  state: QueueState,
  ticket: Ticket,
  counterId: string,
  how: 'next' | 'chosen',
  now: number,
): DomainEvent {
  return {
    type: 'ticket.called',
    ticketId: ticket.id,
    counterId,
    clerkId: counterState(state, counterId).clerkId,
    how,
    priority: ticket.priorityGroup !== null,
    at: now,
  };
}

/** Runs `then` with the counter's current ticket when it is the one named and in an allowed status. */
function withCurrentTicket(
  state: QueueState,
  command: { counterId: string; ticketId: string },
  allowed: Ticket['status'][],
  then: (ticket: Ticket) => Decision,
): Decision {
  if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
  const ticket = ticketById(state, command.ticketId);
  if (!ticket) return refuse('NOT_FOUND');
  if (ticket.counterId !== command.counterId) return refuse('NOT_YOUR_COUNTER');
  if (counterState(state, command.counterId).currentTicketId !== ticket.id || !allowed.includes(ticket.status)) {
    return refuse('INVALID_TICKET_STATE');
  }
  return then(ticket);
}

/**
 * The sort key that puts a ticket back in line: where it was, or ahead of every waiting ticket (the
 * `front` flag puts it first in its class; the key orders several tickets sent to the front, newest first).
 */
function placeInQueue(state: QueueState, placement: 'keepPlace' | 'front', ownQueuedAt: number): number {
  if (placement === 'keepPlace') return ownQueuedAt;
  let earliest = ownQueuedAt;
  // Ahead of every line, not only its own: a counter calls the oldest across all the services it serves.
  for (const line of waitingLines(state)) {
    for (const ticketClass of ['priority', 'normal'] as const) {
      const first = firstInLine(state, line, ticketClass);
      if (first && first.queuedAt <= earliest) earliest = first.queuedAt - 1;
    }
  }
  return earliest;
}

function transferTicket(state: QueueState, command: CommandOf<'ticket.transfer'>, ctx: DecideContext): Decision {
  const ticket = ticketById(state, command.ticketId);
  if (!ticket) return refuse('NOT_FOUND');
  if (command.toServiceId === null && command.toCounterId === null) return refuse('BAD_REQUEST');
  if (!['waiting', 'called', 'serving', 'parked', 'noShow'].includes(ticket.status)) {
    return refuse('INVALID_TICKET_STATE');
  }
  const toServiceId = command.toServiceId ?? ticket.serviceId;
  if (!state.config.services[toServiceId]) return refuse('NOT_FOUND');
  if (command.toCounterId !== null && !state.config.counters[command.toCounterId]) return refuse('NOT_FOUND');
  const queuedAt = placeInQueue(state, command.placement, ticket.queuedAt);
  return accept({
    type: 'ticket.transferred',
    ticketId: ticket.id,
    fromCounterId: ticket.counterId,
    toServiceId,
    toCounterId: command.toCounterId,
    placement: command.placement,
    queuedAt,
    at: ctx.now,
  });
}
