import { clientAddress } from './clientAddress.js';
import {
  actorRole,
  authorizeSocketEvent,
  clientHandshakeOf,
  clientEventNames,
  domainError,
  isClientEventName,
  MAX_CATCH_UP_EVENTS,
  MAX_MESSAGE_BYTES,
  stateCodec,
  type CommandInput,
  type CommandReply,
  type EventEnvelope,
  type Role,
  type SyncPayload,
} from '@motcua/core';
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { AuthService } from '../auth/authService.js';
import { SignInThrottle } from '../auth/signInThrottle.js';
import { errorReply, type Engine } from '../engine.js';
import type { EventStore } from '../store/eventStore.js';
import type { FeatureSocketHandler, FeatureSocketHandlers } from '../features/types.js';
import { originAllowed, ownHostNames } from './originPolicy.js';
import { revalidatingAdapter } from './recoveryAdapter.js';
import { DeviceRateLimits, registerCommands } from './socketCommands.js';
import type { SocketContext, SocketOptions } from './socketContext.js';
import { registerHello } from './socketHello.js';
import { SocketIdentity } from './socketIdentity.js';
import { PairingLimits, registerPairing } from './socketPairing.js';
import { registerSessions, sessionsEnded } from './socketSessions.js';
import { EventBroadcast, kioskTicketsOnly } from './eventBroadcast.js';
import { inOffice, type HubIo, type HubSocket } from './socketTypes.js';

export type { HubIo } from './socketTypes.js';
export type { SocketOptions } from './socketContext.js';

const RECENT_EVENTS_KEPT = 2000;

export interface SocketExtensions {
  /** The features' socket events, registered on each new connection after the built-in handlers. */
  socketHandlers(): readonly FeatureSocketHandlers[];
  /** Lets features add to an accepted command's reply (e.g. the ticket's signed status link). */
  commandReply?(command: CommandInput, reply: CommandReply & { ok: true }): void;
}

export interface SocketServer {
  io: HubIo;
  /** Ends sessions past their lifetime and forgets unapproved pairings past theirs; the hub calls it on a timer. */
  sweep(): void;
}

/**
 * Socket.IO for devices and staff: who may connect (Origin), who a socket is (resolved on every call), and the
 * queue's events in order. The handlers live by concept: hello/sync, commands, pairing, sessions.
 */
