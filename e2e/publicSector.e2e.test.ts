import { ticketById, ticketPrintout, ticketsWhere } from '@motcua/core';
import type { HubClient } from '@motcua/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom, connectAdmin, connectDevice, DEMO_PIN, replacedAdminPassword } from './support/clients.js';
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
    ensureAppBuilt('counter');
    hub = await startHubProcess();
    const password = adminPasswordFrom(hub.output());
    admin = await connectAdmin(hub.url, password);
    browser = await launchBrowser();
    adminPage = (await newPage(browser, { width: 1440, height: 1000 })).page;
    await adminPage.goto(`${hub.url}/admin/`);
    await adminPage.fill('input[name=username]', 'admin');
    // connectAdmin replaced the one-time password.
    await adminPage.fill('input[name=password]', replacedAdminPassword(password));
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
    // Refused under its box, named in Vietnamese (react-hook-form + core's rule).
    await adminPage
      .getByTestId('procedure-form')
      .getByTestId('field-error')
      .getByText(/^Mã thủ tục \(CSDL quốc gia về TTHC\): dạng 1\.001193/)
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
      returnsResults: false,
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
    // Printable on the ticket as a short reminder, from what the admin wrote.
    await kioskPage.getByRole('button', { name: /^Không ưu tiên/ }).click();
    const ticket = kioskPage.getByTestId('kiosk-ticket');
    await ticket.waitFor({ timeout: 20_000 });
    const ticketId = (await ticket.getAttribute('data-ticket-id'))!;
    await waitFor(() => ticketById(admin.state!, ticketId), 10_000, 'the ticket at the hub');
    expect(ticketPrintout(admin.state!, ticketId, 'x')?.reminder).toBe(
      'Cần mang theo: Giấy đề nghị đăng ký hộ kinh doanh; Hợp đồng thuê địa điểm kinh doanh.',
    );
    await kioskPage.getByTestId('kiosk-done').click();
  });

  it('the clerk scans the receipt slip among shortcut keys; the citizen collects the result by its code at the kiosk', async () => {
    const kiosk = await connectDevice(hub.url, 'kiosk', { name: 'kiosk for dossiers' });
    try {
      const issued = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
      expect(issued.ok).toBe(true);
    } finally {
      kiosk.close();
    }
    const counter = (await newPage(browser, { width: 1440, height: 900 })).page;
    await counter.goto(`${hub.url}/counter/?counter=quay-1`);
    await counter.getByTestId('signin-username').fill('canbo1');
    await counter.getByTestId('signin-pin').fill(DEMO_PIN);
    await counter.getByTestId('signin-submit').click();
    await counter.getByTestId('counter-name').waitFor({ timeout: 20_000 });
    await counter.locator('body').click({ position: { x: 5, y: 5 } });
    await counter.keyboard.press('N');
    await counter.getByTestId('current-ticket').waitFor({ timeout: 20_000 });
    const ticketId = await waitFor(
      () => ticketsWhere(admin.state!, (t) => t.status === 'called' && t.counterId === 'quay-1')[0]?.id,
      10_000,
      'called ticket',
    );

    // A keyboard-wedge scanner types the slip's code and Enter in one burst, starting with "H" (the finish key).
    await counter.evaluate((code) => {
      for (const key of [...code, 'Enter']) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      }
    }, 'H40.99-250703-0001');
    await counter.getByTestId('dossier-codes').getByText('H40.99-250703-0001').waitFor({ timeout: 10_000 });
    expect(ticketById(admin.state!, ticketId)).toMatchObject({
      status: 'called',
      dossierCodes: ['H40.99-250703-0001'],
    });

    // Typed by hand in the field, in small letters: stored in capitals.
    await counter.getByTestId('dossier-input').fill('h40.99-250703-0002');
    await counter.getByTestId('dossier-input').press('Enter');
    await counter.getByTestId('dossier-codes').getByText('H40.99-250703-0002').waitFor({ timeout: 10_000 });
    await screenshot(counter, 'counter-dossier');

    // A lone "H" is still the finish shortcut.
    await counter.locator('body').click({ position: { x: 5, y: 5 } });
    await counter.keyboard.press('H');
    await waitFor(() => ticketById(admin.state!, ticketId)?.status === 'finished', 10_000, 'finished by the H key');

    await kioskPage.goto(`${hub.url}/kiosk/`);
    await waitFor(() => kioskPage.getByTestId('kiosk-start').isEnabled(), 30_000, 'kiosk online');
    await kioskPage.getByTestId('kiosk-collect-result').click();
    await kioskPage.getByTestId('kiosk-dossier-input').fill('H40.99-250703-0001');
    await kioskPage.getByTestId('kiosk-dossier-lookup').click();
    await expect.poll(() => kioskPage.getByTestId('kiosk-dossier-result').textContent()).toContain('Đăng ký khai sinh');
    await screenshot(kioskPage, 'kiosk-collect-result');
    await kioskPage.getByRole('button', { name: /^Không ưu tiên/ }).click();
    const ticket = kioskPage.getByTestId('kiosk-ticket');
    await ticket.waitFor({ timeout: 20_000 });
    const collectId = (await ticket.getAttribute('data-ticket-id'))!;
    const collecting = await waitFor(() => ticketById(admin.state!, collectId), 10_000, 'collection ticket');
    expect(collecting).toMatchObject({ serviceId: 'tra-ket-qua', dossierCodes: ['H40.99-250703-0001'] });
    await kioskPage.getByTestId('kiosk-done').click();
    await counter.close();
  });
});
