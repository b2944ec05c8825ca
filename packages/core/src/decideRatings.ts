import type { CommandOf } from './commands.js';
import { accept, refuse, type DecideContext, type Decision } from './decision.js';
import type { Ticket } from './schemas.js';
import type { QueueState } from './state.js';
import { ticketById } from './ticketReads.js';

export type RatingCommand = CommandOf<'rating.submit' | 'rating.amend'>;

/** A citizen rates the service once, at the counter that finished the ticket, within the rating window. */
export function decideRating(state: QueueState, command: RatingCommand, ctx: DecideContext): Decision {
  switch (command.type) {
    case 'rating.submit': {
      const ticket = ticketById(state, command.ticketId);
      if (!ticket) return refuse('NOT_FOUND');
      // One rating per ticket: a second pad, a retry with a new requestId or a double tap cannot add another.
      if (ticket.rated) return refuse('ALREADY_RATED');
      if (!finishedHereWithin(state, ticket, command.counterId, ctx.now, 1)) return refuse('RATING_NOT_ALLOWED');
      return accept({
        type: 'rating.submitted',
        rating: {
          ticketId: ticket.id,
          counterId: command.counterId,
          clerkId: ticket.clerkId,
          serviceId: ticket.serviceId,
          score: command.score,
          reasons: [...new Set(command.reasons)],
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
      return accept({
        type: 'rating.amended',
        ticketId: ticket.id,
        counterId: command.counterId,
        score: command.score,
        reasons: [...new Set(command.reasons)],
        at: ctx.now,
      });
    }
  }
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
