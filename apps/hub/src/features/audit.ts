import type { AuditEntry } from '@motcua/core';
import { jsonRoute } from '../net/routes.js';
import { serviceDayBounds } from './reportsQueries.js';
import type { AuditLogStore } from './auditLogStore.js';
import type { FeatureContext, HubFeature } from './types.js';

/** GET /api/audit: the append-only event log, newest first, filtered by day range, actor and type. */
export function createAuditFeature(ctx: FeatureContext, store: AuditLogStore): HubFeature {
  return {
    name: 'audit',
    routes: [
      jsonRoute('GET /api/audit', {
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
      jsonRoute('GET /api/audit/sign-ins', {
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
