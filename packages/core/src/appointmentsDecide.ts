import {
  appointmentPolicyOf,
  appointmentsFrom,
  appointmentsOf,
  checkInTiming,
  overdueAppointments,
  slotRefusal,
} from './appointments.js';
import { officeClock, zonedEpoch } from './officeTime.js';
import type { CommandOf } from './commands.js';
import { accept, refuse, type DecideContext, type Decision } from './decision.js';
import { issueTicket } from './decideTickets.js';
import type { EventOf } from './events.js';
import type { Appointment } from './schemas.js';
import type { QueueState } from './state.js';

type AppointmentCommand = CommandOf<
  'appointment.book' | 'appointment.cancel' | 'appointment.checkIn' | 'appointment.release' | 'config.setAppointments'
>;

/** Refuses an appointment that can no longer be cancelled or checked in, saying why. */
function notOpen(appointment: Appointment): Decision | null {
  if (appointment.status === 'cancelled') return refuse('APPOINTMENT_CANCELLED');
  if (appointment.status === 'checkedIn') return refuse('APPOINTMENT_USED', { ticketId: appointment.ticketId });
  return null;
}

export function decideAppointment(state: QueueState, command: AppointmentCommand, ctx: DecideContext): Decision {
  switch (command.type) {
    case 'appointment.book': {
      if (appointmentsOf(state)[command.appointmentId]) return refuse('CONFLICT');
      const refusal = slotRefusal(state, command.serviceId, command.day, command.slot, ctx.now);
      if (refusal) return refuse(refusal);
      return accept({
        type: 'appointment.booked',
        appointment: {
          id: command.appointmentId,
          serviceId: command.serviceId,
          day: command.day,
          slot: command.slot,
          slotStart: zonedEpoch(command.day, command.slot, state.config.office.timeZone),
          status: 'booked',
          bookedAt: ctx.now,
          ticketId: null,
          arrival: null,
        },
      });
    }
    case 'appointment.cancel': {
      const appointment = appointmentsOf(state)[command.appointmentId];
      if (!appointment) return refuse('APPOINTMENT_NOT_FOUND');
      const closed = notOpen(appointment);
      if (closed) return closed;
      if (appointment.status !== 'booked') return refuse('INVALID_TICKET_STATE');
      return accept({ type: 'appointment.cancelled', appointmentId: appointment.id, at: ctx.now });
    }
    case 'appointment.checkIn':
      return checkIn(state, command, ctx);
    case 'appointment.release': {
      const overdue = overdueAppointments(state, ctx.now).map((a) => a.id);
      // Nothing to release is a refusal, not an empty success: an accepted command always has events.
      if (overdue.length === 0) return refuse('NOT_FOUND');
      return accept({ type: 'appointment.released', appointmentIds: overdue, at: ctx.now });
    }
    case 'config.setAppointments': {
      const unknown = Object.keys(command.appointments.services).find((id) => !state.config.services[id]);
      if (unknown) return refuse('NOT_FOUND', { serviceId: unknown });
      return accept({ type: 'config.appointmentsSet', appointments: command.appointments });
    }
  }
}

/**
 * Within the window the ticket is queued at the slot's start, ahead of walk-ins who came later;
 * after it (even once released as a no-show) the citizen still gets a ticket, queued as a walk-in.
 */
function checkIn(state: QueueState, command: CommandOf<'appointment.checkIn'>, ctx: DecideContext): Decision {
  const appointment = appointmentsOf(state)[command.appointmentId];
  if (!appointment) return refuse('APPOINTMENT_NOT_FOUND');
  const closed = notOpen(appointment);
  if (closed) return closed;
  if (appointment.day !== state.serviceDay) {
    return refuse('APPOINTMENT_NOT_TODAY', { day: appointment.day, slot: appointment.slot });
  }
  const timing = checkInTiming(appointmentPolicyOf(state.config), appointment.slotStart, ctx.now);
  if (timing.kind === 'early') {
    return refuse('APPOINTMENT_TOO_EARLY', {
      slot: appointment.slot,
      checkInFrom: officeClock(timing.checkInFrom, state.config.office.timeZone),
    });
  }
  const issued = issueTicket(
    state,
    {
      type: 'ticket.issue',
      serviceId: appointment.serviceId,
      priorityGroup: null,
      source: 'appointment',
      dossierCode: null,
    },
    ctx,
  );
  if (!issued.ok) return issued;
  const event = issued.events[0] as EventOf<'ticket.issued'>;
  const arrival = timing.kind === 'onTime' ? 'onTime' : 'late';
  const queuedAt = arrival === 'onTime' ? appointment.slotStart : ctx.now;
  return accept(
    { ...event, ticket: { ...event.ticket, queuedAt } },
    { type: 'appointment.checkedIn', appointmentId: appointment.id, ticketId: event.ticket.id, arrival, at: ctx.now },
  );
}

type AppointmentEvent = EventOf<
  | 'appointment.booked'
  | 'appointment.cancelled'
  | 'appointment.checkedIn'
  | 'appointment.released'
  | 'config.appointmentsSet'
>;

function withAppointment(state: QueueState, id: string, change: Partial<Appointment>): QueueState {
  const appointments = appointmentsOf(state);
  const appointment = appointments[id];
  if (!appointment) return state;
  return { ...state, appointments: { ...appointments, [id]: { ...appointment, ...change } } };
}

export function applyAppointmentEvent(state: QueueState, event: AppointmentEvent): QueueState {
  switch (event.type) {
    case 'appointment.booked':
      return { ...state, appointments: { ...appointmentsOf(state), [event.appointment.id]: event.appointment } };
    case 'appointment.cancelled':
      return withAppointment(state, event.appointmentId, { status: 'cancelled' });
    case 'appointment.checkedIn':
      return withAppointment(state, event.appointmentId, {
        status: 'checkedIn',
        ticketId: event.ticketId,
        arrival: event.arrival,
      });
    case 'appointment.released': {
      let next = state;
      for (const id of event.appointmentIds) next = withAppointment(next, id, { status: 'noShow' });
      return next;
    }
    case 'config.appointmentsSet':
      return { ...state, config: { ...state.config, appointments: event.appointments } };
  }
}

/** On a new service day, appointments of past days leave the shared state (the hub keeps its own record). */
export function withoutPastAppointments(state: QueueState, serviceDay: string): QueueState {
  if (!state.appointments) return state;
  return { ...state, appointments: appointmentsFrom(state.appointments, serviceDay) };
}
