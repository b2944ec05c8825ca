import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ID_CARD_SETTINGS, defaultOfficeConfig, type KioskSettings } from '@motcua/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/openDatabase.js';
import { applyFeatureMigrations } from './store/featureMigrations.js';
import {
  purgeExpiredHolders,
  purgeHoldersFromBackupFile,
  SqliteTicketHolderStore,
  ticketHolderMigrations,
} from './ticketHolders.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 2, 0, 0);

describe('stored ID card holders and their retention', () => {
  let dataDir: string;
  let db: Db;
  let store: SqliteTicketHolderStore;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-holders-'));
    db = openDatabase(dataDir);
    applyFeatureMigrations(db, ticketHolderMigrations);
    store = new SqliteTicketHolderStore(db);
  });

  afterEach(() => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const kiosk = (idCard: Partial<typeof DEFAULT_ID_CARD_SETTINGS>): KioskSettings => ({
    ...defaultOfficeConfig().kiosk,
    idCard: { ...DEFAULT_ID_CARD_SETTINGS, ...idCard },
  });
  const names = () =>
    (db.prepare('SELECT full_name AS name FROM ticket_holders ORDER BY stored_at').all() as { name: string }[]).map(
      (row) => row.name,
    );
  const save = (ticketId: string, fullName: string, storedAt: number) =>
    store.save({ ticketId, fullName, idHash: 'h', storedAt });

  it('removes a holder once the retention has passed, by the clock it is given', () => {
    save('t1', 'Nguyễn Văn An', NOW - 10 * DAY);
    save('t2', 'Trần Thị Bình', NOW - 2 * DAY);
    const settings = kiosk({ storeHolder: true, retentionDays: 7 });
    expect(purgeExpiredHolders(store, settings, NOW)).toBe(1);
    expect(names()).toEqual(['Trần Thị Bình']);
    // Exactly seven days old is still kept; a moment later it goes.
    expect(purgeExpiredHolders(store, settings, NOW + 5 * DAY)).toBe(0);
    expect(purgeExpiredHolders(store, settings, NOW + 5 * DAY + 1)).toBe(1);
    expect(names()).toEqual([]);
  });

  it('removes every holder once the office turns storage off', () => {
    save('t1', 'Nguyễn Văn An', NOW);
    expect(purgeExpiredHolders(store, kiosk({ storeHolder: false }), NOW)).toBe(1);
    expect(names()).toEqual([]);
  });

  it('leaves no holder in a kept backup file', () => {
    save('t1', 'Nguyễn Văn An', NOW);
    const backup = join(dataDir, 'backup.sqlite');
    db.prepare('VACUUM INTO ?').run(backup);
    expect(purgeHoldersFromBackupFile(backup)).toBe(1);
    expect(purgeHoldersFromBackupFile(backup)).toBe(0);
    // The live database is the purge's business, not the backup scrubber's.
    expect(names()).toEqual(['Nguyễn Văn An']);
  });

  it('makes the hash salt once and keeps it', () => {
    const first = store.hashSalt(() => 'salt-one');
    expect(store.hashSalt(() => 'salt-two')).toBe(first);
  });
});
