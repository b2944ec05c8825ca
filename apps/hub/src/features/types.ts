import type { Actor, CommandInput, CommandReply, ErrorReply, Identity } from '@motcua/core';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { AuthService } from '../auth/authService.js';
import type { Engine } from '../engine.js';
import type { HubRoute } from '../net/routes.js';
import type { HubIo } from '../net/socketServer.js';
import type { EventStore, Projector } from '../store/eventStore.js';
import type { Db } from '../store/openDatabase.js';
import type { HubOptions } from '../options.js';

/** What a feature module gets to work with. */
export interface HubContext {
  engine: Engine;
  store: EventStore;
  auth: AuthService;
  db: Db;
  io: HubIo;
  log: Logger;
  options: HubOptions;
  /** The current epoch's hubId (a new one after a restore). */
  hubId(): string;
  /** The hub's base URL for links (e.g. the status QR), preferring the LAN address. */
  publicUrl(): string;
}

export interface FeatureSocketApi {
  /** Who this socket is now (after hello or sign-in). */
  actorOf(socket: Socket): Actor;
  identityOf(socket: Socket): Identity;
  /**
   * Registers a socket event with an ack. The handler's throw becomes an INTERNAL reply and a
   * missing ack function is tolerated, so no input takes the hub down.
   */
  handle(socket: Socket, event: string, handler: (request: unknown, actor: Actor) => unknown | Promise<unknown>): void;
  error(code: ErrorReply['code'], details?: ErrorReply['details']): ErrorReply;
}

/**
 * A capability added to the hub (printing, reports, appointments …) in a file of its own:
 * HTTP routes, a projector, socket events per connection, and a start/stop for timers.
 */
export interface HubFeature {
  name: string;
  /** HTTP routes as data; the hub registers them behind the one guard (core's `httpRouteRoles`). */
  routes?(ctx: HubContext): HubRoute[];
  /** The tables this feature keeps in step with the events, written in their transaction (see Projector). */
  projector?(ctx: HubContext): Projector;
  onConnection?(socket: Socket, ctx: HubContext, api: FeatureSocketApi): void;
  /** Adds to the reply of an accepted command for the one who sent it (not stored, not broadcast). */
  commandReply?(ctx: HubContext, command: CommandInput, reply: CommandReply & { ok: true }): void;
  start?(ctx: HubContext): void | Promise<void>;
  stop?(): void | Promise<void>;
}
