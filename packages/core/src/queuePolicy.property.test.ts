import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAll } from './apply.js';
import type { CommandInput } from './commands.js';
import { emptyState } from './state.js';
import { aheadByTicket, ticketsAhead, waitingForCounter, waitingForService } from './selectors.js';
import { callableTickets, callOrder, queuePolicySettings, waitingSince } from './queuePolicy.js';
import type { Ticket } from './schemas.js';
import type { QueueState } from './state.js';
import { stateHash } from './stateCodec.js';
import { admin, clerkAt, kiosk, ratingPadAt, system, TestDesk } from './testkit.js';

/** One step a busy morning may contain. */
type Step =
  | { kind: 'issue'; service: string; priority: string | null }
  | { kind: 'serve'; counter: number }
  | { kind: 'wait'; seconds: number };

const services = ['khai-sinh', 'ket-hon', 'chung-thuc-ban-sao', 'cap-gcn-qsdd'];
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      service: fc.constantFrom(...services),
      priority: fc.option(fc.constantFrom('elderly', 'disabled'), { freq: 3 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('serve' as const), counter: fc.integer({ min: 1, max: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 600 }) }),
  },
);

/** Runs the steps: "serve" calls the next ticket at a counter and finishes it. Returns the calls in order. */
function runMorning(
  desk: TestDesk,
  steps: Step[],
  check: (before: QueueState, counter: number, called: Ticket, now: number) => void = () => {},
): { ticketId: string; counter: number }[] {
  const calls: { ticketId: string; counter: number }[] = [];
  for (const step of steps) {
    if (step.kind === 'issue') desk.issue(step.service, step.priority);
    else if (step.kind === 'wait') desk.advance(step.seconds * 1000);
    else {
      const before = desk.state;
      const outcome = desk.tryRun(
        { type: 'ticket.callNext', counterId: `quay-${step.counter}` },
        clerkAt(step.counter),
      );
      if (outcome.ok) {
        const id = outcome.result.ticket!.id;
        check(before, step.counter, before.tickets.get(id)!, desk.now);
        calls.push({ ticketId: id, counter: step.counter });
        desk.advance(1000);
        desk.finish(step.counter, id);
      }
    }
    desk.advance(1000);
  }
  return calls;
}

const policyArb = fc.record({
  priorityBurst: fc.integer({ min: 0, max: 4 }),
  maxWaitMinutes: fc.constantFrom(0, 0, 5, 20),
  strictServiceOrder: fc.boolean(),
});

function withPolicy(
  desk: TestDesk,
  policy: { priorityBurst: number; maxWaitMinutes: number; strictServiceOrder: boolean },
) {
  desk.run({ type: 'config.setPriorityPolicy', priority: { ...desk.state.config.priority, ...policy } });
}

const isOverdue = (state: QueueState, t: Ticket, now: number) => {
  const { maxWaitMinutes } = queuePolicySettings(state.config.priority);
  return maxWaitMinutes > 0 && now - waitingSince(t) >= maxWaitMinutes * 60_000;
};

