import {
  changePasswordSchema,
  counterOfClerk,
  credentialProblem,
  domainError,
  emptyRequestSchema,
  setPinSchema,
  signInRequestSchema,
  STAFF_PASSWORD_MIN_LENGTH,
  type DomainError,
  type User,
} from '@motcua/core';
import type { SessionRecord } from '../auth/authService.js';
import type { ThrottleKeys } from '../auth/signInThrottle.js';
import { errorReply } from '../engine.js';
import { isKioskDevice } from './eventBroadcast.js';
import type { SocketContext } from './socketContext.js';
import { badRequest, guarded, joinOffice, type HubSocket } from './socketTypes.js';

/**
 * Sessions that just ended (signed out, expired, user disabled, demoted or given a new PIN): their sockets are told
 * and lose the user's rights now, and a clerk's counter is left without a clerk. `deferred` when called while the
 * engine is broadcasting, so the counter change is stored after the events being sent.
 */
export function sessionsEnded(ctx: SocketContext, ended: readonly SessionRecord[], deferred = false): void {
  if (ended.length === 0) return;
  ctx.identity.refreshSessions(ended);
  const release = () => {
    for (const session of ended) {
      if (session.role !== 'clerk' || !session.counterId) continue;
      if (ctx.engine.state.counters[session.counterId]?.clerkId !== session.userId) continue;
      ctx.engine.execute(
        { kind: 'system' },
        { type: 'counter.assignClerk', counterId: session.counterId, userId: null },
        null,
      );
    }
  };
  if (deferred) setImmediate(release);
  else release();
}

function findUser(ctx: SocketContext, username: string): User | null {
  const name = username.toLowerCase();
  return Object.values(ctx.engine.state.config.users).find((u) => u.username === name) ?? null;
}

