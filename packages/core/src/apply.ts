import { applyAppointmentEvent, withoutPastAppointments } from './appointmentsDecide.js';
import type { DomainEvent, EventEnvelope } from './events.js';
import { numberingKey } from './numbering.js';
import { expiresAtDayClose } from './selectors.js';
import type { OfficeConfig, Ticket } from './schemas.js';
import { migratePriorityPolicy } from './schemas.js';
import type { CallRecord, CounterState, QueueState } from './state.js';
import { emptyCounterState, RECENT_CALLS_KEPT, SERVICE_TIME_SAMPLES } from './state.js';
import { emptyTickets, putTickets } from './ticketIndex.js';
import { ticketsWhere } from './ticketReads.js';

/**
 * Folds one event into the state. Every participant (hub, counters, displays, admin) runs this same
 * function, so they all see the same queue. Pure: returns a new state and leaves the old one alone.
 */
export function apply(state: QueueState, envelope: EventEnvelope): QueueState {
  const next = applyEvent(state, envelope.event);
  return next === state ? { ...state, seq: envelope.seq } : { ...next, seq: envelope.seq };
}

export function applyAll(state: QueueState, envelopes: Iterable<EventEnvelope>): QueueState {
  let folded = state;
  for (const envelope of envelopes) folded = apply(folded, envelope);
  return folded;
}

function withTicket(state: QueueState, ticketId: string, change: (t: Ticket) => Partial<Ticket>): QueueState {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return state;
  return { ...state, tickets: putTickets(state.tickets, [{ ...ticket, ...change(ticket) }]) };
}

function withCounter(
  state: QueueState,
  counterId: string,
  change: (c: CounterState) => Partial<CounterState>,
): QueueState {
  const counter = state.counters[counterId] ?? emptyCounterState();
  return { ...state, counters: { ...state.counters, [counterId]: { ...counter, ...change(counter) } } };
}

/** Frees the counter whose current ticket this was. */
function releaseCounterOf(state: QueueState, ticketId: string, at: number): QueueState {
  const ticket = state.tickets.get(ticketId);
  if (!ticket?.counterId) return state;
  const counter = state.counters[ticket.counterId];
  if (counter?.currentTicketId !== ticketId) return state;
  return withCounter(state, ticket.counterId, () => ({ currentTicketId: null, since: at }));
}

/**
 * Puts a call at the head of the recent calls. A recall or resume replaces the ticket's earlier record,
 * so the history lists each ticket once, marked by how it was last called.
 */
function withCallRecord(
  state: QueueState,
  ticket: Ticket,
  counterId: string,
  at: number,
  kind: 'call' | 'recall' | 'resume',
): QueueState {
  const record: CallRecord = {
    ticketId: ticket.id,
    label: ticket.label,
    counterId,
    counterNumber: state.config.counters[counterId]?.number ?? 0,
    serviceId: ticket.serviceId,
    at,
    recall: kind === 'recall',
    ...(kind === 'resume' ? { resume: true } : {}),
  };
  const earlier = kind === 'call' ? state.recentCalls : state.recentCalls.filter((c) => c.ticketId !== ticket.id);
  return { ...state, recentCalls: [record, ...earlier].slice(0, RECENT_CALLS_KEPT) };
}

function withCounterSample(
  times: Record<string, Record<string, number[]>>,
  ticket: Ticket,
  seconds: number,
): Record<string, Record<string, number[]>> {
  if (!ticket.counterId) return times;
  const byService = times[ticket.counterId] ?? {};
  const samples = [...(byService[ticket.serviceId] ?? []), seconds].slice(-SERVICE_TIME_SAMPLES);
  return { ...times, [ticket.counterId]: { ...byService, [ticket.serviceId]: samples } };
}

function withConfig(state: QueueState, change: Partial<OfficeConfig>): QueueState {
  return { ...state, config: { ...state.config, ...change } };
}

function removeKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function applyEvent(state: QueueState, event: DomainEvent): QueueState {
  switch (event.type) {
    case 'ticket.issued': {
      const { ticket } = event;
      const service = state.config.services[ticket.serviceId];
      const key = service ? numberingKey(service) : `service:${ticket.serviceId}`;
      return {
        ...state,
        tickets: putTickets(state.tickets, [ticket]),
        lastNumbers: { ...state.lastNumbers, [key]: Math.max(ticket.number, state.lastNumbers[key] ?? ticket.number) },
        issuedToday: { ...state.issuedToday, [ticket.serviceId]: (state.issuedToday[ticket.serviceId] ?? 0) + 1 },
      };
    }
    case 'ticket.called': {
      const ticket = state.tickets.get(event.ticketId);
      if (!ticket) return state;
      let next = withTicket(state, event.ticketId, () => ({
        status: 'called',
        calledAt: event.at,
        startedAt: null,
        counterId: event.counterId,
        clerkId: event.clerkId,
        targetCounterId: null,
        front: false,
      }));
      next = withCounter(next, event.counterId, (c) => ({
        currentTicketId: event.ticketId,
        since: event.at,
        // Snapshots from before the burst rule have no streak yet.
        priorityStreak: event.priority ? (c.priorityStreak ?? 0) + 1 : 0,
      }));
      return withCallRecord(next, ticket, event.counterId, event.at, 'call');
    }
    case 'ticket.recalled': {
      const ticket = state.tickets.get(event.ticketId);
      if (!ticket) return state;
      const next = withTicket(state, event.ticketId, (t) => ({ recallCount: t.recallCount + 1 }));
      return withCallRecord(next, ticket, event.counterId, event.at, 'recall');
    }
    case 'ticket.started':
      return withTicket(state, event.ticketId, () => ({ status: 'serving', startedAt: event.at }));
    case 'ticket.finished': {
      const ticket = state.tickets.get(event.ticketId);
      if (!ticket) return state;
      const startedAt = ticket.startedAt ?? ticket.calledAt ?? event.at;
      const seconds = Math.max(0, (event.at - startedAt) / 1000);
      const samples = [...(state.serviceTimes[ticket.serviceId] ?? []), seconds].slice(-SERVICE_TIME_SAMPLES);
      const next = releaseCounterOf(state, event.ticketId, event.at);
      return {
        ...withTicket(next, event.ticketId, () => ({ status: 'finished', startedAt, finishedAt: event.at })),
        serviceTimes: { ...state.serviceTimes, [ticket.serviceId]: samples },
        counterServiceTimes: withCounterSample(state.counterServiceTimes ?? {}, ticket, seconds),
      };
    }
    case 'ticket.noShow':
      return withTicket(releaseCounterOf(state, event.ticketId, event.at), event.ticketId, () => ({
        status: 'noShow',
        finishedAt: event.at,
      }));
    case 'ticket.returned':
      return withTicket(state, event.ticketId, () => ({
        status: 'waiting',
        queuedAt: event.queuedAt,
        front: event.placement === 'front',
        calledAt: null,
        finishedAt: null,
        counterId: null,
        clerkId: null,
      }));
    case 'ticket.transferred':
      return withTicket(releaseCounterOf(state, event.ticketId, event.at), event.ticketId, () => ({
        status: 'waiting',
        serviceId: event.toServiceId,
        targetCounterId: event.toCounterId,
        queuedAt: event.queuedAt,
        front: event.placement === 'front',
        calledAt: null,
        startedAt: null,
        finishedAt: null,
        counterId: null,
        clerkId: null,
        recallCount: 0,
      }));
    case 'ticket.dossierAttached':
      return withTicket(state, event.ticketId, (t) => ({
        dossierCodes: [...(t.dossierCodes ?? []), event.dossierCode],
      }));
    case 'ticket.reprinted':
      return withTicket(state, event.ticketId, () => ({ reprints: event.copy }));
    case 'ticket.parked':
      return withTicket(releaseCounterOf(state, event.ticketId, event.at), event.ticketId, () => ({
        status: 'parked',
      }));
    case 'ticket.resumed': {
      const ticket = state.tickets.get(event.ticketId);
      if (!ticket) return state;
      const next = withTicket(state, event.ticketId, (t) => ({
        status: 'serving',
        startedAt: t.startedAt ?? event.at,
      }));
      return withCallRecord(
        withCounter(next, event.counterId, () => ({ currentTicketId: event.ticketId, since: event.at })),
        ticket,
        event.counterId,
        event.at,
        'resume',
      );
    }
    case 'ticket.cancelled':
      return withTicket(releaseCounterOf(state, event.ticketId, event.at), event.ticketId, () => ({
        status: 'cancelled',
        finishedAt: event.at,
      }));
    case 'counter.opened':
      return withCounter(state, event.counterId, () => ({ status: 'open', pauseReason: null, since: event.at }));
    case 'counter.paused':
      return withCounter(state, event.counterId, () => ({
        status: 'paused',
        pauseReason: event.reason,
        since: event.at,
      }));
    case 'counter.closed':
      return withCounter(state, event.counterId, () => ({ status: 'closed', pauseReason: null, since: event.at }));
    case 'counter.clerkAssigned':
      return withCounter(state, event.counterId, () => ({ clerkId: event.userId }));
    case 'counter.deviceLost':
      return withCounter(state, event.counterId, () => ({ deviceLostSince: event.lastSeenAt }));
    case 'counter.deviceBack': {
      const lost = state.counters[event.counterId];
      if (!lost) return state;
      // Removed, not set to undefined: a connected counter's snapshot is the same as before presence existed.
      const { deviceLostSince: _lostSince, ...connected } = lost;
      return { ...state, counters: { ...state.counters, [event.counterId]: connected } };
    }
    case 'rating.submitted':
      return withTicket(state, event.rating.ticketId, () => ({ rated: true }));
    case 'alert.raised':
      return {
        ...state,
        alerts: {
          ...state.alerts,
          [event.alertId]: {
            alertId: event.alertId,
            alertKind: event.alertKind,
            message: event.message,
            source: event.source,
            at: event.at,
          },
        },
      };
    case 'alert.cleared':
      return { ...state, alerts: removeKey(state.alerts, event.alertId) };
    case 'day.closed': {
      // Derived here, not carried in the event: every ticket still open (the same ones decide would have listed).
      const expired = ticketsWhere(state, expiresAtDayClose).map((ticket): Ticket => ({
        ...ticket,
        status: 'expired',
      }));
      const tickets = putTickets(state.tickets, expired);
      const counters: Record<string, CounterState> = {};
      for (const [id, c] of Object.entries(state.counters)) {
        counters[id] = { ...c, currentTicketId: null, priorityStreak: 0 };
      }
      return { ...state, tickets, counters, dayClosed: true };
    }
    case 'day.opened': {
      const counters: Record<string, CounterState> = {};
      for (const [id, c] of Object.entries(state.counters)) {
        counters[id] = { ...c, currentTicketId: null, priorityStreak: 0 };
      }
      return {
        ...withoutPastAppointments(state, event.serviceDay),
        serviceDay: event.serviceDay,
        dayClosed: false,
        tickets: emptyTickets(),
        counters,
        lastNumbers: {},
        issuedToday: {},
        recentCalls: [],
      };
    }
    case 'config.officeSet':
      return withConfig(state, { office: event.office });
    case 'config.fieldUpserted':
      return withConfig(state, { fields: { ...state.config.fields, [event.field.id]: event.field } });
    case 'config.fieldRemoved':
      return withConfig(state, { fields: removeKey(state.config.fields, event.fieldId) });
    case 'config.serviceUpserted':
      return withConfig(state, { services: { ...state.config.services, [event.service.id]: event.service } });
    case 'config.serviceRemoved':
      return withConfig(state, {
        services: removeKey(state.config.services, event.serviceId),
        ...(state.config.procedures ? { procedures: removeKey(state.config.procedures, event.serviceId) } : {}),
      });
    case 'config.counterUpserted':
      return withConfig(state, { counters: { ...state.config.counters, [event.counter.id]: event.counter } });
    case 'config.counterRemoved':
      return {
        ...withConfig(state, { counters: removeKey(state.config.counters, event.counterId) }),
        counters: removeKey(state.counters, event.counterId),
      };
    case 'config.userUpserted':
      return withConfig(state, { users: { ...state.config.users, [event.user.id]: event.user } });
    case 'config.deviceUpserted':
      return withConfig(state, { devices: { ...state.config.devices, [event.device.id]: event.device } });
    case 'config.printerProfileUpserted':
      return withConfig(state, {
        printerProfiles: { ...state.config.printerProfiles, [event.profile.id]: event.profile },
      });
    case 'config.printerProfileRemoved':
      return withConfig(state, { printerProfiles: removeKey(state.config.printerProfiles, event.profileId) });
    case 'config.priorityPolicySet':
      // Events stored before the burst rule carry the old interleave: they migrate as they fold.
      return withConfig(state, { priority: migratePriorityPolicy(event.priority) });
    case 'config.displaySet':
      return withConfig(state, { display: event.display });
    case 'config.kioskSet':
      return withConfig(state, { kiosk: event.kiosk });
    case 'config.ratingMethodSet':
      return withConfig(state, { ratingMethod: event.ratingMethod });
    case 'config.procedureInfoSet':
      return withConfig(state, { procedures: { ...state.config.procedures, [event.serviceId]: event.info } });
    case 'appointment.booked':
    case 'appointment.cancelled':
    case 'appointment.checkedIn':
    case 'appointment.released':
    case 'config.appointmentsSet':
      return applyAppointmentEvent(state, event);
    default:
      // An event from a newer hub than this client knows: keep the state (the seq still advances).
      return state;
  }
}
