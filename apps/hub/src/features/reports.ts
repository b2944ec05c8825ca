import { isoDateSchema } from '@motcua/core';
import { z } from 'zod';
import { sendJson } from '../net/httpServer.js';
import { requireStaff, sendError } from './adminApi.js';
import { computeReport, type ReportRange } from './reportsQueries.js';
import type { HubFeature } from './types.js';

export const reportRangeSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((r) => r.from <= r.to, { message: 'from ≤ to', path: ['to'] });

/** The range from a query string (?from=YYYY-MM-DD&to=YYYY-MM-DD), or the reason it is refused. */
export function parseReportRange(url: URL): { ok: true; range: ReportRange } | { ok: false; issue: string } {
  const parsed = reportRangeSchema.safeParse({ from: url.searchParams.get('from'), to: url.searchParams.get('to') });
  if (parsed.success) return { ok: true, range: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, issue: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** GET /api/reports/summary: counts, times, idle time and the satisfaction index for a range of service days. */
export const reportsFeature: HubFeature = {
  name: 'reports',
  routes: (ctx) => [
    {
      method: 'GET',
      path: '/api/reports/summary',
      handler: async (req, res, url) => {
        if (!requireStaff(ctx, req, res)) return;
        const parsed = parseReportRange(url);
        if (!parsed.ok) return sendError(res, 400, 'BAD_REQUEST', parsed.issue);
        const summary = await computeReport(ctx.db, ctx.engine.state.config, parsed.range, ctx.engine.now());
        sendJson(res, 200, { ok: true, summary });
      },
    },
  ],
};
