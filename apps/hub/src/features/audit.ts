import { isoDateSchema } from '@motcua/core';
import { z } from 'zod';
import { defineRoute } from '../net/routes.js';
import { serviceDayBounds } from './reportsQueries.js';
import type { AuditLogStore } from './auditLogStore.js';
import type { FeatureContext, HubFeature } from './types.js';

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
export function createAuditFeature(ctx: FeatureContext, store: AuditLogStore): HubFeature {
  return {
    name: 'audit',
    routes: [
      defineRoute({
        method: 'GET',
        url: '/api/audit',
        query: auditQuerySchema,
        handler: ({ query }) => {
          const office = ctx.engine.state.config.office;
          const logged = store.events({
            fromAt: query.from ? serviceDayBounds({ from: query.from, to: query.from }, office).startsAt : undefined,
            toAt: query.to ? serviceDayBounds({ from: query.to, to: query.to }, office).endsAt : undefined,
            actor: query.actor,
            type: query.type,
            beforeSeq: query.before,
            limit: query.limit,
          });
          const entries: AuditEntry[] = logged.map((row) => {
            const event = row.event as { ticketId?: unknown; ticket?: { label?: unknown } };
            const ticketLabel =
              typeof event.ticket?.label === 'string'
                ? event.ticket.label
                : typeof event.ticketId === 'string'
                  ? store.ticketLabel(event.ticketId)
                  : null;
            return { ...row, ticketLabel };
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
    stop: () => undefined,
  };
}
