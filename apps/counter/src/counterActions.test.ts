import { describe, expect, it } from 'vitest';
import { clerkAt, MINUTE, system, TestDesk } from '@motcua/core/testkit';
import { counterActions, noShowTickets, parkedTickets, ticketArrivedForIdleCounter } from './counterActions';
import { actionForKey } from './shortcuts';
import { errorMessages, ticketById, type Actor } from '@motcua/core';

type Clerk = Actor & { kind: 'user' };
const actionsAt = (desk: TestDesk, counter: number) => counterActions(desk.state, clerkAt(counter) as Clerk, desk.now);

describe('counterActions', () => {
  it('offers only "call next" when people wait and the counter is free', () => {
    const desk = TestDesk.open();
    expect(actionsAt(desk, 1).callNext).toMatchObject({
      enabled: false,
      reason: errorMessages.NOTHING_WAITING,
    });
    desk.issue('khai-sinh');
    const actions = actionsAt(desk, 1);
    expect(actions.callNext.enabled).toBe(true);
    expect(actions.finish).toMatchObject({ enabled: false, reason: { en: 'No ticket is being served' } });
    expect(actions.recall.enabled).toBe(false);
    expect(actions.noShow.enabled).toBe(false);
    expect(actions.resume.enabled).toBe(false);
  });

  it("explains with core's message that the current ticket must be closed before calling another", () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.issue('khai-sinh');
    const called = desk.callNext(1);
    expect(ticketById(desk.state, called)?.status).toBe('called');
    const actions = actionsAt(desk, 1);
    expect(actions.callNext).toEqual({ enabled: false, reason: errorMessages.COUNTER_BUSY });
    expect(actions.recall.enabled && actions.finish.enabled && actions.noShow.enabled).toBe(true);
    expect(actions.transfer.enabled && actions.park.enabled && actions.start.enabled).toBe(true);
  });

  it('refuses no-show once serving started, and asks for "start" when the office requires it', () => {
    const desk = TestDesk.open();
    desk.run({ type: 'config.setOffice', office: { ...desk.state.config.office, requireStart: true } });
    desk.issue('khai-sinh');
    const ticketId = desk.callNext(1);
    expect(actionsAt(desk, 1).finish).toEqual({ enabled: false, reason: errorMessages.INVALID_TICKET_STATE });
    desk.run({ type: 'ticket.start', counterId: 'quay-1', ticketId }, clerkAt(1));
    const actions = actionsAt(desk, 1);
    expect(actions.finish.enabled).toBe(true);
    expect(actions.noShow.enabled).toBe(false);
    expect(actions.start.enabled).toBe(false);
  });

  it('blocks calling while paused and offers resuming work', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.run({ type: 'counter.pause', counterId: 'quay-1', reason: 'Nghỉ trưa' }, clerkAt(1));
    const actions = actionsAt(desk, 1);
    expect(actions.callNext.reason).toEqual(errorMessages.COUNTER_NOT_OPEN);
    // Core accepts a new pause reason while paused; the old copy of the rule disabled it.
    expect(actions.pause.enabled).toBe(true);
    expect(actions.reopen.enabled).toBe(true);
  });

  it('says what the hub would say to a clerk who moved to another counter', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.run({ type: 'counter.assignClerk', counterId: 'quay-2', userId: 'canbo1' }, system);
    const actions = actionsAt(desk, 1);
    expect(actions.callNext).toEqual({ enabled: false, reason: errorMessages.NOT_YOUR_COUNTER });
    expect(actions.pause.enabled).toBe(false);
  });

  it('lists parked and no-show tickets of this counter only', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.issue('khai-sinh');
    const parked = desk.callNext(1);
    desk.run({ type: 'ticket.park', counterId: 'quay-1', ticketId: parked }, clerkAt(1));
    expect(parkedTickets(desk.state, 'quay-1').map((t) => t.id)).toEqual([parked]);
    expect(actionsAt(desk, 1).resume.enabled).toBe(true);
    const absent = desk.callNext(2);
    desk.run({ type: 'ticket.noShow', counterId: 'quay-2', ticketId: absent }, clerkAt(2));
    expect(noShowTickets(desk.state, 'quay-2').map((t) => t.id)).toEqual([absent]);
    expect(noShowTickets(desk.state, 'quay-1')).toEqual([]);
  });

  it('disables everything with the same reason while offline', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const actions = counterActions(desk.state, clerkAt(1) as Clerk, desk.now, false);
    expect(Object.values(actions).every((a) => !a.enabled && a.reason?.vi.startsWith('Mất kết nối'))).toBe(true);
  });
});

describe('ticketArrivedForIdleCounter', () => {
  it('rings for an idle counter when a ticket for it arrives, not for a busy one or another service', () => {
    const desk = TestDesk.open();
    let before = desk.state;
    desk.issue('khai-sinh');
    expect(ticketArrivedForIdleCounter(before, desk.state, 'quay-1')).toBe(true);
    expect(ticketArrivedForIdleCounter(before, desk.state, 'quay-3')).toBe(false);
    desk.callNext(1);
    before = desk.state;
    desk.advance(MINUTE);
    desk.issue('khai-sinh');
    expect(ticketArrivedForIdleCounter(before, desk.state, 'quay-1')).toBe(false);
  });
});

describe('actionForKey', () => {
  it('maps the letters shown on the buttons, and leaves typing and browser shortcuts alone', () => {
    expect(actionForKey({ key: 'n' }, false)).toBe('callNext');
    expect(actionForKey({ key: 'H' }, false)).toBe('finish');
    expect(actionForKey({ key: 'p' }, false)).toBe('pause');
    expect(actionForKey({ key: 'p' }, true)).toBe('reopen');
    expect(actionForKey({ key: 'n', ctrlKey: true }, false)).toBeNull();
    expect(actionForKey({ key: 'n', inTextField: true }, false)).toBeNull();
    expect(actionForKey({ key: 'x' }, false)).toBeNull();
  });
});
