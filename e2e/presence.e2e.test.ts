import type { HubClient } from '@motcua/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAdminPage } from './support/adminPage.js';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { connectClerk, connectDevice } from './support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

describe(
  'presence: the live monitor says "Mất kết nối" for a counter whose device is gone',
  { timeout: 120_000 },
  () => {
    let hub: HubProcess;
    let browser: Browser;
    let page: Page;
    const clients: HubClient[] = [];

    beforeAll(async () => {
      ensureAppBuilt('admin');
      hub = await startHubProcess();
      browser = await launchBrowser();
      page = (await newPage(browser, { width: 1366, height: 900 })).page;
      await signInAdminPage(page, hub.url, hub.output());
    }, 120_000);

    afterAll(async () => {
      for (const client of clients) client.close();
      await browser?.close();
      await hub?.stop();
      hub?.cleanup();
    });

    it('the admin sets the time in Vietnamese; the monitor shows the loss, and clears it when the device is back', async () => {
      await page.getByTestId('nav-config').click({ timeout: 20_000 });
      await page.getByTestId('config-tab-office').click();
      const field = page.getByLabel('Báo “Mất kết nối” khi máy quầy vắng quá (giây, 5–3600)');
      expect(await field.inputValue()).toBe('120');
      await field.fill('5');
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.locator('text=Đã lưu thông tin cơ quan.').waitFor({ timeout: 20_000 });
      const watcher = await connectDevice(hub.url, 'display');
      clients.push(watcher);
      await waitFor(() => watcher.state?.config.office.counterLostAfterSeconds === 5, 10_000, 'setting stored');

      const clerk = await connectClerk(hub.url, 2);
      clients.push(clerk);
      await page.getByTestId('nav-monitor').click();
      const status = page.getByTestId('monitor-status-quay-2');
      await status.locator('.pill:has-text("Đang mở")').waitFor({ timeout: 20_000 });

      clerk.close();
      await status.locator('.pill-lost:has-text("Mất kết nối")').waitFor({ timeout: 30_000 });
      expect(await status.textContent()).toContain('kiểm tra máy hoặc đóng quầy');
      await screenshot(page, 'admin-monitor-counter-lost');

      clerk.connect();
      await status.locator('.pill:has-text("Đang mở")').waitFor({ timeout: 30_000 });
      expect(await status.locator('.pill-lost').count()).toBe(0);
    });
  },
);
