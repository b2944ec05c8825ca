import { deviceIdOfRef, type EventEnvelope, type QueueState } from '@motcua/core';
import { OFFICE_BATCH_ROOM, OFFICE_PACED_ROOM, OFFICE_ROOM, type HubIo } from './socketTypes.js';

/**
 * While kiosks issue tickets faster than this, the paced room (every batch-asking socket but the kiosks) gets
 * their tickets at most once per interval, together. Anything else goes out at once.
 */
export const PACED_INTERVAL_MS = 25;

/**
 * Sends each commit's events to the office's sockets, before the engine answers the commit's commands, so every
 * client has its command's events before its reply.
 *
 * The engine stores every command of one WAL sync in one transaction (its group commit), so one commit is often
 * several tickets. Sockets that asked for batches get a commit as one `events` message: when ten kiosks' commands
 * arrive together, a counter receives one message instead of ten. Other sockets get one `event` each.
 *
 * Kiosks' new tickets are the one stream that can come hundreds a second. Counters, displays and the admin's
 * screens (the paced room) get those at most once per `PACED_INTERVAL_MS`: the commits in between wait, in order,
 * and go in one message. Any other event (a call, a finish, a counter's or the admin's own command) is sent at
 * once, with whatever waited before it: so a call is shown and read out as soon as it is stored, and a socket in
 * the paced room always has its own command's events before its reply. Kiosks stay in the batch room: their own
 * tickets are what they wait for. With a hundred displays and fifty counters connected, the frames written to them
 * were most of the hub's work per ticket.
 */
export class EventBroadcast {
  private readonly paced: PacedDelivery;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: HubIo,
    intervalMs = PACED_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.paced = new PacedDelivery(intervalMs);
  }

  /** One commit's events. `kioskTicketsOnly`: every one is a ticket a kiosk issued (they may wait their turn). */
  commit(envelopes: EventEnvelope[], kioskTicketsOnly: boolean): void {
    if (envelopes.length === 0) return;
    // A room nobody is in is skipped: Socket.IO would still encode the message and keep it for recovery.
    if (hasMembers(this.io, OFFICE_ROOM)) {
      for (const envelope of envelopes) this.io.to(OFFICE_ROOM).emit('event', envelope);
    }
    if (hasMembers(this.io, OFFICE_BATCH_ROOM)) this.io.to(OFFICE_BATCH_ROOM).emit('events', envelopes);
    if (!hasMembers(this.io, OFFICE_PACED_ROOM)) {
      // A socket that joins later starts from a sync of the published state, which has these.
      this.paced.clear();
      return;
    }
    const step = this.paced.add(envelopes, !kioskTicketsOnly, this.now());
    if ('send' in step) this.sendPaced(step.send);
    else this.timer ??= setTimeout(() => this.sendPaced(this.paced.take(this.now())), step.waitMs).unref();
  }

  private sendPaced(envelopes: EventEnvelope[]): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (envelopes.length > 0 && hasMembers(this.io, OFFICE_PACED_ROOM)) {
      this.io.to(OFFICE_PACED_ROOM).emit('events', envelopes);
    }
  }
}

/**
 * The paced room's queue (pure; the caller keeps the clock and the timer): commits wait, in order, until
 * `intervalMs` after the last message, unless one of them is urgent; then everything waiting goes at once.
 */
export class PacedDelivery {
  private held: EventEnvelope[] = [];
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  /** A commit's events: all that waited and these to send now, or how long until they may go. */
  add(envelopes: EventEnvelope[], urgent: boolean, now: number): { send: EventEnvelope[] } | { waitMs: number } {
    this.held.push(...envelopes);
    const waitMs = this.lastSentAt + this.intervalMs - now;
    return urgent || waitMs <= 0 ? { send: this.take(now) } : { waitMs };
  }

  /** Everything waiting, oldest first (the interval starts again now if there was any). */
  take(now: number): EventEnvelope[] {
    const envelopes = this.held;
    if (envelopes.length === 0) return envelopes;
    this.held = [];
    this.lastSentAt = now;
    return envelopes;
  }

  clear(): void {
    this.held = [];
  }
}

/** Whether these events are all tickets issued by kiosks (their actor is a kiosk device). */
export function kioskTicketsOnly(state: QueueState, envelopes: EventEnvelope[]): boolean {
  return envelopes.every(
    ({ actor, event }) => event.type === 'ticket.issued' && isKioskDevice(state, deviceIdOfRef(actor)),
  );
}

/** A kiosk's socket stays out of the paced room: it waits for its own tickets' events. */
export function isKioskDevice(state: QueueState, deviceId: string | null): boolean {
  return deviceId !== null && state.config.devices[deviceId]?.kind === 'kiosk';
}

function hasMembers(io: HubIo, room: string): boolean {
  return (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
}