describe('queue policy properties', () => {
  it('never calls a ticket twice, and every call is a ticket the counter serves', () => {
    fc.assert(
      fc.property(policyArb, fc.array(stepArb, { maxLength: 120 }), (policy, steps) => {
        const desk = TestDesk.open({ counters: [1, 2, 3] });
        withPolicy(desk, policy);
        const calls = runMorning(desk, steps);
        const ids = calls.map((c) => c.ticketId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const call of calls) {
          const ticket = desk.state.tickets.get(call.ticketId)!;
          expect(desk.state.config.counters[`quay-${call.counter}`]?.serviceIds).toContain(ticket.serviceId);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('no priority ticket waits behind a later normal one except by the K rule (or a normal one past the maximum wait)', () => {
    fc.assert(
      fc.property(policyArb, fc.array(stepArb, { maxLength: 150 }), (policy, steps) => {
        const desk = TestDesk.open({ counters: [1, 2, 3] });
        withPolicy(desk, policy);
        runMorning(desk, steps, (before, counter, called, now) => {
          if (called.priorityGroup !== null || isOverdue(before, called, now)) return;
          const waitingPriority = callableTickets(before, `quay-${counter}`).some((t) => t.priorityGroup !== null);
          if (!waitingPriority) return;
          const streak = before.counters[`quay-${counter}`]?.priorityStreak ?? 0;
          expect(policy.priorityBurst).toBeGreaterThan(0);
          expect(streak).toBeGreaterThanOrEqual(policy.priorityBurst);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('within a class the oldest goes first across all the services of the counter, unless in strict mode', () => {
    fc.assert(
      fc.property(policyArb, fc.array(stepArb, { maxLength: 150 }), (policy, steps) => {
        const desk = TestDesk.open({ counters: [1, 2, 3] });
        withPolicy(desk, policy);
        runMorning(desk, steps, (before, counter, called, now) => {
          // "Call next" reads only the heads of the lines; it must agree with the full call order.
          expect(callOrder(before, `quay-${counter}`, now, 1)[0]?.id).toBe(called.id);
          if (isOverdue(before, called, now)) return;
          const counterConfig = before.config.counters[`quay-${counter}`]!;
          const sameClass = callableTickets(before, counterConfig.id).filter(
            (t) => (t.priorityGroup !== null) === (called.priorityGroup !== null),
          );
          const rank = (t: Ticket) => counterConfig.serviceIds.indexOf(t.serviceId);
          for (const other of sameClass) {
            const sameRank = !policy.strictServiceOrder || rank(other) === rank(called);
            if (sameRank) expect(other.queuedAt).toBeGreaterThanOrEqual(called.queuedAt);
            else expect(rank(other)).toBeGreaterThan(rank(called));
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('no ticket waits longer than the settings imply: past the maximum wait it is called at the next call that may take it', () => {
    fc.assert(
      fc.property(
        fc.record({
          priorityBurst: fc.integer({ min: 0, max: 4 }),
          maxWaitMinutes: fc.constantFrom(1, 5, 20),
          strictServiceOrder: fc.boolean(),
        }),
        fc.array(stepArb, { maxLength: 150 }),
        (policy, steps) => {
          const desk = TestDesk.open({ counters: [1, 2, 3] });
          withPolicy(desk, policy);
          runMorning(desk, steps, (before, counter, called, now) => {
            const overdue = callableTickets(before, `quay-${counter}`).filter((t) => isOverdue(before, t, now));
            if (overdue.length === 0) return;
            // An overdue ticket goes before anything else, the longest waiting first.
            expect(isOverdue(before, called, now)).toBe(true);
            for (const t of overdue) expect(waitingSince(t)).toBeGreaterThanOrEqual(waitingSince(called));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('bounds the calls each ticket waits at one counter: K priority calls per normal one, and priority first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 80 }),
        (priorityBurst, arrivals) => {
          const desk = TestDesk.open({ counters: [1] });
          withPolicy(desk, { priorityBurst, maxWaitMinutes: 0, strictServiceOrder: false });
          const issued = arrivals.map((isPriority) => {
            const id = desk.issue('khai-sinh', isPriority ? 'elderly' : null);
            desk.advance(1000);
            return { id, isPriority };
          });
          const calls = runMorning(
            desk,
            arrivals.map(() => ({ kind: 'serve', counter: 1 }) as const),
          ).map((c) => c.ticketId);
          let normalsBefore = 0;
          let prioritiesBefore = 0;
          for (const { id, isPriority } of issued) {
            const position = calls.indexOf(id);
            if (isPriority) {
              // A priority citizen waits only for earlier priority ones and one normal per K of them.
              expect(position).toBeLessThanOrEqual(prioritiesBefore + Math.floor(prioritiesBefore / priorityBurst));
              prioritiesBefore++;
            } else {
              // A normal ticket waits at most K priority calls for each normal ticket ahead, and its own.
              expect(position).toBeLessThanOrEqual(normalsBefore + (normalsBefore + 1) * priorityBurst);
              normalsBefore++;
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a ticket transferred to the front is next in its class at every counter that serves it', () => {
    fc.assert(
      fc.property(policyArb, fc.array(stepArb, { maxLength: 60 }), fc.boolean(), (policy, steps, priority) => {
        const desk = TestDesk.open({ counters: [1, 2, 3] });
        withPolicy(desk, { ...policy, maxWaitMinutes: 0 });
        runMorning(desk, steps);
        const moved = desk.issue('chung-thuc-chu-ky', priority ? 'disabled' : null);
        desk.run({ type: 'ticket.transfer', ticketId: moved, toServiceId: 'khai-sinh', placement: 'front' });
        for (const counterId of ['quay-1', 'quay-2']) {
          const order = waitingForCounter(desk.state, counterId);
          const firstOfClass = order.find((t) => (t.priorityGroup !== null) === priority);
          expect(firstOfClass?.id).toBe(moved);
        }
        const outcome = desk.tryRun({ type: 'ticket.callNext', counterId: 'quay-1' }, clerkAt(1));
        const called = outcome.ok ? outcome.result.ticket! : null;
        if (called && called.id !== moved) {
          // Only the other class may go first, and only by the policy: priority first, or the K rule.
          expect(called.priorityGroup !== null).toBe(!priority);
        }
      }),
      { numRuns: 150 },
    );
  });
});

const commandArb: fc.Arbitrary<{ command: CommandInput; actor: number }> = fc.oneof(
  fc.record({
    command: fc.record({
      type: fc.constant('ticket.issue' as const),
      serviceId: fc.constantFrom(...services),
      priorityGroup: fc.option(fc.constant('elderly')),
    }),
    actor: fc.constant(0),
  }),
  fc
    .integer({ min: 1, max: 3 })
    .map((n) => ({ command: { type: 'ticket.callNext' as const, counterId: `quay-${n}` }, actor: n })),
);

describe('replay', () => {
  it('replaying the event log from empty gives exactly the live state, whatever happened', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            commandArb,
            fc.record({
              kind: fc.constantFrom(
                'finish',
                'noShow',
                'recall',
                'park',
                'transfer',
                'return',
                'rate',
                'cancel',
                'pause',
                'open',
                'close',
                'day',
              ),
              counter: fc.integer({ min: 1, max: 3 }),
            }),
          ),
          { maxLength: 80 },
        ),
        (steps) => {
          const desk = TestDesk.open({ counters: [1, 2, 3] });
          for (const step of steps) {
            desk.advance(30_000);
            if ('command' in step) {
              desk.tryRun(step.command, step.actor === 0 ? kiosk : clerkAt(step.actor));
              continue;
            }
            const counterId = `quay-${step.counter}`;
            const clerk = clerkAt(step.counter);
            const current = desk.state.counters[counterId]?.currentTicketId ?? '';
            const lastFinished = [...desk.state.tickets.values()].find(
              (t) => t.status === 'finished' && t.counterId === counterId,
            );
            const noShow = [...desk.state.tickets.values()].find(
              (t) => t.status === 'noShow' && t.counterId === counterId,
            );
            const commands: Record<string, () => void> = {
              finish: () => desk.tryRun({ type: 'ticket.finish', counterId, ticketId: current }, clerk),
              noShow: () => desk.tryRun({ type: 'ticket.noShow', counterId, ticketId: current }, clerk),
              recall: () => desk.tryRun({ type: 'ticket.recall', counterId, ticketId: current }, clerk),
              park: () => desk.tryRun({ type: 'ticket.park', counterId, ticketId: current }, clerk),
              transfer: () =>
                desk.tryRun(
                  { type: 'ticket.transfer', ticketId: current, toServiceId: 'ket-hon', placement: 'front' },
                  clerk,
                ),
              return: () => noShow && desk.tryRun({ type: 'ticket.returnToQueue', ticketId: noShow.id }, clerk),
              rate: () =>
                lastFinished &&
                desk.tryRun(
                  { type: 'rating.submit', counterId, ticketId: lastFinished.id, score: 'satisfied' },
                  ratingPadAt(step.counter),
                ),
              cancel: () => desk.tryRun({ type: 'ticket.cancel', ticketId: current }, admin),
              pause: () => desk.tryRun({ type: 'counter.pause', counterId, reason: 'Nghỉ giữa giờ' }, clerk),
              open: () => desk.tryRun({ type: 'counter.open', counterId }, clerk),
              close: () => desk.tryRun({ type: 'counter.close', counterId }, clerk),
              day: () => {
                desk.advance(6 * 3600_000);
                desk.tryRun({ type: 'day.close' }, system);
              },
            };
            commands[step.kind]?.();
          }
          const replayed = applyAll(emptyState(), desk.log);
          expect(replayed).toEqual(desk.state);
          expect(stateHash(replayed)).toBe(stateHash(desk.state));
          // The log's seqs are gapless and in order.
          desk.log.forEach((e, i) => expect(e.seq).toBe(i + 1));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('tickets ahead', () => {
  it('equals the ticket’s place in the service’s call order, for any mix of classes, bursts and transfers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.record({ priority: fc.boolean(), front: fc.boolean(), gap: fc.integer({ min: 0, max: 2 }) }), {
          maxLength: 40,
        }),
        (priorityBurst, arrivals) => {
          const desk = TestDesk.open({ counters: [1] });
          withPolicy(desk, { priorityBurst, maxWaitMinutes: 0, strictServiceOrder: false });
          for (const arrival of arrivals) {
            const id = desk.issue('ket-hon', arrival.priority ? 'elderly' : null);
            if (arrival.front) {
              // Moved in from another service to the front: a queuedAt earlier than everyone's.
              desk.run({ type: 'ticket.transfer', ticketId: id, toServiceId: 'khai-sinh', placement: 'keepPlace' });
              desk.run({ type: 'ticket.transfer', ticketId: id, toServiceId: 'ket-hon', placement: 'front' });
            }
            desk.advance(arrival.gap * 1000);
          }
          const line = waitingForService(desk.state, 'ket-hon');
          const all = aheadByTicket(desk.state);
          line.forEach((t, index) => {
            expect(ticketsAhead(desk.state, t.id)).toBe(index);
            expect(all.get(t.id)).toBe(index);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
