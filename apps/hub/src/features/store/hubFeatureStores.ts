import type { AppointmentStore } from '../appointments/appointmentStore.js';
import type { AuditLogStore } from '../auditLogStore.js';
import type { BackupScrubber, BackupStore } from '../backup.js';
import type { CentralOutboxStore } from '../centralOutboxStore.js';
import type { DossierStore } from '../dossierStore.js';
import type { ReportStore } from '../reportStore.js';
import type { TicketHolderStore } from '../ticketHolders.js';
import type { TicketLinkStore } from '../ticketStatus.js';
import type { WebhookOutboxStore } from '../webhookOutboxStore.js';

/**
 * Every feature's store for one hub: what `createHubFeatures` hands out, one narrow store per feature.
 * The SQLite implementation is `openSqliteFeatureStores`; a PostgreSQL one implements the same set.
 */
export interface HubFeatureStores {
  appointments: AppointmentStore;
  webhookOutbox: WebhookOutboxStore;
  centralOutbox: CentralOutboxStore;
  reports: ReportStore;
  dossiers: DossierStore;
  auditLog: AuditLogStore;
  backup: BackupStore;
  ticketLinks: TicketLinkStore;
  /** Card holders' names and ID hashes, only when the office keeps them (docs/id-card-reader.md). */
  ticketHolders: TicketHolderStore;
  /** What each store removes from kept backup files once its day is over. */
  backupScrubbers: BackupScrubber[];
}
