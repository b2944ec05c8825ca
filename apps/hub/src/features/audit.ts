import { isoDateSchema } from '@motcua/core';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from '../net/httpServer.js';
import { requireStaff, sendError } from './adminApi.js';
import { serviceDayBounds } from './reportsQueries.js';
import type { HubFeature } from './types.js';

export const auditQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** "user:admin", "device:kiosk-…", "system". */
  actor: z.string().max(120).optional(),
  /** An event type ("ticket.called") or a family ending in a dot ("config."). */
  type: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Only events older than this seq: the next page. */
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const signInLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Only entries older than this id: the next page. */
  before: z.coerce.number().int().min(1).optional(),
});

export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  type: string;
  event: unknown;
  /** The ticket's number ("A012") for ticket events, so the log reads like the desk talks. */
  ticketLabel: string | null;
}

/** The query string parsed by `schema`, or null after a 400 that names the bad parameter. */
function parseQuery<S extends z.ZodType>(schema: S, url: URL, res: ServerResponse): z.output<S> | null {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  sendError(res, 400, 'BAD_REQUEST', `${issue?.path.join('.')}: ${issue?.message}`);
  return null;
}

/** GET /api/audit: the append-only event log, newest first, filtered by day range, actor and type. */
export const auditFeature: HubFeature = {
  name: 'audit',
  routes: (ctx) => [
    {
      method: 'GET',
      path: '/api/audit',
      handler: (req, res, url) => {
        if (!requireStaff(ctx, req, res)) return;
        const query = parseQuery(auditQuerySchema, url, res);
        if (!query) return;
        const where: string[] = [];
        const params: (string | number)[] = [];
        const office = ctx.engine.state.config.office;
        if (query.from) {
          where.push('at >= ?');
          params.push(serviceDayBounds({ from: query.from, to: query.from }, office).startsAt);
        }
        if (query.to) {
          where.push('at < ?');
          params.push(serviceDayBounds({ from: query.to, to: query.to }, office).endsAt);
        }
        if (query.actor) {
          where.push('actor = ?');
          params.push(query.actor);
        }
        if (query.type) {
          if (query.type.endsWith('.')) {
            where.push('substr(type, 1, ?) = ?');
            params.push(query.type.length, query.type);
          } else {
            where.push('type = ?');
            params.push(query.type);
          }
        }
        if (query.before) {
          where.push('seq < ?');
          params.push(query.before);
        }
        const rows = ctx.db
          .prepare(
            `SELECT seq, at, actor, type, payload FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
             ORDER BY seq DESC LIMIT ?`,
          )
          .all(...params, query.limit) as { seq: number; at: number; actor: string; type: string; payload: string }[];
        const labelOf = ctx.db.prepare('SELECT label FROM tickets WHERE id = ?');
        const entries: AuditEntry[] = rows.map((row) => {
          const event = JSON.parse(row.payload) as { ticketId?: unknown; ticket?: { label?: unknown } };
          const ticketLabel =
            typeof event.ticket?.label === 'string'
              ? event.ticket.label
              : typeof event.ticketId === 'string'
                ? ((labelOf.get(event.ticketId) as { label: string } | undefined)?.label ?? null)
                : null;
          return { seq: row.seq, at: row.at, actor: row.actor, type: row.type, event, ticketLabel };
        });
        const last = entries.at(-1);
        sendJson(res, 200, {
          ok: true,
          entries,
          nextBefore: entries.length === query.limit && last ? last.seq : null,
        });
      },
    },
    {
      method: 'GET',
      path: '/api/audit/sign-ins',
      // Failed and throttled sign-ins (not events: nothing changed), newest first.
      handler: (req, res, url) => {
        if (!requireStaff(ctx, req, res)) return;
        const query = parseQuery(signInLogQuerySchema, url, res);
        if (!query) return;
        const entries = ctx.auth.signInLog(query.limit, query.before ?? null);
        const last = entries.at(-1);
        sendJson(res, 200, { ok: true, entries, nextBefore: entries.length === query.limit && last ? last.id : null });
      },
    },
  ],
};
