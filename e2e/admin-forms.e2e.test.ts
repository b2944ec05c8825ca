import { HubClient, memoryTokenStore } from '@motcua/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { signInAdminPage } from './support/adminPage.js';
import { ensureAppBuilt } from './support/build.js';
import { connectClerk, connectDevice } from './support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const VIEWPORT = { width: 1366, height: 768 };

describe('admin forms: errors name their field in Vietnamese, forms open on screen', { timeout: 120_000 }, () => {
  let hub: HubProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    for (const app of ['admin', 'kiosk', 'counter', 'display', 'citizen']) ensureAppBuilt(app);
    hub = await startHubProcess();
    browser = await launchBrowser();
    page = (await newPage(browser, VIEWPORT)).page;
    await signInAdminPage(page, hub.url, hub.output());
    await page.getByTestId('nav-config').click({ timeout: 20_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  async function expectInViewport(selector: string): Promise<void> {
    const box = await page.locator(selector).boundingBox();
    expect(box, `${selector} on the page`).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(VIEWPORT.height - 100);
  }

  it('a duplicate prefix is named on the prefix box, in Vietnamese; a saved form says so, then the notice goes', async () => {
    await page.getByTestId('config-tab-services').click();
    await page.getByTestId('service-add').click();
    await expectInViewport('[data-testid=service-form]');
    const form = page.getByTestId('service-form');
    await form.locator('input[name="service.id"]').fill('nhan-cha-me-con');
    await form.locator('input[name="service.code"]').fill('HT09');
    await form.locator('input[name="service.name.vi"]').fill('Đăng ký nhận cha, mẹ, con');
    await form.locator('input[name="service.prefix"]').fill('A');
    await page.getByTestId('service-save').click();
    const error = form.getByTestId('field-error');
    await error.first().waitFor({ timeout: 20_000 });
    expect(await error.allTextContents()).toEqual([
      'Tiền tố số (A–Z): trùng với thủ tục “Đăng ký khai sinh” (A); chọn tiền tố hoặc dải số khác',
    ]);
    await screenshot(page, 'admin-service-duplicate-prefix');

    await form.locator('input[name="service.prefix"]').fill('N');
    await page.getByTestId('service-save').click();
    const saved = page.locator('[data-testid=config-feedback]:has-text("Đã lưu thủ tục")');
    await saved.waitFor({ timeout: 20_000 });
    // A confirmation goes away by itself (an error would stay).
    await saved.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('an empty name is refused in Vietnamese under "Tên quầy"; a counter gets an English name', async () => {
    await page.getByTestId('config-tab-counters').click();
    await page.locator('tr:has-text("Quầy 1") button:has-text("Sửa")').first().click();
    await expectInViewport('[data-testid=counter-form]');
    const form = page.getByTestId('counter-form');
    await form.locator('input[name="name.vi"]').fill('');
    await page.getByTestId('counter-save').click();
    const error = form.getByTestId('field-error');
    await error.first().waitFor({ timeout: 20_000 });
    const message = (await error.first().textContent()) ?? '';
    expect(message.startsWith('Tên quầy: ')).toBe(true);
    expect(message).not.toMatch(/Too small|expected|Invalid/);

    await form.locator('input[name="name.vi"]').fill('Quầy 1');
    await form.locator('input[name="name.en"]').fill('Counter 1 – Civil status');
    await page.getByTestId('counter-save').click();
    await page.locator('td:has-text("Counter 1 – Civil status")').waitFor({ timeout: 20_000 });
  });

  it('opening hours are time pickers per weekday with two shifts; one click adds the year’s holidays, Tết included', async () => {
    await page.getByTestId('config-tab-office').click();
    const hours = page.getByTestId('weekly-hours');
    const saturday = hours.locator('[data-day="6"]');
    while ((await saturday.locator('.clock-picker').count()) > 0) {
      await saturday.getByRole('button', { name: /^Bỏ ca 1/ }).click();
    }
    await saturday.getByRole('button', { name: '+ Thêm ca' }).click();
    await saturday.getByLabel('Thứ Bảy, ca 1: từ (giờ)').selectOption('07');
    await saturday.getByLabel('Thứ Bảy, ca 1: từ (phút)').selectOption('30');
    await saturday.getByLabel('Thứ Bảy, ca 1: đến (giờ)').selectOption('11');
    await saturday.getByLabel('Thứ Bảy, ca 1: đến (phút)').selectOption('30');
    await saturday.getByRole('button', { name: '+ Thêm ca' }).click();
    await saturday.getByLabel('Thứ Bảy, ca 2: từ (giờ)').selectOption('13');
    await saturday.getByLabel('Thứ Bảy, ca 2: từ (phút)').selectOption('30');
    await saturday.getByLabel('Thứ Bảy, ca 2: đến (giờ)').selectOption('17');
    await saturday.getByLabel('Thứ Bảy, ca 2: đến (phút)').selectOption('00');

    const calendar = page.getByTestId('holiday-calendar');
    await calendar.getByLabel('Năm', { exact: true }).selectOption('2026');
    await page.getByTestId('add-public-holidays').click();
    await calendar.getByLabel('Thêm ngày nghỉ (ngày/tháng/năm)').fill('31/02/2026');
    await calendar.getByRole('button', { name: 'Thêm ngày' }).click();
    expect(await calendar.getByTestId('field-error').textContent()).toContain('ngày/tháng/năm');
    const list = page.getByTestId('holiday-list');
    expect(await list.locator('[data-date="2026-02-17"]').textContent()).toContain('17/02/2026');
    expect(await list.locator('[data-date="2026-02-17"]').textContent()).toContain('Mùng 1 Tết');
    expect(await list.locator('[data-date="2026-04-26"]').textContent()).toContain('Giỗ Tổ Hùng Vương');
    await screenshot(page, 'admin-office-hours-holidays');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page
      .locator('[data-testid=config-feedback]:has-text("Đã lưu thông tin cơ quan")')
      .waitFor({ timeout: 20_000 });

    // Saved on the hub: a fresh page shows the same week and days off.
    await page.reload();
    await page.getByTestId('nav-config').click({ timeout: 20_000 });
    await page.getByTestId('config-tab-office').click();
    await saturday.locator('.clock-picker').first().waitFor();
    const saturdayTimes = await saturday
      .locator('.clock-picker')
      .evaluateAll((pickers) => pickers.map((p) => p.getAttribute('data-value')));
    expect(saturdayTimes).toEqual(['07:30', '11:30', '13:30', '17:00']);
    await list.locator('[data-date="2026-02-16"]').waitFor();
    expect(await list.locator('li').count()).toBeGreaterThanOrEqual(11);
  });

  it('the audit log reads as Vietnamese sentences with local times, refused sign-ins included', async () => {
    const kiosk = await connectDevice(hub.url, 'kiosk');
    const clerk = await connectClerk(hub.url, 1);
    const issued = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    const label = issued.ok ? issued.result.ticket?.label : '';
    expect((await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' })).ok).toBe(true);
    const stranger = new HubClient({ url: hub.url, storage: memoryTokenStore() }).connect();
    await waitFor(() => stranger.getSnapshot().connection === 'online', 20_000, 'socket online');
    expect((await stranger.signIn('canbo2', 'sai-mat-khau')).ok).toBe(false);
    for (const client of [kiosk, clerk, stranger]) client.close();

    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await table.locator('tr[data-type="ticket.called"]').first().waitFor({ timeout: 20_000 });
    const called = await table.locator('tr[data-type="ticket.called"]').first().locator('td').allTextContents();
    expect(called[1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(called[2]).toBe(`Nguyễn Thị Lan gọi số ${label} đến Quầy 1.`);
    const counterSaved = await table.locator('tr[data-type="config.counterUpserted"]').first().textContent();
    expect(counterSaved).toContain('lưu Quầy 1.');
    const allText = (await table.textContent()) ?? '';
    expect(allText).not.toContain('{"');
    expect(allText).not.toMatch(/\b(ticket|config|counter)\.[a-z]+/i);
    const refused = page.getByTestId('signin-log');
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.textContent()).toContain('Đăng nhập không thành công với tài khoản “canbo2”');
    await screenshot(page, 'admin-audit');
  });

  it('every app has a favicon the hub serves', async () => {
    for (const path of ['/admin/', '/kiosk/', '/counter/', '/display/', '/book/']) {
      const html = await (await fetch(`${hub.url}${path}`)).text();
      const href = /<link rel="icon"[^>]*href="([^"]+)"/.exec(html)?.[1];
      expect(href, `icon link on ${path}`).toBeDefined();
      const icon = await fetch(new URL(href!, `${hub.url}${path}`));
      expect(icon.status, `icon of ${path}`).toBe(200);
      expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    }
  });
});
