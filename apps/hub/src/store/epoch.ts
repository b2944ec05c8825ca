import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from './eventStore.js';

/**
 * The hubId names one history of seqs (an epoch). A database that goes back in time (a restored
 * backup, a lost file) must get a new one, or clients ahead of it would take the new events as the
 * continuation of theirs. Beside the database the hub keeps the highest seq it reached, so a backup
 * copied over the file by hand is noticed at the next start too.
 */
export interface EpochMark {
  hubId: string;
  seq: number;
}

export function epochMarkPath(dataDir: string): string {
  return join(dataDir, 'hub-epoch.json');
}

export function readEpochMark(dataDir: string): EpochMark | null {
  try {
    const mark = JSON.parse(readFileSync(epochMarkPath(dataDir), 'utf8')) as Partial<EpochMark>;
    return typeof mark.hubId === 'string' && typeof mark.seq === 'number' ? { hubId: mark.hubId, seq: mark.seq } : null;
  } catch {
    return null;
  }
}

/** Written whole then renamed, so a crash leaves the old mark or the new one. */
export function writeEpochMark(dataDir: string, mark: EpochMark): void {
  const path = epochMarkPath(dataDir);
  writeFileSync(`${path}.tmp`, JSON.stringify(mark));
  renameSync(`${path}.tmp`, path);
}

/** Gives the database a new hubId and returns it. */
export function startNewEpoch(store: EventStore): string {
  const hubId = randomUUID();
  store.setMetaValue('hub_id', hubId);
  return hubId;
}

/**
 * The hubId to serve with: the stored one, a first one for a new database, or a new epoch when the
 * mark beside the database says this hub had already reached a later seq of the same history.
 */
export function openEpoch(
  store: EventStore,
  dataDir: string,
  lastSeq: number,
): { hubId: string; reason: string | null } {
  const stored = store.metaValue('hub_id');
  if (!stored) return { hubId: startNewEpoch(store), reason: null };
  const mark = readEpochMark(dataDir);
  if (mark && mark.hubId === stored && mark.seq > lastSeq) {
    return {
      hubId: startNewEpoch(store),
      reason: `the database ends at seq ${lastSeq} but this hub had reached seq ${mark.seq} (a restored backup?)`,
    };
  }
  return { hubId: stored, reason: null };
}

/**
 * The installation's own id, which no epoch changes: what the hub advertises on the LAN so a paired kiosk
 * finds the same office hub again after a restore. The first hubId the database had.
 */
export function installationId(store: EventStore, hubId: string): string {
  const stored = store.metaValue('install_id');
  if (stored) return stored;
  store.setMetaValue('install_id', hubId);
  return hubId;
}
