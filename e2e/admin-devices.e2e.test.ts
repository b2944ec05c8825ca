import { HubClient, memoryTokenStore, type TokenStore } from '@motcua/client';
import { PROTOCOL_VERSION, type HelloReply } from '@motcua/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminConfig, type AdminConfigSession } from './support/adminPage.js';
import { screenshot } from './support/browser.js';
import { connectAdmin, adminPasswordFrom, replacedAdminPassword } from './support/clients.js';
import { waitFor, type HubProcess } from './support/hubProcess.js';
import { rawSocket } from './support/rawSocket.js';

/** A counter machine that asks to pair and waits for the admin (auto-pairing is off on this hub). */
function counterMachine(url: string, name: string, storage: TokenStore = memoryTokenStore()): HubClient {
  return new HubClient({
    url,
    deviceKind: 'counter',
    deviceName: name,
    storage,
    requestTimeoutMs: 4000,
    attempts: 4,
  }).connect();
}

async function pairingCodeOf(machine: HubClient): Promise<string> {
  await waitFor(() => machine.getSnapshot().pairing.pairingCode, 20_000, 'pairing code');
  return machine.getSnapshot().pairing.pairingCode!;
}

describe(
  'admin devices: a re-pair takes the old row’s place, presence and last seen, replacing a machine',
  {
    timeout: 180_000,
  },
  () => {
    let session: AdminConfigSession;
    let hub: HubProcess;
    let page: Page;
    let admin: HubClient;
    const machines: HubClient[] = [];
    // The first machine's storage: its token must stop working once another pairing has taken its place.
    const firstStorage = memoryTokenStore();

    beforeAll(async () => {
      session = await openAdminConfig({ args: ['--auto-pair-localhost', 'false'] });
      ({ hub, page } = session);
      admin = await connectAdmin(hub.url, replacedAdminPassword(adminPasswordFrom(hub.output())));
      await page.getByTestId('config-tab-devices').click();
    }, 120_000);

    afterAll(async () => {
      for (const machine of machines) machine.close();
      admin?.close();
      await session?.close();
    });

    const rowsNamed = (name: string) => page.locator(`[data-testid=devices-table] tr:has(input[value="${name}"])`);

    it('a pairing code that is wrong is named on its box, in Vietnamese', async () => {
      const form = page.getByTestId('approve-form');
      await form.getByLabel(/^Mã ghép nối/).fill('12ab');
      await page.getByTestId('approve-device').click();
      const error = form.getByTestId('field-error');
      await error.first().waitFor({ timeout: 20_000 });
      expect(await error.first().textContent()).toBe(
        'Mã ghép nối (6 chữ số trên thiết bị): gồm đúng 6 chữ số, như trên màn hình thiết bị',
      );
      await form.getByLabel(/^Mã ghép nối/).fill('000000');
      await page.getByTestId('approve-device').click();
      await form.locator('[data-testid=field-error]:has-text("không có thiết bị nào đang chờ với mã này")').waitFor();
    });

    it('shows a device online, then offline with when it was last seen', async () => {
      const first = counterMachine(hub.url, 'Máy quầy 2', firstStorage);
      machines.push(first);
      const code = await pairingCodeOf(first);
      await page.getByLabel(/^Mã ghép nối/).fill(code);
      await page.getByTestId('approve-waiting').waitFor({ timeout: 20_000 });
      await page.getByTestId('approve-form').locator('select[name=counterId]').selectOption('quay-2');
      await page.getByTestId('approve-device').click();
      await waitFor(() => first.getSnapshot().connection === 'online' && first.state !== null, 20_000, 'approved');
      const row = rowsNamed('Máy quầy 2');
      await row.locator('[data-testid=device-presence]:has-text("Đang kết nối")').waitFor({ timeout: 30_000 });

      first.close();
      await row.locator('[data-testid=device-presence]:has-text("Mất kết nối")').waitFor({ timeout: 60_000 });
      expect(await row.getByTestId('device-last-seen').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
      await screenshot(page, 'admin-devices-offline');
    });

    it('the same machine pairing again (storage lost) replaces its row and keeps its counter; the old token stops', async () => {
      const oldId = Object.values(admin.state!.config.devices).find((d) => d.name === 'Máy quầy 2')!.id;
      const again = counterMachine(hub.url, 'Máy quầy 2');
      machines.push(again);
      const code = await pairingCodeOf(again);
      await page.getByLabel(/^Mã ghép nối/).fill(code);
      await page.getByTestId('approve-waiting').waitFor({ timeout: 20_000 });
      // The identity rule: same kind and name, not connected now → offered as the device to replace.
      const replaces = page.getByTestId('approve-form').locator('select[name=replacesDeviceId]');
      await waitFor(async () => (await replaces.inputValue()) === oldId, 20_000, 'old device preselected');
      await page.getByTestId('approve-device').click();
      await page
        .locator('[data-testid=config-feedback]:has-text("Đã thay thế “Máy quầy 2”")')
        .waitFor({ timeout: 20_000 });
      await waitFor(() => again.getSnapshot().connection === 'online' && again.state !== null, 20_000, 'approved');

      await page.getByTestId('replaced-devices').waitFor({ timeout: 20_000 });
      const rows = rowsNamed('Máy quầy 2');
      await rows.locator('[data-testid=device-presence]:has-text("Đang kết nối")').first().waitFor({ timeout: 30_000 });
      await waitFor(async () => (await rows.count()) === 1, 20_000, 'one row for the machine');
      const devices = admin.state!.config.devices;
      const newId = again.getSnapshot().identity!.device!.id;
      expect(devices[newId]?.counterId).toBe('quay-2');
      expect(devices[oldId]?.revoked).toBe(true);
      await screenshot(page, 'admin-devices-replaced');

      const socket = await rawSocket(hub.url);
      try {
        const reply = (await socket.emitWithAck('hello', {
          protocol: PROTOCOL_VERSION,
          deviceToken: firstStorage.get('deviceToken'),
          lastSeq: 0,
        })) as HelloReply;
        expect(reply.ok).toBe(false);
        if (!reply.ok) expect(reply.details?.pairing).toBe('revoked');
      } finally {
        socket.disconnect();
      }
    });

    it('an admin replaces a working machine with another: the new one takes its counter, the old one is cut off', async () => {
      const working = machines[1]!;
      const workingId = working.getSnapshot().identity!.device!.id;
      const spare = counterMachine(hub.url, 'Máy dự phòng');
      machines.push(spare);
      const code = await pairingCodeOf(spare);

      await rowsNamed('Máy quầy 2').getByRole('button', { name: 'Thay thế…' }).click();
      const form = page.getByTestId('approve-form');
      await form.locator('h2:has-text("Thay thế “Máy quầy 2” bằng thiết bị mới")').waitFor();
      await form.getByLabel(/^Mã ghép nối/).fill(code);
      await page.getByTestId('approve-waiting').waitFor({ timeout: 20_000 });
      expect(await form.locator('select[name=replacesDeviceId]').inputValue()).toBe(workingId);
      await page.getByTestId('approve-device').click();

      await waitFor(
        () => spare.getSnapshot().connection === 'online' && spare.state !== null,
        20_000,
        'spare approved',
      );
      await waitFor(() => working.getSnapshot().identity === null, 20_000, 'old machine cut off');
      const spareId = spare.getSnapshot().identity!.device!.id;
      await waitFor(() => admin.state!.config.devices[spareId]?.counterId === 'quay-2', 20_000, 'counter taken over');
      expect(admin.state!.config.devices[spareId]?.name).toBe('Máy quầy 2');
      expect(admin.state!.config.devices[workingId]?.revoked).toBe(true);
      await waitFor(async () => (await rowsNamed('Máy quầy 2').count()) === 1, 20_000, 'one row for the machine');
      await waitFor(async () => (await rowsNamed('Máy dự phòng').count()) === 0, 20_000, 'no row for the spare');
    });
  },
);
