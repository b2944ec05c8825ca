import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SQLITE_CACHE_MB } from '../options.js';
import { migrations } from './migrations.js';

export type Db = Database.Database;

/**
 * The pragmas every connection to the hub's file uses; the write benchmark uses the same ones.
 * FULL sync: an acknowledged command survives a power cut, not only a crash of the process.
 */
export const HUB_PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 1000'];

export function databasePath(dataDir: string): string {
  return join(dataDir, 'motcua.sqlite');
}

/**
 * Opens (creating if needed) the hub's database and runs the migrations it has not seen yet. `cacheMb` is SQLite's
 * page cache for this connection (`--sqlite-cache-mb`).
 */
export function openDatabase(dataDir: string, cacheMb = DEFAULT_SQLITE_CACHE_MB): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = databasePath(dataDir);
  const db = new Database(path);
  for (const pragma of HUB_PRAGMAS) db.pragma(pragma);
  db.pragma(`cache_size = -${Math.round(cacheMb * 1024)}`);
  ownerOnly(path, `${path}-wal`, `${path}-shm`);
  migrate(db);
  return db;
}

/**
 * chmod 600: the database holds PIN and token hashes. New files are 0600 already (main sets the umask);
 * this also closes up a file an older version created world-readable. Best effort on Windows.
 */
export function ownerOnly(...paths: string[]): void {
  for (const file of paths) {
    try {
      if (existsSync(file)) chmodSync(file, 0o600);
    } catch {
      // A file system without POSIX modes (FAT, a Windows share): nothing to tighten.
    }
  }
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const [index, sql] of migrations.entries()) {
    const version = index + 1;
    if (version <= current) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
