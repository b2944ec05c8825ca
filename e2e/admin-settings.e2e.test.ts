import type { HubClient } from '@motcua/client';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom, connectAdmin, replacedAdminPassword } from './support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const VIEWPORT = { width: 1366, height: 768 };

/**
 * The settings forms on react-hook-form + zod (issue 16): every refusal is shown under its box, starts with the
 * box's Vietnamese name, and the first one is brought on screen; nothing reaches the hub until the form is valid.
 */
describe('admin settings forms name the box to fix, in Vietnamese, on screen', { timeout: 180_000 }, () => {
  let hub: HubProcess;
  let browser: Browser;
  let page: Page;
  let admin: HubClient;

  beforeAll(async () => {
    ensureAppBuilt('admin');
    hub = await startHubProcess();
    browser = await launchBrowser();
    page = (await newPage(browser, VIEWPORT)).page;
  }, 120_000);

  afterAll(async () => {
    admin?.close();
    await browser?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  const errorsOf = (form: Locator) => form.getByTestId('field-error').allTextContents();

  /** The first error is on screen, not above or below the fold, after the save button at the bottom was pressed. */
  async function expectFirstErrorOnScreen(form: Locator): Promise<void> {
    const error = form.getByTestId('field-error').first();
    await waitFor(
      async () => {
        const box = await error.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT.height;
      },
      20_000,
      'the first error on screen',
    );
  }

  it('change password: a mismatched copy and a short password are named under their boxes', async () => {
    const oneTime = adminPasswordFrom(hub.output());
    await page.goto(`${hub.url}/admin/`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', oneTime);
    await page.click('button[type=submit]');
    const form = page.getByTestId('change-password');
    await form.waitFor({ timeout: 20_000 });
    await page.fill('input[name=current-password]', oneTime);
    await page.fill('input[name=new-password]', 'ngan');
    await page.fill('input[name=confirm-password]', 'khac');
    await form.locator('button[type=submit]').click();
    await form.getByTestId('field-error').first().waitFor({ timeout: 20_000 });
    const errors = await errorsOf(form);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^Mật khẩu mới: cần ít nhất \d+ ký tự$/);
    expect(errors[1]).toBe('Nhập lại mật khẩu mới: không khớp với mật khẩu mới. Vui lòng nhập lại.');

    await page.fill('input[name=new-password]', replacedAdminPassword(oneTime));
    await page.fill('input[name=confirm-password]', replacedAdminPassword(oneTime));
    await form.locator('button[type=submit]').click();
    await page.getByTestId('nav-config').click({ timeout: 20_000 });
    admin = await connectAdmin(hub.url, oneTime);
  });

  it('office: an empty name, an unknown time zone and a shift that ends before it starts are each named', async () => {
    await page.getByTestId('config-tab-office').click();
    const form = page.getByTestId('office-form');
    await form.locator('input[name=name]').fill('');
    await form.locator('input[name=timeZone]').fill('Gio Viet Nam');
    const monday = form.getByTestId('weekly-hours').locator('[data-day="1"]');
    // The demo office opens 00:00–24:00: the shift now ends when it starts.
    await monday.getByLabel('Thứ Hai, ca 1: đến (giờ)').selectOption('00');
    await page.getByTestId('office-save').click();
    await expectFirstErrorOnScreen(form);
    const errors = await errorsOf(form);
    expect(errors[0]).toBe('Tên cơ quan: không được để trống');
    expect(errors[1]).toBe('Múi giờ: không phải múi giờ hợp lệ, ví dụ Asia/Ho_Chi_Minh');
    expect(errors[2]).toBe('Giờ làm việc: Thứ Hai, ca 1: giờ kết thúc phải sau giờ bắt đầu');
    await screenshot(page, 'admin-office-errors');

    await form.locator('input[name=name]').fill('UBND phường Bến Thành');
    await form.locator('input[name=timeZone]').fill('Asia/Ho_Chi_Minh');
    await monday.getByLabel('Thứ Hai, ca 1: đến (giờ)').selectOption('17');
    await page.getByTestId('office-save').click();
    await form.locator('[data-testid=config-feedback]:has-text("Đã lưu thông tin cơ quan")').waitFor();
    expect(await errorsOf(form)).toEqual([]);
    await waitFor(() => admin.state?.config.office.name === 'UBND phường Bến Thành', 20_000, 'the office name');
  });

  it('priority: a burst over 50 and a group without a name are named; a valid policy reaches the hub', async () => {
    await page.getByTestId('config-tab-priority').click();
    const form = page.getByTestId('priority-form');
    await form.getByTestId('priority-burst').fill('99');
    await form.locator('input[name="groups.0.name.vi"]').fill('');
    await page.getByTestId('priority-save').click();
    await expectFirstErrorOnScreen(form);
    const errors = await errorsOf(form);
    expect(errors[0]).toMatch(/^Số ưu tiên gọi liên tiếp trước khi xen một số thường .*: không được lớn hơn 50$/);
    expect(errors[1]).toBe('Tên đối tượng: không được để trống');

    await form.getByTestId('priority-burst').fill('2');
    await form.locator('input[name="groups.0.name.vi"]').fill('Người cao tuổi');
    await page.getByTestId('priority-save').click();
    await form.locator('[data-testid=config-feedback]:has-text("Đã lưu chính sách ưu tiên")').waitFor();
    await waitFor(() => admin.state?.config.priority.priorityBurst === 2, 20_000, 'the burst in the hub');
  });

  it('display: more recent calls than the screen holds is named under its box', async () => {
    await page.getByTestId('config-tab-display').click();
    const form = page.getByTestId('display-form');
    await form.locator('input[name=recentCallsShown]').fill('31');
    await page.getByTestId('display-save').click();
    await expectFirstErrorOnScreen(form);
    expect(await errorsOf(form)).toEqual(['Số lượt gọi gần đây hiển thị (0–30): không được lớn hơn 30']);
    expect(admin.state?.config.display.recentCallsShown).not.toBe(31);

    await form.locator('input[name=recentCallsShown]').fill('8');
    await page.getByTestId('display-save').click();
    await form.locator('[data-testid=config-feedback]:has-text("Đã lưu cài đặt màn hình")').waitFor();
    await waitFor(() => admin.state?.config.display.recentCallsShown === 8, 20_000, 'the display setting');
  });

  it('printer: a device path that is not a port and a density of 9 are named under their boxes', async () => {
    await page.getByTestId('config-tab-printers').click();
    await page.getByRole('button', { name: '+ Thêm máy in' }).click();
    const form = page.getByTestId('printer-form');
    await form.locator('input[name=id]').fill('may-in-quay');
    await form.locator('input[name=name]').fill('Máy in quầy');
    await form.locator('input[name=transportUrl]').fill('device:///etc/passwd');
    await form.locator('input[name=density]').fill('9');
    await page.getByTestId('printer-save').click();
    await expectFirstErrorOnScreen(form);
    const errors = await errorsOf(form);
    expect(errors[0]).toMatch(/^Địa chỉ máy in: cổng thiết bị chỉ được là/);
    expect(errors[1]).toBe('Độ đậm (1–8): không được lớn hơn 8');

    await form.locator('input[name=transportUrl]').fill('tcp://192.168.1.60:9100');
    await form.locator('input[name=density]').fill('5');
    await page.getByTestId('printer-save').click();
    await waitFor(() => admin.state?.config.printerProfiles['may-in-quay']?.density === 5, 20_000, 'the printer');
  });

  it('PIN reset: a short PIN is named under the account’s box instead of a button that stays grey', async () => {
    await page.getByTestId('config-tab-users').click();
    const form = page.getByTestId('pin-reset-admin');
    await form.locator('input[name=pin]').fill('12');
    await form.getByRole('button', { name: 'Đặt lại' }).click();
    await form.getByTestId('field-error').waitFor({ timeout: 20_000 });
    expect(await errorsOf(form)).toEqual([expect.stringMatching(/^Mã PIN mới cho .+: cần ít nhất 4 ký tự$/)]);
  });

  it('rating method: a reason left empty is named under its box, and nothing reaches the hub', async () => {
    await page.getByTestId('config-tab-rating').click();
    const form = page.getByTestId('rating-method-form');
    await form.getByTestId('rating-reason-add').click();
    const before = admin.state?.config.ratingMethod;
    await form.getByTestId('rating-method-save').click();
    await expectFirstErrorOnScreen(form);
    expect(await errorsOf(form)).toEqual(['Lý do (tiếng Việt): không được để trống']);
    expect(admin.state?.config.ratingMethod).toEqual(before);
  });
});
