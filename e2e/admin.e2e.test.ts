import { allTickets, errorMessages, formatDayVi } from '@motcua/core';
import { HubClient, memoryTokenStore } from '@motcua/client';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReportDataset, type SeededDataset } from '../apps/hub/src/features/reportsDataset.js';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom, connectClerk, connectDevice, signInAsAdmin } from './support/clients.js';
import { hubHealth, REPO_ROOT, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

/** A plain (non-device) client signed in as admin, and its session token for the HTTP API. */
async function signInAdmin(url: string, password: string): Promise<{ client: HubClient; token: string }> {
  const client = new HubClient({ url, storage: memoryTokenStore(), requestTimeoutMs: 8000 }).connect();
  await waitFor(() => client.getSnapshot().connection === 'online', 20_000, 'admin socket online');
  const reply = await signInAsAdmin(client, password);
  if (!reply.ok) throw new Error(`admin sign-in failed: ${reply.code}`);
  await client.whenOnline();
  return { client, token: reply.sessionToken };
}

describe('backup while the hub runs, and restore', () => {
  const hubs: HubProcess[] = [];
  const clients: HubClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.close();
    for (const hub of hubs) {
      await hub.stop();
      hub.cleanup();
    }
  });

  it('a backup taken during a burst of tickets holds every ticket acknowledged before it started, and restores', async () => {
    const hub = await startHubProcess();
    hubs.push(hub);
    const { client: admin, token } = await signInAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(admin);

    const acked: { id: string; at: number }[] = [];
    let stop = false;
    const services = ['khai-sinh', 'ket-hon', 'chung-thuc-ban-sao', 'cap-gcn-qsdd'];
    const burst = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        const reply = await admin.send({
          type: 'ticket.issue',
          serviceId: services[(worker + i) % services.length] as string,
          source: 'admin',
        });
        if (reply.ok && reply.result.ticket) acked.push({ id: reply.result.ticket.id, at: Date.now() });
      }
    };
    const workers = [0, 1, 2, 3].map((w) => burst(w));
    await waitFor(() => acked.length >= 150, 60_000, '150 tickets before the backup');

    const backupStartedAt = Date.now();
    const ackedBefore = acked.filter((t) => t.at <= backupStartedAt).map((t) => t.id);
    const response = await fetch(`${hub.url}/api/backup`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const ackedDuringBackup = acked.length - ackedBefore.length;
    await waitFor(() => acked.length >= ackedBefore.length + ackedDuringBackup + 20, 60_000, 'the burst goes on');
    stop = true;
    await Promise.all(workers);

    const backupDir = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
    const backupFile = join(backupDir, 'backup.sqlite');
    writeFileSync(backupFile, bytes);
    const copy = new Database(backupFile, { readonly: true });
    const ids = new Set((copy.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id));
    const backupSeq = (copy.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const missing = ackedBefore.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    expect(ids.size).toBeGreaterThanOrEqual(ackedBefore.length);
    expect(ids.size).toBeLessThan(acked.length); // The burst went on after the backup.

    // Restore: stop the hub, put the backup in place of the database, drop the WAL, start again.
    admin.close();
    await hub.stop();
    copyFileSync(backupFile, join(hub.dataDir, 'motcua.sqlite'));
    rmSync(join(hub.dataDir, 'motcua.sqlite-wal'), { force: true });
    rmSync(join(hub.dataDir, 'motcua.sqlite-shm'), { force: true });
    const restored = await hub.restart();
    hubs.push(restored);
    rmSync(backupDir, { recursive: true, force: true });
    const health = await hubHealth(restored.url);
    expect(health.seq).toBe(backupSeq);
    const { client: again } = await signInAdmin(restored.url, adminPasswordFrom(hub.output()));
    clients.push(again);
    const tickets = again.state ? [...allTickets(again.state)].map((t) => t.id) : [];
    expect(new Set(tickets)).toEqual(ids);
  }, 180_000);
});

