import type { CommandReply, EventEnvelope } from '@motcua/core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';
import { DEMO_PIN } from './support/clients.js';
import { pairRawSocket } from './support/rawSocket.js';

/**
 * Event batches (docs/protocol.md, "Event batches"), through a real hub process: a client that asks in the handshake
 * gets `events` messages, one per commit; one that does not (an older kiosk, a third-party display)
 * still gets one `event` each. Both see every event once, in seq order.
 */
const BURST = 12;

function issue(socket: Socket, n: number): Promise<CommandReply> {
  return socket.timeout(10_000).emitWithAck('command', {
    requestId: `lo-${n}-${Date.now()}`,
    command: { type: 'ticket.issue', serviceId: n % 2 ? 'ket-hon' : 'khai-sinh' },
  }) as Promise<CommandReply>;
}

/** What a socket received, in arrival order: `event` and `events` messages and the acks of its commands. */
function recordArrivals(socket: Socket) {
  const arrivals: ({ kind: 'event' | 'events'; seqs: number[] } | { kind: 'ack'; seq: number })[] = [];
  socket.on('event', (envelope: EventEnvelope) => arrivals.push({ kind: 'event', seqs: [envelope.seq] }));
  socket.on('events', (envelopes: EventEnvelope[]) =>
    arrivals.push({ kind: 'events', seqs: envelopes.map((e) => e.seq) }),
  );
  const seqs = () => arrivals.flatMap((a) => (a.kind === 'ack' ? [] : a.seqs));
  return { arrivals, seqs };
}

describe('event batches, through a real hub', () => {
  let hub: HubProcess;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    hub = await startHubProcess({ args: ['--kiosk-issue-burst', '1000', '--kiosk-issues-per-minute', '1000'] });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await hub?.stop();
    hub?.cleanup();
  });

  it('gives a client that asked `events` batches, and its acks after the batch that holds its events', async () => {
    const batching = (await pairRawSocket(hub.url, 'display', { eventBatches: true })).socket;
    const oneByOne = (await pairRawSocket(hub.url, 'display')).socket;
    const kiosk = (await pairRawSocket(hub.url, 'kiosk', { eventBatches: true })).socket;
    sockets.push(batching, oneByOne, kiosk);
    const before = (await hubHealth(hub.url)).seq;
    const toBatching = recordArrivals(batching);
    const toOneByOne = recordArrivals(oneByOne);
    const toKiosk = recordArrivals(kiosk);

    // Sent in one go, so the hub reads several in one turn.
    const replies = await Promise.all(
      Array.from({ length: BURST }, (_, n) =>
        issue(kiosk, n).then((reply) => {
          if (reply.ok) toKiosk.arrivals.push({ kind: 'ack', seq: reply.result.seq });
          return reply;
        }),
      ),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    const after = (await hubHealth(hub.url)).seq;
    const expected = Array.from({ length: after - before }, (_, i) => before + 1 + i);
    await waitFor(() => toBatching.seqs().length >= expected.length, 10_000, 'the batching display');
    await waitFor(() => toOneByOne.seqs().length >= expected.length, 10_000, 'the one-by-one display');

    expect(toBatching.seqs()).toEqual(expected);
    expect(toBatching.arrivals.every((a) => a.kind === 'events')).toBe(true);
    expect(toBatching.arrivals.length).toBeLessThanOrEqual(expected.length);
    expect(toOneByOne.seqs()).toEqual(expected);
    expect(toOneByOne.arrivals.every((a) => a.kind === 'event')).toBe(true);
    // The kiosk had each ticket's event before its reply: a screen that reads the state after the ack finds it.
    for (const [index, arrival] of toKiosk.arrivals.entries()) {
      if (arrival.kind !== 'ack') continue;
      const seenBefore = toKiosk.arrivals.slice(0, index).flatMap((a) => (a.kind === 'ack' ? [] : a.seqs));
      expect(seenBefore).toContain(arrival.seq);
    }
  });

  it("paces kiosks' tickets to a display and a counter, yet gives the counter its own call before its reply", async () => {
    const display = (await pairRawSocket(hub.url, 'display', { eventBatches: true })).socket;
    const counter = (await pairRawSocket(hub.url, 'counter', { eventBatches: true })).socket;
    const kiosks = await Promise.all([1, 2, 3].map(() => pairRawSocket(hub.url, 'kiosk', { eventBatches: true })));
    sockets.push(display, counter, ...kiosks.map((k) => k.socket));
    const signIn = (await counter.emitWithAck('session.signIn', {
      username: 'canbo2',
      pin: DEMO_PIN,
      counterId: 'quay-2',
    })) as { ok: boolean };
    expect(signIn.ok).toBe(true);
    const before = (await hubHealth(hub.url)).seq;
    const toDisplay = recordArrivals(display);
    const toCounter = recordArrivals(counter);
    const toKiosk = recordArrivals(kiosks[0]!.socket);

    // Three kiosks in a closed loop, as fast as the hub answers.
    let n = 100;
    await Promise.all(
      kiosks.map(async ({ socket }) => {
        for (let i = 0; i < 15; i++) expect((await issue(socket, n++)).ok).toBe(true);
      }),
    );
    const issued = (await hubHealth(hub.url)).seq;
    const expected = Array.from({ length: issued - before }, (_, i) => before + 1 + i);
    await waitFor(() => toDisplay.seqs().length >= expected.length, 10_000, 'the display');
    await waitFor(() => toCounter.seqs().length >= expected.length, 10_000, 'the counter');
    // Every ticket once, in order, never more messages than the kiosk got (one per commit), fewer when commits
    // came faster than the pace.
    expect(toDisplay.seqs()).toEqual(expected);
    expect(toCounter.seqs()).toEqual(expected);
    expect(toDisplay.arrivals.length).toBeLessThanOrEqual(toKiosk.arrivals.length);

    // The counter's own command: its events are sent at once, before its reply, with any tickets still held.
    const opened = (await counter.emitWithAck('command', {
      requestId: `open-${Date.now()}`,
      command: { type: 'counter.open', counterId: 'quay-2' },
    })) as CommandReply;
    expect(opened.ok).toBe(true);
    const call = (await counter.emitWithAck('command', {
      requestId: `call-${Date.now()}`,
      command: { type: 'ticket.callNext', counterId: 'quay-2' },
    })) as CommandReply;
    if (!call.ok) throw new Error(`call refused: ${call.code}`);
    expect(toCounter.seqs()).toContain(call.result.seq);
    await waitFor(() => toDisplay.seqs().includes(call.result.seq), 10_000, 'the call on the display');
    const last = (await hubHealth(hub.url)).seq;
    expect(toDisplay.seqs()).toEqual(Array.from({ length: last - before }, (_, i) => before + 1 + i));
  });

  it('sends one `event` each when the handshake asks for batches in a shape it does not know', async () => {
    const odd = (await pairRawSocket(hub.url, 'display', { eventBatches: 'yes' })).socket;
    const kiosk = (await pairRawSocket(hub.url, 'kiosk')).socket;
    sockets.push(odd, kiosk);
    const received = recordArrivals(odd);
    const reply = await issue(kiosk, 1);
    if (!reply.ok) throw new Error(`issue refused: ${reply.code}`);
    await waitFor(() => received.seqs().includes(reply.result.seq), 10_000, 'the event');
    expect(received.arrivals.every((a) => a.kind === 'event')).toBe(true);
  });
});
