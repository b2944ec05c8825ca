import { domainError, type ClientToHubEvents, type ErrorReply, type HubToClientEvents } from '@motcua/core';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { errorReply, storeErrorCode } from '../engine.js';

/**
 * What the hub remembers about a socket: which device it is and which session it uses, never who it is. The actor
 * is resolved from these on every call (net/socketIdentity.ts).
 */
export interface SocketData {
  /** The paired device (also while its pairing waits for approval). */
  deviceId: string | null;
  /** SHA-256 of the session token given in hello or made at sign-in. */
  sessionTokenHash: string | null;
  /** Asked in the handshake for `events` batches rather than one `event` each (`clientHandshakeSchema`). */
  eventBatches: boolean;
}

export type HubSocket = Socket<ClientToHubEvents, HubToClientEvents, Record<string, never>, SocketData>;
export type HubIo = Server<ClientToHubEvents, HubToClientEvents, Record<string, never>, SocketData>;

/** Sockets that may see the queue (paired devices, signed-in staff) receive its events here, one `event` each. */
export const OFFICE_ROOM = 'office';
/** Kiosks that asked for batches: one `events` message per commit. */
export const OFFICE_BATCH_ROOM = 'office:batches';
/** Every other socket that asked for batches: kiosks' new tickets paced to one message per few ms (EventBroadcast). */
export const OFFICE_PACED_ROOM = 'office:paced';

/**
 * From now on the socket receives the queue's events, the way it asked for them. `onKiosk`: the socket is a
 * kiosk's, which issues tickets and must have each one's events before its reply, so it is never paced.
 */
export function joinOffice(socket: HubSocket, onKiosk: boolean): void {
  leaveOffice(socket);
  if (!socket.data.eventBatches) void socket.join(OFFICE_ROOM);
  else void socket.join(onKiosk ? OFFICE_BATCH_ROOM : OFFICE_PACED_ROOM);
}

export function leaveOffice(socket: HubSocket): void {
  void socket.leave(OFFICE_ROOM);
  void socket.leave(OFFICE_BATCH_ROOM);
  void socket.leave(OFFICE_PACED_ROOM);
}

export function inOffice(socket: HubSocket): boolean {
  return socket.rooms.has(OFFICE_ROOM) || socket.rooms.has(OFFICE_BATCH_ROOM) || socket.rooms.has(OFFICE_PACED_ROOM);
}

export function badRequest(error: z.ZodError): ErrorReply {
  const first = error.issues[0];
  return errorReply(domainError('BAD_REQUEST', { path: first?.path.join('.') ?? null, issue: first?.message ?? null }));
}

/** Wraps a handler: an ack that is not a function, or a throw, never takes the hub down. */
export function guarded<A>(log: Logger, name: string, handler: (request: unknown, ack: (reply: A) => void) => void) {
  return (request: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (reply: A) => void) : () => undefined;
    try {
      handler(request, reply);
    } catch (error) {
      // A SQLite refusal (lock, full disk, read-only) is the store's state, not a bug: say which, so clients can retry.
      const storeCode = storeErrorCode(error);
      log.error({ err: error, handler: name }, storeCode ? 'store refused a write' : 'handler failed');
      reply(errorReply(domainError(storeCode ?? 'INTERNAL')) as A);
    }
  };
}
