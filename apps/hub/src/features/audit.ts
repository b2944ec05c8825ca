import { isoDateSchema } from '@motcua/core';
import { z } from 'zod';
import { defineRoute } from '../net/routes.js';
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

/** GET /api/audit: the append-only event log, newest first, filtered by day range, actor and type. */
export const auditFeature: HubFeature = {
  name: 'audit',
  routes: (ctx) => [
    defineRoute({
      method: 'GET',
      url: '/api/audit',
      query: auditQuerySchema,
      handler: ({ query }) => {
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
        return {
          ok: true,
          entries,
          nextBefore: entries.length === query.limit && last ? last.seq : null,
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/audit/sign-ins',
      query: signInLogQuerySchema,
      // Failed and throttled sign-ins (not events: nothing changed), newest first.
      handler: ({ query }) => {
        const entries = ctx.auth.signInLog(query.limit, query.before ?? null);
        const last = entries.at(-1);
        return { ok: true, entries, nextBefore: entries.length === query.limit && last ? last.id : null };
      },
    }),
  ],
};
