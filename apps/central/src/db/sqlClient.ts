import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The one part of a PostgreSQL connection central uses, so PGlite and a real server are interchangeable. */
export interface SqlQueryable {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlClient extends SqlQueryable {
  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK on a throw). */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
  /**
   * Reads done for people (dashboard, reports, their sessions). On a real server they have connections of
   * their own, so a hundred offices catching up after an outage cannot keep the province waiting for one.
   */
  readonly staffReads: SqlQueryable;
}

// BIGINT columns hold millisecond instants and seqs, well inside Number's exact range.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

const queryThrough =
  (pool: pg.Pool) =>
  async <Row>(text: string, params: unknown[] = []) => {
    const result = await pool.query(text, params);
    return { rows: result.rows as Row[] };
  };

/** A real PostgreSQL server (`DATABASE_URL=postgres://…`), through a pool for offices and one for people. */
export function openPostgres(connectionString: string, maxConnections = 10, staffConnections = 3): SqlClient {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  const staffPool = new pg.Pool({ connectionString, max: staffConnections });
  // An idle client losing its server must not take central down; the next query reconnects.
  pool.on('error', () => undefined);
  staffPool.on('error', () => undefined);
  return {
    kind: 'postgres',
    query: queryThrough(pool),
    staffReads: { query: queryThrough(staffPool) },
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: SqlQueryable = {
          async query<Row>(text: string, params: unknown[] = []) {
            const result = await client.query(text, params);
            return { rows: result.rows as Row[] };
          },
        };
        const value = await work(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    close: async () => {
      await Promise.all([pool.end(), staffPool.end()]);
    },
  };
}

/** PostgreSQL compiled to WebAssembly, in a data folder (or in memory without one): the embedded default. */
export async function openPglite(dataDir?: string): Promise<SqlClient> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  // Queries cast aggregates to float8/int so both clients return numbers; a bigint here is a BIGINT column.
  const normalize = <Row>(rows: Row[]): Row[] =>
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row as Record<string, unknown>))
        out[k] = typeof v === 'bigint' ? Number(v) : v;
      return out as Row;
    });
  // PGlite is one connection in this process: people's reads share it.
  const query = async <Row>(text: string, params: unknown[] = []) => {
    const result = await db.query<Row>(text, params);
    return { rows: normalize(result.rows) };
  };
  return {
    kind: 'pglite',
    query,
    staffReads: { query },
    transaction: <T>(work: (tx: SqlQueryable) => Promise<T>) =>
      db.transaction(async (tx) =>
        work({
          async query<Row>(text: string, params: unknown[] = []) {
            const result = await tx.query<Row>(text, params);
            return { rows: normalize(result.rows) };
          },
        }),
      ),
    async exec(sql: string) {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}
