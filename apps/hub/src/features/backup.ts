import { localTime } from '@motcua/core';
import Database from 'better-sqlite3';
import { createReadStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineRoute } from '../net/routes.js';
import { ownerOnly, type Db } from '../store/openDatabase.js';
import type { HubContext, HubFeature } from './types.js';

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

/**
 * A consistent copy of the live database through SQLite's online backup API: the hub keeps
 * serving while pages are copied, and the copy holds everything committed before it finished.
 */
export async function takeBackup(db: Db, path: string): Promise<void> {
  await db.backup(path);
  ownerOnly(path);
}

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
export async function runDailyBackup(ctx: HubContext, settings: BackupSettings): Promise<string | null> {
  const local = localTime(ctx.engine.now(), ctx.engine.state.config.office.timeZone);
  if (local.hour < settings.hour) return null;
  const existing = dailyBackups(ctx.options.dataDir);
  if (existing.some((b) => b.date === local.date)) return null;
  const dir = backupDir(ctx.options.dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `motcua-${local.date}.sqlite`);
  const partial = `${path}.partial`;
  await takeBackup(ctx.db, partial);
  renameSync(partial, path);
  for (const old of dailyBackups(ctx.options.dataDir).slice(settings.keepDays)) rmSync(join(dir, old.file));
  ctx.log.info({ path }, 'daily backup written');
  return path;
}

/**
 * Booking contacts (name, phone) are kept only until the appointment's day is over; the live database
 * drops them then (appointments feature), and this drops them from every kept backup on the same rule,
 * with secure_delete so the bytes are overwritten, not just unlinked. Returns how many were removed.
 */
export function purgeContactsFromBackups(dataDir: string, beforeDay: string): number {
  let removed = 0;
  for (const backup of dailyBackups(dataDir)) {
    const db = new Database(join(backupDir(dataDir), backup.file));
    try {
      db.pragma('secure_delete = ON');
      const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'appointment_contacts'").get();
      if (hasTable) removed += db.prepare('DELETE FROM appointment_contacts WHERE day < ?').run(beforeDay).changes;
    } finally {
      db.close();
    }
  }
  return removed;
}

let timer: ReturnType<typeof setInterval> | null = null;
let running: Promise<unknown> = Promise.resolve();

/**
 * GET /api/backup: a fresh consistent copy, streamed (admin only: it holds PIN hashes).
 * GET /api/backups: the automatic daily backups kept in <data>/backups.
 */
export const backupFeature: HubFeature = {
  name: 'backup',
  routes: (ctx) => [
    defineRoute({
      method: 'GET',
      url: '/api/backup',
      handler: async ({ reply }) => {
        const dir = backupDir(ctx.options.dataDir);
        mkdirSync(dir, { recursive: true });
        const local = localTime(ctx.engine.now(), ctx.engine.state.config.office.timeZone);
        const path = join(dir, `download-${process.pid}-${Date.now()}.sqlite.partial`);
        try {
          await takeBackup(ctx.db, path);
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
    defineRoute({
      method: 'GET',
      url: '/api/backups',
      handler: () => ({
        ok: true,
        settings: backupSettingsFrom(process.env),
        backups: dailyBackups(ctx.options.dataDir),
      }),
    }),
  ],
  start(ctx) {
    const settings = backupSettingsFrom(process.env);
    let contactsPurgedBefore = '';
    const tick = () => {
      running = running
        .then(() => runDailyBackup(ctx, settings))
        .then(() => {
          const today = ctx.engine.state.serviceDay;
          if (today === contactsPurgedBefore) return;
          const removed = purgeContactsFromBackups(ctx.options.dataDir, today);
          contactsPurgedBefore = today;
          if (removed > 0) ctx.log.info({ removed }, 'past booking contacts removed from backups');
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
