import type { QueueState, RatingScore, Ticket } from '@motcua/core';
import { allTickets } from '@motcua/core';

/** The ticket the citizen at this counter may rate now: finished here, not rated, inside the rating window. */
export function ratableTicket(state: QueueState, counterId: string, now: number): Ticket | null {
  const windowMs = state.config.office.ratingWindowSeconds * 1000;
  let newest: Ticket | null = null;
  for (const t of allTickets(state)) {
    if (t.status !== 'finished' || t.counterId !== counterId || t.finishedAt === null) continue;
    if (newest === null || t.finishedAt > (newest.finishedAt ?? 0)) newest = t;
  }
  if (!newest || newest.rated || now - (newest.finishedAt ?? 0) > windowMs) return null;
  return newest;
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
