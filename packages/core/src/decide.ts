import { decideAppointment } from './appointmentsDecide.js';
import type { Command } from './commands.js';
import { decideConfig } from './decideConfig.js';
import { decideCounter } from './decideCounters.js';
import { decideOffice } from './decideOffice.js';
import { decideRating } from './decideRatings.js';
import { decideTicket } from './decideTickets.js';
import type { DecideContext, Decision } from './decision.js';
import type { QueueState } from './state.js';

export type { DecideContext, Decision } from './decision.js';

/**
 * The one place where the rules of the desk live: given the state and a valid, authorised
 * command, which events happen, or why not. Pure: the time comes in `ctx`. Each aggregate's
 * rules are in their own file (decideTickets, decideCounters, decideRatings, decideOffice,
 * appointmentsDecide, decideConfig); this only routes.
 */
export function decide(state: QueueState, command: Command, ctx: DecideContext): Decision {
  switch (command.type) {
    case 'ticket.issue':
    case 'ticket.callNext':
    case 'ticket.callChosen':
    case 'ticket.recall':
    case 'ticket.start':
    case 'ticket.finish':
    case 'ticket.noShow':
    case 'ticket.attachDossier':
    case 'ticket.park':
    case 'ticket.resume':
    case 'ticket.returnToQueue':
    case 'ticket.transfer':
    case 'ticket.reprint':
    case 'ticket.cancel':
      return decideTicket(state, command, ctx);
    case 'counter.open':
    case 'counter.pause':
    case 'counter.close':
    case 'counter.assignClerk':
    case 'counter.markDeviceLost':
    case 'counter.markDeviceBack':
      return decideCounter(state, command, ctx);
    case 'rating.submit':
    case 'rating.amend':
      return decideRating(state, command, ctx);
    case 'alert.raise':
    case 'alert.clear':
    case 'day.close':
      return decideOffice(state, command, ctx);
    case 'appointment.book':
    case 'appointment.cancel':
    case 'appointment.checkIn':
    case 'appointment.release':
    case 'config.setAppointments':
      return decideAppointment(state, command, ctx);
    default:
      return decideConfig(state, command);
  }
}
