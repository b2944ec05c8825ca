import { HubClient, memoryTokenStore } from '@motcua/client';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom } from './support/clients.js';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

/** A plain (non-device) client signed in as admin, and its session token for the HTTP API. */
async function signInAdmin(url: string, password: string): Promise<{ client: HubClient; token: string }> {
  const client = new HubClient({ url, storage: memoryTokenStore(), requestTimeoutMs: 8000 }).connect();
  await waitFor(() => client.getSnapshot().connection === 'online', 20_000, 'admin socket online');
  const reply = await client.signIn('admin', password);
  if (!reply.ok) throw new Error(`admin sign-in failed: ${reply.code}`);
  await client.whenOnline();
  return { client, token: reply.sessionToken };
}

describe('backup while the hub runs, and restore', () => {
  const hubs: HubProcess[] = [];
  const clients: HubClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.close();
    for (const hub of hubs) {
      await hub.stop();
      hub.cleanup();
    }
  });

  it('a backup taken during a burst of tickets holds every ticket acknowledged before it started, and restores', async () => {
    const hub = await startHubProcess();
    hubs.push(hub);
    const { client: admin, token } = await signInAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(admin);

    const acked: { id: string; at: number }[] = [];
    let stop = false;
    const services = ['khai-sinh', 'ket-hon', 'chung-thuc-ban-sao', 'cap-gcn-qsdd'];
    const burst = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        const reply = await admin.send({
          type: 'ticket.issue',
          serviceId: services[(worker + i) % services.length] as string,
          source: 'admin',
        });
        if (reply.ok && reply.result.ticket) acked.push({ id: reply.result.ticket.id, at: Date.now() });
      }
    };
    const workers = [0, 1, 2, 3].map((w) => burst(w));
    await waitFor(() => acked.length >= 150, 60_000, '150 tickets before the backup');

    const backupStartedAt = Date.now();
    const ackedBefore = acked.filter((t) => t.at <= backupStartedAt).map((t) => t.id);
    const response = await fetch(`${hub.url}/api/backup`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const ackedDuringBackup = acked.length - ackedBefore.length;
    await waitFor(() => acked.length >= ackedBefore.length + ackedDuringBackup + 20, 60_000, 'the burst goes on');
    stop = true;
    await Promise.all(workers);

    const backupDir = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
    const backupFile = join(backupDir, 'backup.sqlite');
    writeFileSync(backupFile, bytes);
    const copy = new Database(backupFile, { readonly: true });
    const ids = new Set((copy.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id));
    const backupSeq = (copy.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const missing = ackedBefore.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    expect(ids.size).toBeGreaterThanOrEqual(ackedBefore.length);
    expect(ids.size).toBeLessThan(acked.length); // The burst went on after the backup.

    // Restore: stop the hub, put the backup in place of the database, drop the WAL, start again.
    admin.close();
    await hub.stop();
    copyFileSync(backupFile, join(hub.dataDir, 'motcua.sqlite'));
    rmSync(join(hub.dataDir, 'motcua.sqlite-wal'), { force: true });
    rmSync(join(hub.dataDir, 'motcua.sqlite-shm'), { force: true });
    const restored = await hub.restart();
    hubs.push(restored);
    rmSync(backupDir, { recursive: true, force: true });
    const health = await hubHealth(restored.url);
    expect(health.seq).toBe(backupSeq);
    const { client: again } = await signInAdmin(restored.url, adminPasswordFrom(hub.output()));
    clients.push(again);
    const tickets = Object.keys(again.state?.tickets ?? {});
    expect(new Set(tickets)).toEqual(ids);
  }, 180_000);
});
