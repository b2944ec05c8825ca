import type { Actor } from './actors.js';
import { actorRef } from './actors.js';
import type { Command, CommandOf } from './commands.js';
import { deviceAlertKinds } from './commands.js';
import type { DomainError, ErrorCode } from './errors.js';
import { domainError } from './errors.js';
import { decideAppointment } from './appointmentsDecide.js';
import type { DomainEvent } from './events.js';
import { formatTicketLabel, labelsCanCollide, nextTicketNumber } from './numbering.js';
import { serviceRefusal } from './issueAvailability.js';
import { serviceDayOf } from './officeTime.js';
import { aheadInLine, pickNextTicket, queuePolicySettings } from './queuePolicy.js';
import {
  ratingAnswerProblem,
  ratingBallotOf,
  ratingMethodOf,
  type RatingAnswer,
  type RatingScale,
} from './ratingMethod.js';
import { MAX_DOSSIERS_PER_TICKET, type Ticket } from './schemas.js';
import { reprintLimit } from './ticketPrintout.js';
import { counterState, countersServing, estimatedWaitMinutes, hasOpenAlert, isActiveTicket } from './selectors.js';
import type { QueueState } from './state.js';
import { firstInLine, ticketById, ticketsWhere, waitingLineLength, waitingLines } from './ticketReads.js';

export interface DecideContext {
  /** The hub's clock, epoch milliseconds. */
  now: number;
  actor: Actor;
}

export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; error: DomainError };

const accept = (...events: DomainEvent[]): Decision => ({ ok: true, events });
const refuse = (code: DomainError['code'], details?: DomainError['details']): Decision => ({
  ok: false,
  error: domainError(code, details),
});

/**
 * The one place where the rules of the desk live: given the state and a valid, authorised
 * command, which events happen, or why not. Pure: the time comes in `ctx`.
 */
export function decide(state: QueueState, command: Command, ctx: DecideContext): Decision {
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
    case 'counter.open': {
      if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
      if (counterState(state, command.counterId).status === 'open') return accept();
      return accept({ type: 'counter.opened', counterId: command.counterId, at: ctx.now });
    }
    case 'counter.pause': {
      if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
      if (counterState(state, command.counterId).status === 'closed') return refuse('COUNTER_NOT_OPEN');
      return accept({ type: 'counter.paused', counterId: command.counterId, reason: command.reason, at: ctx.now });
    }
    case 'counter.close': {
      if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
      if (counterState(state, command.counterId).status === 'closed') return accept();
      return accept({ type: 'counter.closed', counterId: command.counterId, at: ctx.now });
    }
    case 'counter.assignClerk':
      return assignClerk(state, command, ctx);
    case 'rating.submit': {
      const ticket = ticketById(state, command.ticketId);
      if (!ticket) return refuse('NOT_FOUND');
      // One rating per ticket: a second pad, a retry with a new requestId or a double tap cannot add another.
      if (ticket.rated) return refuse('ALREADY_RATED');
      if (!finishedHereWithin(state, ticket, command.counterId, ctx.now, 1)) return refuse('RATING_NOT_ALLOWED');
      const answer = ratingCommandAnswer(state, command, 'tap');
      if ('code' in answer) return refuse(answer.code);
      return accept({
        type: 'rating.submitted',
        rating: {
          ticketId: ticket.id,
          counterId: command.counterId,
          clerkId: ticket.clerkId,
          serviceId: ticket.serviceId,
          ...answer,
          at: ctx.now,
        },
      });
    }
    case 'rating.amend': {
      const ticket = ticketById(state, command.ticketId);
      if (!ticket) return refuse('NOT_FOUND');
      if (!ticket.rated) return refuse('RATING_NOT_ALLOWED');
      // The reason step may start near the end of the window, so it gets a second window to finish.
      if (!finishedHereWithin(state, ticket, command.counterId, ctx.now, 2)) return refuse('RATING_NOT_ALLOWED');
      const answer = ratingCommandAnswer(state, command, 'reasonStep');
      if ('code' in answer) return refuse(answer.code);
      return accept({
        type: 'rating.amended',
        ticketId: ticket.id,
        counterId: command.counterId,
        ...answer,
        at: ctx.now,
      });
    }
    case 'alert.raise':
      if (ctx.actor.kind === 'device' && !deviceAlertKinds.includes(command.alertKind)) return refuse('FORBIDDEN');
      // One open alert per source and kind: a device repeating itself adds nothing to the state.
      if (hasOpenAlert(state, actorRef(ctx.actor), command.alertKind)) return accept();
      return accept({
        type: 'alert.raised',
        alertId: `a${state.seq + 1}`,
        alertKind: command.alertKind,
        message: command.message,
        source: actorRef(ctx.actor),
        at: ctx.now,
      });
    case 'alert.clear':
      if (!state.alerts[command.alertId]) return refuse('NOT_FOUND');
      return accept({ type: 'alert.cleared', alertId: command.alertId, at: ctx.now });
    case 'day.close':
      return closeDay(state, ctx);
    case 'appointment.book':
    case 'appointment.cancel':
    case 'appointment.checkIn':
    case 'appointment.release':
    case 'config.setAppointments':
      return decideAppointment(state, command, ctx, issueTicket);
    default:
      return decideConfig(state, command);
  }
}

