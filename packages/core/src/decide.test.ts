import { describe, expect, it } from 'vitest';
import { apply, applyAll } from './apply.js';
import type { PriorityPolicy } from './schemas.js';
import { priorityPolicySchema } from './schemas.js';
import { emptyState } from './state.js';
import {
  counterServiceMinutes,
  displayBoard,
  estimatedWaitMinutes,
  ticketsAhead,
  waitingForCounter,
} from './selectors.js';
import { admin, clerkAt, display, kiosk, MINUTE, MONDAY_9AM, ratingPadAt, system, TestDesk } from './testkit.js';
import { alwaysOpen } from './demoOffice.js';
import { errorCodes, errorMessages } from './errors.js';
import { parseCommand } from './parseCommand.js';
import { ratingMethodOf } from './ratingMethod.js';
import { executeCommand } from './executeCommand.js';
import type { CommandInput } from './commands.js';

describe('issuing tickets', () => {
  it('numbers each service from its range start, consecutively, with its prefix', () => {
    const desk = TestDesk.open();
    const a1 = desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk);
    const a2 = desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk);
    const c1 = desk.run({ type: 'ticket.issue', serviceId: 'chung-thuc-ban-sao' }, kiosk);
    expect([a1.ticket?.label, a2.ticket?.label, c1.ticket?.label]).toEqual(['A001', 'A002', 'C001']);
    expect(a1.ticket?.serviceDay).toBe('2026-11-30');
    expect(a2.ahead).toBe(1);
    expect(a2.etaMinutes).toBeGreaterThan(0);
  });

  it('shares one running number across a numbering group, and prints numeric labels', () => {
    const desk = TestDesk.open();
    for (const id of ['khai-sinh', 'ket-hon']) {
      const service = desk.state.config.services[id]!;
      desk.run({
        type: 'config.upsertService',
        service: { ...service, numberingGroup: 'ho-tich', labelFormat: 'numeric', rangeFrom: 1000, rangeTo: 1999 },
      });
    }
    const labels = ['khai-sinh', 'ket-hon', 'khai-sinh'].map(
      (serviceId) => desk.run({ type: 'ticket.issue', serviceId }, kiosk).ticket?.label,
    );
    expect(labels).toEqual(['1000', '1001', '1002']);
  });

  it('refuses a service that is switched off, outside hours, on a holiday, at its cap, or out of numbers', () => {
    const desk = TestDesk.open({ alwaysOpen: false });
    const service = desk.state.config.services['khai-sinh']!;
    desk.run({ type: 'config.upsertService', service: { ...service, enabled: false } });
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk)).toEqual({
      ok: false,
      code: 'SERVICE_CLOSED',
    });

    desk.now = MONDAY_9AM + 3 * 60 * MINUTE; // 12:00, lunch break
    const lunch = desk.tryRun({ type: 'ticket.issue', serviceId: 'ket-hon' }, kiosk);
    expect(lunch).toEqual({ ok: false, code: 'OUTSIDE_OPENING_HOURS' });

    desk.now = MONDAY_9AM;
    desk.run({ type: 'config.setOffice', office: { ...desk.state.config.office, holidays: ['2026-11-30'] } });
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 'ket-hon' }, kiosk)).toEqual({
      ok: false,
      code: 'OFFICE_HOLIDAY',
    });

    desk.run({
      type: 'config.setOffice',
      office: { ...desk.state.config.office, holidays: [], openingHours: alwaysOpen },
    });
    const ketHon = desk.state.config.services['ket-hon']!;
    desk.run({ type: 'config.upsertService', service: { ...ketHon, dailyCap: 2 } });
    desk.issue('ket-hon');
    desk.issue('ket-hon');
    const before = desk.state;
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 'ket-hon' }, kiosk)).toEqual({
      ok: false,
      code: 'DAILY_CAP_REACHED',
    });
    expect(desk.state).toBe(before);

    desk.run({ type: 'config.upsertService', service: { ...ketHon, dailyCap: 0, rangeFrom: 1, rangeTo: 3 } });
    desk.issue('ket-hon');
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 'ket-hon' }, kiosk)).toEqual({
      ok: false,
      code: 'NUMBER_RANGE_EXHAUSTED',
    });
  });

  it('tells when the office opens again', () => {
    const desk = TestDesk.open({ alwaysOpen: false });
    desk.now = MONDAY_9AM + 3 * 60 * MINUTE;
    const execution = desk.tryRun({ type: 'ticket.issue', serviceId: 'ket-hon' }, kiosk);
    expect(execution.ok).toBe(false);
    const refused = executeCommand(desk.state, { type: 'ticket.issue', serviceId: 'ket-hon' }, kiosk, desk.now);
    expect(refused.ok === false && refused.error.details).toEqual({ nextOpening: '13:30' });
  });

  it('accepts only the priority groups the office enables', () => {
    const desk = TestDesk.open();
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 'khai-sinh', priorityGroup: 'vip' }, kiosk)).toEqual({
      ok: false,
      code: 'PRIORITY_NOT_ENABLED',
    });
    expect(
      desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh', priorityGroup: 'elderly' }, kiosk).ticket?.priorityGroup,
    ).toBe('elderly');
  });
});

