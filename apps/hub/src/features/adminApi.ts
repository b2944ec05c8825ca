import { domainError, type ErrorCode, type Role, type User } from '@motcua/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../net/httpServer.js';
import type { HubContext } from './types.js';

/** Who may read reports, exports, the audit log and backups over HTTP. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'supervisor'];

/** The bearer token of a signed-in admin or supervisor (the admin page's session token). */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * The user behind the request's session token when their role is allowed; otherwise answers
 * 401/403 with a message the admin page shows, and returns null.
 */
export function requireStaff(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  roles: readonly Role[] = STAFF_ROLES,
): User | null {
  const token = bearerToken(req);
  const session = token ? ctx.auth.session(token) : null;
  const user = session ? ctx.engine.state.config.users[session.userId] : undefined;
  if (!user || user.disabled) {
    sendError(res, 401, 'UNAUTHENTICATED');
    return null;
  }
  if (!roles.includes(user.role)) {
    sendError(res, 403, 'FORBIDDEN');
    return null;
  }
  return user;
}

export function sendError(res: ServerResponse, status: number, code: ErrorCode, issue?: string): void {
  const error = domainError(code, issue ? { issue } : undefined);
  sendJson(res, status, {
    ok: false,
    code: error.code,
    message: error.message,
    ...(issue ? { details: { issue } } : {}),
  });
}
