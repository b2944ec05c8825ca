import { printingFeature } from './printing.js';
import { adminApiFeature } from './adminApi.js';
import { auditFeature } from './audit.js';
import { backupFeature } from './backup.js';
import { exportsFeature } from './exports.js';
import { reportsFeature } from './reports.js';
import { appointmentsFeature } from './appointments.js';
import { ticketStatusFeature } from './ticketStatus.js';
import { webhooksFeature } from './webhooks.js';
import { officeVoiceFeature } from './officeVoice.js';
import { dossiersFeature } from './dossiers.js';
import { centralShippingFeature } from './centralShipping.js';
import type { HubFeature } from './types.js';

/** Every feature the hub runs. Add a line per feature module. */
export const hubFeatures: HubFeature[] = [
  reportsFeature,
  exportsFeature,
  auditFeature,
  backupFeature,
  adminApiFeature,
  printingFeature,
  appointmentsFeature,
  ticketStatusFeature,
  webhooksFeature,
  officeVoiceFeature,
  dossiersFeature,
  centralShippingFeature,
];
