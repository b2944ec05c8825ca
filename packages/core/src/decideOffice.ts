import { actorRef } from './actors.js';
import type { CommandOf } from './commands.js';
import { deviceAlertKinds } from './commands.js';
import { accept, refuse, type DecideContext, type Decision } from './decision.js';
import type { DomainEvent } from './events.js';
import { serviceDayOf } from './officeTime.js';
import { hasOpenAlert } from './selectors.js';
import type { QueueState } from './state.js';

export type OfficeCommand = CommandOf<'alert.raise' | 'alert.clear' | 'day.close'>;

/** The office as a whole: alerts for the staff, and the service day. */
export function decideOffice(state: QueueState, command: OfficeCommand, ctx: DecideContext): Decision {
  switch (command.type) {
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
  }
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
