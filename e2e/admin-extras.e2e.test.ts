import type { HubClient } from '@motcua/client';
import { CLIP_TOO_LARGE, isoWeekdayOf, MAX_CLIP_BYTES, nextDate, zonedEpoch } from '@motcua/core';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom, connectClerk, connectDevice, replacedAdminPassword } from './support/clients.js';
import {
  hubHealth,
  REPO_ROOT,
  setHubClockTo,
  startHubProcess,
  waitFor,
  type HubProcess,
} from './support/hubProcess.js';

interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** The next Monday–Friday after today in Hà Nội, when the demo office is open. */
function nextWorkingDay(): string {
  let day = nextDate(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
  while (isoWeekdayOf(day) > 5) day = nextDate(day);
  return day;
}

describe('admin: online booking, notification webhooks and the office voice, in Chromium', { timeout: 60_000 }, () => {
  let hub: HubProcess;
  let browser: Browser;
  let page: Page;
  let day: string;
  const clients: HubClient[] = [];
  const received: ReceivedWebhook[] = [];
  let receiver: Server;

  beforeAll(async () => {
    ensureAppBuilt('admin');
    // The test's webhook receiver runs on 127.0.0.1, which only the operator's flag allows.
    hub = await startHubProcess({ args: ['--webhook-allow-loopback'] });
    // 09:10 on a working day on the hub's clock: the office is open and later slots are bookable.
    day = nextWorkingDay();
    await setHubClockTo(hub.url, zonedEpoch(day, '09:10', 'Asia/Ho_Chi_Minh'));
    receiver = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    browser = await launchBrowser();
    page = (await newPage(browser, { width: 1440, height: 1000 })).page;
    await page.goto(`${hub.url}/admin/`);
    await page.fill('input[name=username]', 'admin');
    const oneTime = adminPasswordFrom(hub.output());
    await page.fill('input[name=password]', oneTime);
    await page.click('button[type=submit]');
    // The first sign-in replaces the one-time password.
    await page.waitForSelector('[data-testid=change-password]', { timeout: 20_000 });
    await page.fill('input[name=current-password]', oneTime);
    await page.fill('input[name=new-password]', replacedAdminPassword(oneTime));
    await page.fill('input[name=confirm-password]', replacedAdminPassword(oneTime));
    await page.click('[data-testid=change-password] button[type=submit]');
    await page.waitForSelector('[data-testid=nav-appointments]', { timeout: 20_000 });
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await browser?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    await hub?.stop();
    hub?.cleanup();
  });

  it('sets booking capacity per service: /book/ offers 2 per slot, a service at 0 is not offered, slotMinutes 3 is refused in the page', async () => {
    await page.click('[data-testid=nav-appointments]');
    await page.fill('input[name="services.khai-sinh.perSlot"]', '2');
    await page.fill('input[name="services.ket-hon.perSlot"]', '0');
    await page.click('[data-testid=appointments-save]');
    await page.waitForSelector('[data-testid=appointments-feedback].notice');

    const services = (await (await fetch(`${hub.url}/api/appointments/services`)).json()) as {
      services: { id: string }[];
    };
    const offered = services.services.map((s) => s.id);
    expect(offered).toContain('khai-sinh');
    expect(offered).not.toContain('ket-hon');
    const slots = (await (await fetch(`${hub.url}/api/appointments/slots?serviceId=khai-sinh&day=${day}`)).json()) as {
      slots: { slot: string; left: number; available: boolean }[];
    };
    expect(slots.slots.find((s) => s.slot === '10:00')).toMatchObject({ left: 2, available: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'admin-appointments');

    const before = (await hubHealth(hub.url)).seq;
    await page.fill('input[name=slotMinutes]', '3');
    await page.click('[data-testid=appointments-save]');
    const error = await page.waitForSelector('[data-testid=appointments-form] [data-testid=field-error]');
    expect(await error.textContent()).toBe('Độ dài mỗi khung giờ (phút): phải từ 5 trở lên');
    expect((await hubHealth(hub.url)).seq).toBe(before);
  });

  it('saves a webhook to a local receiver; a call makes it get a signed request and the page lists it delivered', async () => {
    const { port } = receiver.address() as AddressInfo;
    const secret = 'bi-mat-cua-cong-sms-0123456789';
    await page.click('[data-testid=nav-webhooks]');
    await page.fill('[data-testid=webhook-form] input[name=url]', `http://127.0.0.1:${port}/motcua`);
    await page.fill('[data-testid=webhook-form] input[name=secret]', 'ngan');
    await page.fill('[data-testid=webhook-form] input[name=notifyAhead]', '2');
    await page.click('[data-testid=webhook-save]');
    expect(await page.textContent('[data-testid=webhook-form] [data-testid=field-error]')).toBe(
      'Khóa bí mật: cần ít nhất 16 ký tự',
    );
    await page.fill('[data-testid=webhook-form] input[name=secret]', secret);
    await page.click('[data-testid=webhook-save]');
    await page.waitForSelector('[data-testid=webhook-feedback].notice');
    // Saved again with the secret left blank: the hub keeps the one it has.
    await page.fill('[data-testid=webhook-form] input[name=notifyAhead]', '1');
    await page.click('[data-testid=webhook-save]');
    await page.waitForSelector('[data-testid=webhook-feedback].notice');

    const kiosk = await connectDevice(hub.url, 'kiosk');
    const clerk = await connectClerk(hub.url, 1);
    clients.push(kiosk, clerk);
    const issued = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    expect(issued.ok).toBe(true);
    await clerk.send({ type: 'counter.open', counterId: 'quay-1' });
    const called = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    expect(called.ok).toBe(true);
    const ticketId = called.ok ? called.result.ticket?.id : undefined;

    await waitFor(
      () => received.some((r) => r.headers['x-motcua-event'] === 'ticket.called'),
      20_000,
      'the receiver gets the call',
    );
    const call = received.find((r) => r.headers['x-motcua-event'] === 'ticket.called')!;
    const timestamp = String(call.headers['x-motcua-timestamp']);
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${call.body}`).digest('hex')}`;
    expect(call.headers['x-motcua-signature']).toBe(expected);
    expect(JSON.parse(call.body)).toMatchObject({ type: 'ticket.called', ticket: { id: ticketId } });

    const row = page.locator(`[data-testid=webhook-deliveries] tr[data-delivery^="called:${ticketId}:"]`);
    await page
      .locator(`[data-testid=webhook-deliveries] tr[data-delivery^="called:${ticketId}:"][data-status=delivered]`)
      .waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('Đã gửi');
    await screenshot(page, 'admin-webhooks');
  });

  it('uploads an office recording for one clip, the manifest lists it, and removing it restores the default', async () => {
    const clipId = 'vi_phrase_invite';
    const row = page.locator(`[data-testid=voice-clips] tr[data-clip=${clipId}]`);
    await page.click('[data-testid=nav-voice]');
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getAttribute('data-source')).toBe('default');

    // Not audio: refused in the page with what to do.
    await page.setInputFiles(`[data-testid=voice-upload-${clipId}]`, {
      name: 'ghi-chu.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('đây không phải tệp ghi âm'),
    });
    expect(await row.locator('[data-testid=voice-feedback].form-error').textContent()).toContain(
      'không phải tệp âm thanh Ogg, MP3 hay WAV',
    );
    // Too large: the same message the hub gives for every oversize upload.
    const tooLarge = Buffer.alloc(MAX_CLIP_BYTES + 1);
    tooLarge.write('OggS', 0, 'latin1');
    await page.setInputFiles(`[data-testid=voice-upload-${clipId}]`, {
      name: 'ghi-am-dai.opus',
      mimeType: 'audio/ogg',
      buffer: tooLarge,
    });
    await waitFor(
      async () =>
        (await row.locator('[data-testid=voice-feedback].form-error').textContent())?.includes(CLIP_TOO_LARGE.vi),
      10_000,
      'the oversize message',
    );

    await page.setInputFiles(
      `[data-testid=voice-upload-${clipId}]`,
      join(REPO_ROOT, 'apps/display/voice/default/vi_num_ba.opus'),
    );
    await page.locator(`[data-testid=voice-clips] tr[data-clip=${clipId}][data-source=office]`).waitFor();
    expect(await row.textContent()).toContain('Giọng của cơ quan');
    const manifest = (await (await fetch(`${hub.url}/voice/office/manifest.json`)).json()) as {
      clips: Record<string, { file: string; text: string }>;
    };
    // The length stored is the one the hub decoded ("ba" is under a second).
    expect(manifest.clips[clipId]).toMatchObject({ file: `${clipId}.opus`, text: 'Mời công dân có số thứ tự' });
    expect((manifest.clips[clipId] as { durationMs?: number }).durationMs).toBeGreaterThan(100);
    await screenshot(page, 'admin-voice');

    await page.click(`[data-testid=voice-remove-${clipId}]`);
    await page.locator(`[data-testid=voice-clips] tr[data-clip=${clipId}][data-source=default]`).waitFor();
    const after = (await (await fetch(`${hub.url}/voice/office/manifest.json`)).json()) as {
      clips: Record<string, unknown>;
    };
    expect(after.clips[clipId]).toBeUndefined();
  });
});