describe('calling and serving', () => {
  it('calls first come first served, and refuses a second call while the first is not done', () => {
    const desk = TestDesk.open();
    const first = desk.issue('khai-sinh');
    desk.advance(MINUTE);
    const second = desk.issue('khai-sinh');
    expect(desk.callNext(1)).toBe(first);
    expect(desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-1' }, clerkAt(1))).toEqual({
      ok: false,
      code: 'COUNTER_BUSY',
    });
    desk.finish(1, first);
    expect(desk.callNext(1)).toBe(second);
    desk.finish(1, second);
    expect(desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-1' }, clerkAt(1))).toEqual({
      ok: false,
      code: 'NOTHING_WAITING',
    });
  });

  it('calls the oldest ticket across all the services of the counter; its service order only breaks ties', () => {
    const desk = TestDesk.open();
    const certified = desk.issue('chung-thuc-ban-sao');
    desk.advance(MINUTE);
    const signature = desk.issue('chung-thuc-chu-ky');
    // Counter 5 serves social allowance, merit, then certified copies: the older copy goes first.
    const allowance = desk.issue('tro-cap-xa-hoi');
    expect(desk.callNext(5)).toBe(certified);
    desk.finish(5, certified);
    expect(desk.callNext(2)).toBe(signature);
    expect(desk.callNext(5)).toBe(allowance);
  });

  it("empties services in the counter's order in strict mode", () => {
    const desk = TestDesk.open();
    desk.run({
      type: 'config.setPriorityPolicy',
      priority: { ...desk.state.config.priority, strictServiceOrder: true },
    });
    desk.issue('chung-thuc-ban-sao');
    desk.advance(MINUTE);
    const allowance = desk.issue('tro-cap-xa-hoi');
    expect(desk.callNext(5)).toBe(allowance);
  });

  it('calls a priority citizen first, and one normal ticket after K priority calls in a row', () => {
    const desk = TestDesk.open();
    desk.run({ type: 'config.setPriorityPolicy', priority: { ...desk.state.config.priority, priorityBurst: 2 } });
    const normal = desk.issue('khai-sinh');
    const elderly = [
      desk.issue('khai-sinh', 'elderly'),
      desk.issue('khai-sinh', 'pregnant'),
      desk.issue('khai-sinh', 'disabled'),
    ];
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = desk.callNext(1);
      order.push(id);
      desk.finish(1, id);
    }
    expect(order).toEqual([elderly[0], elderly[1], normal, elderly[2]]);
  });

  it('calls priority strictly first when K is 0, and anyone past the maximum wait before both', () => {
    const desk = TestDesk.open();
    desk.run({
      type: 'config.setPriorityPolicy',
      priority: { ...desk.state.config.priority, priorityBurst: 0, maxWaitMinutes: 30 },
    });
    const early = desk.issue('khai-sinh');
    desk.advance(10 * MINUTE);
    const pregnant = desk.issue('khai-sinh', 'pregnant');
    desk.issue('khai-sinh', 'elderly');
    expect(desk.callNext(1)).toBe(pregnant);
    desk.advance(25 * MINUTE);
    expect(desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-2' }, clerkAt(2))).toMatchObject({ ok: true });
    const calledAt2 = desk.state.counters['quay-2']?.currentTicketId;
    expect(calledAt2).toBe(early);
  });

  it('migrates the old "one priority after N normal" setting', () => {
    expect(priorityPolicySchema.parse({ interleave: 3, groups: [], kioskAsks: true })).toMatchObject({
      priorityBurst: 3,
      maxWaitMinutes: 0,
      strictServiceOrder: false,
    });
    expect(priorityPolicySchema.parse({ interleave: 0, groups: [], kioskAsks: true }).priorityBurst).toBe(0);
    const desk = TestDesk.open();
    // An event stored by an older hub folds into the current shape.
    const old = { interleave: 0, groups: [], kioskAsks: false } as unknown as PriorityPolicy;
    const state = apply(desk.state, {
      seq: desk.state.seq + 1,
      at: desk.now,
      actor: 'system',
      event: { type: 'config.priorityPolicySet', priority: old },
    });
    expect(state.config.priority).toMatchObject({ priorityBurst: 0, kioskAsks: false });
  });

  it('lets a clerk call a chosen ticket of their services only', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const chosen = desk.issue('khai-sinh');
    const land = desk.issue('cap-gcn-qsdd');
    expect(desk.tryRun({ type: 'ticket.callChosen', counterId: 'quay-1', ticketId: land }, clerkAt(1))).toEqual({
      ok: false,
      code: 'NOT_YOUR_COUNTER',
    });
    const result = desk.run({ type: 'ticket.callChosen', counterId: 'quay-1', ticketId: chosen }, clerkAt(1));
    expect(result.ticket?.id).toBe(chosen);
  });

  it('recalls: the board shows the call again and the ticket counts its recalls', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.advance(MINUTE);
    desk.run({ type: 'ticket.recall', counterId: 'quay-1', ticketId: id }, clerkAt(1));
    expect(desk.state.tickets.get(id)?.recallCount).toBe(1);
    const board = displayBoard(desk.state);
    expect(board.recent[0]).toMatchObject({ ticketId: id, recall: true, counterNumber: 1 });
    expect(board.recent.filter((c) => c.ticketId === id)).toHaveLength(1);
    expect(board.byCounter.find((e) => e.counterNumber === 1)?.call?.label).toBe('A001');
  });

  it('the board tells each counter as it is: called, serving, free, paused with its reason, closed; resumes are calls', () => {
    const desk = TestDesk.open({ counters: [1, 2] });
    const tile = (n: number) => displayBoard(desk.state).byCounter.find((e) => e.counterNumber === n);
    expect(tile(3)).toMatchObject({ status: 'closed', call: null });
    expect(tile(1)).toMatchObject({ status: 'idle', call: null });
    const first = desk.issue('khai-sinh');
    const second = desk.issue('khai-sinh');
    desk.callNext(1);
    expect(tile(1)).toMatchObject({ status: 'called', call: { label: 'A001' } });
    desk.run({ type: 'ticket.start', counterId: 'quay-1', ticketId: first }, clerkAt(1));
    expect(tile(1)).toMatchObject({ status: 'serving', call: { label: 'A001' } });
    desk.run({ type: 'ticket.park', counterId: 'quay-1', ticketId: first }, clerkAt(1));
    expect(tile(1)).toMatchObject({ status: 'idle', call: null });
    desk.callNext(1);
    desk.finish(1, second);
    // Finished: no longer "now serving", though the history keeps the call.
    expect(tile(1)).toMatchObject({ status: 'idle', call: null });
    expect(displayBoard(desk.state).recent[0]).toMatchObject({ label: 'A002' });
    desk.advance(MINUTE);
    desk.run({ type: 'ticket.resume', counterId: 'quay-1', ticketId: first }, clerkAt(1));
    expect(tile(1)).toMatchObject({ status: 'serving', call: { label: 'A001', resume: true, recall: false } });
    expect(displayBoard(desk.state).recent[0]).toMatchObject({ label: 'A001', resume: true });
    expect(displayBoard(desk.state).recent.filter((c) => c.ticketId === first)).toHaveLength(1);
    desk.finish(1, first);
    desk.run({ type: 'counter.pause', counterId: 'quay-1', reason: 'Họp giao ban' }, clerkAt(1));
    expect(tile(1)).toMatchObject({ status: 'paused', pauseReason: 'Họp giao ban', call: null });
    desk.run({ type: 'counter.close', counterId: 'quay-1' }, clerkAt(1));
    expect(tile(1)).toMatchObject({ status: 'closed', call: null });
  });

  it('requires start before finish when the office says so', () => {
    const desk = TestDesk.open();
    desk.run({ type: 'config.setOffice', office: { ...desk.state.config.office, requireStart: true } });
    const id = desk.issue('khai-sinh');
    desk.callNext(1);
    expect(desk.tryRun({ type: 'ticket.finish', counterId: 'quay-1', ticketId: id }, clerkAt(1))).toEqual({
      ok: false,
      code: 'INVALID_TICKET_STATE',
    });
    desk.advance(MINUTE);
    desk.run({ type: 'ticket.start', counterId: 'quay-1', ticketId: id }, clerkAt(1));
    desk.advance(5 * MINUTE);
    desk.finish(1, id);
    const ticket = desk.state.tickets.get(id)!;
    expect(ticket.status).toBe('finished');
    expect(ticket.finishedAt! - ticket.startedAt!).toBe(5 * MINUTE);
  });

  it('marks a no-show and returns it to its place, or to the front', () => {
    const desk = TestDesk.open();
    const late = desk.issue('khai-sinh');
    desk.advance(MINUTE);
    const next = desk.issue('khai-sinh');
    desk.advance(MINUTE);
    desk.issue('khai-sinh');
    desk.callNext(1);
    desk.run({ type: 'ticket.noShow', counterId: 'quay-1', ticketId: late }, clerkAt(1));
    expect(desk.state.tickets.get(late)?.status).toBe('noShow');
    desk.run({ type: 'ticket.returnToQueue', ticketId: late }, clerkAt(1));
    expect(waitingForCounter(desk.state, 'quay-1')[0]?.id).toBe(late);
    expect(desk.callNext(1)).toBe(late);
    desk.run({ type: 'ticket.noShow', counterId: 'quay-1', ticketId: late }, clerkAt(1));
    expect(desk.callNext(1)).toBe(next);
  });

  it('transfers to another service keeping its place or at the front, and to a chosen counter', () => {
    const desk = TestDesk.open();
    const landWaiting = desk.issue('cap-gcn-qsdd');
    desk.advance(MINUTE);
    const moved = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.run(
      { type: 'ticket.transfer', ticketId: moved, toServiceId: 'cap-gcn-qsdd', placement: 'keepPlace' },
      clerkAt(1),
    );
    expect(desk.state.counters['quay-1']?.currentTicketId).toBeNull();
    expect(waitingForCounter(desk.state, 'quay-3').map((t) => t.id)).toEqual([landWaiting, moved]);

    const front = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.run({ type: 'ticket.transfer', ticketId: front, toServiceId: 'cap-gcn-qsdd', placement: 'front' }, clerkAt(1));
    expect(waitingForCounter(desk.state, 'quay-3')[0]?.id).toBe(front);

    const toCounter = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.run(
      { type: 'ticket.transfer', ticketId: toCounter, toCounterId: 'quay-4', placement: 'keepPlace' },
      clerkAt(1),
    );
    expect(waitingForCounter(desk.state, 'quay-4').map((t) => t.id)).toEqual([toCounter]);
    expect(waitingForCounter(desk.state, 'quay-2').map((t) => t.id)).not.toContain(toCounter);
  });

  it('parks and resumes a ticket while the counter serves others', () => {
    const desk = TestDesk.open();
    const parked = desk.issue('khai-sinh');
    const other = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.run({ type: 'ticket.park', counterId: 'quay-1', ticketId: parked }, clerkAt(1));
    expect(desk.callNext(1)).toBe(other);
    expect(desk.tryRun({ type: 'ticket.resume', counterId: 'quay-1', ticketId: parked }, clerkAt(1))).toEqual({
      ok: false,
      code: 'COUNTER_BUSY',
    });
    desk.finish(1, other);
    desk.run({ type: 'ticket.resume', counterId: 'quay-1', ticketId: parked }, clerkAt(1));
    expect(desk.state.tickets.get(parked)?.status).toBe('serving');
    desk.finish(1, parked);
  });

  it('lets a supervisor cancel a waiting ticket; it is never called', () => {
    const desk = TestDesk.open();
    const cancelled = desk.issue('khai-sinh');
    const supervisor = {
      kind: 'user',
      userId: 'giamsat',
      role: 'supervisor',
      counterId: null,
      deviceId: null,
    } as const;
    desk.run({ type: 'ticket.cancel', ticketId: cancelled, reason: 'Trùng số' }, supervisor);
    expect(desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-1' }, clerkAt(1))).toEqual({
      ok: false,
      code: 'NOTHING_WAITING',
    });
  });

  it('pauses with a reason and refuses calls until resumed', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.run({ type: 'counter.pause', counterId: 'quay-1', reason: 'Họp giao ban' }, clerkAt(1));
    expect(desk.state.counters['quay-1']).toMatchObject({ status: 'paused', pauseReason: 'Họp giao ban' });
    expect(desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-1' }, clerkAt(1))).toEqual({
      ok: false,
      code: 'COUNTER_NOT_OPEN',
    });
    desk.run({ type: 'counter.open', counterId: 'quay-1' }, clerkAt(1));
    desk.callNext(1);
  });

  it('keeps the current ticket when the clerk signs out and another signs in', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.run({ type: 'counter.assignClerk', counterId: 'quay-1', userId: null }, system);
    expect(desk.state.counters['quay-1']).toMatchObject({ status: 'closed', clerkId: null, currentTicketId: id });
    desk.run({ type: 'counter.assignClerk', counterId: 'quay-1', userId: 'canbo2' }, system);
    expect(desk.state.counters['quay-1']).toMatchObject({ status: 'open', clerkId: 'canbo2', currentTicketId: id });
    expect(desk.state.counters['quay-2']).toMatchObject({ status: 'closed', clerkId: null });
  });
});

