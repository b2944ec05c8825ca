import type { HubClient } from '@motcua/client';
import { DEFAULT_ID_CARD_SETTINGS, idCardSettings, type DomainEvent } from '@motcua/core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminConfig, type AdminConfigSession } from './support/adminPage.js';
import { newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { connectClerk, connectDevice } from './support/clients.js';
import { waitFor } from './support/hubProcess.js';

/**
 * Issue 17 in Chromium against a real hub, the parts an admin and a citizen at the rating pad see: the reason step
 * for "Không hài lòng", the five-level pad once the admin picks it, the periodic report's xlsx stating its method,
 * and the kiosk's ID card settings.
 */
describe('public sector: rating pad, rating method, periodic report and ID card settings', { timeout: 120_000 }, () => {
  let session: AdminConfigSession;
  let admin: Page;
  let pad: Page;
  let kiosk: HubClient;
  let clerk: HubClient;
  let display: HubClient;
  const events: DomainEvent[] = [];

  /** A ticket served and finished at quay-1, for the pad to ask about. */
  const serveOne = async () => {
    const issued = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    if (!issued.ok || !issued.result.ticket) throw new Error('no ticket');
    const ticketId = issued.result.ticket.id;
    const called = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    expect(called).toMatchObject({ ok: true });
    const finished = await clerk.send({
      type: 'ticket.finish',
      counterId: 'quay-1',
      ticketId: called.ok ? (called.result.ticket?.id ?? '') : '',
    });
    expect(finished).toMatchObject({ ok: true });
    return called.ok ? (called.result.ticket?.id ?? ticketId) : ticketId;
  };
  const eventsFor = (ticketId: string, type: DomainEvent['type']) =>
    events.filter(
      (e) =>
        e.type === type &&
        ('ticketId' in e ? e.ticketId : e.type === 'rating.submitted' ? e.rating.ticketId : '') === ticketId,
    );

  beforeAll(async () => {
    ensureAppBuilt('counter');
    session = await openAdminConfig({}, { width: 1440, height: 1000 });
    admin = session.page;
    kiosk = await connectDevice(session.hub.url, 'kiosk');
    display = await connectDevice(session.hub.url, 'display');
    display.onEvent(({ event }) => events.push(event));
    clerk = await connectClerk(session.hub.url, 1);
    pad = (await newPage(session.browser, { width: 1280, height: 800 })).page;
    await pad.goto(`${session.hub.url}/counter/rating?counter=quay-1`);
    await pad.getByTestId('rating-idle').waitFor({ timeout: 30_000 });
  }, 150_000);

  afterAll(async () => {
    for (const client of [kiosk, clerk, display]) client?.close();
    await session?.close();
  });

  it('"Không hài lòng": the tap is stored at once, a reason is required, the list and free text amend it', async () => {
    const ticketId = await serveOne();
    await pad.getByTestId('rating-ask').waitFor({ timeout: 20_000 });
    await pad.getByTestId('rating-scale-three').waitFor();
    expect(await pad.locator('[data-testid^=score-]').count()).toBe(3);
    await pad.getByTestId('score-dissatisfied').click();
    // Recorded before any reason is given, on the three-level scale.
    await waitFor(() => eventsFor(ticketId, 'rating.submitted').length === 1, 20_000, 'first tap stored');
    expect(eventsFor(ticketId, 'rating.submitted')[0]).toMatchObject({
      rating: { scale: 'three', answer: 'dissatisfied' },
    });
    await pad.getByTestId('rating-sent').waitFor({ timeout: 20_000 });
    expect(await pad.getByTestId('rating-reason-need').textContent()).toBe('(bắt buộc)');
    expect(await pad.getByTestId('rating-send').isDisabled()).toBe(true);
    // The office's list (the default one) is offered.
    for (const id of ['waitedTooLong', 'attitude', 'unclearGuidance']) await pad.getByTestId(`reason-${id}`).waitFor();
    await pad.getByTestId('reason-unclearGuidance').click();
    await pad.getByTestId('rating-reason-text').fill('Cán bộ hướng dẫn nộp lại hai lần');
    await screenshot(pad, 'rating-dissatisfied-reasons');
    await pad.getByTestId('rating-send').click();
    await pad.getByTestId('rating-thanks').waitFor({ timeout: 20_000 });
    await waitFor(() => eventsFor(ticketId, 'rating.amended').length === 1, 20_000, 'reason amended');
    expect(eventsFor(ticketId, 'rating.amended')[0]).toMatchObject({
      scale: 'three',
      answer: 'dissatisfied',
      reasons: ['unclearGuidance'],
      reasonText: 'Cán bộ hướng dẫn nộp lại hai lần',
    });
    // Still one rating for the ticket: the reason amended it.
    expect(eventsFor(ticketId, 'rating.submitted')).toHaveLength(1);
    await pad.getByTestId('rating-idle').waitFor({ timeout: 30_000 });
  });

  it('the admin picks five levels; the next ticket is rated on the five-level pad', async () => {
    await admin.getByTestId('config-tab-rating').click();
    await admin.getByTestId('rating-scale-five').check();
    await admin.getByTestId('rating-method-save').click();
    await waitFor(() => display.state?.config.ratingMethod?.scale === 'five', 20_000, 'five levels saved');
    await screenshot(admin, 'admin-rating-five');

    const ticketId = await serveOne();
    await pad.getByTestId('rating-scale-five').waitFor({ timeout: 20_000 });
    const answers = await pad
      .locator('[data-testid^=score-]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')));
    expect(answers).toEqual([
      'score-verySatisfied',
      'score-satisfied',
      'score-neutral',
      'score-dissatisfied',
      'score-veryDissatisfied',
    ]);
    await screenshot(pad, 'rating-five-levels');
    await pad.getByTestId('score-neutral').click();
    await waitFor(() => eventsFor(ticketId, 'rating.submitted').length === 1, 20_000, 'five-level tap stored');
    expect(eventsFor(ticketId, 'rating.submitted')[0]).toMatchObject({ rating: { scale: 'five', answer: 'neutral' } });
  });

  it('the periodic report button downloads an xlsx that opens, with the method stated on its sheets', async () => {
    await admin.getByTestId('nav-reports').click();
    await admin.getByTestId('periodic-report').waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByTestId('export-periodic').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-dinh-ky_month_.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const cover = workbook.getWorksheet('Báo cáo');
    const coverText = (cover?.getSheetValues() ?? []).flat().map(String).join('\n');
    expect(coverText).toContain('Phương pháp: Tỷ lệ hài lòng = (Rất hài lòng + Hài lòng) / tổng số phiếu đánh giá');
    expect(coverText).toContain('Thang đánh giá đang dùng');
    const byPeriod = workbook.getWorksheet('Hài lòng theo kỳ');
    expect((byPeriod?.getSheetValues() ?? []).flat().map(String).join('\n')).toContain('Phương pháp:');
    // This hub's two ballots (Không hài lòng on three levels, Bình thường on five) are counted together.
    const ballots = cover?.getColumn(1).values.findIndex((value) => value === 'Số phiếu đánh giá') ?? -1;
    expect(cover?.getRow(ballots).getCell(2).value).toBe(2);
  });

  it('the admin turns holder storage on with a retention, and a priority age; the kiosk settings keep them', async () => {
    await admin.getByTestId('nav-config').click();
    await admin.getByTestId('config-tab-kiosk').click();
    const form = admin.getByTestId('kiosk-form');
    await form.locator('input[name="idCard.priorityAge"]').fill('70');
    await form.getByTestId('kiosk-id-store').check();
    await form.locator('input[name="idCard.retentionDays"]').fill('0');
    await admin.getByTestId('kiosk-save').click();
    // 0 days is refused under its box; nothing is saved.
    const refusal = form.getByTestId('field-error').filter({ hasText: 'Xóa dữ liệu đã lưu sau (ngày)' });
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.textContent()).toMatch(/1/);
    expect(idCardSettings(display.state!.config.kiosk)).toEqual(DEFAULT_ID_CARD_SETTINGS);
    await form.locator('input[name="idCard.retentionDays"]').fill('14');
    await admin.getByTestId('kiosk-save').click();
    await waitFor(() => display.state?.config.kiosk.idCard?.storeHolder === true, 20_000, 'ID card settings saved');
    expect(display.state!.config.kiosk.idCard).toEqual({
      ...DEFAULT_ID_CARD_SETTINGS,
      priorityAge: 70,
      storeHolder: true,
      retentionDays: 14,
    });
    await screenshot(admin, 'admin-kiosk-id-card');
  });
});
