import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffice } from '../apps/central/src/access.js';
import { shipPending } from '../apps/central/src/demo/demoFeed.js';
import { SimulatedOffice } from '../apps/central/src/demo/simulatedOffice.js';
import { startCentral, type Central } from '../apps/central/src/startCentral.js';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { REPO_ROOT } from './support/hubProcess.js';

describe('central dashboard', () => {
  let central: Central;
  let browser: Browser;

  beforeAll(async () => {
    const appDir = join(REPO_ROOT, 'apps/central');
    if (!existsSync(join(appDir, 'dist/web/index.html'))) {
      execFileSync('npx', ['vite', 'build'], { cwd: appDir, stdio: 'inherit', timeout: 5 * 60_000 });
    }
    central = await startCentral({
      port: 0,
      host: '127.0.0.1',
      dataDir: '',
      databaseUrl: '',
      adminPassword: 'quan-tri-tinh-1',
      logLevel: 'warn',
    });
    const reporting = new SimulatedOffice('phuong-a', Date.now() - 2 * 3600_000, 5);
    for (let m = 0; m < 120; m++) reporting.step();
    const credential = await createOffice(central.sql, 'phuong-a', 'Bộ phận Một cửa phường A', Date.now());
    await shipPending(central.url, credential, reporting, 1);
    // An office that was registered but never reported: it must stand out at once.
    await createOffice(central.sql, 'xa-b', 'Bộ phận Một cửa xã B', Date.now());
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await central?.close();
  });

  it('shows every office, flags the silent one, drills down and reports across offices', async () => {
    const { page } = await newPage(browser);
    await page.goto(`${central.url}/`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('quan-tri-tinh-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const reportingRow = page.getByTestId('office-phuong-a');
    await reportingRow.waitFor();
    expect(await reportingRow.textContent()).toContain('giây trước');
    expect(await page.getByTestId('office-xa-b').textContent()).toContain('Mất liên lạc');
    expect(await reportingRow.textContent()).not.toContain('Mất liên lạc');
    await screenshot(page, 'central-overview');

    await page.getByRole('button', { name: 'Bộ phận Một cửa phường A' }).click();
    await page.getByTestId('office-detail').waitFor();
    expect(await page.getByTestId('office-detail').textContent()).toContain('Theo thủ tục');

    await page.getByRole('button', { name: 'Báo cáo' }).click();
    await page.getByTestId('reports').getByText('Tổng cộng').waitFor();
    const text = (await page.getByTestId('reports').textContent()) ?? '';
    expect(text).toContain('Bộ phận Một cửa phường A');
    expect(text).toContain('Bộ phận Một cửa xã B');
  }, 120_000);
});
