import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../store/openDatabase.js';
import { applyFeatureMigrations, featureVersion, type FeatureMigrations } from './featureMigrations.js';

const shelf: FeatureMigrations = {
  feature: 'shelf',
  steps: [
    'CREATE TABLE IF NOT EXISTS shelf_items (id TEXT PRIMARY KEY)',
    'ALTER TABLE shelf_items ADD COLUMN label TEXT',
  ],
};

describe('per-feature migrations', () => {
  const dirs: string[] = [];
  const freshDb = () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-feature-migrations-'));
    dirs.push(dir);
    return { dir, db: openDatabase(dir) };
  };

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('runs each step once, in order, and records the version per feature', () => {
    const { db } = freshDb();
    applyFeatureMigrations(db, { feature: 'shelf', steps: shelf.steps.slice(0, 1) });
    expect(featureVersion(db, 'shelf')).toBe(1);
    applyFeatureMigrations(db, shelf);
    applyFeatureMigrations(db, shelf);
    expect(featureVersion(db, 'shelf')).toBe(2);
    expect(featureVersion(db, 'other')).toBe(0);
    db.prepare('INSERT INTO shelf_items (id, label) VALUES (?, ?)').run('a', 'kept');
    db.close();
  });

  it('adopts a table an older schema already made, keeping its rows', () => {
    const { db } = freshDb();
    db.exec("CREATE TABLE shelf_items (id TEXT PRIMARY KEY); INSERT INTO shelf_items VALUES ('old')");
    applyFeatureMigrations(db, shelf);
    expect(db.prepare('SELECT id, label FROM shelf_items').all()).toEqual([{ id: 'old', label: null }]);
    db.close();
  });

  it('writes nothing when every step has run, so a read-only database still opens', () => {
    const { dir, db } = freshDb();
    applyFeatureMigrations(db, shelf);
    db.close();
    const readOnly = new Database(databasePath(dir), { readonly: true });
    expect(() => applyFeatureMigrations(readOnly, shelf)).not.toThrow();
    readOnly.close();
  });

  it('leaves a failed step undone and its version unrecorded', () => {
    const { db } = freshDb();
    const broken: FeatureMigrations = { feature: 'shelf', steps: [shelf.steps[0]!, 'ALTER TABLE nowhere ADD x'] };
    expect(() => applyFeatureMigrations(db, broken)).toThrow();
    expect(featureVersion(db, 'shelf')).toBe(1);
    db.close();
  });
});
