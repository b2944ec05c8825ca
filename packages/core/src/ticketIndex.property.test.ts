import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from './schemas.js';
import type { QueueState } from './state.js';
import { stateCodec } from './stateCodec.js';
import { admin, clerkAt, system, TestDesk } from './testkit.js';
import type { TicketClass, WaitingLineRef } from './ticketReads.js';
import {
  allTickets,
  compareQueuePlace,
  firstInLine,
  placeInLine,
  ticketClassOf,
  waitingLine,
  waitingLineLength,
  waitingLines,
} from './ticketReads.js';

/** Anything a busy day does to waiting lines: arrivals, calls, no-shows coming back, transfers, cancels, day change. */
type Step =
  | { kind: 'issue'; service: number; priority: boolean }
  | { kind: 'call'; counter: number }
  | { kind: 'noShowAndReturn'; counter: number; front: boolean }
  | { kind: 'transfer'; pick: number; toService: number | null; toCounter: number | null; front: boolean }
  | { kind: 'cancel'; pick: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'closeDay' };

const services = ['khai-sinh', 'ket-hon', 'chung-thuc-ban-sao', 'cap-gcn-qsdd'];
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      service: fc.nat(services.length - 1),
      priority: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('call' as const), counter: fc.integer({ min: 1, max: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('noShowAndReturn' as const),
      counter: fc.integer({ min: 1, max: 3 }),
      front: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      pick: fc.nat(),
      toService: fc.option(fc.nat(services.length - 1)),
      toCounter: fc.option(fc.integer({ min: 1, max: 3 })),
      front: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  // Zero keeps several tickets at the same millisecond, so ties in queue time are exercised.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(0, 0, 1, 1000) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'closeDay' as const }) },
);

function pickTicket(desk: TestDesk, pick: number): Ticket | undefined {
  const tickets = [...allTickets(desk.state)].sort((a, b) => (a.id < b.id ? -1 : 1));
  return tickets.length ? tickets[pick % tickets.length] : undefined;
}

function runDay(desk: TestDesk, steps: Step[]): void {
  for (const step of steps) {
    if (step.kind === 'issue') {
      desk.tryRun(
        { type: 'ticket.issue', serviceId: services[step.service]!, priorityGroup: step.priority ? 'elderly' : null },
        admin,
      );
    } else if (step.kind === 'call') {
      desk.tryRun({ type: 'ticket.callNext', counterId: `quay-${step.counter}` }, clerkAt(step.counter));
    } else if (step.kind === 'noShowAndReturn') {
      const counterId = `quay-${step.counter}`;
      const called = desk.tryRun({ type: 'ticket.callNext', counterId }, clerkAt(step.counter));
      if (!called.ok) continue;
      const ticketId = called.result.ticket!.id;
      desk.tryRun({ type: 'ticket.noShow', counterId, ticketId }, clerkAt(step.counter));
      desk.tryRun({ type: 'ticket.returnToQueue', ticketId, placement: step.front ? 'front' : 'keepPlace' }, admin);
    } else if (step.kind === 'transfer') {
      const ticket = pickTicket(desk, step.pick);
      if (!ticket) continue;
      desk.tryRun(
        {
          type: 'ticket.transfer',
          ticketId: ticket.id,
          toServiceId: step.toService === null ? null : services[step.toService]!,
          toCounterId: step.toCounter === null ? null : `quay-${step.toCounter}`,
          placement: step.front ? 'front' : 'keepPlace',
        },
        admin,
      );
    } else if (step.kind === 'cancel') {
      const ticket = pickTicket(desk, step.pick);
      if (ticket) desk.tryRun({ type: 'ticket.cancel', ticketId: ticket.id }, admin);
    } else if (step.kind === 'wait') {
      desk.advance(step.ms);
    } else {
      desk.tryRun({ type: 'day.close' }, admin);
    }
  }
}

/** The same line recomputed the slow way: filter the whole day and sort. */
function naiveLine(state: QueueState, line: WaitingLineRef, ticketClass: TicketClass): Ticket[] {
  return [...allTickets(state)]
    .filter(
      (t) =>
        t.status === 'waiting' &&
        ticketClassOf(t) === ticketClass &&
        ('counterId' in line
          ? t.targetCounterId === line.counterId
          : t.targetCounterId === null && t.serviceId === line.serviceId),
    )
    .sort(compareQueuePlace);
}

function everyLine(): WaitingLineRef[] {
  return [...services.map((serviceId) => ({ serviceId })), ...[1, 2, 3].map((n) => ({ counterId: `quay-${n}` }))];
}

function expectIndexMatchesNaive(state: QueueState): void {
  for (const line of everyLine()) {
    for (const ticketClass of ['priority', 'normal'] as const) {
      const expected = naiveLine(state, line, ticketClass);
      expect(waitingLine(state, line, ticketClass).map((t) => t.id)).toEqual(expected.map((t) => t.id));
      expect(waitingLineLength(state, line, ticketClass)).toBe(expected.length);
      expect(firstInLine(state, line, ticketClass)?.id).toBe(expected[0]?.id);
      expected.forEach((t, i) => expect(placeInLine(state, t)).toBe(i));
    }
  }
  const withSomeone = everyLine().filter(
    (line) => naiveLine(state, line, 'priority').length + naiveLine(state, line, 'normal').length > 0,
  );
  expect(new Set(waitingLines(state).map((l) => JSON.stringify(l)))).toEqual(
    new Set(withSomeone.map((l) => JSON.stringify(l))),
  );
}

describe('waiting-line index', () => {
  it('kept by apply, equals filtering and sorting the whole day after any sequence of events', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 80 }), (steps) => {
        const desk = TestDesk.open({ counters: [1, 2, 3] });
        runDay(desk, steps);
        expectIndexMatchesNaive(desk.state);
      }),
      { numRuns: 200 },
    );
  });

  it('built afresh from a decoded snapshot, equals the one apply kept, and the state round-trips', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const desk = TestDesk.open({ counters: [1, 2, 3] });
        runDay(desk, steps);
        const decoded = stateCodec.decode(stateCodec.encode(desk.state));
        expect(stateCodec.hash(decoded)).toBe(stateCodec.hash(desk.state));
        expect(decoded).toEqual(desk.state);
        expectIndexMatchesNaive(decoded);
        for (const line of everyLine()) {
          for (const ticketClass of ['priority', 'normal'] as const) {
            expect(waitingLine(decoded, line, ticketClass)).toEqual(waitingLine(desk.state, line, ticketClass));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('an old state is untouched by later events (persistent)', () => {
    const desk = TestDesk.open({ counters: [1] });
    desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh', priorityGroup: null }, admin);
    const before = desk.state;
    const line = waitingLine(before, { serviceId: 'khai-sinh' }, 'normal').map((t) => t.id);
    desk.run({ type: 'ticket.callNext', counterId: 'quay-1' }, clerkAt(1));
    desk.run({ type: 'day.close' }, system);
    expect(waitingLine(before, { serviceId: 'khai-sinh' }, 'normal').map((t) => t.id)).toEqual(line);
    expect(line).toHaveLength(1);
  });
});