export function attachSocketServer(
  httpServer: HttpServer,
  engine: Engine,
  store: EventStore,
  auth: AuthService,
  options: SocketOptions,
  log: Logger,
  extensions: SocketExtensions = { socketHandlers: () => [] },
): SocketServer {
  const hostNames = ownHostNames(options.allowedHostNames);
  let identity: SocketIdentity | null = null;
  const io: HubIo = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 2 * MAX_MESSAGE_BYTES,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    adapter: revalidatingAdapter((data) => identity?.stillValid(data) ?? false),
    cors: { origin: false },
    // A page from another site (or a renamed host: DNS rebinding) may not open a socket in a clerk's browser.
    allowRequest: (req, callback) => {
      const allowed = originAllowed(req.headers.origin, req.headers.host, options, hostNames);
      if (!allowed)
        log.warn({ origin: req.headers.origin, host: req.headers.host }, 'socket from a foreign origin refused');
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });
  identity = new SocketIdentity(io, engine, auth, log);

  const recent: EventEnvelope[] = [];
  /** The last snapshot sent, serialized once and shared by every client that asks at the same seq. */
  let snapshot: { seq: number; bytes: Buffer } | null = null;

  /** Missing events when the gap is short and the hub is the same, else (and for a client with nothing) a snapshot. */
  function syncFrom(lastSeq: number, clientHubId: string | null): SyncPayload {
    const seq = engine.state.seq;
    if (clientHubId === options.hubId() && lastSeq > seq) {
      // A client has seen events this database does not hold (a restored backup, a lost file): the
      // events after `seq` here are a different history, so the hub starts a new epoch and everyone resyncs.
      startNewEpoch(`a client reports seq ${lastSeq}, the database ends at ${seq}`);
    }
    const hubId = options.hubId();
    const sameHub = clientHubId === null || clientHubId === hubId;
    if (sameHub && lastSeq > 0 && lastSeq <= seq && seq - lastSeq <= MAX_CATCH_UP_EVENTS) {
      const first = recent[0];
      if (lastSeq === seq) return { kind: 'events', hubId, events: [] };
      if (first && first.seq <= lastSeq + 1) {
        return { kind: 'events', hubId, events: recent.filter((e) => e.seq > lastSeq) };
      }
      // Up to `seq` only: the database may already hold a batch whose WAL sync has not finished (not yet published).
      const events = store.eventsSince(lastSeq, seq - lastSeq);
      if (events.at(-1)?.seq === seq) return { kind: 'events', hubId, events };
    }
    if (snapshot?.seq !== seq) snapshot = { seq, bytes: Buffer.from(stateCodec.encode(engine.state)) };
    return { kind: 'snapshot', hubId, stateJson: snapshot.bytes };
  }

  /** New hubId; every connected client is told, and its next hello gets a snapshot of this history. */
  function startNewEpoch(reason: string): void {
    const hubId = options.startNewEpoch(reason);
    // After the current handler's ack has left, so the client that reported it has its snapshot first.
    setImmediate(() => io.emit('hub.epoch', { hubId }));
  }

  /**
   * A packet over MAX_MESSAGE_BYTES gets `protocol.error` MESSAGE_TOO_LARGE, then the connection closes
   * (the transport's own limit, twice as large, closes without a word).
   */
  function refuseOversizeMessages(socket: HubSocket): void {
    socket.conn.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message') return;
      const data = packet.data;
      const size = typeof data === 'string' ? Buffer.byteLength(data) : Buffer.isBuffer(data) ? data.length : 0;
      if (size <= MAX_MESSAGE_BYTES) return;
      log.warn({ size, address: socket.handshake.address }, 'message over the size limit; closing the connection');
      socket.emit('protocol.error', errorReply(domainError('MESSAGE_TOO_LARGE', { limitBytes: MAX_MESSAGE_BYTES })));
      socket.disconnect(true);
    });
  }

  /**
   * The one guard of every socket event, before any handler: core's access table (`socketEventRoles`) with the
   * socket's role resolved now. An event open to everyone resolves nothing here (a command's own line in the
   * table is core's `authorize`, in the engine). A one-time-password session is told to change it first.
   */
  function guardEvents(socket: HubSocket): void {
    socket.use(([event, ...args], next) => {
      if (!isClientEventName(event) || authorizeSocketEvent(event, 'none') === null) return next();
      const resolved = ctx.identity.refresh(socket);
      const refusal = authorizeSocketEvent(event, actorRole(resolved.actor));
      if (!refusal) return next();
      const ack: unknown = args.at(-1);
      if (typeof ack !== 'function') return;
      ack(errorReply(resolved.mustChangePassword ? domainError('PASSWORD_CHANGE_REQUIRED') : refusal));
    });
  }

  /** Runs before the named handlers: a name nobody handles gets an answer instead of the client's timeout. */
  function answerUnknownEvents(socket: HubSocket): void {
    socket.onAny((event: string, ...args: unknown[]) => {
      if (socket.listeners(event as 'command').length > 0) return;
      const name = String(event).slice(0, 64);
      log.warn({ event: name }, 'unknown socket event');
      const ack = args.at(-1);
      if (typeof ack === 'function') ack(errorReply(domainError('UNKNOWN_EVENT', { event: name })));
    });
  }

  const ctx: SocketContext = {
    io,
    engine,
    auth,
    identity,
    throttle: new SignInThrottle(),
    options,
    log,
    syncFrom,
    // The TCP peer, or behind a trusted proxy (--trust-proxy) the client it forwards, as HTTP counts it.
    sourceAddress: (socket) => clientAddress(socket.request, options.trust),
  };
  const deviceLimits = new DeviceRateLimits(ctx);
  const pairingLimits = new PairingLimits(ctx);

  /** Roles as last seen, so a demotion is noticed (the event carries only the new user). */
  const roles = new Map<string, Role>(Object.values(engine.state.config.users).map((u) => [u.id, u.role]));

  const broadcast = new EventBroadcast(io);
  engine.onEvents((envelopes) => {
    broadcast.commit(envelopes, kioskTicketsOnly(engine.state, envelopes));
    for (const envelope of envelopes) {
      recent.push(envelope);
      reactToAccessChanges(envelope);
    }
    if (recent.length > RECENT_EVENTS_KEPT) recent.splice(0, recent.length - RECENT_EVENTS_KEPT);
  });

  /** Keeps pairings and sessions in step with the admin's changes: a revoked device or removed right is cut off now. */
  function reactToAccessChanges(envelope: EventEnvelope): void {
    const { event } = envelope;
    if (event.type === 'config.userUpserted') {
      const { user } = event;
      const before = roles.get(user.id);
      roles.set(user.id, user.role);
      if (user.disabled || (before !== undefined && before !== user.role)) {
        sessionsEnded(ctx, auth.endSessionsOf(user.id), true);
      }
      return;
    }
    if (event.type !== 'config.deviceUpserted') return;
    // The pairing row changed in the event's own transaction (AuthService.pairingProjector).
    const { device } = event;
    for (const socket of io.sockets.sockets.values() as IterableIterator<HubSocket>) {
      if (socket.data.deviceId !== device.id) continue;
      const resolved = ctx.identity.refresh(socket);
      if (!device.revoked && resolved.actor.kind === 'device' && !inOffice(socket)) {
        socket.emit('pair.approved', { deviceId: device.id, deviceToken: '' });
      }
    }
  }

  /**
   * A feature's event: a throw or a rejected promise becomes an INTERNAL reply and a missing ack function is
   * tolerated, so no input takes the hub down. The actor is resolved at the call, like every built-in event.
   */
  function handleFeatureEvent(
    socket: HubSocket,
    event: (typeof clientEventNames)[number],
    handler: FeatureSocketHandler,
  ) {
    socket.on(event, (request: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
      Promise.resolve()
        .then(() => handler(request, ctx.identity.actorOf(socket), socket))
        .then(reply, (error: unknown) => {
          log.error({ err: error, handler: event }, 'handler failed');
          reply(errorReply(domainError('INTERNAL')));
        });
    });
  }

  io.on('connection', (socket) => {
    if (socket.recovered) {
      // Recovery skipped the handshake checks: the device and session are checked again before anything else.
      ctx.identity.refresh(socket);
      if (socket.disconnected) return;
    } else {
      const { eventBatches } = clientHandshakeOf(socket.handshake.auth);
      socket.data = { deviceId: null, sessionTokenHash: null, eventBatches };
    }
    refuseOversizeMessages(socket);
    answerUnknownEvents(socket);
    guardEvents(socket);
    socket.on('disconnect', (reason) => {
      log.debug({ deviceId: socket.data.deviceId, reason }, 'socket disconnected');
      if (socket.data.deviceId) auth.touchDevice(socket.data.deviceId);
    });
    registerHello(socket, ctx);
    registerCommands(socket, ctx, deviceLimits, (command, reply) => extensions.commandReply?.(command, reply));
    registerPairing(socket, ctx, pairingLimits, hostNames);
    registerSessions(socket, ctx);
    for (const handlers of extensions.socketHandlers()) {
      for (const event of clientEventNames) {
        const handler = handlers[event];
        if (handler) handleFeatureEvent(socket, event, handler);
      }
    }
  });

  return {
    io,
    sweep() {
      sessionsEnded(ctx, auth.sweepExpiredSessions());
      auth.expirePendingPairings();
    },
  };
}
