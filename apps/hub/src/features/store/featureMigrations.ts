import type { Db } from '../../store/openDatabase.js';

/**
 * A feature's own schema changes, versioned per feature: step N is version N. Each store module
 * declares its list beside the queries that need it; the hub's core schema knows nothing of them.
 */
export interface FeatureMigrations {
  feature: string;
  steps: string[];
}

/**
 * Runs the steps of `migrations` this database has not seen, in order, each in its own transaction with
 * the version it reaches. A database from before per-feature versions already holds the tables its
 * first step creates (the central migrations made them): first steps use IF NOT EXISTS and adopt them.
 */
export function applyFeatureMigrations(db: Db, migrations: FeatureMigrations): void {
  const current = featureVersion(db, migrations.feature);
  // Nothing to run, nothing written: a hub restarted on a read-only file system still starts.
  if (current >= migrations.steps.length) return;
  db.exec('CREATE TABLE IF NOT EXISTS feature_versions (feature TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  const record = db.prepare(
    `INSERT INTO feature_versions (feature, version) VALUES (?, ?)
     ON CONFLICT (feature) DO UPDATE SET version = excluded.version`,
  );
  for (const [index, sql] of migrations.steps.entries()) {
    const version = index + 1;
    if (version <= current) continue;
    db.transaction(() => {
      db.exec(sql);
      record.run(migrations.feature, version);
    })();
  }
}

/** The last step of `feature` this database has run (0: none yet). */
export function featureVersion(db: Db, feature: string): number {
  const known = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feature_versions'").get();
  if (!known) return 0;
  const row = db.prepare('SELECT version FROM feature_versions WHERE feature = ?').get(feature) as
    { version: number } | undefined;
  return row?.version ?? 0;
}
