import {
  approveDeviceSchema,
  commandRequestSchema,
  domainError,
  helloRequestSchema,
  MAX_CATCH_UP_EVENTS,
  MAX_MESSAGE_BYTES,
  pairRequestSchema,
  parseCommand,
  PROTOCOL_VERSION,
  setPinSchema,
  signInRequestSchema,
  stateCodec,
  syncRequestSchema,
  type Actor,
  type ClientToHubEvents,
  type CommandInput,
  type CommandReply,
  type DeviceKind,
  type DomainError,
  type ErrorReply,
  type EventEnvelope,
  type HubToClientEvents,
  type Identity,
  type SyncPayload,
} from '@motcua/core';
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import type { AuthService } from '../auth/authService.js';
import { errorReply, storeErrorCode, type Engine } from '../engine.js';
import type { EventStore } from '../store/eventStore.js';
import type { FeatureSocketApi } from '../features/types.js';
import { TokenBucket } from './tokenBucket.js';

export interface SocketOptions {
  /** The hub's current epoch id; it changes when the hub finds itself behind its clients. */
  hubId(): string;
  /** Starts a new epoch (a new hubId) and returns it: clients resync from a snapshot. */
  startNewEpoch(reason: string): string;
  /** Approve devices that connect from this machine without an admin (the demo). */
  autoPairLocalhost: boolean;
  kioskIssuesPerMinute: number;
  kioskIssueBurst: number;
}

interface SocketData {
  actor: Actor;
  deviceId: string | null;
  sessionToken: string | null;
}

type HubSocket = Socket<ClientToHubEvents, HubToClientEvents, Record<string, never>, SocketData>;
export type HubIo = Server<ClientToHubEvents, HubToClientEvents, Record<string, never>, SocketData>;

const OFFICE_ROOM = 'office';
const RECENT_EVENTS_KEPT = 2000;

function badRequest(error: z.ZodError): ErrorReply {
  const first = error.issues[0];
  return errorReply(domainError('BAD_REQUEST', { path: first?.path.join('.') ?? null, issue: first?.message ?? null }));
}

function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * A browser sends the page's Origin: only the hub's own pages may be paired without an admin, so a web
 * page from elsewhere opened on the hub machine cannot pair itself. Programs send no Origin.
 */
function isOwnPage(socket: { handshake: { headers: Record<string, string | string[] | undefined> } }): boolean {
  const origin = socket.handshake.headers.origin;
  if (origin === undefined) return true;
  try {
    return typeof origin === 'string' && new URL(origin).host === socket.handshake.headers.host;
  } catch {
    return false;
  }
}

