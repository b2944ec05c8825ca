import type { CommandOf } from './commands.js';
import { accept, refuse, type DecideContext, type Decision } from './decision.js';
import type { ErrorCode } from './errors.js';
import {
  ratingAnswerProblem,
  ratingBallotOf,
  ratingMethodOf,
  type RatingAnswer,
  type RatingScale,
} from './ratingMethod.js';
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
  }
}

/**
 * The answer a rating command records: the raw answer and its scale (a four-level pad's `score` read as
 * legacyFour), the office's reason ids it chose and its free text. The first tap is stored without a reason
 * (a citizen who walks away still counted); the reason step must give one where the scale requires it.
 */
function ratingCommandAnswer(
  state: QueueState,
  command: RatingCommand,
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
