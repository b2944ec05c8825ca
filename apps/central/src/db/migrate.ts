import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlClient } from './sqlClient.js';

/** apps/central/migrations, from the TypeScript source or from the bundle in dist/. */
function migrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'migrations', '0001_init.sql'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('migrations folder not found');
    dir = parent;
  }
  return join(dir, 'migrations');
}

/** Applies the SQL files not yet applied, in name order, each in its own transaction. */
export async function migrate(sql: SqlClient): Promise<string[]> {
  await sql.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)');
  const done = new Set(
    (await sql.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((row) => row.name),
  );
  const dir = migrationsDir();
  const applied: string[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    if (done.has(name)) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    await sql.transaction(async (tx) => {
      // Split on statement ends: the pg extended protocol (with parameters) takes one statement per call.
      for (const statement of text
        .split(/;\s*$/m)
        .map((s) => s.trim())
        .filter((s) => s.replace(/--.*$/gm, '').trim())) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [name, Date.now()]);
    });
    applied.push(name);
  }
  return applied;
}
