import type { Db } from '../../store/openDatabase.js';
import {
  appointmentMigrations,
  purgeContactsFromBackupFile,
  SqliteAppointmentStore,
} from '../appointments/appointmentStore.js';
import { SqliteAuditLogStore } from '../auditLogStore.js';
import { SqliteBackupStore } from '../backup.js';
import { centralOutboxMigrations, SqliteCentralOutboxStore } from '../centralOutboxStore.js';
import { SqliteDossierStore } from '../dossierStore.js';
import { SqliteReportStore } from '../reportStore.js';
import { purgeHoldersFromBackupFile, SqliteTicketHolderStore, ticketHolderMigrations } from '../ticketHolders.js';
import { SqliteTicketLinkStore } from '../ticketStatus.js';
import { SqliteWebhookOutboxStore, webhookOutboxMigrations } from '../webhookOutboxStore.js';
import { applyFeatureMigrations } from './featureMigrations.js';
import type { HubFeatureStores } from './hubFeatureStores.js';

/** The features' own tables, in the order their migrations run. */
const FEATURE_MIGRATIONS = [
  appointmentMigrations,
  webhookOutboxMigrations,
  centralOutboxMigrations,
  ticketHolderMigrations,
];

/**
 * Brings every feature's tables up to date on this hub's database, then opens each feature's store on it.
 * All share the hub's one connection: a store's writes during a projector belong to the events' transaction.
 */
export function openSqliteFeatureStores(db: Db): HubFeatureStores {
  for (const migrations of FEATURE_MIGRATIONS) applyFeatureMigrations(db, migrations);
  return {
    appointments: new SqliteAppointmentStore(db),
    webhookOutbox: new SqliteWebhookOutboxStore(db),
    centralOutbox: new SqliteCentralOutboxStore(db),
    reports: new SqliteReportStore(db),
    dossiers: new SqliteDossierStore(db),
    auditLog: new SqliteAuditLogStore(db),
    backup: new SqliteBackupStore(db),
    ticketLinks: new SqliteTicketLinkStore(db),
    ticketHolders: new SqliteTicketHolderStore(db),
    backupScrubbers: [purgeContactsFromBackupFile, purgeHoldersFromBackupFile],
  };
}
