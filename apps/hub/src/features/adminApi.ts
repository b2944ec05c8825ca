import { domainError, idSchema, type ErrorCode, type Role, type TicketPrintout, type User } from '@motcua/core';
import { loadPrinter } from './loadPrinter.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readJsonBody, sendJson } from '../net/httpServer.js';
import type { HubContext, HubFeature } from './types.js';

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
  // A session opened under another role (the user was demoted since) is no longer good for anything.
  if (!user || user.disabled || (session?.role != null && session.role !== user.role)) {
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

const testPrintSchema = z.strictObject({ profileId: idSchema });

/** A sample ticket for "print a test ticket": what citizens will get, marked as a test. */
export function testTicketPrintout(officeName: string, timeZone: string, at: number): TicketPrintout {
  return {
    officeName,
    serviceNameVi: 'In thử – kiểm tra máy in',
    serviceNameEn: 'Test print – printer check',
    label: 'A000',
    issuedAt: at,
    timeZone,
    peopleAhead: 0,
    etaMinutes: 0,
    qrContent: 'https://example.invalid/in-thu',
    footer: 'Vé in thử, không có giá trị',
  };
}

/**
 * POST /api/printers/test {profileId}: prints a test ticket through that printer profile from the hub
 * (network and file printers; a USB printer on a kiosk prints from the kiosk). Admin only.
 */
export const adminApiFeature: HubFeature = {
  name: 'adminApi',
  routes: (ctx) => [
    {
      method: 'POST',
      path: '/api/printers/test',
      handler: async (req, res) => {
        if (!requireStaff(ctx, req, res, ['admin'])) return;
        const parsed = testPrintSchema.safeParse(await readJsonBody(req, 10_000));
        if (!parsed.success) return sendError(res, 400, 'BAD_REQUEST', parsed.error.issues[0]?.message);
        const profile = ctx.engine.state.config.printerProfiles[parsed.data.profileId];
        if (!profile) return sendError(res, 404, 'NOT_FOUND');
        const { office } = ctx.engine.state.config;
        const { isPrinterError, printerErrorMessage, printTicket } = await loadPrinter();
        try {
          await printTicket(profile, testTicketPrintout(office.name, office.timeZone, ctx.engine.now()), {
            timeoutMs: 8000,
          });
          sendJson(res, 200, { ok: true });
        } catch (error) {
          if (!isPrinterError(error)) throw error;
          const message = printerErrorMessage(error.code);
          sendJson(res, 200, { ok: false, code: `PRINTER_${error.code}`, message: message.vi, messageEn: message.en });
        }
      },
    },
  ],
};
