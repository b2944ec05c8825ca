import type {
  Actor,
  ClientEventName,
  ClientReply,
  CommandInput,
  HubAddresses,
  CommandReply,
  EventEnvelope,
  QueueState,
} from '@motcua/core';
import type { Logger } from 'pino';
import type { AuthService } from '../auth/authService.js';
import type { Engine } from '../engine.js';
import type { HubRoute } from '../net/routes.js';
import type { HubIo } from '../net/socketServer.js';
import type { HubSocket } from '../net/socketTypes.js';
import type { HubOptions } from '../options.js';

/** The hub's two clocks. */
export interface HubClock {
  /** The office's wall clock (with the test offset): for times people read and times stored. */
  now(): number;
  /** Milliseconds that never step back: for timers, rate limits, retry delays and cache lifetimes. */
  monotonic(): number;
}

/**
 * What one hub instance gives every feature it builds. No database: each feature gets its own narrow
 * store from `createHubFeatures`, so two hubs in one process share nothing.
 */
export interface FeatureContext {
  engine: Engine;
  auth: AuthService;
  io: HubIo;
  log: Logger;
  options: HubOptions;
  clock: HubClock;
  /** The current epoch's hubId (a new one after a restore). */
  hubId(): string;
  /** The hub's base URL for links (e.g. the status QR): the address it listens on, else its first LAN address. */
  publicUrl(): string;
  /** What the hub listens on and the machine's LAN addresses, for the admin's status-link check. */
  hubAddresses(): HubAddresses;
}

/**
 * A socket event a feature answers; the hub registers it on every connection with an ack. The request is
 * whatever the client sent (the handler validates it with core's schema); the reply is the one core's
 * protocol map (`ClientToHubEvents`) gives the event, so a feature cannot answer an event the map lacks.
 */
export type FeatureSocketHandler<E extends ClientEventName = ClientEventName> = (
  request: unknown,
  actor: Actor,
  socket: HubSocket,
) => ClientReply<E> | Promise<ClientReply<E>>;
export type FeatureSocketHandlers = { [E in ClientEventName]?: FeatureSocketHandler<E> };

/**
 * Keeps a feature's records in step with the events. It runs inside the transaction that stores them
 * (the group commit's too): whatever it writes through its feature's store commits or rolls back with
 * the events. A throw rolls the whole batch back and the commands are refused.
 */
export interface FeatureProjector {
  name: string;
  project(envelopes: EventEnvelope[], after: QueueState): void;
}

/**
 * One capability of one hub (printing, reports, appointments …), built by its `createXFeature(ctx, store)`:
 * HTTP routes, a projector, socket events, and scheduled jobs started by `start` and ended by `stop`.
 * Its tables and their migrations belong to its store (see docs/decisions/0008-feature-stores.md).
 */
export interface HubFeature {
  name: string;
  /** HTTP routes as data; the hub registers them behind the one guard (core's `httpRouteRoles`). */
  routes?: HubRoute[];
  projector?: FeatureProjector;
  socketHandlers?: FeatureSocketHandlers;
  /** Adds to the reply of an accepted command for the one who sent it (not stored, not broadcast). */
  commandReply?(command: CommandInput, reply: CommandReply & { ok: true }): void;
  /** First writes and scheduled jobs, once the hub listens. */
  start?(): void | Promise<void>;
  /** Ends this feature's timers and work in flight; the hub's other features and other hubs go on. */
  stop(): void | Promise<void>;
}
