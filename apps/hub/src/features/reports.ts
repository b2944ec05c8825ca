import { isoDateSchema } from '@motcua/core';
import { z } from 'zod';
import { defineRoute } from '../net/routes.js';
import type { ReportStore } from './reportStore.js';
import type { FeatureContext, HubFeature } from './types.js';

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD, from ≤ to. */
export const reportRangeSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((r) => r.from <= r.to, { message: 'from ≤ to', path: ['to'] });

/** GET /api/reports/summary: counts, times, idle time and the satisfaction index for a range of service days. */
export function createReportsFeature(ctx: FeatureContext, store: ReportStore): HubFeature {
  return {
    name: 'reports',
    routes: [
      defineRoute({
        method: 'GET',
        url: '/api/reports/summary',
        query: reportRangeSchema,
        handler: async ({ query }) => ({
          ok: true,
          summary: await store.summary(ctx.engine.state.config, query, ctx.engine.now()),
        }),
      }),
    ],
    stop: () => undefined,
  };
}
