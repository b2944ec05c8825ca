import type { EventEnvelope } from '@motcua/core';
import { OFFICE_BATCH_ROOM, OFFICE_ROOM, type HubIo } from './socketTypes.js';

/**
 * Sends the events of one commit to the office's sockets. The engine commits every command of a turn of its loop
 * in one transaction (its group commit), so one commit is often several tickets. Sockets that asked for batches get
 * them as one `events` message: when ten kiosks' commands arrive together, a display receives one message instead
 * of ten, and the hub writes one frame to it instead of ten (with a hundred displays connected, those frames were
 * most of the hub's work per ticket). Other sockets get one `event` each, as before.
 *
 * Both are sent before the engine answers the commands of the commit, so every client has a command's events
 * before its reply.
 */
export function broadcastCommit(io: HubIo, envelopes: EventEnvelope[]): void {
  if (envelopes.length === 0) return;
  // A room nobody is in is skipped: Socket.IO would still encode the message and keep it for recovery.
  if (hasMembers(io, OFFICE_ROOM)) for (const envelope of envelopes) io.to(OFFICE_ROOM).emit('event', envelope);
  if (hasMembers(io, OFFICE_BATCH_ROOM)) io.to(OFFICE_BATCH_ROOM).emit('events', envelopes);
}

function hasMembers(io: HubIo, room: string): boolean {
  return (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
}
