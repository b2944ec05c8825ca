import {
  approveDeviceSchema,
  commandRequestSchema,
  domainError,
  helloRequestSchema,
  MAX_CATCH_UP_EVENTS,
  pairRequestSchema,
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
  hubId: string;
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
    maxHttpBufferSize: 2_000_000,
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

  /** Keeps pairings in step with the admin's device changes; a revoked device is cut off at once. */
  function reactToDeviceChanges(envelope: EventEnvelope): void {
    if (envelope.event.type !== 'config.deviceUpserted') return;
    const { device } = envelope.event;
    auth.setDeviceStatus(device.id, device.revoked ? 'revoked' : 'approved');
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
  function syncFrom(lastSeq: number, hubId: string | null): SyncPayload {
    const seq = engine.state.seq;
    const sameHub = hubId === null || hubId === options.hubId;
    if (sameHub && lastSeq > 0 && lastSeq <= seq && seq - lastSeq <= MAX_CATCH_UP_EVENTS) {
      const first = recent[0];
      if (lastSeq === seq) return { kind: 'events', hubId: options.hubId, events: [] };
      if (first && first.seq <= lastSeq + 1) {
        return { kind: 'events', hubId: options.hubId, events: recent.filter((e) => e.seq > lastSeq) };
      }
      const events = store.eventsSince(lastSeq, MAX_CATCH_UP_EVENTS);
      if (events.at(-1)?.seq === seq) return { kind: 'events', hubId: options.hubId, events };
    }
    if (snapshot?.seq !== seq) snapshot = { seq, bytes: Buffer.from(stateCodec.encode(engine.state)) };
    return { kind: 'snapshot', hubId: options.hubId, stateJson: snapshot.bytes };
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

  function approveDevice(deviceId: string, kind: DeviceKind, name: string, counterId: string | null, by: Actor) {
    return engine.execute(
      by,
      {
        type: 'config.upsertDevice',
        device: { id: deviceId, kind, name, counterId, printerProfileId: null, revoked: false },
      },
      null,
    );
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

  io.on('connection', (rawSocket) => {
    const socket = rawSocket as HubSocket;
    if (!socket.recovered) socket.data = { actor: { kind: 'anonymous' }, deviceId: null, sessionToken: null };
    const address = socket.handshake.address;

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
        if (actor.kind === 'device' && actor.deviceKind === 'kiosk' && parsed.data.command.type === 'ticket.issue') {
          let bucket = kioskBuckets.get(actor.deviceId);
          if (!bucket) {
            bucket = new TokenBucket(options.kioskIssueBurst, options.kioskIssuesPerMinute / 60_000);
            kioskBuckets.set(actor.deviceId, bucket);
          }
          if (!bucket.take(engine.now())) return ack(errorReply(domainError('RATE_LIMITED')));
        }
        const command = parsed.data.command as CommandInput;
        void engine.submit(actor, command, parsed.data.requestId).then((reply) => {
          if (reply.ok) extensions.commandReply?.(command, reply);
          ack(reply);
        });
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
          const reply = approveDevice(pairing.deviceId, kind, name, counterId, { kind: 'system' });
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
