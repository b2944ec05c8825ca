import type { QueueState, RatingReason, RatingScore, Ticket } from '@motcua/core';
import { ticketsToRate } from '@motcua/core';

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
export function asksForReasons(score: RatingScore): boolean {
  return score !== 'verySatisfied';
}

export const ratingScoresInOrder: RatingScore[] = ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied'];

/**
 * What the pad shows. `score` asks the question (`sent` when a first answer already reached the hub
 * and a new tap amends it); `reasons` follows a sent answer and may amend it.
 */
export type RatingPhase =
  | { kind: 'idle' }
  | { kind: 'score'; ticket: Ticket; sent: RatingScore | null }
  | { kind: 'reasons'; ticket: Ticket; score: RatingScore; reasons: RatingReason[] }
  | { kind: 'thanks' };

/** The command a tap on a score sends: the first answer goes at once, a later tap amends it. */
export function scoreCommand(
  counterId: string,
  phase: Extract<RatingPhase, { kind: 'score' }>,
  score: RatingScore,
):
  | { type: 'rating.submit'; counterId: string; ticketId: string; score: RatingScore; reasons: RatingReason[] }
  | { type: 'rating.amend'; counterId: string; ticketId: string; score: RatingScore; reasons: RatingReason[] } {
  const base = { counterId, ticketId: phase.ticket.id, score, reasons: [] };
  return phase.sent === null ? { type: 'rating.submit', ...base } : { type: 'rating.amend', ...base };
}

/** The phase after the hub accepted an answer: reasons for a less than very satisfied citizen, else thanks. */
export function afterAnswer(ticket: Ticket, score: RatingScore): RatingPhase {
  return asksForReasons(score) ? { kind: 'reasons', ticket, score, reasons: [] } : { kind: 'thanks' };
}
