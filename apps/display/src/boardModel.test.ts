import { TestDesk, clerkAt } from '@motcua/core/testkit';
import { describe, expect, it } from 'vitest';
import { callToAnnounce, counterFromParam, counterSubtitle, tileColumns } from './boardModel.js';

const LIVE = { live: true, online: true, counterId: null };

describe('counterFromParam', () => {
  const { state } = TestDesk.open();
  it('accepts the counter number or its id', () => {
    expect(counterFromParam(state, '3')?.id).toBe('quay-3');
    expect(counterFromParam(state, ' quay-2 ')?.number).toBe(2);
  });
  it('returns null for nothing or an unknown counter', () => {
    expect(counterFromParam(state, null)).toBeNull();
    expect(counterFromParam(state, '')).toBeNull();
    expect(counterFromParam(state, '99')).toBeNull();
    expect(counterFromParam(state, 'quay-x')).toBeNull();
  });
});

describe('tileColumns', () => {
  it('keeps tiles wide on landscape and portrait screens for 1 to 40 counters', () => {
    expect(tileColumns(1)).toEqual({ landscape: 1, portrait: 1 });
    expect(tileColumns(5)).toEqual({ landscape: 2, portrait: 2 });
    expect(tileColumns(40)).toEqual({ landscape: 6, portrait: 4 });
    for (let n = 1; n <= 40; n++) {
      const { landscape, portrait } = tileColumns(n);
      expect(Math.ceil(n / landscape)).toBeLessThanOrEqual(7);
      expect(Math.ceil(n / portrait)).toBeLessThanOrEqual(10);
      expect(landscape).toBeGreaterThanOrEqual(portrait);
    }
  });
});

describe('counterSubtitle', () => {
  it('drops the counter number the tile already shows', () => {
    expect(counterSubtitle('Quầy 1 – Hộ tịch', 1)).toBe('Hộ tịch');
    expect(counterSubtitle('Counter 12: Land', 12)).toBe('Land');
    expect(counterSubtitle('Tiếp nhận hồ sơ', 4)).toBe('Tiếp nhận hồ sơ');
  });
});

describe('callToAnnounce', () => {
  it('reads a live call and a live recall with the ticket label, the counter number and the hub time', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const ticketId = desk.callNext(1);
    const called = desk.log.at(-1)!;
    expect(callToAnnounce(called, desk.state, LIVE)).toEqual({
      call: {
        eventSeq: called.seq,
        ticketId,
        label: 'A001',
        counterId: 'quay-1',
        counterNumber: 1,
        calledAt: called.at,
        recall: false,
        resume: false,
      },
    });
    desk.advance(30_000);
    desk.run({ type: 'ticket.recall', counterId: 'quay-1', ticketId }, clerkAt(1));
    const recalled = desk.log.at(-1)!;
    expect(callToAnnounce(recalled, desk.state, LIVE)).toMatchObject({ call: { recall: true, label: 'A001' } });
    desk.run({ type: 'ticket.park', counterId: 'quay-1', ticketId }, clerkAt(1));
    desk.advance(60_000);
    desk.run({ type: 'ticket.resume', counterId: 'quay-1', ticketId }, clerkAt(1));
    const resumed = desk.log.at(-1)!;
    expect(callToAnnounce(resumed, desk.state, LIVE)).toMatchObject({
      call: { resume: true, recall: false, label: 'A001', calledAt: resumed.at },
    });
  });

  it('never reads calls caught up after a reconnect, while offline, with the voice off, or of another counter', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.callNext(1);
    const called = desk.log.at(-1)!;
    expect(callToAnnounce(called, desk.state, { ...LIVE, live: false })).toEqual({ skip: 'not-live' });
    expect(callToAnnounce(called, desk.state, { ...LIVE, online: false })).toEqual({ skip: 'offline' });
    expect(callToAnnounce(called, desk.state, { ...LIVE, counterId: 'quay-2' })).toEqual({ skip: 'other-counter' });
    expect(callToAnnounce(called, desk.state, { ...LIVE, counterId: 'quay-1' })).toHaveProperty('call');
    const silent = {
      ...desk.state,
      config: { ...desk.state.config, display: { ...desk.state.config.display, voiceEnabled: false } },
    };
    expect(callToAnnounce(called, silent, LIVE)).toEqual({ skip: 'voice-off' });
    expect(callToAnnounce(desk.log[0]!, desk.state, LIVE)).toEqual({ skip: 'not-a-call' });
  });
});
