import type { QueueState, RatingAnswer, RatingBallot, RatingScale, Ticket } from '@motcua/core';
import { ratingMethodOf, ratingScales, ticketsToRate } from '@motcua/core';

/**
 * The ticket the pad asks about: the oldest finished here that is not rated, still inside the
 * rating window, and not given up on. A citizen who has not answered keeps the question even when
 * the clerk finishes the next ticket; the next one is asked once it is answered or timed out.
 */
export function ratableTicket(
  state: QueueState,
  counterId: string,
  now: number,
  givenUp: ReadonlySet<string> = new Set(),
): Ticket | null {
  return ticketsToRate(state, counterId, now).find((t) => !givenUp.has(t.id)) ?? null;
}

/** How long the pad waits on a question before it gives up and returns to idle. */
export function ratingPromptTimeoutMs(state: QueueState, ticket: Ticket, now: number, maxMs = 90_000): number {
  const windowEnd = (ticket.finishedAt ?? now) + state.config.office.ratingWindowSeconds * 1000;
  return Math.max(0, Math.min(maxMs, windowEnd - now));
}

/** Reasons are asked only when the citizen was less than very satisfied: they say what to improve. */
export function asksForReasons(answer: RatingAnswer): boolean {
  return answer !== 'verySatisfied';
}

/** Whether the reason step may not end without a reason: the scale requires one for this answer. */
export function reasonRequired(ballot: RatingBallot): boolean {
  return ratingScales[ballot.scale].reasonRequired.includes(ballot.answer);
}

/** The answers the pad shows, best first, on the scale the office chose (three levels unless changed). */
export function padAnswers(state: QueueState): { scale: RatingScale; answers: readonly RatingAnswer[] } {
  const { scale } = ratingMethodOf(state.config);
  return { scale, answers: ratingScales[scale].answers };
}

/** What the citizen gave in the reason step: reasons from the office's list and their own words. */
export interface ReasonDraft {
  reasons: string[];
  text: string;
}

export function hasReason(draft: ReasonDraft): boolean {
  return draft.reasons.length > 0 || draft.text.trim() !== '';
}

/**
 * What the pad shows. `answer` asks the question (`sent` when a first answer already reached the hub
 * and a new tap amends it); `reasons` follows a sent answer and may amend it.
 */
export type RatingPhase =
  | { kind: 'idle' }
  | { kind: 'answer'; ticket: Ticket; scale: RatingScale; sent: RatingBallot | null }
  | { kind: 'reasons'; ticket: Ticket; ballot: RatingBallot; draft: ReasonDraft }
  | { kind: 'thanks' };

type RatingCommand = {
  counterId: string;
  ticketId: string;
  scale: RatingScale;
  answer: RatingAnswer;
  reasons: string[];
};

/**
 * The command a tap sends, with the scale the pad showed: the first answer goes at once (a citizen who
 * walks away is still counted), a later tap amends it.
 */
export function answerCommand(
  counterId: string,
  phase: Extract<RatingPhase, { kind: 'answer' }>,
  answer: RatingAnswer,
): (RatingCommand & { type: 'rating.submit' }) | (RatingCommand & { type: 'rating.amend' }) {
  const base = { counterId, ticketId: phase.ticket.id, scale: phase.scale, answer, reasons: [] };
  return phase.sent === null ? { type: 'rating.submit', ...base } : { type: 'rating.amend', ...base };
}

/** The reason step's amendment: the answer again, the reasons chosen and the citizen's words. */
export function reasonsCommand(
  counterId: string,
  phase: Extract<RatingPhase, { kind: 'reasons' }>,
): RatingCommand & { type: 'rating.amend'; reasonText: string } {
  return {
    type: 'rating.amend',
    counterId,
    ticketId: phase.ticket.id,
    ...phase.ballot,
    reasons: phase.draft.reasons,
    reasonText: phase.draft.text.trim(),
  };
}

/** The phase after the hub accepted an answer: reasons for a less than very satisfied citizen, else thanks. */
export function afterAnswer(ticket: Ticket, ballot: RatingBallot): RatingPhase {
  return asksForReasons(ballot.answer)
    ? { kind: 'reasons', ticket, ballot, draft: { reasons: [], text: '' } }
    : { kind: 'thanks' };
}
