export { startCentral, type Central, type CentralOptions } from './startCentral.js';
export { buildCentralServer } from './server.js';
export { openPglite, openPostgres, type SqlClient } from './db/sqlClient.js';
export { migrate } from './db/migrate.js';
export { SimulatedOffice } from './demo/simulatedOffice.js';
export { chainHash } from './ingest/ingestBatch.js';
