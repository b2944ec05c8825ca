import type { Db } from '../../store/openDatabase.js';

/** A feature's own value in the hub's `meta` table (SQLite stores only). */
export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
}

/** The secret kept under `key`, made by `make` and stored the first time it is asked for. */
export function secretInMeta(db: Db, key: string, make: () => string): string {
  const known = readMeta(db, key);
  if (known) return known;
  const secret = make();
  writeMeta(db, key, secret);
  return secret;
}
