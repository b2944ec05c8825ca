import type { EventEnvelope } from '@motcua/core';
import { OFFICE_BATCH_ROOM, OFFICE_ROOM, type HubIo, type HubSocket } from './socketTypes.js';

/**
 * Sends the queue's events to the office's sockets. Sockets that did not ask for batches get one `event` each, at
 * once, as always. Sockets that did get one `events` message per turn of the hub's loop: when ten kiosks' commands
 * arrive in one turn, a display receives one message instead of ten, and the hub writes one frame to it instead of
 * ten (with a hundred displays connected those frames were most of the hub's work per ticket).
 *
 * An ack to a batching socket waits for the batch in flight, so its client has its command's events before the
 * reply, in the same order `event` gives the others.
 */
export class EventBroadcast {
  private batch: EventEnvelope[] = [];
  private acksAfterBatch: (() => void)[] = [];

  constructor(private readonly io: HubIo) {}

  send(envelopes: readonly EventEnvelope[]): void {
    if (envelopes.length === 0) return;
    for (const envelope of envelopes) this.io.to(OFFICE_ROOM).emit('event', envelope);
    // After the I/O of this turn: every command that arrived with it joins the same batch.
    if (this.batch.length === 0) setImmediate(() => this.flush());
    this.batch.push(...envelopes);
  }

  /** Runs `reply` once the batch in flight has left, or now when there is none. */
  afterBatch(reply: () => void): void {
    if (this.batch.length === 0) reply();
    else this.acksAfterBatch.push(reply);
  }

  /** Every ack to this socket waits for the batch in flight (a socket that asked for batches). */
  deferAcks(socket: HubSocket): void {
    socket.use((packet, next) => {
      const last = packet.length - 1;
      const ack: unknown = packet[last];
      if (last > 0 && typeof ack === 'function') {
        packet[last] = (...reply: unknown[]) => this.afterBatch(() => (ack as (...r: unknown[]) => void)(...reply));
      }
      next();
    });
  }

  private flush(): void {
    const batch = this.batch;
    const acks = this.acksAfterBatch;
    this.batch = [];
    this.acksAfterBatch = [];
    this.io.to(OFFICE_BATCH_ROOM).emit('events', batch);
    for (const ack of acks) ack();
  }
}