describe('counter presence', () => {
  it('marks a counter whose device is gone as lost once, and back once, from the hub only', () => {
    const desk = TestDesk.open();
    expect(
      desk.tryRun({ type: 'counter.markDeviceLost', counterId: 'quay-1', lastSeenAt: desk.now }, admin),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      desk.tryRun({ type: 'counter.markDeviceLost', counterId: 'quay-x', lastSeenAt: desk.now }, system),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const seen = desk.now;
    desk.advance(2 * MINUTE);
    const lost = desk.run({ type: 'counter.markDeviceLost', counterId: 'quay-1', lastSeenAt: seen }, system);
    expect(lost.events).toEqual(['counter.deviceLost']);
    expect(desk.state.counters['quay-1']).toMatchObject({ status: 'open', clerkId: 'canbo1', deviceLostSince: seen });
    // Asked again before the watch saw the event: nothing more.
    expect(
      desk.run({ type: 'counter.markDeviceLost', counterId: 'quay-1', lastSeenAt: desk.now }, system).events,
    ).toEqual([]);
    expect(desk.run({ type: 'counter.markDeviceBack', counterId: 'quay-1' }, system).events).toEqual([
      'counter.deviceBack',
    ]);
    expect(desk.state.counters['quay-1']).not.toHaveProperty('deviceLostSince');
    expect(desk.run({ type: 'counter.markDeviceBack', counterId: 'quay-1' }, system).events).toEqual([]);
  });

  it('a lost counter is not counted as serving: the kiosk does not promise its pace', () => {
    const desk = TestDesk.open({ counters: [1] });
    const before = desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk);
    expect(before.noCounterOpen).toBeFalsy();
    desk.run({ type: 'counter.markDeviceLost', counterId: 'quay-1', lastSeenAt: desk.now }, system);
    const after = desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk);
    expect(after.noCounterOpen).toBe(true);
  });
});

