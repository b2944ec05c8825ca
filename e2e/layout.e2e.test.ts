import type { HubClient } from '@motcua/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, launchBrowserWithoutAutoplay, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { connectDevice, DEMO_PIN } from './support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';
import { LAYOUT_VIEWPORTS, layoutProblems } from './support/layout.js';

const sizeName = (viewport: { width: number; height: number }) => `${viewport.width}x${viewport.height}`;

/**
 * The screens at the sizes an office has (1366×768, 1280×720, 1920×1080, portrait 1080×1920): a primary action
 * or what must be read off screen, or two things drawn over each other, fails the test. Screenshots go to
 * e2e/artifacts/screenshots/layout-*.
 */
describe('layout of the kiosk, display and counter at every screen size (Chromium)', { timeout: 120_000 }, () => {
  let hub: HubProcess;
  let browser: Browser;
  let kiosk: HubClient;

  beforeAll(async () => {
    ensureAppBuilt('kiosk');
    ensureAppBuilt('display');
    ensureAppBuilt('counter');
    hub = await startHubProcess();
    browser = await launchBrowser();
    kiosk = await connectDevice(hub.url, 'kiosk', { name: 'Kiosk xếp hàng' });
    // A waiting room with people in every line, so lists are full.
    for (const serviceId of ['khai-sinh', 'khai-sinh', 'ket-hon', 'chung-thuc-ban-sao', 'tra-ket-qua', 'khai-sinh']) {
      const reply = await kiosk.send({ type: 'ticket.issue', serviceId, source: 'kiosk' });
      if (!reply.ok) throw new Error(`issue refused: ${reply.code}`);
    }
  }, 120_000);

  afterAll(async () => {
    kiosk?.close();
    await browser?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  for (const viewport of LAYOUT_VIEWPORTS) {
    it(`kiosk ticket screen at ${sizeName(viewport)}: "Xong", "In lại vé" and "Vui lòng nhận vé" on screen`, async () => {
      const { context, page } = await newPage(browser, viewport);
      try {
        await page.goto(`${hub.url}/kiosk/`);
        await waitFor(() => page.getByTestId('kiosk-start').isEnabled(), 30_000, 'kiosk online');
        await page.getByTestId('kiosk-start').click();
        await page
          .getByRole('button', { name: /^Hộ tịch/ })
          .first()
          .click();
        await page.locator('[data-service-id="khai-sinh"]').click();
        await page
          .getByRole('button', { name: /^Không ưu tiên/ })
          .first()
          .click();
        const status = page.getByTestId('kiosk-print-status');
        await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Vui lòng nhận vé');
        await page.getByTestId('kiosk-preview').waitFor();
        await screenshot(page, `layout-kiosk-ticket-${sizeName(viewport)}`);
        const problems = await layoutProblems(page, {
          inViewport: [
            '[data-testid="kiosk-ticket-label"]',
            '[data-testid="kiosk-print-status"]',
            '[data-testid="kiosk-reprint"]',
            '[data-testid="kiosk-done"]',
          ],
          apart: [
            ['.kiosk-ticket-main', '.kiosk-ticket-preview'],
            ['[data-testid="kiosk-done"]', '[data-testid="kiosk-reprint"]'],
            ['.kiosk-header', '.kiosk-ticket'],
          ],
        });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('display wall board: the waiting list is not under "Bật âm thanh", at every size', async () => {
    // Without the autoplay flag, as on a real TV browser, the board offers "Bật âm thanh".
    const strict = await launchBrowserWithoutAutoplay();
    try {
      const found: Record<string, string[]> = {};
      for (const viewport of LAYOUT_VIEWPORTS) {
        const { page } = await newPage(strict, viewport);
        await page.goto(`${hub.url}/display/`);
        await page.waitForSelector('[data-testid="display"][data-connection="online"]', { timeout: 30_000 });
        await page.getByTestId('sound-button').waitFor({ timeout: 15_000 });
        await screenshot(page, `layout-display-${sizeName(viewport)}`);
        found[sizeName(viewport)] = await layoutProblems(page, {
          inViewport: ['[data-testid="sound-button"]', '[data-testid="waiting-counts"] h2', '[data-testid="clock"]'],
          apart: [
            ['[data-testid="sound-button"]', '[data-testid="waiting-counts"] li'],
            ['[data-testid="sound-button"]', '[data-testid="recent-calls"]'],
            ['[data-testid="sound-button"]', '[data-testid="ticker"]'],
            ['[data-testid="sound-button"]', '[data-testid^="tile-"]'],
          ],
        });
        await page.context().close();
      }
      expect(found).toEqual(Object.fromEntries(LAYOUT_VIEWPORTS.map((v) => [sizeName(v), []])));
    } finally {
      await strict.close();
    }
  });

  it('counter: actions on screen, and the offline banner does not cover the header, at every size', async () => {
    const pages: Page[] = [];
    for (const [i, viewport] of LAYOUT_VIEWPORTS.entries()) {
      const { page } = await newPage(browser, viewport);
      await page.goto(`${hub.url}/counter/?counter=quay-${i + 1}`);
      await page.getByTestId('signin-username').fill(`canbo${i + 1}`);
      await page.getByTestId('signin-pin').fill(DEMO_PIN);
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('counter-name').waitFor({ timeout: 20_000 });
      pages.push(page);
    }
    const online: Record<string, string[]> = {};
    for (const [i, page] of pages.entries()) {
      const name = sizeName(LAYOUT_VIEWPORTS[i]!);
      online[name] = await layoutProblems(page, {
        inViewport: [
          '[data-testid="counter-name"]',
          '[data-testid="action-callNext"]',
          '[data-testid="action-finish"]',
          '[data-testid="sign-out"]',
        ],
        apart: [['.desk__header', '[data-testid="action-callNext"]']],
      });
    }
    // The hub goes away: every counter says so, without hiding who and where the clerk is.
    await hub.stop();
    const offline: Record<string, string[]> = {};
    for (const [i, page] of pages.entries()) {
      const name = sizeName(LAYOUT_VIEWPORTS[i]!);
      await page.getByTestId('connection-banner').waitFor({ timeout: 20_000 });
      await screenshot(page, `layout-counter-offline-${name}`);
      offline[name] = await layoutProblems(page, {
        inViewport: ['[data-testid="connection-banner"]', '[data-testid="counter-name"]'],
        apart: [
          ['[data-testid="connection-banner"]', '.desk__header'],
          ['[data-testid="connection-banner"]', '[data-testid="counter-name"]'],
        ],
      });
      await page.context().close();
    }
    const none = Object.fromEntries(LAYOUT_VIEWPORTS.map((v) => [sizeName(v), []]));
    expect({ online, offline }).toEqual({ online: none, offline: none });
  });
});
