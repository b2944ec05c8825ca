import type { HubClient } from '@motcua/client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminConfig, type AdminConfigSession } from './support/adminPage.js';
import { screenshot } from './support/browser.js';
import { connectDevice } from './support/clients.js';
import { waitFor, type HubProcess } from './support/hubProcess.js';

describe('admin: the status link on tickets and whether phones can open it', { timeout: 120_000 }, () => {
  let session: AdminConfigSession;
  let hub: HubProcess;
  let page: Page;
  let kiosk: HubClient;

  beforeAll(async () => {
    // The test hub listens on 127.0.0.1 only, as an office hub behind a reverse proxy would.
    session = await openAdminConfig();
    ({ hub, page } = session);
    kiosk = await connectDevice(hub.url, 'kiosk');
    await page.getByTestId('config-tab-kiosk').click();
  }, 120_000);

  afterAll(async () => {
    kiosk?.close();
    await session?.close();
  });

  async function issuedStatusUrl(): Promise<string> {
    const reply = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    if (!reply.ok) throw new Error(`issue refused: ${reply.code}`);
    return reply.result.statusUrl!;
  }

  const warnings = () =>
    page.getByTestId('status-link-warning').evaluateAll((items) => items.map((i) => i.getAttribute('data-warning')));

  it('a hub on 127.0.0.1 prints its own address, not a LAN address it does not answer on, and the admin is warned', async () => {
    expect(await issuedStatusUrl()).toMatch(new RegExp(`^${hub.url}/t/[A-Za-z0-9_-]{22}$`));
    const base = page.getByTestId('status-link-base');
    await base.waitFor({ timeout: 20_000 });
    expect(await base.textContent()).toBe(`${hub.url}/t/…`);
    await waitFor(async () => (await warnings()).length > 0, 20_000, 'warnings');
    expect(await warnings()).toEqual(['hubListensOnLoopback', 'loopbackBaseUrl']);
    expect(await page.getByTestId('status-link-warning').first().textContent()).toContain(
      'Máy chủ chỉ nghe trên 127.0.0.1',
    );
    await screenshot(page, 'admin-status-link-loopback');
  });

  it('an address that is not http(s) is refused under its box; a LAN address warns about 4G', async () => {
    const form = page.getByTestId('kiosk-form');
    const address = form.locator('input[name="statusBaseUrl"]');
    await address.fill('motcua.hoangmai.gov.vn');
    await page.getByTestId('kiosk-save').click();
    const error = form.getByTestId('field-error');
    await error.first().waitFor({ timeout: 20_000 });
    expect(await error.first().textContent()).toBe(
      'Địa chỉ tra cứu trên vé (để trống = địa chỉ của máy chủ): phải là địa chỉ bắt đầu bằng http:// hoặc https://, ví dụ https://motcua.phuong.gov.vn',
    );

    await address.fill('http://192.168.1.10:8080');
    await page.getByTestId('kiosk-save').click();
    await page.locator('[data-testid=config-feedback]:has-text("Đã lưu cài đặt máy lấy số")').waitFor();
    await waitFor(async () => (await warnings()).join() === 'lanOnlyBaseUrl', 20_000, 'LAN warning');
  });

  it('a public address behind a reverse proxy: no warning, and new tickets carry it', async () => {
    await page.locator('input[name="statusBaseUrl"]').fill('https://motcua.hoangmai.gov.vn/');
    // The reprint limit in force is shown (core's default until the office sets one) and saved with the rest.
    const reprints = page.locator('input[name="reprintLimit"]');
    expect(await reprints.inputValue()).toBe('2');
    await reprints.fill('1');
    await page.getByTestId('kiosk-save').click();
    await page
      .locator('[data-testid=status-link-base]:has-text("https://motcua.hoangmai.gov.vn/t/…")')
      .waitFor({ timeout: 20_000 });
    expect(await warnings()).toEqual([]);
    await waitFor(() => kiosk.state?.config.kiosk.statusBaseUrl === 'https://motcua.hoangmai.gov.vn', 20_000, 'sync');
    expect(kiosk.state?.config.kiosk.reprintLimit).toBe(1);
    expect(await issuedStatusUrl()).toMatch(/^https:\/\/motcua\.hoangmai\.gov\.vn\/t\/[A-Za-z0-9_-]{22}$/);
    await screenshot(page, 'admin-status-link-public');
  });
});