describe('ratings', () => {
  it('accepts one rating for a ticket just finished at that counter', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.callNext(1);
    expect(
      desk.tryRun({ type: 'rating.submit', counterId: 'quay-1', ticketId: id, score: 'satisfied' }, ratingPadAt(1)),
    ).toEqual({
      ok: false,
      code: 'RATING_NOT_ALLOWED',
    });
    desk.finish(1, id);
    expect(
      desk.tryRun({ type: 'rating.submit', counterId: 'quay-1', ticketId: id, score: 'satisfied' }, ratingPadAt(2)),
    ).toEqual({
      ok: false,
      code: 'NOT_YOUR_COUNTER',
    });
    desk.run(
      {
        type: 'rating.submit',
        counterId: 'quay-1',
        ticketId: id,
        scale: 'three',
        answer: 'verySatisfied',
        reasons: [],
      },
      ratingPadAt(1),
    );
    expect(
      desk.tryRun(
        { type: 'rating.submit', counterId: 'quay-1', ticketId: id, scale: 'three', answer: 'satisfied' },
        ratingPadAt(1),
      ),
    ).toEqual({
      ok: false,
      code: 'ALREADY_RATED',
    });
    const rated = desk.log.at(-1)?.event;
    expect(rated).toMatchObject({
      type: 'rating.submitted',
      rating: { clerkId: 'canbo1', scale: 'three', answer: 'verySatisfied' },
    });
  });

  it('stores the raw answer with its scale; a four-level pad still running is read as legacyFour', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.finish(1, desk.callNext(1));
    desk.run({ type: 'rating.submit', counterId: 'quay-1', ticketId: id, score: 'neutral' }, ratingPadAt(1));
    const rated = desk.log.at(-1)?.event;
    expect(rated).toMatchObject({ rating: { scale: 'legacyFour', answer: 'neutral' } });
    expect(rated?.type === 'rating.submitted' && 'score' in rated.rating).toBe(false);
  });

  it('refuses an answer that is not on its scale, and a rating with no answer', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.finish(1, desk.callNext(1));
    const tap = { type: 'rating.submit', counterId: 'quay-1', ticketId: id } as const;
    expect(desk.tryRun({ ...tap, scale: 'three', answer: 'neutral' }, ratingPadAt(1))).toEqual({
      ok: false,
      code: 'RATING_NOT_ON_SCALE',
    });
    expect(parseCommand(tap)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(desk.state.tickets.get(id)?.rated).toBe(false);
  });

  it('stores a dissatisfied tap at once; the reason step must give a reason from the list or free text', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.finish(1, desk.callNext(1));
    const answer = { counterId: 'quay-1', ticketId: id, scale: 'three', answer: 'dissatisfied' } as const;
    desk.run({ type: 'rating.submit', ...answer }, ratingPadAt(1));
    expect(desk.state.tickets.get(id)?.rated).toBe(true);
    expect(desk.tryRun({ type: 'rating.amend', ...answer, reasonText: '  ' }, ratingPadAt(1))).toEqual({
      ok: false,
      code: 'RATING_REASON_REQUIRED',
    });
    expect(desk.tryRun({ type: 'rating.amend', ...answer, reasons: ['noSuchReason'] }, ratingPadAt(1))).toEqual({
      ok: false,
      code: 'RATING_REASON_UNKNOWN',
    });
    desk.run(
      {
        type: 'rating.amend',
        ...answer,
        reasons: ['waitedTooLong', 'waitedTooLong'],
        reasonText: ' Phải đi lại 3 lần ',
      },
      ratingPadAt(1),
    );
    expect(desk.log.at(-1)?.event).toMatchObject({
      type: 'rating.amended',
      scale: 'three',
      answer: 'dissatisfied',
      reasons: ['waitedTooLong'],
      reasonText: 'Phải đi lại 3 lần',
    });
  });

  it("follows the office's method: five levels and its own reason list", () => {
    const desk = TestDesk.open();
    expect(ratingMethodOf(desk.state.config)).toMatchObject({ scale: 'three' });
    desk.run(
      {
        type: 'config.setRatingMethod',
        ratingMethod: { scale: 'five', reasons: [{ id: 'noParking', name: { vi: 'Không có chỗ gửi xe', en: '' } }] },
      },
      admin,
    );
    expect(ratingMethodOf(desk.state.config).scale).toBe('five');
    const id = desk.issue('khai-sinh');
    desk.finish(1, desk.callNext(1));
    const answer = { counterId: 'quay-1', ticketId: id, scale: 'five', answer: 'veryDissatisfied' } as const;
    desk.run({ type: 'rating.submit', ...answer }, ratingPadAt(1));
    expect(desk.tryRun({ type: 'rating.amend', ...answer, reasons: ['waitedTooLong'] }, ratingPadAt(1))).toEqual({
      ok: false,
      code: 'RATING_REASON_UNKNOWN',
    });
    desk.run({ type: 'rating.amend', ...answer, reasons: ['noParking'] }, ratingPadAt(1));
    expect(desk.log.at(-1)?.event).toMatchObject({ reasons: ['noParking'] });
    expect(
      desk.tryRun({ type: 'config.setRatingMethod', ratingMethod: { scale: 'three', reasons: [] } }, ratingPadAt(1)),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a rating after the rating window', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.finish(1, id);
    desk.advance(10 * MINUTE);
    expect(
      desk.tryRun({ type: 'rating.submit', counterId: 'quay-1', ticketId: id, score: 'neutral' }, ratingPadAt(1)),
    ).toEqual({
      ok: false,
      code: 'RATING_NOT_ALLOWED',
    });
  });
});

