/**
 * `npm run bench:core`: what one event costs every participant as the day grows, and what a snapshot of a
 * big day costs. Pure core, no hub: `apply` per event at 100 and at 20,000 tickets (the same mix of
 * events), and encoding a 20,000-ticket day. Imports core by path so it runs on an older checkout too.
 */
import { loadavg } from 'node:os';
import * as core from '../packages/core/src/index.js';
import type { EventEnvelope, QueueState, Ticket } from '../packages/core/src/index.js';
import { admin, clerkAt, kiosk, system, TestDesk } from '../packages/core/src/testkit.js';

const DAY_SIZES = [100, 1000, 5000, 20_000];
const EVENTS_MEASURED = 300;
const REPEATS = 7;
const SERVICES = ['khai-sinh', 'ket-hon', 'chung-thuc-ban-sao', 'cap-gcn-qsdd'];

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Older cores had no codec: their snapshot was the state's JSON. */
const encode: (state: QueueState) => string =
  (core as { stateCodec?: { encode(state: QueueState): string } }).stateCodec?.encode ?? JSON.stringify;

/** A day with `size` tickets: most served and finished, a realistic tail still waiting. */
function dayOf(size: number): TestDesk {
  const desk = TestDesk.open({ counters: [1, 2, 3, 4, 5] });
  // Room for a city centre's day in each service's numbering.
  for (const serviceId of SERVICES) {
    const service = desk.state.config.services[serviceId]!;
    desk.run({ type: 'config.upsertService', service: { ...service, rangeTo: 99_999, dailyCap: 0 } }, system);
  }
  const waitingTail = Math.min(200, Math.floor(size / 10));
  for (let i = 0; i < size; i++) {
    desk.run(
      {
        type: 'ticket.issue',
        serviceId: SERVICES[i % SERVICES.length]!,
        priorityGroup: i % 7 === 0 ? 'elderly' : null,
      },
      kiosk,
    );
    desk.advance(100);
    if (i < size - waitingTail) {
      const n = (i % 5) + 1;
      const called = desk.tryRun({ type: 'ticket.callNext', counterId: `quay-${n}` }, clerkAt(n));
      if (called.ok) desk.finish(n, called.result.ticket!.id);
    }
  }
  return desk;
}

/** The events a busy minute brings (issue, call, finish, transfer to the front), recorded on a copy of the day. */
function busyEvents(desk: TestDesk, count: number): EventEnvelope[] {
  const copy = new TestDesk();
  copy.state = desk.state;
  copy.now = desk.now;
  const start = copy.log.length;
  let i = 0;
  while (copy.log.length - start < count) {
    const n = (i % 5) + 1;
    copy.run({ type: 'ticket.issue', serviceId: SERVICES[i % SERVICES.length]!, priorityGroup: null }, kiosk);
    const called = copy.tryRun({ type: 'ticket.callNext', counterId: `quay-${n}` }, clerkAt(n));
    if (called.ok) {
      const ticketId = called.result.ticket!.id;
      if (i % 4 === 0) {
        copy.run(
          { type: 'ticket.transfer', ticketId, toServiceId: 'ket-hon', toCounterId: null, placement: 'front' },
          admin,
        );
      } else copy.finish(n, ticketId);
    }
    copy.advance(500);
    i++;
  }
  return copy.log.slice(start, start + count);
}

function microsPerEvent(state: QueueState, events: EventEnvelope[]): number {
  const samples: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const t0 = nowMs();
    let folded = state;
    for (const envelope of events) folded = core.apply(folded, envelope);
    samples.push(((nowMs() - t0) * 1000) / events.length);
    if (folded.seq !== events.at(-1)!.seq) throw new Error('events not folded');
  }
  return median(samples);
}

function main(): void {
  console.log(
    `bench:core on node ${process.version}; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const rows: { tickets: number; applyMicros: number; encodeMs?: number; snapshotKb?: number; decodeMs?: number }[] =
    [];
  for (const size of DAY_SIZES) {
    const desk = dayOf(size);
    // Counted without core's accessors, which an older core does not have.
    const held = desk.state.tickets as unknown as { size?: number } & Record<string, Ticket>;
    const tickets = held.size ?? Object.keys(held).length;
    const events = busyEvents(desk, EVENTS_MEASURED);
    // Warm-up: the first fold of a decoded or fresh state may build derived data once.
    microsPerEvent(desk.state, events.slice(0, 50));
    const applyMicros = round(microsPerEvent(desk.state, events));
    const row: (typeof rows)[number] = { tickets, applyMicros };
    if (size === DAY_SIZES.at(-1)) {
      const encodes: number[] = [];
      let text = '';
      for (let r = 0; r < REPEATS; r++) {
        const t0 = nowMs();
        text = encode(desk.state);
        encodes.push(nowMs() - t0);
      }
      row.encodeMs = round(median(encodes));
      row.snapshotKb = round(Buffer.byteLength(text) / 1024, 0);
    }
    rows.push(row);
    console.log(
      `day of ${tickets} tickets: apply ${applyMicros} µs/event` +
        (row.encodeMs === undefined ? '' : `; snapshot encode ${row.encodeMs} ms, ${row.snapshotKb} KB`),
    );
  }
  const small = rows[0]!;
  const big = rows.at(-1)!;
  console.log(
    `apply at ${big.tickets} tickets / at ${small.tickets}: ${round(big.applyMicros / small.applyMicros)}× (target ≤ 1.5×)`,
  );
}

main();