/** `session.signIn`, `session.signOut`, `session.changePassword`, and the admin's `user.setPin`. */
export function registerSessions(socket: HubSocket, ctx: SocketContext): void {
  const { auth, engine, identity, log, throttle } = ctx;

  /** Refuses while the source or account must wait; a refusal is logged for the audit. */
  function throttled(keys: ThrottleKeys, username: string, userId: string | null): DomainError | null {
    const waitMs = throttle.retryAfterMs(keys, engine.now());
    if (waitMs <= 0) return null;
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    auth.recordSignIn({
      outcome: 'throttled',
      code: 'TOO_MANY_ATTEMPTS',
      username,
      userId,
      address: keys.source,
      deviceId: socket.data.deviceId,
      retryAfterSeconds,
    });
    return domainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds });
  }

  function failed(code: DomainError['code'], username: string, userId: string | null, address: string): DomainError {
    auth.recordSignIn({
      outcome: 'failed',
      code,
      username,
      userId,
      address,
      deviceId: socket.data.deviceId,
      retryAfterSeconds: null,
    });
    log.warn({ username, code, address }, 'sign-in refused');
    return domainError(code);
  }

  socket.on(
    'session.signIn',
    guarded(log, 'session.signIn', (request, ack) => {
      const parsed = signInRequestSchema.safeParse(request);
      if (!parsed.success) return ack(badRequest(parsed.error));
      const { username, pin } = parsed.data;
      const address = ctx.sourceAddress(socket);
      const user = findUser(ctx, username);
      const keys: ThrottleKeys = { source: address, account: user?.id ?? null };
      const wait = throttled(keys, username, user?.id ?? null);
      if (wait) return ack(errorReply(wait));
      // The device first: a clerk's PIN from anywhere but a paired counter gets this answer, right or wrong.
      const device = identity.deviceActor(socket.data.deviceId);
      const atCounterDevice = device?.kind === 'device' && device.deviceKind === 'counter' ? device : null;
      if (user?.role === 'clerk' && !atCounterDevice) {
        return ack(errorReply(failed('CLERK_DEVICE_REQUIRED', username, user.id, address)));
      }
      const check = auth.verifyPin(user?.id ?? null, pin);
      if (!user || !check.ok) {
        throttle.recordFailure(keys, engine.now());
        return ack(errorReply(failed('INVALID_CREDENTIALS', username, user?.id ?? null, address)));
      }
      if (user.disabled) return ack(errorReply(failed('ACCOUNT_DISABLED', username, user.id, address)));
      throttle.recordSuccess(keys);
      // A clerk works at the counter the device stands at, or the one chosen on it.
      let counterId =
        user.role === 'clerk' ? (atCounterDevice?.counterId ?? parsed.data.counterId) : parsed.data.counterId;
      if (counterId !== null && !engine.state.config.counters[counterId]) {
        if (user.role === 'clerk') return ack(errorReply(domainError('NOT_FOUND')));
        counterId = null;
      }
      if (user.role === 'clerk') {
        if (!counterId) return ack(errorReply(domainError('NOT_FOUND')));
        // Signing in here closes the counter the clerk works at: only once they said so.
        const elsewhere = counterOfClerk(engine.state, user.id);
        if (elsewhere && elsewhere.id !== counterId && !parsed.data.moveFromOtherCounter) {
          return ack(
            errorReply(
              domainError('CLERK_AT_OTHER_COUNTER', { counterId: elsewhere.id, counterNumber: elsewhere.number }),
            ),
          );
        }
        const assigned = engine.execute(
          { kind: 'system' },
          { type: 'counter.assignClerk', counterId, userId: user.id },
          null,
        );
        if (!assigned.ok) return ack(assigned);
      }
      // A staff password shorter than the rule (set before it existed) must be replaced now.
      const mustChangePassword =
        check.mustChangePassword || (user.role !== 'clerk' && pin.length < STAFF_PASSWORD_MIN_LENGTH);
      const session = auth.createSession({
        userId: user.id,
        role: user.role,
        counterId,
        deviceId: socket.data.deviceId,
        mustChangePassword,
      });
      socket.data.sessionTokenHash = session.tokenHash;
      if (!mustChangePassword) joinOffice(socket, isKioskDevice(ctx.engine.state, socket.data.deviceId));
      log.info({ username: user.username, role: user.role, counterId, mustChangePassword }, 'signed in');
      ack({ ok: true, sessionToken: session.token, user, counterId, mustChangePassword });
    }),
  );

  socket.on(
    'session.signOut',
    guarded(log, 'session.signOut', (request, ack) => {
      const parsed = emptyRequestSchema.safeParse(request);
      if (!parsed.success) return ack(badRequest(parsed.error));
      const tokenHash = socket.data.sessionTokenHash;
      socket.data.sessionTokenHash = null;
      const ended = tokenHash ? auth.endSession(tokenHash) : null;
      // Every other socket of this session is signed out too; this one continues as its device, or as nobody.
      if (ended) sessionsEnded(ctx, [ended]);
      identity.refresh(socket);
      ack({ ok: true });
    }),
  );

  socket.on(
    'session.changePassword',
    guarded(log, 'session.changePassword', (request, ack) => {
      const parsed = changePasswordSchema.safeParse(request);
      if (!parsed.success) return ack(badRequest(parsed.error));
      const tokenHash = socket.data.sessionTokenHash;
      const session = tokenHash ? auth.sessionByHash(tokenHash) : null;
      const user = session ? engine.state.config.users[session.userId] : undefined;
      if (!tokenHash || !session || !user || user.disabled) return ack(errorReply(domainError('UNAUTHENTICATED')));
      const address = ctx.sourceAddress(socket);
      const keys: ThrottleKeys = { source: address, account: user.id };
      const wait = throttled(keys, user.username, user.id);
      if (wait) return ack(errorReply(wait));
      if (!auth.verifyPin(user.id, parsed.data.currentPassword).ok) {
        throttle.recordFailure(keys, engine.now());
        return ack(errorReply(failed('INVALID_CREDENTIALS', user.username, user.id, address)));
      }
      const { newPassword } = parsed.data;
      const problem = credentialProblem(user.role, newPassword);
      if (problem) return ack(errorReply(domainError(problem)));
      if (newPassword === parsed.data.currentPassword) {
        return ack(errorReply(domainError('WEAK_PASSWORD', { reason: 'unchanged' })));
      }
      auth.changePassword(user.id, tokenHash, newPassword);
      sessionsEnded(ctx, auth.endSessionsOf(user.id, tokenHash));
      log.info({ userId: user.id }, 'password changed');
      ack({ ok: true });
    }),
  );

  socket.on(
    'user.setPin',
    guarded(log, 'user.setPin', (request, ack) => {
      const actor = identity.actorOf(socket);
      // Admins only (the hub's guard, core's `socketEventRoles`); a user, so their own PIN is told apart.
      if (actor.kind !== 'user') return ack(errorReply(domainError('FORBIDDEN')));
      const parsed = setPinSchema.safeParse(request);
      if (!parsed.success) return ack(badRequest(parsed.error));
      const target = engine.state.config.users[parsed.data.userId];
      if (!target) return ack(errorReply(domainError('NOT_FOUND')));
      const problem = credentialProblem(target.role, parsed.data.pin);
      if (problem) return ack(errorReply(domainError(problem)));
      const self = target.id === actor.userId;
      // A password an admin chose for someone else is known to two people: its owner replaces it at sign-in.
      auth.setPin(target.id, parsed.data.pin, { mustChange: target.role !== 'clerk' && !self });
      sessionsEnded(ctx, auth.endSessionsOf(target.id, self ? socket.data.sessionTokenHash : null));
      log.info({ userId: target.id, by: actor.userId }, 'PIN set');
      ack({ ok: true });
    }),
  );
}