describe('honest estimates', () => {
  it('counts only counters open with a clerk; with none, the ticket says so and staff get one alert', () => {
    const desk = TestDesk.open({ counters: [2] });
    // Land (cấp GCN) is served only at counter 3, where nobody is signed in.
    const first = desk.run({ type: 'ticket.issue', serviceId: 'cap-gcn-qsdd' }, kiosk);
    expect(first.noCounterOpen).toBe(true);
    const issued = desk.log.find((e) => e.event.type === 'ticket.issued')?.event;
    expect(issued).toMatchObject({ estimate: { ahead: 0, etaMinutes: null } });
    expect(Object.values(desk.state.alerts).map((a) => a.alertKind)).toEqual(['noCounterForService']);
    desk.run({ type: 'ticket.issue', serviceId: 'cap-gcn-qsdd' }, kiosk);
    expect(Object.keys(desk.state.alerts)).toHaveLength(1);
    desk.run({ type: 'counter.assignClerk', counterId: 'quay-3', userId: 'canbo3' }, system);
    const served = desk.run({ type: 'ticket.issue', serviceId: 'cap-gcn-qsdd' }, kiosk);
    expect(served.noCounterOpen).toBe(false);
    expect(desk.log.at(-1)?.event).toMatchObject({ type: 'ticket.issued', estimate: { ahead: 2 } });
    expect(served.ahead).toBe(2);
  });
});

