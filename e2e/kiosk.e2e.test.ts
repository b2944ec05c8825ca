import type { HubClient } from '@motcua/client';
import { localTime, officeIssueStatus, ticketPrintout, ticketById } from '@motcua/core';
import { startVirtualPrinter, type VirtualPrinter } from '@motcua/printer/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom, assignPrinter, connectAdmin, connectDevice } from './support/clients.js';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';
import { printedTicketShows, readPrintedTicket } from './support/printedTicket.js';

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

describe(
  'kiosk: a citizen takes a ticket in Chromium against a real hub and a network printer',
  { timeout: 90_000 },
  () => {
    let hub: HubProcess;
    let printer: VirtualPrinter;
    let admin: HubClient;
    let browser: Browser;
    let page: Page;

    async function tap(text: string | RegExp): Promise<void> {
      await page.getByRole('button', { name: text }).first().click();
    }

    /** Takes a ticket through the screens and returns its id once the print finished (well or not). */
    async function takeTicket(options: {
      field: string | RegExp;
      serviceId: string;
      priority: string | RegExp;
      shots?: string;
      /** Text the procedure's papers/fee panel must show before the ticket is taken. */
      procedureInfo?: string;
    }): Promise<string> {
      await page.getByTestId('kiosk-start').click();
      if (options.shots) await screenshot(page, `${options.shots}-fields`);
      await tap(options.field);
      if (options.shots) await screenshot(page, `${options.shots}-services`);
      await page.locator(`[data-service-id="${options.serviceId}"]`).click();
      if (options.shots) await screenshot(page, `${options.shots}-priority`);
      if (options.procedureInfo) {
        expect(await page.getByTestId('kiosk-procedure-info').textContent()).toContain(options.procedureInfo);
      }
      await tap(options.priority);
      const ticket = page.getByTestId('kiosk-ticket');
      await ticket.waitFor({ timeout: 20_000 });
      await waitFor(
        async () =>
          (await page.getByTestId('kiosk-print-status').getAttribute('class'))?.includes('printing') === false,
        20_000,
        'print finished',
      );
      return (await ticket.getAttribute('data-ticket-id'))!;
    }

    async function expectPrinted(ticketId: string): Promise<void> {
      const job = await printer.waitForJob(20_000);
      const printed = readPrintedTicket(job.bytes);
      expect(printed.qr).toMatch(/\/t\/[A-Za-z0-9_-]{22}$/);
      await waitFor(() => admin.state && ticketById(admin.state, ticketId), 10_000, 'ticket in the hub state');
      const printout = ticketPrintout(admin.state!, ticketId, printed.qr!)!;
      // The paper shows exactly this ticket: label, service, priority, time, people ahead.
      expect(printedTicketShows(printed, printout)).toBe(true);
    }

    beforeAll(async () => {
      ensureAppBuilt('kiosk');
      printer = await startVirtualPrinter();
      hub = await startHubProcess();
      admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
      browser = await launchBrowser();
      ({ page } = await newPage(browser, LANDSCAPE));
      await page.goto(`${hub.url}/kiosk/`);
      await waitFor(() => page.getByTestId('kiosk-start').isEnabled(), 30_000, 'kiosk online');
      const device = await waitFor(
        () => Object.values(admin.state!.config.devices).find((d) => d.kind === 'kiosk'),
        10_000,
        'kiosk paired',
      );
      await assignPrinter(admin, device.id, printer.url);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      admin?.close();
      await hub?.stop();
      hub?.cleanup();
      await printer?.close();
    });

    it('issues and prints a ticket for a chosen procedure in Vietnamese', async () => {
      await expect.poll(() => page.getByText('Lấy số thứ tự').isVisible()).toBe(true);
      await screenshot(page, 'kiosk-landscape-home');
      const ticketId = await takeTicket({
        field: /^Hộ tịch/,
        serviceId: 'khai-sinh',
        priority: /^Không ưu tiên/,
        shots: 'kiosk-landscape',
        procedureInfo: 'Giấy chứng sinh',
      });
      await expect.poll(() => page.getByTestId('kiosk-print-status').textContent()).toContain('Vui lòng nhận vé');
      await page.getByTestId('kiosk-preview').waitFor();
      await screenshot(page, 'kiosk-landscape-ticket');
      const label = await page.getByTestId('kiosk-ticket-label').textContent();
      await expectPrinted(ticketId);
      // The office prints the birth registration's papers on the ticket as a reminder.
      expect(ticketPrintout(admin.state!, ticketId, 'x')?.reminder).toContain('Giấy chứng sinh');
      expect(ticketById(admin.state!, ticketId)).toMatchObject({
        label,
        serviceId: 'khai-sinh',
        source: 'kiosk',
        status: 'waiting',
      });
      await page.getByTestId('kiosk-done').click();
      await page.getByTestId('kiosk-start').waitFor();
    });

    it('finds a procedure typed without diacritics and issues a priority ticket in English (portrait)', async () => {
      await page.setViewportSize(PORTRAIT);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Take a ticket' }).waitFor();
      await screenshot(page, 'kiosk-portrait-home-en');
      await page.getByTestId('kiosk-start').click();
      await page.getByTestId('kiosk-search').click();
      const keyboard = page.locator('.keyboard');
      for (const key of ['D', 'A', 'T', 'Space', 'D', 'A', 'I']) {
        await keyboard.getByRole('button', { name: key, exact: true }).click();
      }
      expect(await page.getByTestId('kiosk-search').inputValue()).toBe('dat dai');
      await expect
        .poll(() => page.getByTestId('kiosk-search-results').textContent())
        .toContain('Land use right certificate');
      await screenshot(page, 'kiosk-portrait-search');
      await page.locator('[data-service-id="cap-gcn-qsdd"]').click();
      await tap(/^Elderly person/);
      const ticket = page.getByTestId('kiosk-ticket');
      await ticket.waitFor({ timeout: 20_000 });
      await expect
        .poll(() => page.getByTestId('kiosk-print-status').textContent())
        .toContain('Please take your ticket');
      await page.getByTestId('kiosk-preview').waitFor();
      expect(await page.getByText('Your ticket number').isVisible()).toBe(true);
      await screenshot(page, 'kiosk-portrait-ticket-en');
      const ticketId = (await ticket.getAttribute('data-ticket-id'))!;
      await expectPrinted(ticketId);
      expect(ticketById(admin.state!, ticketId)).toMatchObject({ serviceId: 'cap-gcn-qsdd', priorityGroup: 'elderly' });
      await page.getByTestId('kiosk-done').click();
      await page.getByTestId('kiosk-start').waitFor();
      // Home resets the language to Vietnamese for the next citizen.
      expect(await page.getByText('Lấy số thứ tự').isVisible()).toBe(true);
      await page.setViewportSize(LANDSCAPE);
    });

    it('says the daily cap is reached and issues nothing', async () => {
      const service = admin.state!.config.services['ket-hon']!;
      expect((await admin.send({ type: 'config.upsertService', service: { ...service, dailyCap: 2 } })).ok).toBe(true);
      for (let i = 0; i < 2; i++) {
        expect((await admin.send({ type: 'ticket.issue', serviceId: 'ket-hon', source: 'admin' })).ok).toBe(true);
      }
      const { seq } = await hubHealth(hub.url);
      await waitFor(async () => (await page.evaluate(() => document.body.innerText)).length > 0, 5000, 'page');
      await page.getByTestId('kiosk-start').click();
      await tap(/^Hộ tịch/);
      await page.locator('[data-service-id="ket-hon"]').click();
      const refused = page.getByTestId('kiosk-refused');
      await refused.waitFor();
      expect(await refused.getAttribute('data-code')).toBe('DAILY_CAP_REACHED');
      expect(await refused.textContent()).toContain('Vui lòng quay lại vào ngày làm việc tiếp theo');
      await screenshot(page, 'kiosk-landscape-daily-cap');
      expect((await hubHealth(hub.url)).seq).toBe(seq);
      await tap('Về màn hình chính');
    });

    it('says on the first screen that the office is closed today and when it opens, and invites again once open', async () => {
      const office = admin.state!.config.office;
      const today = localTime(admin.hubNow(), office.timeZone).date;
      expect((await admin.send({ type: 'config.setOffice', office: { ...office, holidays: [today] } })).ok).toBe(true);
      const closed = page.getByTestId('kiosk-closed');
      await closed.waitFor({ timeout: 10_000 });
      expect(await closed.getAttribute('data-reason')).toBe('holiday');
      const text = await closed.textContent();
      expect(text).toContain('Hôm nay là ngày nghỉ');
      const status = officeIssueStatus(admin.state!, admin.hubNow());
      const reopens = status.open ? '' : (status.nextOpening ?? '');
      expect(reopens).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      const [date, time] = reopens.split(' ') as [string, string];
      expect(text).toContain(`tiếp nhận lại lúc ${time} ngày ${date.split('-').reverse().join('/')}`);
      expect(await page.getByTestId('kiosk-start').count()).toBe(0);
      await screenshot(page, 'kiosk-landscape-holiday');
      expect((await admin.send({ type: 'config.setOffice', office })).ok).toBe(true);
      await page.getByTestId('kiosk-start').waitFor({ timeout: 10_000 });
      expect(await closed.count()).toBe(0);
    });

    it('shows paper-out clearly, still shows the ticket with its QR, and alerts staff', async () => {
      printer.setFault('paperOut');
      try {
        await takeTicket({ field: /^Chứng thực/, serviceId: 'chung-thuc-ban-sao', priority: /^Không ưu tiên/ });
        const status = page.getByTestId('kiosk-print-status');
        expect(await status.getAttribute('data-code')).toBe('PRINTER_PAPER_OUT');
        expect(await status.textContent()).toContain('Máy in hết giấy, vui lòng báo cán bộ');
        await page.getByTestId('kiosk-preview').waitFor();
        await screenshot(page, 'kiosk-landscape-paper-out');
        const alert = await waitFor(
          () => Object.values(admin.state!.alerts).find((a) => a.alertKind === 'printerPaperOut'),
          10_000,
          'staff alert',
        );
        expect(alert.message).toContain('Máy in hết giấy');
      } finally {
        printer.setFault(null);
      }
      await page.getByTestId('kiosk-done').click();
    });

    it('waits its turn behind another kiosk on a slow printer and says so, then prints; reprints are marked and limited', async () => {
      const other = await connectDevice(hub.url, 'kiosk', { name: 'Kiosk tầng 2' });
      try {
        await assignPrinter(admin, other.identity!.device!.id, printer.url);
        // Each job asks the printer's status 8 times: ~5.6 s a job, inside the hub's 8 s per job.
        printer.setFault('slow', { delayMs: 700 });
        printer.clear();
        await page.getByTestId('kiosk-start').click();
        await tap(/^Hộ tịch/);
        await page.locator('[data-service-id="khai-sinh"]').click();
        // The other kiosk's two tickets hold the printer (~11 s) when this citizen takes a ticket.
        const otherPrinting = new Promise<void>((resolve) =>
          other.socket.on('print.job', (update: { status: string }) => update.status === 'printing' && resolve()),
        );
        for (let i = 0; i < 2; i++) {
          const issued = await other.send({ type: 'ticket.issue', serviceId: 'tra-ket-qua', source: 'kiosk' });
          if (!issued.ok) throw new Error(issued.code);
          other.socket.emit('print.ticket', { ticketId: issued.result.ticket!.id }, () => undefined);
        }
        await otherPrinting;
        await tap(/^Không ưu tiên/);
        const status = page.getByTestId('kiosk-print-status');
        await expect
          .poll(() => status.textContent(), { timeout: 30_000 })
          .toMatch(/Máy in đang in vé khác\. Vé của Ông\/Bà sẽ in sau [12] vé, vui lòng chờ…/);
        await screenshot(page, 'kiosk-landscape-waiting-for-printer');
        await expect.poll(() => status.textContent(), { timeout: 60_000 }).toContain('Vui lòng nhận vé');
        expect(await status.getAttribute('data-code')).toBe('');
        const ticketId = (await page.getByTestId('kiosk-ticket').getAttribute('data-ticket-id'))!;
        expect(printer.jobs.filter((job) => job.complete)).toHaveLength(3);

        printer.setFault(null);
        for (const copy of [1, 2]) {
          await page.getByTestId('kiosk-reprint').click();
          await expect.poll(() => printer.jobs.length, { timeout: 20_000 }).toBe(3 + copy);
          const printed = readPrintedTicket(printer.jobs.at(-1)!.bytes);
          const printout = ticketPrintout(admin.state!, ticketId, printed.qr!)!;
          expect(printout.copyMark).toBe(`BẢN IN LẠI (lần ${copy})`);
          expect(printedTicketShows(printed, printout)).toBe(true);
          await expect.poll(() => status.textContent()).toContain('Vui lòng nhận vé');
        }
        // Over the limit (2 by default) the kiosk says so instead of offering another copy.
        await page.getByTestId('kiosk-reprint-limit').waitFor();
        expect(await page.getByTestId('kiosk-reprint').count()).toBe(0);
        expect(await page.getByTestId('kiosk-reprint-limit').textContent()).toContain(
          'Vé đã được in lại đủ số lần cho phép',
        );
        await screenshot(page, 'kiosk-landscape-reprint-limit');
        await page.getByTestId('kiosk-done').click();
      } finally {
        printer.setFault(null);
        // Later tests wait for "the next job": none of these.
        printer.clear();
        other.close();
      }
    });

    it('shows the reconnecting state while the hub restarts, then works again', async () => {
      await page.getByTestId('kiosk-start').waitFor();
      await hub.stop();
      await page.getByText('Hệ thống đang kết nối lại…').first().waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('kiosk-start').isDisabled()).toBe(true);
      await screenshot(page, 'kiosk-landscape-reconnecting');
      hub = await hub.restart();
      await waitFor(() => page.getByTestId('kiosk-start').isEnabled(), 30_000, 'kiosk back online');
      expect(await page.getByTestId('connection-banner').count()).toBe(0);
      const ticketId = await takeTicket({ field: /^Hộ tịch/, serviceId: 'khai-sinh', priority: /^Không ưu tiên/ });
      expect(await page.getByTestId('kiosk-print-status').getAttribute('data-code')).toBe('');
      await expectPrinted(ticketId);
      await page.getByTestId('kiosk-done').click();
    });
  },
);
