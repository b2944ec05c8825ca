import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HubClient } from '@motcua/client';
import { DEFAULT_ID_CARD_SETTINGS, ticketById, ticketsWhere, type KioskSettings } from '@motcua/core';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { startCardReader, type CardReaderProcess } from './support/cardReaderProcess.js';
import { adminPasswordFrom, connectAdmin, connectDevice } from './support/clients.js';
import { setHubClockOffset, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const DAY = 86_400_000;

describe(
  'the ID card at the kiosk: a fake reader process and the QR scanner, in Chromium against a real hub',
  {
    timeout: 120_000,
  },
  () => {
    let hub: HubProcess;
    let reader: CardReaderProcess;
    let browser: Browser;
    let kiosk: Page;
    let admin: HubClient;

    /** A birth date that makes the holder `years` old (or one more) on the hub's service day. */
    const bornYearsAgo = (years: number) => `${Number(admin.state!.serviceDay.slice(0, 4)) - years - 1}-01-15`;
    const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('');

    /** Every byte the hub keeps on disk: a name or number that is in none of them is not stored. */
    const storedBytes = () =>
      ['motcua.sqlite', 'motcua.sqlite-wal']
        .map((file) => join(hub.dataDir, file))
        .filter((path) => existsSync(path))
        .map((path) => readFileSync(path))
        .reduce((all, bytes) => Buffer.concat([all, bytes]), Buffer.alloc(0));
    const holders = () => {
      const db = new Database(join(hub.dataDir, 'motcua.sqlite'), { readonly: true });
      try {
        return db
          .prepare('SELECT ticket_id AS ticketId, full_name AS fullName, id_hash AS idHash FROM ticket_holders')
          .all() as {
          ticketId: string;
          fullName: string;
          idHash: string;
        }[];
      } finally {
        db.close();
      }
    };
    const setIdCard = async (idCard: Partial<typeof DEFAULT_ID_CARD_SETTINGS>) => {
      const kioskSettings: KioskSettings = {
        ...admin.state!.config.kiosk,
        idCard: { ...DEFAULT_ID_CARD_SETTINGS, ...idCard },
      };
      const reply = await admin.send({ type: 'config.setKiosk', kiosk: kioskSettings });
      expect(reply.ok).toBe(true);
    };

    /** From the first screen to the step where the citizen confirms priority. */
    const chooseBusinessRegistration = async () => {
      await kiosk.getByTestId('kiosk-start').click();
      await kiosk.getByRole('button', { name: /^Hộ kinh doanh/ }).click();
      await kiosk.locator('[data-service-id="ho-kinh-doanh"]').click();
    };
    const newTicketId = async (before: Set<string>) =>
      waitFor(
        () => ticketsWhere(admin.state!, (t) => !before.has(t.id))[0]?.id,
        15_000,
        'the kiosk’s ticket at the hub',
      );
    const ticketIds = () => new Set(ticketsWhere(admin.state!, () => true).map((t) => t.id));

    beforeAll(async () => {
      ensureAppBuilt('kiosk');
      ensureAppBuilt('display');
      hub = await startHubProcess({ args: ['--holder-purge-every-ms', '300'] });
      admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
      reader = await startCardReader();
      browser = await launchBrowser();
      kiosk = (await newPage(browser, { width: 1920, height: 1080 })).page;
      await kiosk.goto(`${hub.url}/kiosk/?cardReader=${encodeURIComponent(reader.url)}`);
      await waitFor(() => kiosk.getByTestId('kiosk-start').isEnabled(), 30_000, 'kiosk online');
    }, 150_000);

    afterAll(async () => {
      admin?.close();
      await browser?.close();
      await reader?.stop();
      await hub?.stop();
      hub?.cleanup();
    });

    it('the reader sends an 80-year-old’s card: the kiosk greets him, proposes priority, he confirms; nothing stored', async () => {
      const card = {
        idNumber: '001045012345',
        fullName: 'Nguyễn Văn Thọ',
        birthDate: bornYearsAgo(80),
        sex: 'male',
        address: 'Phường Hoàng Mai, Hà Nội',
        issueDate: '2021-04-20',
      };
      // A message that does not fit the protocol is refused at the kiosk, and the citizen is told to try again.
      reader.publish({ type: 'card', card: { ...card, idNumber: '12' } });
      await kiosk.getByTestId('kiosk-card-problem').waitFor({ timeout: 20_000 });
      expect(await kiosk.getByTestId('kiosk-card-problem').textContent()).toContain('Chưa đọc được thẻ căn cước');

      reader.publish({ type: 'card', card });
      await kiosk
        .getByTestId('kiosk-card-greeting')
        .getByText('Xin chào Ông Nguyễn Văn Thọ')
        .waitFor({ timeout: 20_000 });
      expect(await kiosk.getByTestId('kiosk-card-proposal').textContent()).toContain('từ 75 tuổi trở lên');
      await screenshot(kiosk, 'kiosk-id-card-greeting');

      const before = ticketIds();
      await chooseBusinessRegistration();
      const confirm = kiosk.getByTestId('kiosk-age-priority-confirm');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('Người cao tuổi');
      await screenshot(kiosk, 'kiosk-id-card-priority');
      await confirm.click();
      const ticketId = await newTicketId(before);
      expect(ticketById(admin.state!, ticketId)).toMatchObject({
        serviceId: 'ho-kinh-doanh',
        priorityGroup: 'elderly',
      });
      await kiosk.getByTestId('kiosk-ticket').waitFor({ timeout: 20_000 });

      // Storage is off by default: no name, no number, no birth date anywhere in what the hub keeps.
      expect(holders()).toEqual([]);
      const bytes = storedBytes();
      for (const secret of [card.fullName, card.idNumber, card.birthDate]) expect(bytes.includes(secret)).toBe(false);

      // Back home, the next citizen sees no name.
      reader.publish({ type: 'removed' });
      await kiosk.getByTestId('kiosk-done').click();
      await kiosk.getByTestId('kiosk-start').waitFor();
      expect(await kiosk.getByTestId('kiosk-card-banner').count()).toBe(0);
    });

    it('a younger citizen’s card greets her without proposing priority', async () => {
      reader.publish({
        type: 'card',
        card: { idNumber: '079190000001', fullName: 'Trần Thị Bình', birthDate: bornYearsAgo(40), sex: 'female' },
      });
      await kiosk
        .getByTestId('kiosk-card-greeting')
        .getByText('Xin chào Bà Trần Thị Bình')
        .waitFor({ timeout: 20_000 });
      expect(await kiosk.getByTestId('kiosk-card-proposal').count()).toBe(0);
      reader.publish({ type: 'removed' });
      await kiosk.getByTestId('kiosk-card-forget').click();
      expect(await kiosk.getByTestId('kiosk-card-banner').count()).toBe(0);
    });

    it('with storage off, a kiosk that still sends a holder gets stored: false and nothing is kept', async () => {
      // Off by default.
      const ticketId = ticketsWhere(admin.state!, () => true)[0]!.id;
      const device = await connectDevice(hub.url, 'kiosk', { name: 'kiosk sending a holder' });
      try {
        const reply = await device.socket
          .timeout(8000)
          .emitWithAck('idCard.holder', { ticketId, fullName: 'Phạm Văn Nam', idNumber: '001090000001' });
        expect(reply).toEqual({ ok: true, stored: false });
        const bad = await device.socket.timeout(8000).emitWithAck('idCard.holder', {
          ticketId,
          fullName: 'Phạm Văn Nam',
          idNumber: '001090000001',
          birthDate: '1990-01-01',
        } as never);
        expect(bad).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      } finally {
        device.close();
      }
      expect(holders()).toEqual([]);
    });

    it('the CCCD QR typed by the scanner, with storage on: name and hash kept, the display shows no name, the purge removes them', async () => {
      await setIdCard({ storeHolder: true, retentionDays: 2, priorityAge: 70 });
      await waitFor(() => kiosk.evaluate(() => document.readyState === 'complete'), 5000, 'kiosk page');
      const birthDate = bornYearsAgo(71);
      const qr = `001150009999||Lê Thị Hoa|${ddmmyyyy(birthDate)}|Nữ|Xã Tân Lập, Hà Nội|01072021`;
      // The scanner types on the first screen, where no field has the focus, and ends with Enter.
      await kiosk.keyboard.type(qr);
      await kiosk.keyboard.press('Enter');
      await kiosk.getByTestId('kiosk-card-greeting').getByText('Xin chào Bà Lê Thị Hoa').waitFor({ timeout: 20_000 });
      expect(await kiosk.getByTestId('kiosk-card-proposal').textContent()).toContain('từ 70 tuổi trở lên');

      const before = ticketIds();
      await chooseBusinessRegistration();
      await kiosk.getByTestId('kiosk-age-priority-confirm').click();
      const ticketId = await newTicketId(before);
      expect(ticketById(admin.state!, ticketId)?.priorityGroup).toBe('elderly');

      const [held] = await waitFor(() => (holders().length === 1 ? holders() : null), 15_000, 'holder stored');
      expect(held).toMatchObject({ ticketId, fullName: 'Lê Thị Hoa' });
      expect(held!.idHash).toMatch(/^[0-9a-f]{64}$/);
      const bytes = storedBytes();
      expect(bytes.includes('001150009999')).toBe(false);
      expect(bytes.includes(birthDate)).toBe(false);

      // The waiting room's display: the ticket, never the name (names never enter the events it folds).
      const display = (await newPage(browser, { width: 1920, height: 1080 })).page;
      await display.goto(`${hub.url}/display/`);
      await display.waitForSelector('[data-testid="display"][data-connection="online"]', { timeout: 30_000 });
      await waitFor(async () => (await display.locator('body').innerText()).length > 0, 10_000, 'display drawn');
      const shown = await display.locator('body').innerText();
      expect(shown).not.toContain('Lê Thị Hoa');
      expect(JSON.stringify(admin.state)).not.toContain('Lê Thị Hoa');
      await display.close();

      // Two days and a moment later by the hub's clock, the scheduled purge removes the holder (last: staff sessions
      // do not outlive the jump).
      await setHubClockOffset(hub.url, 2 * DAY + 60_000);
      await waitFor(() => holders().length === 0, 20_000, 'holder purged after the retention');
    });
  },
);
