import { jsonRoute } from '../net/routes.js';
import type { ReportStore } from './reportStore.js';
import type { FeatureContext, HubFeature } from './types.js';

/** GET /api/reports/summary: counts, times, idle time and the satisfaction index for a range of service days. */
export function createReportsFeature(ctx: FeatureContext, store: ReportStore): HubFeature {
  return {
    name: 'reports',
    routes: [
      jsonRoute('GET /api/reports/summary', {
        handler: async ({ query }) => ({
          ok: true,
          summary: await store.summary(ctx.engine.state.config, query, ctx.engine.now()),
        }),
      }),
    ],
    stop: () => undefined,
  };
}
