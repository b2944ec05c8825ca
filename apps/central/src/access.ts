import { hashPin, hashToken, newPassword, newToken, verifyPin } from '@motcua/secrets';
import type { SqlQueryable } from './db/sqlClient.js';

export type StaffRole = 'provinceAdmin' | 'viewer';

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** The offices this person may see; null = all (province admin). */
  officeIds: string[] | null;
}

const SESSION_MS = 12 * 3600_000;

/** Adds an office and returns its credential, shown once: only its hash is kept. */
export async function createOffice(sql: SqlQueryable, id: string, name: string, now: number): Promise<string> {
  const credential = `office.${id}.${newToken()}`;
  await sql.query('INSERT INTO offices (id, name, credential_hash, created_at) VALUES ($1, $2, $3, $4)', [
    id,
    name,
    hashToken(credential),
    now,
  ]);
  return credential;
}

/** A new credential for an office; the old one stops working at once. */
export async function rotateOfficeCredential(sql: SqlQueryable, id: string): Promise<string | null> {
  const credential = `office.${id}.${newToken()}`;
  const rows = (
    await sql.query<{ id: string }>('UPDATE offices SET credential_hash = $2 WHERE id = $1 RETURNING id', [
      id,
      hashToken(credential),
    ])
  ).rows;
  return rows.length > 0 ? credential : null;
}

/** The office a credential belongs to, or null. */
export async function officeForCredential(sql: SqlQueryable, credential: string): Promise<string | null> {
  const row = (
    await sql.query<{ id: string }>('SELECT id FROM offices WHERE credential_hash = $1', [hashToken(credential)])
  ).rows[0];
  return row?.id ?? null;
}

export async function createStaff(
  sql: SqlQueryable,
  input: { username: string; displayName: string; password: string; role: StaffRole; officeIds: string[] },
  now: number,
): Promise<string> {
  const id = `staff-${newToken().slice(0, 10)}`;
  await sql.query(
    'INSERT INTO staff (id, username, display_name, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, input.username, input.displayName, hashPin(input.password), input.role, now],
  );
  for (const officeId of input.officeIds) {
    await sql.query('INSERT INTO staff_offices (staff_id, office_id) VALUES ($1, $2)', [id, officeId]);
  }
  return id;
}

/** On the first start: a province admin account with a password printed once. */
export async function ensureFirstAdmin(
  sql: SqlQueryable,
  now: number,
  password = newPassword(),
): Promise<{ username: string; password: string } | null> {
  const count = (await sql.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM staff')).rows[0]?.n ?? 0;
  if (count > 0) return null;
  await createStaff(
    sql,
    { username: 'admin', displayName: 'Quản trị tỉnh', password, role: 'provinceAdmin', officeIds: [] },
    now,
  );
  return { username: 'admin', password };
}

/** Checks a password and opens a session; null when they do not match. */
export async function signIn(
  sql: SqlQueryable,
  username: string,
  password: string,
  now: number,
): Promise<{ token: string; staff: StaffMember } | null> {
  const row = (
    await sql.query<{ id: string; password_hash: string }>('SELECT id, password_hash FROM staff WHERE username = $1', [
      username,
    ])
  ).rows[0];
  if (!row || !verifyPin(password, row.password_hash)) return null;
  const token = newToken();
  await sql.query('INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token),
    row.id,
    now,
    now + SESSION_MS,
  ]);
  const staff = await staffForSession(sql, token, now);
  return staff ? { token, staff } : null;
}

/**
 * The signed-in staff member behind a session token, or null. One round trip: the dashboard asks on
 * every refresh, and while offices catch up each round trip waits for a busy event loop.
 */
export async function staffForSession(sql: SqlQueryable, token: string, now: number): Promise<StaffMember | null> {
  const row = (
    await sql.query<{ id: string; username: string; display_name: string; role: StaffRole; office_ids: string[] }>(
      `SELECT s.id, s.username, s.display_name, s.role,
         ARRAY(SELECT o.office_id FROM staff_offices o WHERE o.staff_id = s.id ORDER BY o.office_id) AS office_ids
       FROM staff_sessions ss JOIN staff s ON s.id = ss.staff_id
       WHERE ss.token_hash = $1 AND ss.expires_at > $2`,
      [hashToken(token), now],
    )
  ).rows[0];
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    officeIds: row.role === 'provinceAdmin' ? null : row.office_ids,
  };
}

/** The offices of `requested` this person may see (all they may see when none are requested). */
export function visibleOffices(
  staff: StaffMember,
  allOfficeIds: readonly string[],
  requested: readonly string[] = [],
): string[] {
  const allowed = staff.officeIds === null ? allOfficeIds : allOfficeIds.filter((id) => staff.officeIds?.includes(id));
  return requested.length === 0 ? [...allowed] : allowed.filter((id) => requested.includes(id));
}
