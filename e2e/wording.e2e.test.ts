import type { HubClient } from '@motcua/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findForbiddenWordings } from '@motcua/ui/wording';
import { launchBrowser, newPage } from './support/browser.js';
import { signInAdminPage } from './support/adminPage.js';
import { ensureAppBuilt } from './support/build.js';
import { connectClerk, connectDevice, DEMO_PIN } from './support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

/**
 * What is on screen keeps none of the wordings issue 16 retired: the one list every app's catalogue test uses
 * (@motcua/ui/wording), plus the English plural the kiosk once got wrong.
 */
async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

function expectNoRetiredWords(text: string): void {
  expect(findForbiddenWordings(text)).toEqual([]);
  expect(text).not.toContain('1 procedures');
}

describe('wording: what citizens, clerks and admins read, in Chromium', { timeout: 120_000 }, () => {
  let hub: HubProcess;
  let browser: Browser;
  let kiosk: HubClient;
  let clerk: HubClient;

  beforeAll(async () => {
    for (const app of ['citizen', 'kiosk', 'counter', 'admin']) ensureAppBuilt(app);
    hub = await startHubProcess();
    kiosk = await connectDevice(hub.url, 'kiosk');
    clerk = await connectClerk(hub.url, 1);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    kiosk?.close();
    clerk?.close();
    await browser?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  async function issue(serviceId: string): Promise<{ id: string; label: string; statusPath: string }> {
    const reply = await kiosk.send({ type: 'ticket.issue', serviceId });
    if (!reply.ok || !reply.result.ticket || !reply.result.statusUrl) throw new Error('no ticket');
    return {
      id: reply.result.ticket.id,
      label: reply.result.ticket.label,
      statusPath: new URL(reply.result.statusUrl).pathname,
    };
  }

  it('the citizen status page says "qua lượt" and "tạm dừng", and addresses the citizen as Ông/Bà', async () => {
    const skipped = await issue('khai-sinh');
    expect((await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' })).ok).toBe(true);
    expect((await clerk.send({ type: 'ticket.noShow', counterId: 'quay-1', ticketId: skipped.id })).ok).toBe(true);
    const { page } = await newPage(browser, { width: 412, height: 915 });
    await page.goto(`${hub.url}${skipped.statusPath}`);
    await page.getByTestId('status-noshow').waitFor({ timeout: 20_000 });
    const noShowText = await bodyText(page);
    expect(noShowText).toContain('Số của Ông/Bà đã qua lượt (vắng mặt khi được gọi)');
    expect(noShowText).not.toMatch(/\bbạn\b/i);
    expectNoRetiredWords(noShowText);

    const parked = await issue('khai-sinh');
    expect((await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' })).ok).toBe(true);
    expect((await clerk.send({ type: 'ticket.start', counterId: 'quay-1', ticketId: parked.id })).ok).toBe(true);
    expect((await clerk.send({ type: 'ticket.park', counterId: 'quay-1', ticketId: parked.id })).ok).toBe(true);
    await page.goto(`${hub.url}${parked.statusPath}`);
    await page.getByTestId('status-parked').waitFor({ timeout: 20_000 });
    const parkedText = await bodyText(page);
    expect(parkedText).toContain('Hồ sơ đang tạm dừng – cán bộ sẽ gọi lại');
    expect(parkedText).not.toMatch(/\bbạn\b/i);
  });

  it('the counter says "Đang mời số …", then "Đang phục vụ số …", and never "Chưa gọi số nào" after a call', async () => {
    const { page } = await newPage(browser, { width: 1440, height: 900 });
    await page.goto(`${hub.url}/counter/?counter=quay-2`);
    await page.getByTestId('signin-username').fill('canbo2');
    await page.getByTestId('signin-pin').fill(DEMO_PIN);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('current-ticket-idle').waitFor({ timeout: 20_000 });
    // Nobody waits for Quầy 2's procedures yet: no hint to press a button that is disabled.
    await waitFor(() => page.getByTestId('action-callNext').isDisabled(), 20_000, 'call next disabled');
    expect(await page.getByTestId('call-next-hint').count()).toBe(0);

    const ticket = await issue('chung-thuc-ban-sao');
    await page.getByTestId('call-next-hint').waitFor({ timeout: 20_000 });
    await page.getByTestId('action-callNext').click();
    await expect
      .poll(() => page.getByTestId('current-ticket').textContent(), { timeout: 20_000 })
      .toContain(`Đang mời số ${ticket.label}`);
    await page.getByTestId('action-start').click();
    await expect
      .poll(() => page.getByTestId('current-ticket').textContent(), { timeout: 20_000 })
      .toContain(`Đang phục vụ số ${ticket.label}`);
    await page.getByTestId('action-finish').click();
    await page.getByTestId('current-ticket-idle').waitFor({ timeout: 20_000 });
    const idle = (await page.getByTestId('current-ticket-idle').textContent()) ?? '';
    expect(idle).not.toContain('Chưa gọi số nào');
    expect(idle).toContain('Không có số đang phục vụ');
    expectNoRetiredWords(await bodyText(page));
  });

  it('the kiosk names priority groups as the office does and counts "1 procedure" in English', async () => {
    const { page } = await newPage(browser, { width: 1080, height: 1920 });
    await page.goto(`${hub.url}/kiosk/`);
    await page.getByTestId('kiosk-start').click({ timeout: 20_000 });
    const fieldsText = await bodyText(page);
    expectNoRetiredWords(fieldsText);
    expect(fieldsText).not.toMatch(/\bbạn\b/i);
    await page
      .getByRole('button', { name: /^Hộ tịch/ })
      .first()
      .click();
    await page.locator('[data-service-id="khai-sinh"]').click();
    const priorityText = await bodyText(page);
    expect(priorityText).toContain('Phụ nữ mang thai');
    expect(priorityText).toContain('Người đi cùng trẻ em dưới 6 tuổi');
    expect(priorityText).not.toMatch(/\bbạn\b/i);

    await page.goto(`${hub.url}/kiosk/`);
    await page.getByRole('button', { name: 'English' }).click({ timeout: 20_000 });
    await page.getByTestId('kiosk-start').click();
    const english = await bodyText(page);
    expect(english).toMatch(/\b1 procedure\b/);
    expect(english).not.toContain('1 procedures');
  });

  it('admin: procedures are "Thủ tục", weekdays count from Thứ Hai, the rating pad is "Máy đánh giá" named for its counter', async () => {
    const { page: pad } = await newPage(browser, { width: 1280, height: 800 });
    await pad.goto(`${hub.url}/counter/rating?counter=quay-1`);
    await pad.getByTestId('rating-idle').waitFor({ timeout: 20_000 });

    const { page } = await newPage(browser, { width: 1600, height: 1000 });
    await signInAdminPage(page, hub.url, hub.output());
    await page.getByTestId('nav-config').click({ timeout: 20_000 });
    await page.getByTestId('config-tab-office').click();
    const office = await bodyText(page);
    const weekdays = await page.locator('.weekly-hours__name').allTextContents();
    expect(weekdays).toEqual(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']);
    expectNoRetiredWords(office);

    await page.getByTestId('config-tab-services').click();
    const services = await bodyText(page);
    expect(services).toContain('Thủ tục hành chính');
    expectNoRetiredWords(services);

    await page.getByTestId('config-tab-devices').click();
    const deviceNames = () =>
      page
        .locator('input[aria-label="Tên thiết bị"]')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    await expect.poll(deviceNames, { timeout: 20_000 }).toContain('Đánh giá Quầy 1');
    const devices = await bodyText(page);
    expect(devices).toContain('Máy đánh giá');
    expectNoRetiredWords(devices);

    await page.getByTestId('config-tab-priority').click();
    const priority = await bodyText(page);
    const priorityNames = await page
      .locator('input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect([priority, ...priorityNames].join('\n')).toContain('Phụ nữ mang thai');
    expectNoRetiredWords(priority);

    await page.getByTestId('nav-monitor').click();
    await expect.poll(() => bodyText(page), { timeout: 20_000 }).toContain('Hàng chờ theo thủ tục');
    expectNoRetiredWords(await bodyText(page));
  });
});