describe('rating amendments', () => {
  it('lets the reason step amend the rating the first tap sent, and only for a rated ticket of this counter', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.finish(1, id);
    const amend: CommandInput = {
      type: 'rating.amend',
      counterId: 'quay-1',
      ticketId: id,
      scale: 'three',
      answer: 'satisfied',
      reasons: ['waitedTooLong'],
    };
    expect(desk.tryRun(amend, ratingPadAt(1))).toEqual({ ok: false, code: 'RATING_NOT_ALLOWED' });
    desk.run(
      { type: 'rating.submit', counterId: 'quay-1', ticketId: id, scale: 'three', answer: 'verySatisfied' },
      ratingPadAt(1),
    );
    expect(desk.tryRun({ ...amend, counterId: 'quay-2' }, ratingPadAt(2))).toEqual({
      ok: false,
      code: 'RATING_NOT_ALLOWED',
    });
    desk.run(amend, ratingPadAt(1));
    expect(desk.log.at(-1)?.event).toMatchObject({
      type: 'rating.amended',
      scale: 'three',
      answer: 'satisfied',
      reasons: ['waitedTooLong'],
    });
  });

  it('keeps a finished ticket ratable after the clerk finished the next one', () => {
    const desk = TestDesk.open();
    const first = desk.issue('khai-sinh');
    const second = desk.issue('khai-sinh');
    desk.finish(1, desk.callNext(1));
    desk.advance(30_000);
    desk.finish(1, desk.callNext(1));
    expect(desk.state.tickets.get(second)?.status).toBe('finished');
    desk.run({ type: 'rating.submit', counterId: 'quay-1', ticketId: first, score: 'satisfied' }, ratingPadAt(1));
    expect(desk.state.tickets.get(first)?.rated).toBe(true);
  });
});

