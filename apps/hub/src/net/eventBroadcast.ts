import type { Actor, DeviceKind, EventEnvelope, QueueState } from '@motcua/core';
import { OFFICE_BATCH_ROOM, OFFICE_LISTENER_ROOM, OFFICE_ROOM, type HubIo } from './socketTypes.js';

/**
 * At most one message per this interval to the office's listeners (wall displays) while events come faster.
 * An event a display announces (a call, a recall) goes out at once, with what waited before it; during a burst
 * of tickets a display's messages carry several commits, a few milliseconds apart.
 */
export const LISTENER_INTERVAL_MS = 10;

/** What a display shows and reads out the moment it happens. */
const ANNOUNCED: ReadonlySet<string> = new Set(['ticket.called', 'ticket.recalled']);

/**
 * Sends each commit's events to the office's sockets, before the engine answers the commit's commands, so every
 * client that sends commands has a command's events before its reply.
 *
 * The engine commits every command of one WAL sync in one transaction (its group commit), so one commit is often
 * several tickets. Sockets that asked for batches get them as one `events` message: when ten kiosks' commands
 * arrive together, a counter receives one message instead of ten. Other sockets get one `event` each.
 *
 * Listeners (batch-asking displays, which never send commands) get the same `events` messages, but at most one
 * per `LISTENER_INTERVAL_MS` unless a call is among them: the events of the commits in between wait, in order, and
 * go together. With a hundred displays connected, the frames written to them were most of the hub's work per ticket.
 */
export class EventBroadcast {
  /** Events not yet sent to the listeners, oldest first. */
  private held: EventEnvelope[] = [];
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: HubIo,
    private readonly intervalMs = LISTENER_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * One commit's events. `fromListener`: one of them was sent by a listening device; it is answered after this
   * returns, so the listeners get everything now.
   */
  commit(envelopes: EventEnvelope[], fromListener = false): void {
    if (envelopes.length === 0) return;
    // A room nobody is in is skipped: Socket.IO would still encode the message and keep it for recovery.
    if (hasMembers(this.io, OFFICE_ROOM)) {
      for (const envelope of envelopes) this.io.to(OFFICE_ROOM).emit('event', envelope);
    }
    if (hasMembers(this.io, OFFICE_BATCH_ROOM)) this.io.to(OFFICE_BATCH_ROOM).emit('events', envelopes);
    if (!hasMembers(this.io, OFFICE_LISTENER_ROOM)) {
      // A listener that joins later starts from a sync of the published state, which has these.
      this.held = [];
      return;
    }
    this.held.push(...envelopes);
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (fromListener || wait <= 0 || envelopes.some((e) => ANNOUNCED.has(e.event.type))) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait).unref();
  }

  /** Sends what the listeners have not had yet. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.held.length === 0) return;
    const envelopes = this.held;
    this.held = [];
    this.lastSentAt = this.now();
    if (hasMembers(this.io, OFFICE_LISTENER_ROOM)) this.io.to(OFFICE_LISTENER_ROOM).emit('events', envelopes);
  }
}

/** Devices that only show the queue: they send no commands, so no reply of theirs waits behind their events. */
const LISTENING_DEVICE_KINDS: ReadonlySet<DeviceKind> = new Set<DeviceKind>(['display']);

export function listensOnly(actor: Actor): boolean {
  return actor.kind === 'device' && LISTENING_DEVICE_KINDS.has(actor.deviceKind);
}

/** Whether an event's actor (`actorRef`) is a listening device (should one ever send a command). */
export function isListeningDevice(state: QueueState, actor: string): boolean {
  if (!actor.startsWith('device:')) return false;
  const device = state.config.devices[actor.slice('device:'.length)];
  return device !== undefined && LISTENING_DEVICE_KINDS.has(device.kind);
}

function hasMembers(io: HubIo, room: string): boolean {
  return (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
}
