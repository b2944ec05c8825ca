import { actorRole, type ActorRole, type User } from '@motcua/core';
import type { IncomingMessage } from 'node:http';
import type { AuthService } from '../auth/authService.js';
import type { Engine } from '../engine.js';

/** Who sent an HTTP request: the user of its bearer session (current role, not disabled), or nobody. */
export interface HttpCaller {
  role: ActorRole;
  user: User | null;
}

/** The bearer token of the request (the admin page's session token). */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || header.length > 512) return null;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
}

/** Resolved on every request from the session table and the current users, never cached. */
export function httpCaller(req: IncomingMessage, auth: AuthService, engine: Engine): HttpCaller {
  const token = bearerToken(req);
  const session = token ? auth.session(token) : null;
  const user = session ? engine.state.config.users[session.userId] : undefined;
  // A session opened under another role (the user was demoted since) is no longer good for anything.
  if (!user || user.disabled || (session?.role != null && session.role !== user.role))
    return { role: 'none', user: null };
  return {
    role: actorRole({
      kind: 'user',
      userId: user.id,
      role: user.role,
      counterId: session?.counterId ?? null,
      deviceId: session?.deviceId ?? null,
    }),
    user,
  };
}
