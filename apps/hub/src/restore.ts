import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installationId, startNewEpoch, writeEpochMark } from './store/epoch.js';
import { EventStore } from './store/eventStore.js';
import { databasePath, openDatabase } from './store/openDatabase.js';

export interface RestoreResult {
  /** Where the database that was replaced now lies (null if there was none). */
  keptAside: string | null;
  hubId: string;
  seq: number;
}

/** Throws unless the file is a readable, intact hub database. */
function checkBackup(file: string): void {
  const backup = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = backup.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    backup.prepare('SELECT MAX(seq) FROM events').get();
  } finally {
    backup.close();
  }
}

/** The pid in `<data>/hub.json` if that process is alive: a running hub must not have its file swapped. */
export function runningHubPid(dataDir: string): number | null {
  try {
    const { pid } = JSON.parse(readFileSync(join(dataDir, 'hub.json'), 'utf8')) as { pid?: unknown };
    if (typeof pid !== 'number' || pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * The README's restore steps in one go: check the backup, move the current database (and its WAL)
 * into `<data>/before-restore-<time>/`, copy the backup in, and start a new epoch (hubId) so every
 * device drops what it had and resyncs from a snapshot of the restored state.
 */
export function restoreBackup(file: string, dataDir: string, now = new Date()): RestoreResult {
  checkBackup(file);
  const live = databasePath(dataDir);
  let keptAside: string | null = null;
  if (existsSync(live)) {
    keptAside = join(dataDir, `before-restore-${now.toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(keptAside, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(live + suffix)) renameSync(live + suffix, join(keptAside, `motcua.sqlite${suffix}`));
    }
  }
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(file, live);
  const db = openDatabase(dataDir);
  try {
    const store = new EventStore(db);
    const seq = store.lastSeq();
    // The office stays the same installation (kiosks find it again on the LAN); only the epoch is new.
    const prior = store.metaValue('hub_id');
    if (prior) installationId(store, prior);
    const hubId = startNewEpoch(store);
    store.setMetaValue('restored_from', JSON.stringify({ file: resolve(file), at: now.getTime(), seq }));
    writeEpochMark(dataDir, { hubId, seq });
    return { keptAside, hubId, seq };
  } finally {
    db.close();
  }
}
