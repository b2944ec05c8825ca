import type { SqlQueryable } from './db/sqlClient.js';

export interface CentralAlert {
  id: number;
  officeId: string | null;
  kind: string;
  message: string;
  details: Record<string, unknown>;
  at: number;
}

/** Records something a province admin must look at (a refused batch, a credential used for another office). */
export async function raiseAlert(
  sql: SqlQueryable,
  officeId: string | null,
  kind: string,
  message: string,
  details: Record<string, unknown>,
  at: number,
): Promise<void> {
  await sql.query('INSERT INTO alerts (office_id, kind, message, details, at) VALUES ($1, $2, $3, $4, $5)', [
    officeId,
    kind,
    message,
    JSON.stringify(details),
    at,
  ]);
}

export async function listAlerts(
  sql: SqlQueryable,
  officeIds: readonly string[] | null,
  limit = 100,
): Promise<CentralAlert[]> {
  const rows = (
    await sql.query<{
      id: number;
      office_id: string | null;
      kind: string;
      message: string;
      details: string;
      at: number;
    }>(
      `SELECT id, office_id, kind, message, details, at FROM alerts
       WHERE $1::text[] IS NULL OR office_id = ANY($1::text[]) ORDER BY id DESC LIMIT ${Math.floor(limit)}`,
      [officeIds],
    )
  ).rows;
  return rows.map((r) => ({
    id: Number(r.id),
    officeId: r.office_id,
    kind: r.kind,
    message: r.message,
    details: JSON.parse(r.details) as Record<string, unknown>,
    at: r.at,
  }));
}
