import { describe, expect, it } from 'vitest';
import {
  foldIdle,
  openIdleIntervals,
  sumIdle,
  type IdleEventFields,
  type IdleFold,
  type IdleInterval,
} from './counterIdle.js';

function walk(events: [number, IdleEventFields][]): { fold: IdleFold; ended: IdleInterval[] } {
  let fold: IdleFold = {};
  const ended: IdleInterval[] = [];
  for (const [at, event] of events) {
    const step = foldIdle(fold, event, at);
    fold = step.fold;
    ended.push(...step.ended);
  }
  return { fold, ended };
}

describe('counter idle time (one rule for the hub and central)', () => {
  it('is idle while open, with a clerk, and no current ticket', () => {
    const { fold, ended } = walk([
      [0, { type: 'counter.opened', counterId: 'q1' }],
      [10, { type: 'counter.clerkAssigned', counterId: 'q1', userId: 'an' }], // idle from 10
      [40, { type: 'ticket.called', counterId: 'q1', ticketId: 't1' }], // busy
      [100, { type: 'ticket.finished', counterId: 'q1', ticketId: 't1' }], // idle from 100
      [130, { type: 'counter.paused', counterId: 'q1' }], // paused: not idle
      [200, { type: 'counter.opened', counterId: 'q1' }], // idle from 200
      [210, { type: 'rating.submitted' }], // not an idle event: nothing changes
    ]);
    expect(ended).toEqual([
      { counterId: 'q1', clerkId: 'an', from: 10, to: 40 },
      { counterId: 'q1', clerkId: 'an', from: 100, to: 130 },
    ]);
    expect(openIdleIntervals(fold, 260)).toEqual([{ counterId: 'q1', clerkId: 'an', from: 200, to: 260 }]);
  });

  it('a counter without a clerk is not idle; the day change frees every counter', () => {
    const { fold, ended } = walk([
      [0, { type: 'counter.opened', counterId: 'q2' }],
      [50, { type: 'ticket.called', counterId: 'q2', ticketId: 't9' }],
      [60, { type: 'counter.clerkAssigned', counterId: 'q2', userId: 'binh' }],
      [90, { type: 'day.closed' }], // current ticket cleared: idle from 90
      [95, { type: 'counter.clerkAssigned', counterId: 'q2', userId: null }],
    ]);
    expect(ended).toEqual([{ counterId: 'q2', clerkId: 'binh', from: 90, to: 95 }]);
    expect(openIdleIntervals(fold, 100)).toEqual([]);
  });

  it('stops while the counter’s device is lost, from when it was last seen, and counts again when it is back', () => {
    const { fold, ended } = walk([
      [0, { type: 'counter.opened', counterId: 'q1' }],
      [10, { type: 'counter.clerkAssigned', counterId: 'q1', userId: 'an' }], // idle from 10
      [200, { type: 'counter.deviceLost', counterId: 'q1', lastSeenAt: 80 }], // gone since 80, noticed at 200
      [300, { type: 'day.opened' }], // still lost: no idle from the day change either
      [500, { type: 'counter.deviceBack', counterId: 'q1' }], // idle again from 500
    ]);
    expect(ended).toEqual([{ counterId: 'q1', clerkId: 'an', from: 10, to: 80 }]);
    expect(openIdleIntervals(fold, 560)).toEqual([{ counterId: 'q1', clerkId: 'an', from: 500, to: 560 }]);
    expect(sumIdle([...ended, ...openIdleIntervals(fold, 560)], 0, 560).totalSeconds).toBe((70 + 60) / 1000);
  });

  it('a lost counter that is busy stays busy, and is not idle after its ticket ends until it is back', () => {
    const { fold, ended } = walk([
      [0, { type: 'counter.opened', counterId: 'q1' }],
      [0, { type: 'counter.clerkAssigned', counterId: 'q1', userId: 'an' }],
      [5, { type: 'ticket.called', counterId: 'q1', ticketId: 't1' }],
      [100, { type: 'counter.deviceLost', counterId: 'q1', lastSeenAt: 50 }],
      [150, { type: 'ticket.cancelled', ticketId: 't1' }],
    ]);
    expect(ended).toEqual([{ counterId: 'q1', clerkId: 'an', from: 0, to: 5 }]);
    expect(openIdleIntervals(fold, 400)).toEqual([]);
  });

  it('does not change the fold it is given', () => {
    const start: IdleFold = { q1: { status: 'open', clerkId: 'an', currentTicketId: null, idleSince: 5 } };
    const copy = structuredClone(start);
    foldIdle(start, { type: 'ticket.called', counterId: 'q1', ticketId: 't1' }, 9);
    expect(start).toEqual(copy);
  });

  it('sums per counter and clerk, clipped to the range', () => {
    const intervals: IdleInterval[] = [
      { counterId: 'q1', clerkId: 'an', from: 0, to: 10_000 },
      { counterId: 'q1', clerkId: 'an', from: 20_000, to: 30_000 },
      { counterId: 'q2', clerkId: null, from: 25_000, to: 60_000 },
    ];
    expect(sumIdle(intervals, 5_000, 50_000)).toEqual({
      totalSeconds: 5 + 10 + 25,
      byCounter: [
        { key: 'q1', idleSeconds: 15 },
        { key: 'q2', idleSeconds: 25 },
      ],
      byClerk: [{ key: 'an', idleSeconds: 15 }],
    });
  });
});
