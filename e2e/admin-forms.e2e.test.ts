import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom } from './support/clients.js';
import { startHubProcess, type HubProcess } from './support/hubProcess.js';

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
    await page.goto(`${hub.url}/admin/`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', adminPasswordFrom(hub.output()));
    await page.click('button[type=submit]');
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
