import { describe, expect, it } from 'vitest';
import { MINUTE, ratingPadAt, TestDesk } from '@motcua/core/testkit';
import { ticketById } from '@motcua/core';
import { afterAnswer, asksForReasons, ratableTicket, ratingPromptTimeoutMs, scoreCommand } from './ratingPad';

describe('ratableTicket', () => {
  it('offers the ticket just finished at this counter, once, inside the rating window', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const ticketId = desk.callNext(1);
    expect(ratableTicket(desk.state, 'quay-1', desk.now)).toBeNull();
    desk.finish(1, ticketId);
    expect(ratableTicket(desk.state, 'quay-1', desk.now)?.id).toBe(ticketId);
    expect(ratableTicket(desk.state, 'quay-2', desk.now)).toBeNull();
    expect(ratableTicket(desk.state, 'quay-1', desk.now + 3 * MINUTE)).toBeNull();
    desk.run({ type: 'rating.submit', counterId: 'quay-1', ticketId, score: 'satisfied' }, ratingPadAt(1));
    expect(ratableTicket(desk.state, 'quay-1', desk.now)).toBeNull();
  });

  it('keeps asking about the first finished ticket after the clerk finished the next, until it is rated or given up', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.issue('khai-sinh');
    const first = desk.callNext(1);
    desk.finish(1, first);
    desk.advance(10_000);
    const second = desk.callNext(1);
    desk.advance(10_000);
    desk.finish(1, second);
    expect(ratableTicket(desk.state, 'quay-1', desk.now)?.id).toBe(first);
    expect(ratableTicket(desk.state, 'quay-1', desk.now, new Set([first]))?.id).toBe(second);
    desk.run({ type: 'rating.submit', counterId: 'quay-1', ticketId: first, score: 'satisfied' }, ratingPadAt(1));
    expect(ratableTicket(desk.state, 'quay-1', desk.now)?.id).toBe(second);
  });

  it('gives up at the end of the rating window or after the idle limit', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const ticketId = desk.callNext(1);
    desk.finish(1, ticketId);
    const ticket = ticketById(desk.state, ticketId)!;
    expect(ratingPromptTimeoutMs(desk.state, ticket, desk.now)).toBe(90_000);
    expect(ratingPromptTimeoutMs(desk.state, ticket, desk.now + 100_000)).toBe(20_000);
    expect(ratingPromptTimeoutMs(desk.state, ticket, desk.now + 200_000)).toBe(0);
  });

  it('asks for reasons unless very satisfied', () => {
    expect(asksForReasons('verySatisfied')).toBe(false);
    expect(asksForReasons('dissatisfied')).toBe(true);
  });

  it('sends the first tap as the rating and a later tap as an amendment', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const ticketId = desk.callNext(1);
    desk.finish(1, ticketId);
    const ticket = ticketById(desk.state, ticketId)!;
    expect(scoreCommand('quay-1', { kind: 'score', ticket, sent: null }, 'neutral').type).toBe('rating.submit');
    expect(scoreCommand('quay-1', { kind: 'score', ticket, sent: 'neutral' }, 'satisfied')).toMatchObject({
      type: 'rating.amend',
      score: 'satisfied',
    });
    expect(afterAnswer(ticket, 'verySatisfied')).toEqual({ kind: 'thanks' });
    expect(afterAnswer(ticket, 'neutral')).toMatchObject({ kind: 'reasons', score: 'neutral', reasons: [] });
  });
});
