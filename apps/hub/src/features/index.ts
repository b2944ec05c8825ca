import { createAdminApiFeature } from './adminApi.js';
import { createAppointmentsFeature } from './appointments/appointmentsFeature.js';
import { createAuditFeature } from './audit.js';
import { createBackupFeature } from './backup.js';
import { createCentralShippingFeature } from './centralShipping.js';
import { createCounterPresenceFeature } from './counterPresence.js';
import { createDossiersFeature } from './dossiers.js';
import { createExportsFeature } from './exports.js';
import { createPeriodicReportFeature } from './periodicReport.js';
import { createOfficeVoiceFeature } from './officeVoice.js';
import { createPrintingFeature } from './printing.js';
import { createReportsFeature } from './reports.js';
import type { HubFeatureStores } from './store/hubFeatureStores.js';
import { createTicketHoldersFeature } from './ticketHolders.js';
import { createTicketStatusFeature } from './ticketStatus.js';
import type { FeatureContext, HubFeature } from './types.js';
import { createWebhooksFeature } from './webhooks.js';

/**
 * Every feature of one hub, each with its own store and state: two hubs in one process share nothing.
 * Add a line per feature. The central outbox comes first so its chain link is written before anything
 * else a batch projects.
 */
export function createHubFeatures(ctx: FeatureContext, stores: HubFeatureStores): HubFeature[] {
  const ticketStatus = createTicketStatusFeature(ctx, stores.ticketLinks);
  const { statusUrl } = ticketStatus;
  return [
    createCentralShippingFeature(ctx, stores.centralOutbox),
    createReportsFeature(ctx, stores.reports),
    createExportsFeature(ctx, stores.reports),
    createAuditFeature(ctx, stores.auditLog),
    createBackupFeature(ctx, stores.backup, stores.backupScrubbers),
    createAdminApiFeature(ctx),
    createPrintingFeature(ctx, statusUrl),
    createAppointmentsFeature(ctx, stores.appointments, statusUrl),
    ticketStatus,
    createWebhooksFeature(ctx, stores.webhookOutbox, {
      statusUrl,
      contactForTicket: (ticketId) => stores.appointments.contactForTicket(ticketId),
    }),
    createOfficeVoiceFeature(ctx),
    createDossiersFeature(ctx, stores.dossiers),
    createCounterPresenceFeature(ctx),
    createPeriodicReportFeature(ctx, stores.reports, stores.dossiers),
    createTicketHoldersFeature(ctx, stores.ticketHolders, ctx.options.holderPurgeEveryMs),
  ];
}