describe('service day', () => {
  it('closes by itself at the close hour: unfinished tickets expire and numbering restarts', () => {
    const desk = TestDesk.open();
    const waiting = desk.issue('khai-sinh');
    const served = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.finish(1, waiting);
    expect(desk.state.tickets.get(served)?.status).toBe('waiting');
    desk.advance(10 * 60 * MINUTE); // 19:00, before the close hour (20)
    desk.run({ type: 'day.close' }, system);
    expect(desk.state.serviceDay).toBe('2026-11-30');
    desk.advance(61 * MINUTE); // 20:01: belongs to the next service day
    desk.run({ type: 'day.close' }, system);
    expect(desk.state.serviceDay).toBe('2026-12-01');
    const closed = desk.log.find((e) => e.event.type === 'day.closed')?.event;
    expect(closed).toEqual({ type: 'day.closed', serviceDay: '2026-11-30', at: expect.any(Number) });
    const beforeOpening = desk.log.filter((e) => e.event.type !== 'day.opened');
    expect(applyAll(emptyState(), beforeOpening).tickets.get(served)?.status).toBe('expired');
    expect(desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk).ticket?.label).toBe('A001');
  });

  it('never goes back to a day already left when the clock steps back across the close hour', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.advance(11 * 60 * MINUTE + MINUTE); // 20:01: the next service day opens
    desk.run({ type: 'day.close' }, system);
    expect(desk.state.serviceDay).toBe('2026-12-01');
    const first = desk.issue('khai-sinh');
    desk.advance(-10 * MINUTE); // 19:51 on the previous calendar day
    const before = desk.log.length;
    desk.run({ type: 'day.close' }, system);
    expect(desk.log.length).toBe(before);
    expect(desk.state.serviceDay).toBe('2026-12-01');
    expect(desk.issue('khai-sinh')).not.toBe(first);
    expect(desk.state.tickets.get(first)?.status).toBe('waiting');
  });

  it('lets an admin close today early; tickets wait for the next day', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.run({ type: 'day.close' }, admin);
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk)).toEqual({
      ok: false,
      code: 'SERVICE_DAY_CLOSED',
    });
    desk.advance(24 * 60 * MINUTE);
    desk.run({ type: 'day.close' }, system);
    expect(desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk).ticket?.label).toBe('A001');
  });
});

describe('who may do what', () => {
  it('refuses unauthenticated, wrong-role and other-counter commands without changing anything', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    const before = desk.state;
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 'khai-sinh' }, { kind: 'anonymous' })).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    expect(desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-1' }, display)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-1' }, kiosk)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-1' }, clerkAt(2))).toEqual({
      ok: false,
      code: 'NOT_YOUR_COUNTER',
    });
    expect(desk.tryRun({ type: 'day.close' }, clerkAt(1))).toEqual({ ok: false, code: 'FORBIDDEN' });
    desk.callNext(1);
    const afterCall = desk.state;
    expect(desk.tryRun({ type: 'ticket.finish', counterId: 'quay-1', ticketId: id }, clerkAt(2))).toEqual({
      ok: false,
      code: 'NOT_YOUR_COUNTER',
    });
    expect(desk.tryRun({ type: 'ticket.finish', counterId: 'quay-2', ticketId: id }, clerkAt(2))).toEqual({
      ok: false,
      code: 'NOT_YOUR_COUNTER',
    });
    expect(desk.state).toBe(afterCall);
    expect(before.seq).toBeLessThan(afterCall.seq);
  });

  it('stops a clerk acting at a counter they are no longer signed in to', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    desk.run({ type: 'counter.assignClerk', counterId: 'quay-2', userId: 'canbo1' }, system);
    expect(desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-1' }, clerkAt(1))).toEqual({
      ok: false,
      code: 'NOT_YOUR_COUNTER',
    });
  });

  it('rejects bad configuration: clashing prefixes, unknown references, removing what is in use', () => {
    const desk = TestDesk.open();
    const service = desk.state.config.services['ket-hon']!;
    expect(desk.tryRun({ type: 'config.upsertService', service: { ...service, prefix: 'A' } })).toEqual({
      ok: false,
      code: 'CONFLICT',
    });
    expect(desk.tryRun({ type: 'config.upsertService', service: { ...service, fieldId: 'nope' } })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(desk.tryRun({ type: 'config.removeService', serviceId: 'khai-sinh' })).toEqual({
      ok: false,
      code: 'IN_USE',
    });
    expect(desk.tryRun({ type: 'config.removeField', fieldId: 'ho-tich' })).toEqual({ ok: false, code: 'IN_USE' });
    const counter = desk.state.config.counters['quay-2']!;
    expect(desk.tryRun({ type: 'config.upsertCounter', counter: { ...counter, number: 1 } })).toEqual({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('rejects malformed commands with a clear code', () => {
    const desk = TestDesk.open();
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 42 } as never, kiosk)).toEqual({
      ok: false,
      code: 'BAD_REQUEST',
    });
    expect(desk.tryRun({ type: 'queue.reset' } as never, admin)).toEqual({ ok: false, code: 'UNKNOWN_COMMAND' });
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 'khai-sinh', extra: 1 } as never, kiosk)).toEqual({
      ok: false,
      code: 'BAD_REQUEST',
    });
    expect(desk.tryRun({ type: 'ticket.issue', serviceId: 'x'.repeat(1_000_000) }, kiosk)).toEqual({
      ok: false,
      code: 'BAD_REQUEST',
    });
  });
});

