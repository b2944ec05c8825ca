import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAll } from './apply.js';
import type { CommandInput } from './commands.js';
import { emptyState } from './state.js';
import { aheadByTicket, ticketsAhead, waitingForService } from './selectors.js';
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
function runMorning(desk: TestDesk, steps: Step[]): { ticketId: string; counter: number }[] {
  const calls: { ticketId: string; counter: number }[] = [];
  for (const step of steps) {
    if (step.kind === 'issue') desk.issue(step.service, step.priority);
    else if (step.kind === 'wait') desk.advance(step.seconds * 1000);
    else {
      const outcome = desk.tryRun(
        { type: 'ticket.callNext', counterId: `quay-${step.counter}` },
        clerkAt(step.counter),
      );
      if (outcome.ok) {
        const id = outcome.result.ticket!.id;
        calls.push({ ticketId: id, counter: step.counter });
        desk.advance(1000);
        desk.finish(step.counter, id);
      }
    }
    desk.advance(1000);
  }
  return calls;
}

describe('queue policy properties', () => {
  it('never calls a ticket twice, and every call is a ticket the counter serves', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 120 }), (steps) => {
        const desk = TestDesk.open({ counters: [1, 2, 3] });
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

  it('keeps first come, first served within a class and a service', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 120 }), (steps) => {
        const desk = TestDesk.open({ counters: [1, 2, 3] });
        const calls = runMorning(desk, steps);
        const lastIssuedAt = new Map<string, number>();
        for (const { ticketId } of calls) {
          const t = desk.state.tickets.get(ticketId)!;
          const line = `${t.serviceId}/${t.priorityGroup === null ? 'normal' : 'priority'}`;
          expect(t.issuedAt).toBeGreaterThanOrEqual(lastIssuedAt.get(line) ?? 0);
          lastIssuedAt.set(line, t.issuedAt);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('bounds how long each class waits: N normal calls between priority calls, and no starvation of normals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 80 }),
        (interleave, arrivals) => {
          const desk = TestDesk.open({ counters: [1] });
          desk.run({ type: 'config.setPriorityPolicy', priority: { ...desk.state.config.priority, interleave } });
          for (const isPriority of arrivals) {
            desk.issue('khai-sinh', isPriority ? 'elderly' : null);
            desk.advance(1000);
          }
          const calls = runMorning(
            desk,
            arrivals.map(() => ({ kind: 'serve', counter: 1 }) as const),
          );
          const kinds = calls.map((c) => (desk.state.tickets.get(c.ticketId)!.priorityGroup ? 'P' : 'N'));
          const prioritiesLeft = (i: number) => kinds.slice(i).includes('P');
          const normalsLeft = (i: number) => kinds.slice(i).includes('N');
          let normalRun = 0;
          let priorityRun = 0;
          kinds.forEach((kind, i) => {
            if (kind === 'N') {
              normalRun++;
              priorityRun = 0;
              // While a priority ticket waits, at most N normal tickets go before it.
              if (prioritiesLeft(i)) expect(normalRun).toBeLessThanOrEqual(interleave);
            } else {
              priorityRun++;
              normalRun = 0;
              // While a normal ticket waits, priority tickets never go twice in a row.
              if (normalsLeft(i)) expect(priorityRun).toBeLessThanOrEqual(1);
            }
          });
        },
      ),
      { numRuns: 200 },
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
  it('equals the ticket’s place in the service’s call order, for any mix of classes, interleaves and transfers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.record({ priority: fc.boolean(), front: fc.boolean(), gap: fc.integer({ min: 0, max: 2 }) }), {
          maxLength: 40,
        }),
        (interleave, arrivals) => {
          const desk = TestDesk.open({ counters: [1] });
          desk.run({ type: 'config.setPriorityPolicy', priority: { ...desk.state.config.priority, interleave } });
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
