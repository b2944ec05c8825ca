import type { HubClient } from '@motcua/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAdminPage } from './support/adminPage.js';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom, connectAdmin } from './support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

/**
 * The admin fields issue 12 added, driven in Chromium against a real hub: what the admin types, what the hub
 * refuses or keeps, and the Vietnamese message that names the field to fix.
 */
describe('admin: hardening settings in the browser', { timeout: 180_000 }, () => {
  let hub: HubProcess;
  let browser: Browser;
  let page: Page;
  let admin: HubClient;

  beforeAll(async () => {
    ensureAppBuilt('admin');
    hub = await startHubProcess();
    browser = await launchBrowser();
    page = (await newPage(browser, { width: 1366, height: 900 })).page;
    await signInAdminPage(page, hub.url, hub.output());
    // A second admin session, to read what the hub kept.
    admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
  }, 120_000);

  afterAll(async () => {
    admin?.close();
    await browser?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('webhook: a LAN receiver is refused until “allow LAN addresses” is ticked; the hub itself and metadata never', async () => {
    await page.getByTestId('nav-webhooks').click();
    const form = page.getByTestId('webhook-form');
    await form.waitFor({ timeout: 20_000 });
    const allowLan = form.locator('input[name=allowLanTargets]');
    expect(await allowLan.isChecked()).toBe(false);
    const feedback = form.getByTestId('webhook-feedback');
    // Every refusal of the address, the page's or the hub's, is shown under the address box.
    const urlError = form.getByTestId('field-error');

    await form.locator('input[name=url]').fill('http://192.168.1.20/hook');
    await form.locator('input[name=secret]').fill('khoa-bi-mat-cong-sms-2026');
    await form.getByTestId('webhook-save').click();
    await urlError.filter({ hasText: 'mạng nội bộ' }).waitFor({ timeout: 20_000 });
    expect(await urlError.textContent()).toMatch(
      /^Địa chỉ nhận \(URL\) thuộc mạng nội bộ .*“Cho phép địa chỉ trong mạng nội bộ” rồi lưu lại\.$/,
    );
    await screenshot(page, 'admin-webhook-lan-refused');

    await allowLan.check();
    await form.locator('input[name=url]').fill('http://127.0.0.1:9/hook');
    await form.getByTestId('webhook-save').click();
    await urlError.filter({ hasText: 'chính máy chủ' }).waitFor({ timeout: 20_000 });
    expect(await urlError.textContent()).toMatch(/^Địa chỉ nhận \(URL\) trỏ về chính máy chủ/);
    await form.locator('input[name=url]').fill('http://169.254.169.254/latest');
    await form.getByTestId('webhook-save').click();
    await urlError.filter({ hasText: 'metadata' }).waitFor({ timeout: 20_000 });

    await form.locator('input[name=url]').fill('http://192.168.1.20/hook');
    await form.getByTestId('webhook-save').click();
    await feedback.filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 20_000 });

    // The hub kept it: a fresh page shows the box ticked and the LAN address.
    await page.reload();
    await page.getByTestId('nav-webhooks').click();
    await waitFor(
      async () => (await page.locator('input[name=url]').inputValue()) === 'http://192.168.1.20/hook',
      20_000,
      'the saved receiver after a reload',
    );
    expect(await page.locator('input[name=allowLanTargets]').isChecked()).toBe(true);
  });

  it('printer: an unlisted sharing computer is refused naming the address field; listing it lets the address save', async () => {
    await page.getByTestId('nav-config').click();
    await page.getByTestId('config-tab-printers').click();
    await page.getByRole('button', { name: '+ Thêm máy in' }).click();
    await page.getByLabel('Mã định danh').fill('may-in-ke-toan');
    await page.getByLabel('Tên', { exact: true }).fill('Máy in phòng kế toán');
    const address = page.getByLabel(/^Địa chỉ máy in/);
    const feedback = page.getByTestId('config-feedback');

    // The form is checked in the browser first: a device path that is not a printer port, under the box.
    await address.fill('device:///etc/passwd');
    await page.getByRole('button', { name: 'Lưu máy in' }).click();
    const addressError = page.getByTestId('printer-form').getByTestId('field-error');
    await addressError.filter({ hasText: 'cổng thiết bị' }).waitFor({ timeout: 20_000 });
    expect(await addressError.textContent()).toMatch(/^Địa chỉ máy in: cổng thiết bị chỉ được là/);

    // The sharing computer is the hub's to judge.
    await address.fill('windows-share://may-ke-toan/XP80');
    await page.getByRole('button', { name: 'Lưu máy in' }).click();
    await feedback.filter({ hasText: 'chưa được cho phép' }).waitFor({ timeout: 20_000 });
    expect(await feedback.textContent()).toMatch(
      /^Địa chỉ máy in: máy tính chia sẻ máy in này chưa được cho phép\. Hãy thêm tên máy vào ô “Máy tính được phép chia sẻ máy in”/,
    );
    await screenshot(page, 'admin-printer-share-refused');
    expect(admin.state?.config.printerProfiles['may-in-ke-toan']).toBeUndefined();

    const hostsForm = page.getByTestId('printer-share-hosts');
    const hosts = hostsForm.locator('input[name=printerShareHosts]');
    await hosts.fill('may-ke-toan/XP80');
    await hostsForm.getByRole('button', { name: 'Lưu danh sách máy' }).click();
    const fieldError = hostsForm.getByTestId('field-error');
    await fieldError.waitFor({ timeout: 20_000 });
    expect(await fieldError.textContent()).toMatch(
      /^Máy tính được phép chia sẻ máy in: “may-ke-toan\/XP80” không phải tên máy/,
    );
    expect(admin.state?.config.kiosk.printerShareHosts).toBeUndefined();

    await hosts.fill('MAY-KE-TOAN, 192.168.1.20');
    await hostsForm.getByRole('button', { name: 'Lưu danh sách máy' }).click();
    await hostsForm.getByTestId('config-feedback').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 20_000 });
    await waitFor(
      () => admin.state?.config.kiosk.printerShareHosts?.join() === 'may-ke-toan,192.168.1.20',
      20_000,
      'the share hosts in the hub',
    );

    await page.getByRole('button', { name: 'Lưu máy in' }).click();
    await page.locator('td code', { hasText: 'windows-share://may-ke-toan/XP80' }).waitFor({ timeout: 20_000 });
    await waitFor(() => admin.state?.config.printerProfiles['may-in-ke-toan'], 20_000, 'the printer in the hub');
  });

  it('booking: the per-phone caps are named when out of range and reach the hub when saved', async () => {
    await page.getByTestId('nav-appointments').click();
    const form = page.getByTestId('appointments-form');
    await form.waitFor({ timeout: 20_000 });
    const perService = form.locator('input[name=maxPerPhonePerService]');
    const perDay = form.locator('input[name=maxPerPhonePerDay]');
    const before = admin.state?.config.appointments;
    // The demo's policy sets no caps: the defaults the hub applies are shown.
    expect(await perService.inputValue()).toBe('1');
    expect(await perDay.inputValue()).toBe('3');
    const feedback = form.getByTestId('appointments-feedback');
    const fieldError = form.getByTestId('field-error');

    await perService.fill('0');
    await form.getByTestId('appointments-save').click();
    await fieldError.waitFor({ timeout: 20_000 });
    expect(await fieldError.textContent()).toBe('Mỗi số điện thoại, mỗi thủ tục (lịch/ngày): phải từ 1 trở lên');
    await perService.fill('2');
    await perDay.fill('51');
    await form.getByTestId('appointments-save').click();
    await fieldError.filter({ hasText: 'Mỗi số điện thoại, mọi thủ tục' }).waitFor({ timeout: 20_000 });
    expect(await fieldError.allTextContents()).toEqual([
      'Mỗi số điện thoại, mọi thủ tục (lịch/ngày): không được lớn hơn 50',
    ]);
    expect(admin.state?.config.appointments).toEqual(before);

    await perDay.fill('4');
    await form.getByTestId('appointments-save').click();
    await feedback.filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 20_000 });
    await waitFor(
      () => admin.state?.config.appointments?.maxPerPhonePerService === 2,
      20_000,
      'the per-phone caps in the hub',
    );
    expect(admin.state?.config.appointments?.maxPerPhonePerDay).toBe(4);
  });
});