describe('estimates and replay', () => {
  it('estimates the wait from the rolling mean service time and the open counters', () => {
    const desk = TestDesk.open({ counters: [1] });
    expect(estimatedWaitMinutes(desk.state, 'khai-sinh', 3)).toBe(24); // default 8 min × 3 ÷ 1 counter
    for (let i = 0; i < 4; i++) {
      const id = desk.issue('khai-sinh');
      desk.callNext(1);
      desk.advance(4 * MINUTE);
      desk.finish(1, id);
    }
    expect(estimatedWaitMinutes(desk.state, 'khai-sinh', 3)).toBe(12);
    desk.run({ type: 'counter.assignClerk', counterId: 'quay-2', userId: 'canbo2' }, system);
    expect(estimatedWaitMinutes(desk.state, 'khai-sinh', 3)).toBe(6);
    const a = desk.issue('khai-sinh');
    const b = desk.issue('khai-sinh');
    expect(ticketsAhead(desk.state, a)).toBe(0);
    expect(ticketsAhead(desk.state, b)).toBe(1);
  });

  it('adds up each open counter at its own recent pace for the service', () => {
    const desk = TestDesk.open({ counters: [1, 2] });
    const serve = (counter: number, minutes: number) => {
      const id = desk.issue('khai-sinh');
      expect(desk.callNext(counter)).toBe(id);
      desk.advance(minutes * MINUTE);
      desk.finish(counter, id);
    };
    for (let i = 0; i < 3; i++) {
      serve(1, 2);
      serve(2, 6);
    }
    expect(counterServiceMinutes(desk.state, 'quay-1', 'khai-sinh')).toBe(2);
    expect(counterServiceMinutes(desk.state, 'quay-2', 'khai-sinh')).toBe(6);
    // Together they clear 1/2 + 1/6 = 2/3 ticket a minute: 4 people ahead take 6 minutes, where the
    // pooled mean (4 min) over two counters would have said 8.
    expect(estimatedWaitMinutes(desk.state, 'khai-sinh', 4)).toBe(6);
    desk.run({ type: 'counter.close', counterId: 'quay-1' }, clerkAt(1));
    expect(estimatedWaitMinutes(desk.state, 'khai-sinh', 4)).toBe(24);
  });

  it('replaying the log from empty gives exactly the live state', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.callNext(1);
    desk.finish(1, id);
    expect(applyAll(emptyState(), desk.log)).toEqual(desk.state);
  });

  it('has a Vietnamese and an English message for every error code', () => {
    for (const code of errorCodes) {
      expect(errorMessages[code].vi.length).toBeGreaterThan(5);
      expect(errorMessages[code].en.length).toBeGreaterThan(5);
    }
  });
});

describe('forward compatibility', () => {
  it('keeps the state when an event from a newer hub arrives, and still advances the seq', () => {
    const desk = TestDesk.open();
    const before = desk.state;
    const unknown = { seq: before.seq + 1, at: desk.now, actor: 'system', event: { type: 'future.thing' } };
    const after = applyAll(before, [unknown as never]);
    expect(after.seq).toBe(before.seq + 1);
    expect({ ...after, seq: before.seq }).toEqual(before);
  });
});
