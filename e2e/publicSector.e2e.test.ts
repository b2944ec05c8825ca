import type { HubClient } from '@motcua/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom, connectAdmin } from './support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

describe('public-sector fit: procedure information, in Chromium against a real hub', { timeout: 90_000 }, () => {
  let hub: HubProcess;
  let browser: Browser;
  let adminPage: Page;
  let kioskPage: Page;
  let admin: HubClient;

  beforeAll(async () => {
    ensureAppBuilt('admin');
    ensureAppBuilt('kiosk');
    hub = await startHubProcess();
    const password = adminPasswordFrom(hub.output());
    admin = await connectAdmin(hub.url, password);
    browser = await launchBrowser();
    adminPage = (await newPage(browser, { width: 1440, height: 1000 })).page;
    await adminPage.goto(`${hub.url}/admin/`);
    await adminPage.fill('input[name=username]', 'admin');
    await adminPage.fill('input[name=password]', password);
    await adminPage.click('button[type=submit]');
    await adminPage.waitForSelector('[data-testid=nav-procedures]', { timeout: 20_000 });
    kioskPage = (await newPage(browser, { width: 1920, height: 1080 })).page;
    await kioskPage.goto(`${hub.url}/kiosk/`);
    await waitFor(() => kioskPage.getByTestId('kiosk-start').isEnabled(), 30_000, 'kiosk online');
  }, 120_000);

  afterAll(async () => {
    admin?.close();
    await browser?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('an admin writes the papers, fee and time of a procedure; the kiosk shows them before the ticket', async () => {
    await adminPage.click('[data-testid=nav-procedures]');
    await adminPage.click('[data-testid=procedure-edit-ho-kinh-doanh]');
    await adminPage.fill('input[name=catalogueCode]', 'KD01');
    await adminPage.click('[data-testid=procedure-save]');
    await adminPage
      .getByRole('alert')
      .getByText(/Chưa hợp lệ – catalogueCode/)
      .waitFor();
    await adminPage.fill('input[name=catalogueCode]', '');
    await adminPage.fill(
      'textarea[name=documents]',
      'Giấy đề nghị đăng ký hộ kinh doanh\n\n  Hợp đồng thuê địa điểm kinh doanh  ',
    );
    await adminPage.fill('input[name=fee]', '100.000 đồng/lần');
    await adminPage.fill('input[name=processingTime]', '3 ngày làm việc');
    await adminPage.check('input[name=printOnTicket]');
    await adminPage.click('[data-testid=procedure-save]');
    const info = await waitFor(
      () => (admin.state?.config.procedures?.['ho-kinh-doanh']?.fee === '100.000 đồng/lần' ? admin.state : null),
      10_000,
      'procedure info saved',
    );
    expect(info.config.procedures?.['ho-kinh-doanh']).toEqual({
      catalogueCode: '',
      documents: ['Giấy đề nghị đăng ký hộ kinh doanh', 'Hợp đồng thuê địa điểm kinh doanh'],
      fee: '100.000 đồng/lần',
      processingTime: '3 ngày làm việc',
      printOnTicket: true,
    });
    await screenshot(adminPage, 'admin-procedures');

    await kioskPage.getByTestId('kiosk-start').click();
    await kioskPage.getByRole('button', { name: /^Hộ kinh doanh/ }).click();
    await kioskPage.locator('[data-service-id="ho-kinh-doanh"]').click();
    const panel = kioskPage.getByTestId('kiosk-procedure-info');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Hợp đồng thuê địa điểm kinh doanh');
    expect(await kioskPage.getByTestId('kiosk-procedure-fee').textContent()).toBe('100.000 đồng/lần');
    await screenshot(kioskPage, 'kiosk-procedure-info');
    await kioskPage.getByRole('button', { name: /Quay lại/ }).click();
  });
});
