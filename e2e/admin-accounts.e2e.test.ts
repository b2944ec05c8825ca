import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminConfig, type AdminConfigSession } from './support/adminPage.js';

/** The new-account and new-field forms: react-hook-form over core's rules, every error under its box. */
describe('admin forms: accounts and fields of procedures name their errors', { timeout: 120_000 }, () => {
  let session: AdminConfigSession;
  let page: Page;

  beforeAll(async () => {
    session = await openAdminConfig();
    page = session.page;
  }, 120_000);

  afterAll(() => session?.close());

  const errorsOf = (form: string) => page.getByTestId(form).getByTestId('field-error').allTextContents();

  it('an empty account names both boxes and puts the cursor in the first; a taken user name names its owner', async () => {
    await page.getByTestId('config-tab-users').click();
    const form = page.getByTestId('user-form');
    await page.getByTestId('user-save').click();
    await form.getByTestId('field-error').first().waitFor({ timeout: 20_000 });
    const errors = await errorsOf('user-form');
    expect(errors[0]).toBe('Họ tên: hãy nhập họ tên');
    expect(errors[1]).toMatch(/^Tên đăng nhập \(a–z, 0–9\): /);
    expect(errors.join(' ')).not.toMatch(/Too small|expected|Invalid/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('displayName');

    await form.locator('input[name=displayName]').fill('Trần Văn Bình');
    await form.locator('input[name=username]').fill('CanBo1');
    await page.getByTestId('user-save').click();
    await form.locator('[data-testid=field-error]:has-text("dùng tên này")').waitFor({ timeout: 20_000 });
    expect(await errorsOf('user-form')).toEqual([
      'Tên đăng nhập (a–z, 0–9): đã có tài khoản “Nguyễn Thị Lan” dùng tên này',
    ]);

    await form.locator('input[name=username]').fill('binhtv');
    await form.locator('select[name=role]').selectOption('supervisor');
    await page.getByTestId('user-save').click();
    await page.locator('[data-testid=config-feedback]:has-text("Đã thêm tài khoản Trần Văn Bình")').waitFor();
    await page.locator('td:has-text("binhtv")').waitFor();
    expect(await form.locator('input[name=username]').inputValue()).toBe('');
  });

  it('a field of procedures with a taken code, or no name, is refused under those boxes', async () => {
    await page.getByTestId('config-tab-services').click();
    const form = page.getByTestId('field-form');
    await form.locator('input[name=id]').fill('tu-phap-moi');
    await page.getByTestId('field-save').click();
    await form.locator('[data-testid=field-error]').first().waitFor({ timeout: 20_000 });
    expect(await errorsOf('field-form')).toEqual(['Tên tiếng Việt: hãy nhập tên']);

    await form.locator('input[name="name.vi"]').fill('Tư pháp mới');
    await page.getByTestId('field-save').click();
    await page.locator('[data-testid=config-feedback]:has-text("Đã thêm lĩnh vực “Tư pháp mới”")').waitFor();

    await form.locator('input[name=id]').fill('tu-phap-moi');
    await form.locator('input[name="name.vi"]').fill('Trùng mã');
    await page.getByTestId('field-save').click();
    await form.locator('[data-testid=field-error]').first().waitFor({ timeout: 20_000 });
    expect(await errorsOf('field-form')).toEqual([
      'Mã lĩnh vực (không dấu, vd. tu-phap): đã có lĩnh vực “Tư pháp mới” dùng mã này',
    ]);
  });
});
