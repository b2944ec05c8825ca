import { localTime } from '@motcua/core';
import { createReadStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sendJson } from '../net/httpServer.js';
import type { Db } from '../store/openDatabase.js';
import { requireStaff } from './adminApi.js';
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

let timer: ReturnType<typeof setInterval> | null = null;
let running: Promise<unknown> = Promise.resolve();

/**
 * GET /api/backup: a fresh consistent copy, streamed (admin only: it holds PIN hashes).
 * GET /api/backups: the automatic daily backups kept in <data>/backups.
 */
export const backupFeature: HubFeature = {
  name: 'backup',
  routes: (ctx) => [
    {
      method: 'GET',
      path: '/api/backup',
      handler: async (req, res) => {
        if (!requireStaff(ctx, req, res, ['admin'])) return;
        const dir = backupDir(ctx.options.dataDir);
        mkdirSync(dir, { recursive: true });
        const local = localTime(ctx.engine.now(), ctx.engine.state.config.office.timeZone);
        const path = join(dir, `download-${process.pid}-${Date.now()}.sqlite.partial`);
        try {
          await takeBackup(ctx.db, path);
          res.writeHead(200, {
            'Content-Type': 'application/vnd.sqlite3',
            'Content-Length': String(statSync(path).size),
            'Content-Disposition': `attachment; filename="motcua-${local.date}-${local.clock.replace(':', '')}.sqlite"`,
            'Cache-Control': 'no-store',
          });
          await new Promise<void>((resolve, reject) => {
            const stream = createReadStream(path);
            stream.once('error', reject);
            res.once('close', () => resolve());
            stream.pipe(res);
          });
        } finally {
          rmSync(path, { force: true });
        }
      },
    },
    {
      method: 'GET',
      path: '/api/backups',
      handler: (req, res) => {
        if (!requireStaff(ctx, req, res, ['admin'])) return;
        sendJson(res, 200, {
          ok: true,
          settings: backupSettingsFrom(process.env),
          backups: dailyBackups(ctx.options.dataDir),
        });
      },
    },
  ],
  start(ctx) {
    const settings = backupSettingsFrom(process.env);
    const tick = () => {
      running = running
        .then(() => runDailyBackup(ctx, settings))
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
