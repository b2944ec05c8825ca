import { domainError, type Actor, type Identity, type User } from '@motcua/core';
import type { Logger } from 'pino';
import type { AuthService, SessionRecord } from '../auth/authService.js';
import type { Engine } from '../engine.js';
import { leaveOffice, type HubIo, type HubSocket, type SocketData } from './socketTypes.js';

/** Who a socket is right now, worked out from the current state and session table. */
export interface ResolvedIdentity {
  actor: Actor;
  session: SessionRecord | null;
  user: User | null;
  mustChangePassword: boolean;
}

/**
 * Identity is never cached: every command, sync and feature call resolves it again from the device's current
 * record and the session table, so disabling, demoting, a new PIN, a revoked device, a sign-out elsewhere or an
 * expired session take effect at the next thing the socket does. `refresh` also tells the socket at once
 * (`auth.revoked`) and takes it out of the office room when it may no longer see the queue.
 */
export class SocketIdentity {
  constructor(
    private readonly io: HubIo,
    private readonly engine: Engine,
    private readonly auth: AuthService,
    private readonly log: Logger,
  ) {}

  /** The device actor of this socket's paired device, if it is still approved. */
  deviceActor(deviceId: string | null): Actor | null {
    const device = deviceId ? this.engine.state.config.devices[deviceId] : undefined;
    if (!device || device.revoked) return null;
    return { kind: 'device', deviceId: device.id, deviceKind: device.kind, counterId: device.counterId };
  }

  /** Resolves without side effects on the socket (hello uses it to answer, not to revoke). */
  resolve(socket: HubSocket): ResolvedIdentity {
    return this.resolveData(socket.data);
  }

  /** Whether a socket that was away (connection-state recovery) may have back what it missed. */
  stillValid(data: SocketData): boolean {
    const device = data.deviceId ? this.engine.state.config.devices[data.deviceId] : undefined;
    if (device?.revoked) return false;
    return !data.sessionTokenHash || this.resolveData(data).session !== null;
  }

  private resolveData(data: SocketData): ResolvedIdentity {
    const { deviceId, sessionTokenHash } = data;
    const asDevice = this.deviceActor(deviceId);
    const fallback: ResolvedIdentity = {
      actor: asDevice ?? { kind: 'anonymous' },
      session: null,
      user: null,
      mustChangePassword: false,
    };
    if (!sessionTokenHash) return fallback;
    const session = this.auth.sessionByHash(sessionTokenHash);
    if (!session) return fallback;
    const user = this.engine.state.config.users[session.userId];
    const valid =
      user !== undefined &&
      !user.disabled &&
      (session.role === null || session.role === user.role) &&
      (session.deviceId === null || (session.deviceId === deviceId && asDevice !== null));
    if (!valid) {
      // The user was disabled or demoted, or the device revoked: the session is over for good.
      this.auth.endSession(session.tokenHash);
      return fallback;
    }
    if (session.mustChangePassword) return { ...fallback, session, user, mustChangePassword: true };
    return {
      actor: { kind: 'user', userId: user.id, role: user.role, counterId: session.counterId, deviceId },
      session,
      user,
      mustChangePassword: false,
    };
  }

  /**
   * Resolves and acts on the answer: a revoked device is told and disconnected; a socket whose session ended is
   * told, forgets the session, and continues as its device or as nobody.
   */
  refresh(socket: HubSocket): ResolvedIdentity {
    const device = socket.data.deviceId ? this.engine.state.config.devices[socket.data.deviceId] : undefined;
    if (device?.revoked) {
      this.revoke(socket, 'device');
      return { actor: { kind: 'anonymous' }, session: null, user: null, mustChangePassword: false };
    }
    const resolved = this.resolve(socket);
    if (socket.data.sessionTokenHash && !resolved.session) {
      socket.data.sessionTokenHash = null;
      this.revoke(socket, 'session');
    }
    if (resolved.actor.kind === 'anonymous') leaveOffice(socket);
    return resolved;
  }

  /** The actor of a command, resolved now. */
  actorOf(socket: HubSocket): Actor {
    return this.refresh(socket).actor;
  }

  identityOf(socket: HubSocket, resolved: ResolvedIdentity = this.resolve(socket)): Identity {
    const device = socket.data.deviceId ? this.engine.state.config.devices[socket.data.deviceId] : undefined;
    const { actor } = resolved;
    return {
      actor,
      device:
        device && !device.revoked
          ? { id: device.id, kind: device.kind, name: device.name, counterId: device.counterId }
          : null,
      user: resolved.user,
      counterId: actor.kind === 'user' || actor.kind === 'device' ? actor.counterId : null,
      mustChangePassword: resolved.mustChangePassword,
    };
  }

  /** Re-checks every socket using one of these sessions (they just ended) or this device. */
  refreshWhere(match: (socket: HubSocket) => boolean): void {
    for (const socket of this.io.sockets.sockets.values() as IterableIterator<HubSocket>) {
      if (match(socket)) this.refresh(socket);
    }
  }

  refreshSessions(ended: readonly SessionRecord[]): void {
    if (ended.length === 0) return;
    const hashes = new Set(ended.map((s) => s.tokenHash));
    this.refreshWhere((socket) => socket.data.sessionTokenHash !== null && hashes.has(socket.data.sessionTokenHash));
  }

  private revoke(socket: HubSocket, scope: 'device' | 'session'): void {
    const code = 'UNAUTHENTICATED';
    socket.emit('auth.revoked', { code, message: domainError(code).message, scope });
    this.log.info({ deviceId: socket.data.deviceId, scope }, 'socket lost its rights');
    if (scope === 'device') {
      socket.data.deviceId = null;
      socket.data.sessionTokenHash = null;
      leaveOffice(socket);
      socket.disconnect(true);
    }
  }
}
