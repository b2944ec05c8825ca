import type { Page } from 'playwright-core';
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
