import { describe, expect, it } from 'vitest';
import { clerkAt, MINUTE, TestDesk } from '@motcua/core/testkit';
import { counterActions, noShowTickets, parkedTickets, ticketArrivedForIdleCounter } from './counterActions';
import { actionForKey } from './shortcuts';
import { ticketById } from '@motcua/core';

describe('counterActions', () => {
  it('offers only "call next" when people wait and the counter is free', () => {
    const desk = TestDesk.open();
    expect(counterActions(desk.state, 'quay-1').callNext).toMatchObject({
      enabled: false,
      reason: { vi: 'Không có ai đang chờ' },
    });
    desk.issue('khai-sinh');
    const actions = counterActions(desk.state, 'quay-1');
    expect(actions.callNext.enabled).toBe(true);
    expect(actions.finish).toMatchObject({ enabled: false, reason: { en: 'No ticket is being served' } });
    expect(actions.recall.enabled).toBe(false);
    expect(actions.noShow.enabled).toBe(false);
    expect(actions.resume.enabled).toBe(false);
  });

  it('explains that the current ticket must be closed before calling another', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.issue('khai-sinh');
    const label = ticketById(desk.state, desk.callNext(1))!.label;
    const actions = counterActions(desk.state, 'quay-1');
    expect(actions.callNext.enabled).toBe(false);
    expect(actions.callNext.reason?.vi).toContain(label);
    expect(actions.recall.enabled && actions.finish.enabled && actions.noShow.enabled).toBe(true);
    expect(actions.transfer.enabled && actions.park.enabled && actions.start.enabled).toBe(true);
  });

  it('refuses no-show once serving started, and asks for "start" when the office requires it', () => {
    const desk = TestDesk.open();
    desk.run({ type: 'config.setOffice', office: { ...desk.state.config.office, requireStart: true } });
    desk.issue('khai-sinh');
    const ticketId = desk.callNext(1);
    expect(counterActions(desk.state, 'quay-1').finish.reason?.vi).toContain('Bắt đầu');
    desk.run({ type: 'ticket.start', counterId: 'quay-1', ticketId }, clerkAt(1));
    const actions = counterActions(desk.state, 'quay-1');
    expect(actions.finish.enabled).toBe(true);
    expect(actions.noShow.enabled).toBe(false);
    expect(actions.start.enabled).toBe(false);
  });

  it('blocks calling while paused and offers resuming work', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.run({ type: 'counter.pause', counterId: 'quay-1', reason: 'Nghỉ trưa' }, clerkAt(1));
    const actions = counterActions(desk.state, 'quay-1');
    expect(actions.callNext.reason?.en).toBe('The counter is paused: resume work first');
    expect(actions.pause.enabled).toBe(false);
    expect(actions.reopen.enabled).toBe(true);
  });

  it('lists parked and no-show tickets of this counter only', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.issue('khai-sinh');
    const parked = desk.callNext(1);
    desk.run({ type: 'ticket.park', counterId: 'quay-1', ticketId: parked }, clerkAt(1));
    expect(parkedTickets(desk.state, 'quay-1').map((t) => t.id)).toEqual([parked]);
    expect(counterActions(desk.state, 'quay-1').resume.enabled).toBe(true);
    const absent = desk.callNext(2);
    desk.run({ type: 'ticket.noShow', counterId: 'quay-2', ticketId: absent }, clerkAt(2));
    expect(noShowTickets(desk.state, 'quay-2').map((t) => t.id)).toEqual([absent]);
    expect(noShowTickets(desk.state, 'quay-1')).toEqual([]);
  });

  it('disables everything with the same reason while offline', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const actions = counterActions(desk.state, 'quay-1', false);
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
