import { localTime } from '@motcua/core';
import { createReadStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileRoute, jsonRoute } from '../net/routes.js';
import { ownerOnly, type Db } from '../store/openDatabase.js';
import type { FeatureContext, HubFeature } from './types.js';

export interface BackupSettings {
  /** Local hour (0–23) from which the day's automatic backup is taken. */
  hour: number;
  /** How many daily backups are kept. */
  keepDays: number;
}

/** HUB_BACKUP_HOUR (default 19, after office hours) and HUB_BACKUP_KEEP_DAYS (default 14). */
export function backupSettingsFrom(env: Record<string, string | undefined>): BackupSettings {
  const hour = Number(env.HUB_BACKUP_HOUR ?? 19);
  const keepDays = Number(env.HUB_BACKUP_KEEP_DAYS ?? 14);
  return {
    hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 19,
    keepDays: Number.isInteger(keepDays) && keepDays >= 1 ? keepDays : 14,
  };
}

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** Where backups come from. A PostgreSQL store implements the same operation (pg_dump or a snapshot). */
export interface BackupStore {
  /** A consistent copy of everything committed, written to `path`, readable by the owner only. */
  copyTo(path: string): Promise<void>;
}

/**
 * SQLite's online backup API: the hub keeps serving while pages are copied, and the copy holds
 * everything committed before it finished.
 */
export class SqliteBackupStore implements BackupStore {
  constructor(private readonly db: Db) {}

  async copyTo(path: string): Promise<void> {
    await this.db.backup(path);
    ownerOnly(path);
  }
}

/**
 * Removes from one kept backup file what must not outlive its day (e.g. booking contacts, owned by the
 * appointments feature). Returns how many records it removed.
 */
export type BackupScrubber = (backupFile: string, beforeDay: string) => number;

const DAILY = /^motcua-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export function dailyBackups(dataDir: string): { file: string; date: string; bytes: number }[] {
  const dir = backupDir(dataDir);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((file) => ({ file, date: DAILY.exec(file)?.[1] }))
    .filter((b): b is { file: string; date: string } => b.date !== undefined)
    .map((b) => ({ ...b, bytes: statSync(join(dir, b.file)).size }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** Takes today's backup once the backup hour has passed (or at the first start after it), then prunes old ones. */
export async function runDailyBackup(
  ctx: FeatureContext,
  store: BackupStore,
  settings: BackupSettings,
): Promise<string | null> {
  const local = localTime(ctx.engine.now(), ctx.engine.state.config.office.timeZone);
  if (local.hour < settings.hour) return null;
  const existing = dailyBackups(ctx.options.dataDir);
  if (existing.some((b) => b.date === local.date)) return null;
  const dir = backupDir(ctx.options.dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `motcua-${local.date}.sqlite`);
  const partial = `${path}.partial`;
  await store.copyTo(partial);
  renameSync(partial, path);
  for (const old of dailyBackups(ctx.options.dataDir).slice(settings.keepDays)) rmSync(join(dir, old.file));
  ctx.log.info({ path }, 'daily backup written');
  return path;
}

/** Runs every scrubber over every kept daily backup; returns how many records were removed. */
function scrubBackups(dataDir: string, scrubbers: BackupScrubber[], beforeDay: string): number {
  let removed = 0;
  for (const backup of dailyBackups(dataDir))
    for (const scrub of scrubbers) removed += scrub(join(backupDir(dataDir), backup.file), beforeDay);
  return removed;
}

/**
 * GET /api/backup: a fresh consistent copy, streamed (admin only: it holds PIN hashes).
 * GET /api/backups: the automatic daily backups kept in <data>/backups.
 */
export function createBackupFeature(ctx: FeatureContext, store: BackupStore, scrubbers: BackupScrubber[]): HubFeature {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<unknown> = Promise.resolve();
  return {
    name: 'backup',
    routes: [
      fileRoute('GET /api/backup', {
        handler: async ({ reply }) => {
          const dir = backupDir(ctx.options.dataDir);
          mkdirSync(dir, { recursive: true });
          const local = localTime(ctx.engine.now(), ctx.engine.state.config.office.timeZone);
          const path = join(dir, `download-${process.pid}-${Date.now()}.sqlite.partial`);
          try {
            await store.copyTo(path);
          } catch (error) {
            rmSync(path, { force: true });
            throw error;
          }
          const stream = createReadStream(path);
          // The copy is only for this download: gone once it is sent, or the browser went away.
          stream.once('close', () => rmSync(path, { force: true }));
          return reply
            .type('application/vnd.sqlite3')
            .header('Content-Length', String(statSync(path).size))
            .header(
              'Content-Disposition',
              `attachment; filename="motcua-${local.date}-${local.clock.replace(':', '')}.sqlite"`,
            )
            .header('Cache-Control', 'no-store')
            .send(stream);
        },
      }),
      jsonRoute('GET /api/backups', {
        handler: () => ({
          ok: true,
          settings: backupSettingsFrom(process.env),
          backups: dailyBackups(ctx.options.dataDir),
        }),
      }),
    ],
    start() {
      const settings = backupSettingsFrom(process.env);
      let contactsPurgedBefore = '';
      const tick = () => {
        running = running
          .then(() => runDailyBackup(ctx, store, settings))
          .then(() => {
            const today = ctx.engine.state.serviceDay;
            if (today === contactsPurgedBefore) return;
            const removed = scrubBackups(ctx.options.dataDir, scrubbers, today);
            contactsPurgedBefore = today;
            if (removed > 0) ctx.log.info({ removed }, 'past personal data removed from backups');
          })
          .catch((error: unknown) => ctx.log.error({ err: error }, 'daily backup failed'));
      };
      tick();
      timer = setInterval(tick, 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
