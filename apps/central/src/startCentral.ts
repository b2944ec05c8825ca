import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ensureFirstAdmin } from './access.js';
import { migrate } from './db/migrate.js';
import { openPglite, openPostgres, type SqlClient } from './db/sqlClient.js';
import { Projector } from './ingest/projector.js';
import { buildCentralServer } from './server.js';

export interface CentralOptions {
  port: number;
  host: string;
  /** PGlite's folder is dataDir/pglite when no databaseUrl is given; empty = in memory (tests). */
  dataDir: string;
  /** postgres://… for a real server; empty = embedded PGlite. */
  databaseUrl: string;
  /** The first province admin's password; random (printed once) when empty. */
  adminPassword: string;
  logLevel: string;
}

export interface Central {
  app: FastifyInstance;
  sql: SqlClient;
  /** The report tables follow ingest; `projector.whenIdle()` waits until they have caught up. */
  projector: Projector;
  url: string;
  port: number;
  firstAdmin: { username: string; password: string } | null;
  close(): Promise<void>;
}

export async function startCentral(options: CentralOptions): Promise<Central> {
  const sql = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : await openPglite(options.dataDir ? join(options.dataDir, 'pglite') : undefined);
  await migrate(sql);
  const firstAdmin = await ensureFirstAdmin(sql, Date.now(), options.adminPassword || undefined);
  let app: FastifyInstance | null = null;
  const projector = new Projector(sql, (error) => app?.log.error({ err: error }, 'projection failed; retrying'));
  app = await buildCentralServer({ sql, projector, logLevel: options.logLevel });
  // Events stored before a stop or a crash and not yet projected.
  projector.wake();
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const server = app;
  return {
    app: server,
    sql,
    projector,
    port,
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    firstAdmin,
    async close() {
      await server.close();
      await projector.stop();
      await sql.close();
    },
  };
}