function issueTicket(state: QueueState, command: CommandOf<'ticket.issue'>, ctx: DecideContext): Decision {
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

/**
 * The answer a rating command records: the raw answer and its scale (a four-level pad's `score` read as
 * legacyFour), the office's reason ids it chose and its free text. The first tap is stored without a reason
 * (a citizen who walks away still counted); the reason step must give one where the scale requires it.
 */
function ratingCommandAnswer(
  state: QueueState,
  command: CommandOf<'rating.submit'> | CommandOf<'rating.amend'>,
  step: 'tap' | 'reasonStep',
): { scale: RatingScale; answer: RatingAnswer; reasons: string[]; reasonText?: string } | { code: ErrorCode } {
  const ballot = ratingBallotOf(command);
  if (!ballot) return { code: 'RATING_NOT_ON_SCALE' };
  const reasons = [...new Set(command.reasons)];
  const offered = ratingMethodOf(state.config).reasons;
  if (reasons.some((id) => !offered.some((r) => r.id === id))) return { code: 'RATING_REASON_UNKNOWN' };
  const freeText = command.reasonText ?? '';
  const problem = ratingAnswerProblem(ballot.scale, ballot.answer, { listed: reasons, freeText });
  if (problem === 'NOT_ON_SCALE') return { code: 'RATING_NOT_ON_SCALE' };
  // The tap comes before the reason step: its missing reason is asked for next, not refused.
  if (problem === 'REASON_REQUIRED' && step === 'reasonStep') return { code: 'RATING_REASON_REQUIRED' };
  return { ...ballot, reasons, ...(freeText ? { reasonText: freeText } : {}) };
}

/** Whether the ticket was finished at this counter no longer ago than `windows` rating windows. */
function finishedHereWithin(
  state: QueueState,
  ticket: Ticket,
  counterId: string,
  now: number,
  windows: number,
): boolean {
  const windowMs = state.config.office.ratingWindowSeconds * 1000 * windows;
  return (
    ticket.status === 'finished' &&
    ticket.counterId === counterId &&
    ticket.finishedAt !== null &&
    now - ticket.finishedAt <= windowMs
  );
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

function assignClerk(state: QueueState, command: CommandOf<'counter.assignClerk'>, ctx: DecideContext): Decision {
  if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
  const events: DomainEvent[] = [];
  const current = counterState(state, command.counterId);
  if (command.userId !== null) {
    const user = state.config.users[command.userId];
    if (!user) return refuse('NOT_FOUND');
    if (user.disabled) return refuse('ACCOUNT_DISABLED');
    // A clerk works at one counter at a time: signing in here signs out elsewhere.
    for (const [counterId, other] of Object.entries(state.counters)) {
      if (counterId !== command.counterId && other.clerkId === command.userId) {
        events.push({ type: 'counter.clerkAssigned', counterId, userId: null, at: ctx.now });
        if (other.status !== 'closed') events.push({ type: 'counter.closed', counterId, at: ctx.now });
      }
    }
    if (current.clerkId !== command.userId) {
      events.push({ type: 'counter.clerkAssigned', counterId: command.counterId, userId: command.userId, at: ctx.now });
    }
    if (current.status === 'closed') events.push({ type: 'counter.opened', counterId: command.counterId, at: ctx.now });
  } else {
    if (current.clerkId !== null) {
      events.push({ type: 'counter.clerkAssigned', counterId: command.counterId, userId: null, at: ctx.now });
    }
    if (current.status !== 'closed') events.push({ type: 'counter.closed', counterId: command.counterId, at: ctx.now });
  }
  return accept(...events);
}

/**
 * The scheduler sends `day.close` when the office's clock passes the close hour: the old day's
 * unfinished tickets expire and a new day opens with fresh numbering. An admin may close today early.
 */
function closeDay(state: QueueState, ctx: DecideContext): Decision {
  const today = serviceDayOf(ctx.now, state.config.office);
  const events: DomainEvent[] = [];
  // ISO dates order as strings. A clock stepped back must never reopen a day already left behind.
  const rollsOver = state.serviceDay === '' || today > state.serviceDay;
  if (!rollsOver && ctx.actor.kind === 'system') return accept();
  if (state.serviceDay !== '' && !state.dayClosed) {
    events.push({ type: 'day.closed', serviceDay: state.serviceDay, at: ctx.now });
  }
  if (rollsOver) events.push({ type: 'day.opened', serviceDay: today, at: ctx.now });
  return accept(...events);
}

function decideConfig(state: QueueState, command: Command): Decision {
  const config = state.config;
  switch (command.type) {
    case 'config.setOffice':
      return accept({ type: 'config.officeSet', office: command.office });
    case 'config.upsertField':
      return accept({ type: 'config.fieldUpserted', field: command.field });
    case 'config.removeField':
      if (!config.fields[command.fieldId]) return refuse('NOT_FOUND');
      if (Object.values(config.services).some((s) => s.fieldId === command.fieldId)) return refuse('IN_USE');
      return accept({ type: 'config.fieldRemoved', fieldId: command.fieldId });
    case 'config.upsertService': {
      const service = command.service;
      if (!config.fields[service.fieldId]) return refuse('NOT_FOUND', { fieldId: service.fieldId });
      const clash = Object.values(config.services).find((s) => s.id !== service.id && labelsCanCollide(s, service));
      if (clash) return refuse('CONFLICT', { withService: clash.id });
      if (Object.values(config.services).some((s) => s.id !== service.id && s.code === service.code)) {
        return refuse('CONFLICT', { code: service.code });
      }
      return accept({ type: 'config.serviceUpserted', service });
    }
    case 'config.removeService': {
      if (!config.services[command.serviceId]) return refuse('NOT_FOUND');
      const inUse =
        Object.values(config.counters).some((c) => c.serviceIds.includes(command.serviceId)) ||
        ticketsWhere(state, (t) => t.serviceId === command.serviceId && isActiveTicket(t)).length > 0;
      if (inUse) return refuse('IN_USE');
      return accept({ type: 'config.serviceRemoved', serviceId: command.serviceId });
    }
    case 'config.upsertCounter': {
      const counter = command.counter;
      const unknown = counter.serviceIds.find((id) => !config.services[id]);
      if (unknown) return refuse('NOT_FOUND', { serviceId: unknown });
      if (new Set(counter.serviceIds).size !== counter.serviceIds.length) return refuse('BAD_REQUEST');
      if (Object.values(config.counters).some((c) => c.id !== counter.id && c.number === counter.number)) {
        return refuse('CONFLICT', { number: counter.number });
      }
      return accept({ type: 'config.counterUpserted', counter });
    }
    case 'config.removeCounter': {
      if (!config.counters[command.counterId]) return refuse('NOT_FOUND');
      const now = counterState(state, command.counterId);
      const inUse =
        now.status !== 'closed' ||
        now.currentTicketId !== null ||
        Object.values(config.devices).some((d) => d.counterId === command.counterId && !d.revoked);
      if (inUse) return refuse('IN_USE');
      return accept({ type: 'config.counterRemoved', counterId: command.counterId });
    }
    case 'config.upsertUser': {
      const user = command.user;
      if (Object.values(config.users).some((u) => u.id !== user.id && u.username === user.username)) {
        return refuse('CONFLICT', { username: user.username });
      }
      return accept({ type: 'config.userUpserted', user });
    }
    case 'config.upsertDevice': {
      const device = command.device;
      if (device.counterId !== null && !config.counters[device.counterId]) return refuse('NOT_FOUND');
      if (device.printerProfileId !== null && !config.printerProfiles[device.printerProfileId]) {
        return refuse('NOT_FOUND');
      }
      return accept({ type: 'config.deviceUpserted', device });
    }
    case 'config.upsertPrinterProfile':
      return accept({ type: 'config.printerProfileUpserted', profile: command.profile });
    case 'config.removePrinterProfile':
      if (!config.printerProfiles[command.profileId]) return refuse('NOT_FOUND');
      if (Object.values(config.devices).some((d) => d.printerProfileId === command.profileId)) return refuse('IN_USE');
      return accept({ type: 'config.printerProfileRemoved', profileId: command.profileId });
    case 'config.setPriorityPolicy':
      return accept({ type: 'config.priorityPolicySet', priority: command.priority });
    case 'config.setDisplay':
      return accept({ type: 'config.displaySet', display: command.display });
    case 'config.setKiosk':
      return accept({ type: 'config.kioskSet', kiosk: command.kiosk });
    case 'config.setRatingMethod':
      return accept({ type: 'config.ratingMethodSet', ratingMethod: command.ratingMethod });
    case 'config.setProcedureInfo':
      if (!config.services[command.serviceId]) return refuse('NOT_FOUND');
      return accept({ type: 'config.procedureInfoSet', serviceId: command.serviceId, info: command.info });
    default:
      return refuse('UNKNOWN_COMMAND');
  }
}
