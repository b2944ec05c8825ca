import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser.js';
import { ensureAppBuilt } from './build.js';
import { startHubProcess, type HubProcess, type HubProcessOptions } from './hubProcess.js';
import { adminPasswordFrom, replacedAdminPassword } from './clients.js';

/** Signs the page in as admin with the hub's one-time password, replacing it as the first sign-in must. */
export async function signInAdminPage(page: Page, hubUrl: string, hubOutput: string): Promise<void> {
  const oneTime = adminPasswordFrom(hubOutput);
  await page.goto(`${hubUrl}/admin/`);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', oneTime);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=change-password]', { timeout: 20_000 });
  await page.fill('input[name=current-password]', oneTime);
  await page.fill('input[name=new-password]', replacedAdminPassword(oneTime));
  await page.fill('input[name=confirm-password]', replacedAdminPassword(oneTime));
  await page.click('[data-testid=change-password] button[type=submit]');
  await page.getByTestId('nav-config').waitFor({ timeout: 20_000 });
}

/** A real hub, Chromium, and the admin page signed in on the configuration page: what admin form tests start from. */
export interface AdminConfigSession {
  hub: HubProcess;
  browser: Browser;
  page: Page;
  /** Closes the browser, stops the hub and removes its data. */
  close(): Promise<void>;
}

export async function openAdminConfig(
  hubOptions: HubProcessOptions = {},
  viewport = { width: 1366, height: 768 },
): Promise<AdminConfigSession> {
  ensureAppBuilt('admin');
  const hub = await startHubProcess(hubOptions);
  const browser = await launchBrowser();
  const { page } = await newPage(browser, viewport);
  await signInAdminPage(page, hub.url, hub.output());
  await page.getByTestId('nav-config').click({ timeout: 20_000 });
  return {
    hub,
    browser,
    page,
    async close() {
      await browser.close();
      await hub.stop();
      hub.cleanup();
    },
  };
}
