import type { HubClient } from '@motcua/client';
import { nextDate, zonedEpoch } from '@motcua/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { connectClerk, connectDevice } from './support/clients.js';
import { setHubClockTo, startHubProcess, type HubProcess } from './support/hubProcess.js';

const PHONE = { width: 412, height: 915 };
const KIOSK = { width: 1080, height: 1920 };

describe(
  'citizen: book online → check in at the kiosk by the QR content → follow the ticket live on a phone',
  { timeout: 120_000 },
  () => {
    let hub: HubProcess;
    let browser: Browser;
    let phone: Page;
    let station: Page;
    let walkInKiosk: HubClient;
    let clerk: HubClient;
    let day: string;

    beforeAll(async () => {
      ensureAppBuilt('citizen');
      ensureAppBuilt('kiosk');
      hub = await startHubProcess();
      // 09:10 tomorrow in Hà Nội on the hub's clock: the 09:30 slot is bookable and its check-in window is open.
      day = nextDate(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
      await setHubClockTo(hub.url, zonedEpoch(day, '09:10', 'Asia/Ho_Chi_Minh'));
      walkInKiosk = await connectDevice(hub.url, 'kiosk', { name: 'Kiosk sảnh' });
      clerk = await connectClerk(hub.url, 1);
      browser = await launchBrowser();
      phone = (await newPage(browser, PHONE)).page;
      station = (await newPage(browser, KIOSK)).page;
    });

    afterAll(async () => {
      await browser?.close();
      walkInKiosk?.close();
      clerk?.close();
      await hub?.stop();
      hub?.cleanup();
    });

    it('goes from a booking to the call on the status page', async () => {
      // 1. The citizen books 09:30 for a birth registration on the public page.
      await phone.goto(`${hub.url}/book/`);
      await phone.getByRole('button', { name: /Đăng ký khai sinh/ }).click();
      await phone.locator('[data-slot="09:30"]').click();
      await phone.getByLabel('Số điện thoại').fill('0912 345 678');
      await phone.evaluate(() => document.querySelector('fieldset:nth-of-type(2)')?.scrollIntoView());
      await screenshot(phone, 'citizen-book');
      await phone.getByTestId('book').click();
      const codeElement = phone.getByTestId('booking-code');
      await codeElement.waitFor({ timeout: 20_000 });
      const code = (await codeElement.getAttribute('data-code'))!;
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
      await expect.poll(() => phone.getByTestId('booking-slot').textContent()).toBe('09:30');
      await phone.locator('img.qr').waitFor();
      await screenshot(phone, 'citizen-booked');
      const bookingUrl = phone.url();
      expect(bookingUrl).toContain(`code=${code}`);

      // 2. Two walk-ins take tickets before the booked time: the booking is queued at 09:30, after them.
      for (let i = 0; i < 2; i++) {
        const reply = await walkInKiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
        expect(reply.ok).toBe(true);
      }

      // 3. At the kiosk, the citizen touches "booked online" and the scanner "types" the QR's content and Enter.
      await station.goto(`${hub.url}/kiosk/`);
      await station.getByTestId('kiosk-checkin-start').click({ timeout: 20_000 });
      await station.getByTestId('checkin-panel').waitFor({ timeout: 20_000 });
      await station.getByTestId('checkin-code').focus();
      await station.keyboard.type(`${hub.url}/book/?code=${code}`);
      await station.keyboard.press('Enter');
      const ticket = station.getByTestId('kiosk-ticket');
      await ticket.waitFor({ timeout: 20_000 });
      expect(await station.getByTestId('kiosk-ticket-notice').textContent()).toContain('theo giờ hẹn 09:30');
      await screenshot(station, 'citizen-checkin');
      const statusUrl = new URL((await ticket.getAttribute('data-status-url'))!);
      const label = (await station.getByTestId('kiosk-ticket-label').textContent())!;

      // 4. The ticket's QR opens the status page: position and people ahead, live.
      await phone.goto(`${hub.url}${statusUrl.pathname}`);
      await expect.poll(() => phone.getByTestId('ticket-label').textContent(), { timeout: 20_000 }).toBe(label);
      await expect
        .poll(() => phone.getByTestId('ahead').textContent(), { timeout: 20_000 })
        .toBe('Còn 2 người trước Ông/Bà');
      expect(await phone.getByTestId('position').textContent()).toBe('Vị trí của Ông/Bà: thứ 3');
      await expect.poll(() => phone.getByTestId('live').textContent()).toContain('Đang cập nhật trực tiếp');
      await screenshot(phone, 'citizen-status-waiting');

      // 5. The counter serves the two walk-ins, then calls the booked ticket: the phone says where to go.
      for (let i = 0; i < 2; i++) {
        const call = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
        if (!call.ok || !call.result.ticket) throw new Error('call refused');
        expect(call.result.ticket.label).not.toBe(label);
        await clerk.send({ type: 'ticket.finish', counterId: 'quay-1', ticketId: call.result.ticket.id });
      }
      await expect
        .poll(() => phone.getByTestId('ahead').textContent(), { timeout: 20_000 })
        .toBe('Ông/Bà là người tiếp theo');
      const call = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
      expect(call.ok && call.result.ticket?.label).toBe(label);
      await expect
        .poll(() => phone.getByTestId('status-called').textContent(), { timeout: 20_000 })
        .toContain('Mời Ông/Bà đến quầy 1');
      await screenshot(phone, 'citizen-status-called');

      // 6. The booking page now says the booking was used.
      await phone.goto(bookingUrl);
      await expect.poll(() => phone.getByTestId('booking').textContent(), { timeout: 20_000 }).toContain('Đã lấy số');
    });

    it('shows "Liên kết không hợp lệ" for a ticket id instead of a token', async () => {
      const reply = await walkInKiosk.send({ type: 'ticket.issue', serviceId: 'ket-hon' });
      const ticketId = reply.ok ? reply.result.ticket!.id : '';
      await phone.goto(`${hub.url}/t/${ticketId}`);
      await expect.poll(() => phone.getByTestId('invalid-link').textContent()).toContain('Liên kết không hợp lệ');
      await screenshot(phone, 'citizen-invalid-link');
    });

    it('tells an early arrival when to come back', async () => {
      await phone.goto(`${hub.url}/book/`);
      await phone.getByRole('button', { name: /Đăng ký kết hôn/ }).click();
      await phone.locator('[data-slot="11:00"]').click();
      await phone.getByTestId('book').click();
      const code = (await phone.getByTestId('booking-code').getAttribute('data-code', { timeout: 20_000 }))!;
      await station.goto(`${hub.url}/citizen/check-in`);
      await station.getByTestId('checkin-panel').waitFor({ timeout: 20_000 });
      for (const key of code) await station.getByRole('button', { name: key, exact: true }).click();
      await station.getByTestId('checkin-submit').click();
      await expect
        .poll(() => station.getByTestId('checkin-message').textContent(), { timeout: 20_000 })
        .toContain('Vui lòng quét lại mã từ 10:30');
      await screenshot(station, 'citizen-checkin-early');
    });
  },
);
