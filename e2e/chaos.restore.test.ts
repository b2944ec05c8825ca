import { HubClient, memoryTokenStore } from '@motcua/client';
import { stateCodec, type CommandReply } from '@motcua/core';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDevice } from './support/clients.js';
import { hubHealth, REPO_ROOT, staffToken, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const run = promisify(execFile);

/** GET /api/backup as admin: a consistent copy of the live database, as the admin page downloads it. */
async function downloadBackup(url: string, file: string): Promise<void> {
  const response = await fetch(`${url}/api/backup`, { headers: { Authorization: `Bearer ${await staffToken(url)}` } });
  expect(response.status).toBe(200);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
}

describe('chaos: a backup restored while a display is connected and ahead of it', () => {
  let hub: HubProcess | null = null;
  const clients: HubClient[] = [];
  const backupDir = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
  afterAll(async () => {
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
    rmSync(backupDir, { recursive: true, force: true });
  });

  /**
   * `npm run restore` (the README's way), a backup copied over the database by hand (the mark beside it says the
   * hub had gone further), and the same with that mark lost too (the display's own lastSeq gives it away).
   */
  it.each(['npm run restore', 'copied by hand', 'copied by hand, mark lost'] as const)(
    'restored by %s: the display sees a new hubId, resyncs from a snapshot and ends exactly equal to a fresh one',
    async (how) => {
      await hub?.stop();
      hub?.cleanup();
      hub = await startHubProcess();
      const url = hub.url;
      const displayStorage = memoryTokenStore();
      const display = new HubClient({
        url,
        deviceKind: 'display',
        deviceName: 'Màn hình sảnh',
        storage: displayStorage,
      }).connect();
      clients.push(display);
      await waitFor(() => display.getSnapshot().connection === 'online' && display.state, 20_000, 'display online');
      const kiosk = await connectDevice(url, 'kiosk');
      clients.push(kiosk);
      const issue = async (serviceId: string): Promise<string> => {
        const reply: CommandReply = await kiosk.send({ type: 'ticket.issue', serviceId });
        if (!reply.ok) throw new Error(`issue refused: ${reply.code}`);
        return reply.result.ticket!.id;
      };

      for (const serviceId of ['khai-sinh', 'khai-sinh', 'ket-hon']) await issue(serviceId);
      const backup = join(backupDir, 'motcua-backup.sqlite');
      await downloadBackup(url, backup);
      const atBackup = await hubHealth(url);

      // The timeline the backup does not hold: the display follows it and ends ahead of the backup.
      const lost = [await issue('khai-sinh'), await issue('ket-hon'), await issue('khai-sinh')];
      const beforeRestore = await hubHealth(url);
      await waitFor(() => display.state?.seq === beforeRestore.seq, 15_000, 'the display at the hub seq');
      expect(display.state!.seq).toBeGreaterThan(atBackup.seq);
      const oldHubId = displayStorage.get('hubId');
      expect(oldHubId).toBe(beforeRestore.hubId);

      kiosk.close();
      await hub.stop();
      if (how === 'npm run restore') {
        const restored = await run('npm', ['run', 'restore', '--', backup, '--data', hub.dataDir], {
          cwd: REPO_ROOT,
          env: { ...process.env, INIT_CWD: REPO_ROOT },
        });
        expect(restored.stdout).toMatch(/new hubId: \S+/);
        expect(readdirSync(hub.dataDir).some((name) => name.startsWith('before-restore-'))).toBe(true);
      } else {
        for (const suffix of ['-wal', '-shm']) rmSync(join(hub.dataDir, `motcua.sqlite${suffix}`), { force: true });
        copyFileSync(backup, join(hub.dataDir, 'motcua.sqlite'));
        if (how === 'copied by hand, mark lost') rmSync(join(hub.dataDir, 'hub-epoch.json'));
      }
      hub = await hub.restart();
      const afterRestore = await hubHealth(hub.url);
      expect(afterRestore.seq).toBe(atBackup.seq);

      // The display reconnects by itself with its old hubId and a lastSeq the new history never had.
      // With the mark lost the hub learns it from that hello, starts a new epoch and tells everyone (`hub.epoch`).
      await waitFor(
        () => displayStorage.get('hubId') !== oldHubId && display.state?.seq === afterRestore.seq,
        30_000,
        'the display on a new hubId, back at the restored seq',
      );
      expect(displayStorage.get('hubId')).toBe((await hubHealth(hub.url)).hubId);
      for (const id of lost) expect(display.state!.tickets.get(id), `${id} is gone`).toBeUndefined();
      expect(stateCodec.hash(display.state)).toBe(afterRestore.stateHash);

      // The new history reuses the seqs and labels the display had seen: it follows the new one, not the old.
      const kiosk2 = await connectDevice(hub.url, 'kiosk');
      clients.push(kiosk2);
      for (const serviceId of ['khai-sinh', 'ket-hon', 'ket-hon', 'khai-sinh']) {
        const reply = await kiosk2.send({ type: 'ticket.issue', serviceId });
        expect(reply).toMatchObject({ ok: true });
      }
      const now = await hubHealth(hub.url);
      expect(now.seq).toBeGreaterThan(beforeRestore.seq);
      await waitFor(() => display.state?.seq === now.seq, 15_000, 'the display following the new history');

      // Exactly a fresh snapshot: what a display that never saw the old history gets (its pairing is one more event).
      const fresh = await connectDevice(hub.url, 'display');
      clients.push(fresh);
      const final = await hubHealth(hub.url);
      await waitFor(
        () => display.state?.seq === final.seq && fresh.state?.seq === final.seq,
        15_000,
        'both displays at the hub seq',
      );
      expect(stateCodec.canonicalJson(display.state!)).toBe(stateCodec.canonicalJson(fresh.state!));
      expect(stateCodec.hash(display.state)).toBe(final.stateHash);
      for (const client of clients.splice(0)) client.close();
    },
    180_000,
  );
});