describe('admin pages in Chromium against a hub with a seeded office history', () => {
  let hub: HubProcess;
  let browser: Browser;
  let dataset: SeededDataset;
  const clients: HubClient[] = [];
  const from = '2025-03-04';
  const to = '2025-03-05';

  beforeAll(async () => {
    ensureAppBuilt('admin');
    ensureAppBuilt('kiosk');
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-admin-e2e-'));
    dataset = seedReportDataset(dataDir, { days: 4, ticketsPerDay: 140, seed: 23 });
    hub = await startHubProcess({ dataDir });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await browser?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  async function signedInPage() {
    const { context, page } = await newPage(browser, { width: 1600, height: 1000 });
    await page.goto(`${hub.url}/admin/`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', dataset.adminPassword);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=nav-reports]', { timeout: 20_000 });
    return { context, page };
  }

  it('a report for the seeded range shows the expected numbers, and the .xlsx export parses back to the same', async () => {
    const inRange = dataset.tickets.filter((t) => t.serviceDay >= from && t.serviceDay <= to);
    const rated = inRange.filter((t) => t.rating);
    const index =
      (100 * rated.filter((t) => t.rating?.answer === 'verySatisfied' || t.rating?.answer === 'satisfied').length) /
      rated.length;
    const served = inRange.filter((t) => t.status === 'finished').length;

    const { context, page } = await signedInPage();
    await page.click('[data-testid=nav-reports]');
    // Dates are typed and shown as dd/mm/yyyy whatever the browser's language; a day that does not
    // exist is marked invalid and the report is not asked for.
    await page.fill('input[name=from]', '31/02/2025');
    expect(await page.getAttribute('input[name=from]', 'aria-invalid')).toBe('true');
    await page.fill('input[name=from]', formatDayVi(from));
    await page.fill('input[name=to]', formatDayVi(to));
    expect(await page.getAttribute('input[name=from]', 'aria-invalid')).toBe('false');
    await page.click('[data-testid=report-run]');
    await page.waitForSelector('[data-testid=report-view]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=stat-issued] .stat-value')).toBe(String(inRange.length));
    expect(await page.textContent('[data-testid=stat-served] .stat-value')).toBe(String(served));
    expect(await page.textContent('[data-testid=stat-satisfaction] .stat-value')).toBe(
      `${index.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`,
    );
    const khaiSinh = inRange.filter((t) => t.serviceId === 'khai-sinh').length;
    expect(await page.textContent('[data-testid=report-by-service] tr[data-key=khai-sinh] td:nth-child(2)')).toBe(
      String(khaiSinh),
    );
    const promised = inRange.filter((t) => t.serviceId === 'khai-sinh' && t.serviceDay === from && t.calledAt !== null);
    const promisedCount = promised.filter((t) => t.etaMinutes !== null).length;
    expect(promisedCount).toBeGreaterThan(0);
    expect(
      await page.textContent(`[data-testid=report-eta-error] tr[data-key="${from} khai-sinh"] td:nth-child(3)`),
    ).toBe(String(promisedCount));
    await page.waitForTimeout(300); // Charts draw on the next frame; this is for the picture only.
    await screenshot(page, 'admin-reports');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const tickets = workbook.getWorksheet('Danh sách vé');
    const summarySheet = workbook.getWorksheet('Tổng hợp');
    expect(tickets?.getRow(1).getCell(1).value).toBe('Số thứ tự');
    expect((tickets?.actualRowCount ?? 0) - 1).toBe(inRange.length);
    const statuses: string[] = [];
    tickets?.eachRow((row, n) => n > 1 && statuses.push(String(row.getCell(9).value)));
    expect(statuses.filter((s) => s === 'Đã phục vụ').length).toBe(served);
    // Real date, time and duration cells, shown as dd/mm/yyyy and h:mm:ss.
    const firstTicket = tickets?.getRow(2);
    expect(firstTicket?.getCell(2).value).toBeInstanceOf(Date);
    expect(firstTicket?.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(firstTicket?.getCell(10).value).toBeInstanceOf(Date);
    expect(firstTicket?.getCell(10).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    let waitCell: ExcelJS.Cell | undefined;
    tickets?.eachRow((row, n) => {
      if (n > 1 && !waitCell && row.getCell(14).value !== null) waitCell = row.getCell(14);
    });
    // A duration cell: a fraction of a day shown as h:mm:ss (exceljs reads such a cell back as a time).
    expect(waitCell?.numFmt).toBe('[h]:mm:ss');
    expect(waitCell?.value).toBeInstanceOf(Date);
    // One sheet per counter, clerk, hour and priority group, each with a line per key.
    for (const name of ['Theo quầy', 'Theo cán bộ', 'Theo giờ', 'Theo đối tượng ưu tiên']) {
      const sheet = workbook.getWorksheet(name);
      expect(sheet?.getRow(1).getCell(2).value, name).toBe('Số vé đã cấp');
      let issued = 0;
      sheet?.eachRow((row, n) => n > 1 && (issued += Number(row.getCell(2).value)));
      expect(issued, name).toBe(inRange.length);
    }
    let total: ExcelJS.Row | undefined;
    summarySheet?.eachRow((row) => {
      if (row.getCell(1).value === 'Tổng cộng') total = row;
    });
    expect(total?.getCell(2).value).toBe(inRange.length);
    expect(total?.getCell(3).value).toBe(served);
    expect(total?.getCell(12).value).toBe(Math.round(index * 10) / 10);
    const etaSheet = workbook.getWorksheet('Sai lệch dự kiến');
    let etaRows = 0;
    etaSheet?.eachRow((row, n) => n > 2 && etaRows++);
    expect(etaRows).toBeGreaterThan(0);
    await context.close();
  }, 120_000);

  it('an admin adds a service and the kiosk page shows it without a reload', async () => {
    const kiosk = await newPage(browser, { width: 1080, height: 1920 });
    await kiosk.page.goto(`${hub.url}/kiosk/`);
    await kiosk.page.click('[data-testid=kiosk-start]', { timeout: 30_000 });
    await kiosk.page.click('.kiosk-tile:has-text("Hộ tịch")');
    await kiosk.page.waitForSelector('text=Đăng ký khai sinh');

    const { context, page } = await signedInPage();
    await page.click('[data-testid=nav-config]');
    await page.click('[data-testid=service-add]');
    await page.fill('[data-testid=service-form] input[name="service.id"]', 'nhan-cha-me-con');
    await page.fill('[data-testid=service-form] input[name="service.code"]', 'HT09');
    await page.fill('[data-testid=service-form] input[name="service.name.vi"]', 'Đăng ký nhận cha, mẹ, con');
    await page.fill('[data-testid=service-form] input[name="service.name.en"]', 'Recognition of parents and children');
    await page.selectOption('[data-testid=service-form] select[name="service.fieldId"]', 'ho-tich');
    await page.fill('[data-testid=service-form] input[name="service.prefix"]', 'N');
    await page.screenshot({ path: join(REPO_ROOT, 'e2e/artifacts/screenshots/admin-config-form.png') });
    await page.click('[data-testid=service-save]');
    await page.waitForSelector('[data-testid=config-feedback]:has-text("Đã lưu thủ tục")');

    await kiosk.page.waitForSelector('text=Đăng ký nhận cha, mẹ, con', { timeout: 20_000 });
    expect(await kiosk.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await screenshot(page, 'admin-config');
    await kiosk.context.close();
    await context.close();
  }, 120_000);

  it('the live monitor shows counters, queues and staff alerts as they happen', async () => {
    const clerk = await connectClerk(hub.url, 1);
    const kioskDevice = await connectDevice(hub.url, 'kiosk');
    clients.push(clerk, kioskDevice);
    await clerk.send({ type: 'counter.open', counterId: 'quay-1' });
    for (const serviceId of ['khai-sinh', 'khai-sinh', 'ket-hon', 'chung-thuc-ban-sao', 'cap-gcn-qsdd']) {
      expect((await kioskDevice.send({ type: 'ticket.issue', serviceId })).ok).toBe(true);
    }
    const called = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    expect(called.ok).toBe(true);
    await kioskDevice.send({
      type: 'alert.raise',
      alertKind: 'printerPaperOut',
      message: 'Máy lấy số 1: máy in hết giấy',
    });

    const { context, page } = await signedInPage();
    await page.waitForSelector('[data-testid=monitor-page]');
    await page.waitForSelector('text=Máy lấy số 1: máy in hết giấy');
    const label = called.ok ? called.result.ticket?.label : '';
    await page.waitForSelector(`[data-testid=monitor-counters] td.ticket-label:has-text("${label}")`);
    await screenshot(page, 'admin-monitor');
    await context.close();
  }, 120_000);

  it("the sign-in form names an empty box under it in Vietnamese, and shows the hub's refusal of a wrong password", async () => {
    const { context, page } = await newPage(browser, { width: 1280, height: 800 });
    await page.goto(`${hub.url}/admin/`);
    await page.waitForSelector('button[type=submit]:not([disabled])');
    await page.fill('input[name=password]', 'mat-khau-bat-ky');
    await page.click('button[type=submit]');
    const missing = await page.waitForSelector('label:has(input[name=username]) [data-testid=field-error]');
    expect(await missing.textContent()).toBe('Tên đăng nhập: hãy nhập tên đăng nhập');
    expect(await page.$('label:has(input[name=password]) [data-testid=field-error]')).toBeNull();
    expect(await page.$('[data-testid=signin-error]')).toBeNull();

    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'sai-mat-khau');
    await page.click('button[type=submit]');
    const refusal = await page.waitForSelector('[data-testid=signin-error]');
    expect(await refusal.textContent()).toBe(errorMessages.INVALID_CREDENTIALS.vi);
    expect(await page.$('[data-testid=field-error]')).toBeNull();
    expect(await page.$('[data-testid=nav-reports]')).toBeNull();
    await context.close();
  }, 120_000);

  it('a clerk account cannot open the admin pages, send configuration commands, or read reports', async () => {
    const { context, page } = await newPage(browser, { width: 1280, height: 800 });
    await page.goto(`${hub.url}/admin/`);
    await page.fill('input[name=username]', 'canbo2');
    await page.fill('input[name=password]', '1234');
    await page.click('button[type=submit]');
    const error = await page.waitForSelector('[data-testid=signin-error]');
    expect(await error.textContent()).toBe('Tài khoản cán bộ không có quyền vào trang quản trị');
    expect(await page.$('[data-testid=nav-reports]')).toBeNull();
    await context.close();

    const clerk = await connectClerk(hub.url, 3);
    clients.push(clerk);
    const reply = await clerk.send({
      type: 'config.setDisplay',
      display: { ...clerk.state!.config.display, tickerText: 'Không được phép' },
    });
    expect(reply.ok ? 'accepted' : reply.code).toBe('FORBIDDEN');

    const storage = memoryTokenStore();
    const device = await connectDevice(hub.url, 'counter');
    clients.push(device);
    const signIn = await device.signIn('canbo4', '1234', 'quay-4');
    expect(signIn.ok).toBe(true);
    const token = signIn.ok ? signIn.sessionToken : '';
    storage.set('sessionToken', token);
    for (const path of ['/api/reports/summary?from=2025-03-03&to=2025-03-06', '/api/audit', '/api/backup']) {
      const res = await fetch(`${hub.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(403);
    }
    expect((await fetch(`${hub.url}/api/reports/export.csv?from=${from}&to=${to}`)).status).toBe(401);
  }, 120_000);

  it('CSV export carries a UTF-8 BOM, Vietnamese headers, and every ticket of the range', async () => {
    const { client, token } = await signInAdmin(hub.url, dataset.adminPassword);
    clients.push(client);
    const res = await fetch(`${hub.url}/api/reports/export.csv?from=${from}&to=${to}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]?.startsWith('Số thứ tự,Ngày làm việc')).toBe(true);
    expect(lines.length - 1).toBe(dataset.tickets.filter((t) => t.serviceDay >= from && t.serviceDay <= to).length);
    // Dates as dd/mm/yyyy; durations as whole seconds by default.
    const first = lines[1]?.split(',') ?? [];
    expect(first[1]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(first[9]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);

    // For Vietnamese Excel: semicolons between columns, durations as h:mm:ss.
    const semicolon = await fetch(
      `${hub.url}/api/reports/export.csv?from=${from}&to=${to}&delimiter=semicolon&durations=hms`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const semicolonLines = (await semicolon.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(semicolonLines[0]?.startsWith('Số thứ tự;Ngày làm việc;')).toBe(true);
    const waits = semicolonLines.slice(1).map((line) => line.split(';')[13]);
    expect(waits.some((w) => /^\d+:\d{2}:\d{2}$/.test(w ?? ''))).toBe(true);
    const refused = await fetch(`${hub.url}/api/reports/export.csv?from=${from}&to=${to}&delimiter=tab`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(400);
  }, 60_000);
});
