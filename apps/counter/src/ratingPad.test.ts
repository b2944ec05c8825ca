import { describe, expect, it } from 'vitest';
import { MINUTE, ratingPadAt, TestDesk } from '@motcua/core/testkit';
import { ticketById } from '@motcua/core';
import {
  afterAnswer,
  answerCommand,
  asksForReasons,
  hasReason,
  padAnswers,
  ratableTicket,
  ratingPromptTimeoutMs,
  reasonRequired,
  reasonsCommand,
} from './ratingPad';

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
    desk.run(
      { type: 'rating.submit', counterId: 'quay-1', ticketId, scale: 'three', answer: 'satisfied' },
      ratingPadAt(1),
    );
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
    desk.run(
      { type: 'rating.submit', counterId: 'quay-1', ticketId: first, scale: 'three', answer: 'satisfied' },
      ratingPadAt(1),
    );
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

  it('asks for reasons unless very satisfied, and requires one where the scale does', () => {
    expect(asksForReasons('verySatisfied')).toBe(false);
    expect(asksForReasons('dissatisfied')).toBe(true);
    expect(reasonRequired({ scale: 'three', answer: 'dissatisfied' })).toBe(true);
    expect(reasonRequired({ scale: 'three', answer: 'satisfied' })).toBe(false);
    expect(reasonRequired({ scale: 'five', answer: 'veryDissatisfied' })).toBe(true);
    expect(reasonRequired({ scale: 'five', answer: 'neutral' })).toBe(false);
    expect(hasReason({ reasons: [], text: '  ' })).toBe(false);
    expect(hasReason({ reasons: [], text: 'Phải chờ lâu' })).toBe(true);
  });

  it("shows the office's scale: three levels by default, five when chosen", () => {
    const desk = TestDesk.open();
    expect(padAnswers(desk.state)).toEqual({ scale: 'three', answers: ['verySatisfied', 'satisfied', 'dissatisfied'] });
    desk.run({ type: 'config.setRatingMethod', ratingMethod: { scale: 'five', reasons: [] } });
    expect(padAnswers(desk.state).answers).toHaveLength(5);
  });

  it('sends the first tap as the rating with its scale, a later tap and the reasons as amendments', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const ticketId = desk.callNext(1);
    desk.finish(1, ticketId);
    const ticket = ticketById(desk.state, ticketId)!;
    const asked = { kind: 'answer', ticket, scale: 'three', sent: null } as const;
    expect(answerCommand('quay-1', asked, 'dissatisfied')).toMatchObject({
      type: 'rating.submit',
      scale: 'three',
      answer: 'dissatisfied',
    });
    const dissatisfied = { scale: 'three', answer: 'dissatisfied' } as const;
    expect(answerCommand('quay-1', { ...asked, sent: dissatisfied }, 'satisfied')).toMatchObject({
      type: 'rating.amend',
      answer: 'satisfied',
    });
    expect(afterAnswer(ticket, { scale: 'three', answer: 'verySatisfied' })).toEqual({ kind: 'thanks' });
    const reasons = afterAnswer(ticket, dissatisfied);
    expect(reasons).toMatchObject({ kind: 'reasons', ballot: dissatisfied, draft: { reasons: [], text: '' } });
    if (reasons.kind !== 'reasons') throw new Error('expected the reason step');
    expect(
      reasonsCommand('quay-1', { ...reasons, draft: { reasons: ['attitude'], text: ' Phải đi lại 2 lần ' } }),
    ).toEqual({
      type: 'rating.amend',
      counterId: 'quay-1',
      ticketId,
      scale: 'three',
      answer: 'dissatisfied',
      reasons: ['attitude'],
      reasonText: 'Phải đi lại 2 lần',
    });
  });
});