/** Wraps a handler: an ack that is not a function, or a throw, never takes the hub down. */
function guarded<A>(log: Logger, name: string, handler: (request: unknown, ack: (reply: A) => void) => void) {
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

export interface SocketExtensions {
  /** Called for each new connection after the built-in handlers are registered. */
  onConnection(socket: Socket, api: FeatureSocketApi): void;
  /** Lets features add to an accepted command's reply (e.g. the ticket's signed status link). */
  commandReply?(command: CommandInput, reply: CommandReply & { ok: true }): void;
}

export function attachSocketServer(
  httpServer: HttpServer,
  engine: Engine,
  store: EventStore,
  auth: AuthService,
  options: SocketOptions,
  log: Logger,
  extensions: SocketExtensions = { onConnection: () => undefined },
): HubIo {
  const io: HubIo = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 2 * MAX_MESSAGE_BYTES,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    cors: { origin: false },
  });

  const recent: EventEnvelope[] = [];
  /** The last snapshot sent, serialized once and shared by every client that asks at the same seq. */
  let snapshot: { seq: number; bytes: Buffer } | null = null;
  const kioskBuckets = new Map<string, TokenBucket>();

  engine.onEvents((envelopes) => {
    for (const envelope of envelopes) {
      recent.push(envelope);
      io.to(OFFICE_ROOM).emit('event', envelope);
      reactToDeviceChanges(envelope);
    }
    if (recent.length > RECENT_EVENTS_KEPT) recent.splice(0, recent.length - RECENT_EVENTS_KEPT);
  });

  /** A revoked device is cut off at once (its pairing row changed in the event's transaction). */
  function reactToDeviceChanges(envelope: EventEnvelope): void {
    if (envelope.event.type !== 'config.deviceUpserted') return;
    const { device } = envelope.event;
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.deviceId !== device.id) continue;
      if (device.revoked) {
        socket.emit('auth.revoked', { code: 'UNAUTHENTICATED', message: domainError('UNAUTHENTICATED').message });
        socket.disconnect(true);
      } else if (socket.data.actor.kind === 'anonymous') {
        socket.emit('pair.approved', { deviceId: device.id, deviceToken: '' });
      }
    }
  }

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
      const events = store.eventsSince(lastSeq, MAX_CATCH_UP_EVENTS);
      if (events.at(-1)?.seq === seq) return { kind: 'events', hubId, events };
    }
    if (snapshot?.seq !== seq) snapshot = { seq, bytes: Buffer.from(stateCodec.encode(engine.state)) };
    return { kind: 'snapshot', hubId, stateJson: snapshot.bytes };
  }

  /** New hubId; every connected client is told, and its next hello gets a snapshot of this history. */
  function startNewEpoch(reason: string): void {
    const hubId = options.startNewEpoch(reason);
    snapshot = null;
    // After the current handler's ack has left, so the client that reported it has its snapshot first.
    setImmediate(() => io.emit('hub.epoch', { hubId }));
  }

  function identityOf(socket: HubSocket): Identity {
    const { actor, deviceId } = socket.data;
    const device = deviceId ? engine.state.config.devices[deviceId] : undefined;
    const user = actor.kind === 'user' ? (engine.state.config.users[actor.userId] ?? null) : null;
    return {
      actor,
      device: device ? { id: device.id, kind: device.kind, name: device.name, counterId: device.counterId } : null,
      user,
      counterId: actor.kind === 'user' || actor.kind === 'device' ? actor.counterId : null,
    };
  }

  function deviceActor(deviceId: string): Actor | DomainError {
    const device = engine.state.config.devices[deviceId];
    if (!device || device.revoked) return domainError('UNAUTHENTICATED', { pairing: device ? 'revoked' : 'pending' });
    return { kind: 'device', deviceId, deviceKind: device.kind, counterId: device.counterId };
  }

  function approveDevice(
    deviceId: string,
    kind: DeviceKind,
    name: string,
    counterId: string | null,
    printerProfileId: string | null,
    by: Actor,
  ) {
    return engine.execute(
      by,
      {
        type: 'config.upsertDevice',
        device: { id: deviceId, kind, name, counterId, printerProfileId, revoked: false },
      },
      null,
    );
  }

  function kioskBucket(deviceId: string): TokenBucket {
    let bucket = kioskBuckets.get(deviceId);
    if (!bucket) {
      bucket = new TokenBucket(options.kioskIssueBurst, options.kioskIssuesPerMinute / 60_000);
      kioskBuckets.set(deviceId, bucket);
    }
    return bucket;
  }

  const featureApi: FeatureSocketApi = {
    actorOf: (socket) => (socket as HubSocket).data.actor ?? { kind: 'anonymous' },
    identityOf: (socket) => identityOf(socket as HubSocket),
    error: (code, details) => errorReply(domainError(code, details)),
    handle: (socket, event, handler) => {
      socket.on(event, (request: unknown, ack: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
        const actor = (socket as HubSocket).data.actor ?? { kind: 'anonymous' };
        Promise.resolve()
          .then(() => handler(request, actor))
          .then(reply, (error: unknown) => {
            log.error({ err: error, handler: event }, 'handler failed');
            reply(errorReply(domainError('INTERNAL')));
          });
      });
    },
  };

  /**
   * A packet over MAX_MESSAGE_BYTES gets `protocol.error` MESSAGE_TOO_LARGE, then the connection closes
   * (the transport's own limit, twice as large, closes without a word).
   */
  function refuseOversizeMessages(socket: HubSocket): void {
    socket.conn.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message') return;
      const size =
        typeof packet.data === 'string'
          ? Buffer.byteLength(packet.data)
          : Buffer.isBuffer(packet.data)
            ? packet.data.length
            : 0;
      if (size <= MAX_MESSAGE_BYTES) return;
      log.warn({ size, address: socket.handshake.address }, 'message over the size limit; closing the connection');
      socket.emit('protocol.error', errorReply(domainError('MESSAGE_TOO_LARGE', { limitBytes: MAX_MESSAGE_BYTES })));
      socket.disconnect(true);
    });
  }

  io.on('connection', (rawSocket) => {
    const socket = rawSocket as HubSocket;
    if (!socket.recovered) socket.data = { actor: { kind: 'anonymous' }, deviceId: null, sessionToken: null };
    const address = socket.handshake.address;
    refuseOversizeMessages(socket);
    // Runs before the named handlers: a name nobody handles gets an answer instead of the client's timeout.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (socket.listeners(event as keyof ClientToHubEvents).length > 0) return;
      const ack = args.at(-1);
      log.warn({ event: String(event).slice(0, 64) }, 'unknown socket event');
      if (typeof ack === 'function')
        ack(errorReply(domainError('UNKNOWN_EVENT', { event: String(event).slice(0, 64) })));
    });

    socket.on(
      'hello',
      guarded(log, 'hello', (request, ack) => {
        const parsed = helloRequestSchema.safeParse(request);
        if (!parsed.success) {
          const protocol = (request as { protocol?: unknown } | null)?.protocol;
          if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
            return ack(errorReply(domainError('BAD_REQUEST', { issue: `protocol ${PROTOCOL_VERSION} expected` })));
          }
          return ack(badRequest(parsed.error));
        }
        const hello = parsed.data;
        let actor: Actor = { kind: 'anonymous' };
        let deviceId: string | null = null;
        if (hello.deviceToken) {
          const device = auth.deviceForToken(hello.deviceToken);
          if (!device) return ack(errorReply(domainError('UNAUTHENTICATED', { pairing: 'unknown' })));
          if (device.status === 'pending') {
            socket.data = { actor, deviceId: device.deviceId, sessionToken: null };
            return ack(
              errorReply(domainError('UNAUTHENTICATED', { pairing: 'pending', pairingCode: device.pairingCode })),
            );
          }
          const asDevice = deviceActor(device.deviceId);
          if ('code' in asDevice) return ack(errorReply(asDevice));
          actor = asDevice;
          deviceId = device.deviceId;
        }
        let sessionToken: string | null = null;
        if (hello.sessionToken) {
          const session = auth.session(hello.sessionToken);
          const user = session ? engine.state.config.users[session.userId] : undefined;
          if (session && user && !user.disabled && (session.deviceId === null || session.deviceId === deviceId)) {
            actor = { kind: 'user', userId: user.id, role: user.role, counterId: session.counterId, deviceId };
            sessionToken = hello.sessionToken;
          }
        }
        socket.data = { actor, deviceId, sessionToken };
        if (actor.kind === 'anonymous') {
          socket.leave(OFFICE_ROOM);
          return ack({ ok: true, identity: identityOf(socket), hubTime: engine.now(), sync: null });
        }
        // Join before reading the sync in the same tick: no event can fall between the two.
        socket.join(OFFICE_ROOM);
        ack({
          ok: true,
          identity: identityOf(socket),
          hubTime: engine.now(),
          sync: syncFrom(hello.lastSeq, hello.hubId),
        });
      }),
    );

    socket.on(
      'sync',
      guarded(log, 'sync', (request, ack) => {
        const parsed = syncRequestSchema.safeParse(request);
        if (!parsed.success) return ack(badRequest(parsed.error));
        if (socket.data.actor.kind === 'anonymous') return ack(errorReply(domainError('UNAUTHENTICATED')));
        ack({ ok: true, sync: syncFrom(parsed.data.lastSeq, parsed.data.hubId) });
      }),
    );

    socket.on(
      'command',
      guarded(log, 'command', (request, ack) => {
        const parsed = commandRequestSchema.safeParse(request);
        if (!parsed.success) return ack(badRequest(parsed.error));
        const { actor } = socket.data;
        const { command, requestId } = parsed.data;
        // A retry gets its first answer even when the sender is over its rate limit.
        const answer = (reply: CommandReply) => {
          if (reply.ok) extensions.commandReply?.(command as CommandInput, reply);
          ack(reply);
        };
        const known = engine.knownReply(actor, command, requestId);
        if (known) return void known.then(answer);
        // Only a well-formed ticket.issue takes a token: a kiosk's bad input must not use up its bucket.
        if (actor.kind === 'device' && actor.deviceKind === 'kiosk' && parseCommand(command).ok) {
          if (command.type === 'ticket.issue' && !kioskBucket(actor.deviceId).take())
            return ack(errorReply(domainError('RATE_LIMITED')));
        }
        void engine.submit(actor, command, requestId).then(answer);
      }),
    );

    socket.on(
      'pair.request',
      guarded(log, 'pair.request', (request, ack) => {
        const parsed = pairRequestSchema.safeParse(request);
        if (!parsed.success) return ack(badRequest(parsed.error));
        const { kind, name, counterId } = parsed.data;
        if (counterId !== null && !engine.state.config.counters[counterId])
          return ack(errorReply(domainError('NOT_FOUND')));
        const pairing = auth.requestPairing(kind, name);
        socket.data = { actor: { kind: 'anonymous' }, deviceId: pairing.deviceId, sessionToken: null };
        let approved = false;
        if (options.autoPairLocalhost && isLoopback(address) && isOwnPage(socket)) {
          const reply = approveDevice(pairing.deviceId, kind, name, counterId, null, { kind: 'system' });
          approved = reply.ok;
          log.info({ deviceId: pairing.deviceId, kind }, 'device paired automatically (demo, localhost)');
        } else {
          log.info({ deviceId: pairing.deviceId, kind, pairingCode: pairing.pairingCode }, 'device waits for approval');
        }
        ack({
          ok: true,
          deviceId: pairing.deviceId,
          pairingCode: pairing.pairingCode,
          deviceToken: pairing.deviceToken,
          approved,
        });
      }),
    );

    socket.on(
      'device.approve',
      guarded(log, 'device.approve', (request, ack) => {
        const { actor } = socket.data;
        if (actor.kind !== 'user' || actor.role !== 'admin') return ack(errorReply(domainError('FORBIDDEN')));
        const parsed = approveDeviceSchema.safeParse(request);
        if (!parsed.success) return ack(badRequest(parsed.error));
        const pending = auth.findPendingByCode(parsed.data.pairingCode);
        if (!pending) return ack(errorReply(domainError('NOT_FOUND')));
        const reply = approveDevice(
          pending.deviceId,
          pending.kind,
          parsed.data.name ?? pending.name,
          parsed.data.counterId,
          parsed.data.printerProfileId,
          actor,
        );
        if (!reply.ok) return ack(reply);
        ack({ ok: true, deviceId: pending.deviceId });
      }),
    );

    socket.on(
      'device.list',
      guarded(log, 'device.list', (_request, ack) => {
        const { actor } = socket.data;
        if (actor.kind !== 'user' || actor.role === 'clerk') return ack(errorReply(domainError('FORBIDDEN')));
        ack({ ok: true, devices: auth.listDevices() });
      }),
    );

    socket.on(
      'user.setPin',
      guarded(log, 'user.setPin', (request, ack) => {
        const { actor } = socket.data;
        if (actor.kind !== 'user' || actor.role !== 'admin') return ack(errorReply(domainError('FORBIDDEN')));
        const parsed = setPinSchema.safeParse(request);
        if (!parsed.success) return ack(badRequest(parsed.error));
        if (!engine.state.config.users[parsed.data.userId]) return ack(errorReply(domainError('NOT_FOUND')));
        auth.setPin(parsed.data.userId, parsed.data.pin);
        log.info({ userId: parsed.data.userId, by: actor.userId }, 'PIN set');
        ack({ ok: true });
      }),
    );

    socket.on(
      'session.signIn',
      guarded(log, 'session.signIn', (request, ack) => {
        const parsed = signInRequestSchema.safeParse(request);
        if (!parsed.success) return ack(badRequest(parsed.error));
        const { username, pin } = parsed.data;
        const user = Object.values(engine.state.config.users).find((u) => u.username === username.toLowerCase());
        if (!user) return ack(errorReply(domainError('INVALID_CREDENTIALS')));
        const refused = auth.checkPin(user, pin);
        if (refused) {
          log.warn({ username: user.username, code: refused.code, address }, 'sign-in refused');
          return ack(errorReply(refused));
        }
        const { actor, deviceId } = socket.data;
        let counterId: string | null = null;
        if (user.role === 'clerk') {
          // A clerk works on a paired counter device, at the counter the device stands at or the one chosen.
          if (actor.kind === 'anonymous' || deviceId === null) return ack(errorReply(domainError('UNAUTHENTICATED')));
          const device = engine.state.config.devices[deviceId];
          if (device?.kind !== 'counter') return ack(errorReply(domainError('FORBIDDEN')));
          counterId = device.counterId ?? parsed.data.counterId;
          if (!counterId || !engine.state.config.counters[counterId]) return ack(errorReply(domainError('NOT_FOUND')));
          const assigned = engine.execute(
            { kind: 'system' },
            { type: 'counter.assignClerk', counterId, userId: user.id },
            null,
          );
          if (!assigned.ok) return ack(assigned);
        } else if (parsed.data.counterId !== null) {
          counterId = engine.state.config.counters[parsed.data.counterId] ? parsed.data.counterId : null;
        }
        const sessionToken = auth.createSession({ userId: user.id, counterId, deviceId });
        socket.data = {
          actor: { kind: 'user', userId: user.id, role: user.role, counterId, deviceId },
          deviceId,
          sessionToken,
        };
        socket.join(OFFICE_ROOM);
        log.info({ username: user.username, role: user.role, counterId }, 'signed in');
        ack({ ok: true, sessionToken, user, counterId });
      }),
    );

    socket.on(
      'session.signOut',
      guarded(log, 'session.signOut', (_request, ack) => {
        const { actor, sessionToken, deviceId } = socket.data;
        if (actor.kind !== 'user' || !sessionToken) return ack({ ok: true });
        auth.endSession(sessionToken);
        if (actor.role === 'clerk' && actor.counterId) {
          const counter = engine.state.counters[actor.counterId];
          if (counter?.clerkId === actor.userId) {
            engine.execute(
              { kind: 'system' },
              { type: 'counter.assignClerk', counterId: actor.counterId, userId: null },
              null,
            );
          }
        }
        const asDevice = deviceId ? deviceActor(deviceId) : null;
        socket.data = {
          actor: asDevice && !('code' in asDevice) ? asDevice : { kind: 'anonymous' },
          deviceId,
          sessionToken: null,
        };
        if (socket.data.actor.kind === 'anonymous') socket.leave(OFFICE_ROOM);
        ack({ ok: true });
      }),
    );
    extensions.onConnection(socket as unknown as Socket, featureApi);
  });

  return io;
}
