import { ticketPrintout, type PrintReply } from '@motcua/core';
import { TestDesk } from '@motcua/core/testkit';
import { startVirtualPrinter } from '@motcua/printer/testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPrintedTicket } from '../../../e2e/support/printedTicket.js';
import type { KioskDeviceSettings } from '../src/deviceSettings.js';
import { PinAttempts } from '@motcua/desktop';
import { acceptableHub, hubUrlFromService } from './discovery.js';
import { KioskPrinter } from './printing.js';
import { hashPin, loadSettingsFile, pinHub, saveSettings, setAdminPin, verifyPin } from './settings.js';

const folders: string[] = [];
function tempFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kiosk-shell-'));
  folders.push(folder);
  return join(folder, 'kiosk-settings.json');
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const settings: KioskDeviceSettings = {
  hubUrl: 'http://192.168.1.10:8080',
  discoverHub: false,
  printer: null,
  startAtLogin: true,
  cardReaderUrl: '',
};

describe('kiosk settings file', () => {
  it('gives defaults for a missing or damaged file', () => {
    const path = tempFile();
    expect(loadSettingsFile(path).settings).toMatchObject({ hubUrl: '', discoverHub: true, printer: null });
    writeFileSync(path, '{ not json');
    expect(loadSettingsFile(path).adminPinHash).toBeNull();
  });

  it('takes the admin PIN only at the first start, typed twice; stores only its hash; refuses a wrong PIN after', async () => {
    const path = tempFile();
    // No PIN yet: settings cannot be saved, whatever PIN is typed (the first PIN typed no longer claims the kiosk).
    expect(await saveSettings(path, '2468', settings)).toMatchObject({ ok: false, code: 'NO_PIN' });
    expect(await setAdminPin(path, '2468', '2469')).toMatchObject({ ok: false, code: 'PIN_MISMATCH' });
    expect(await setAdminPin(path, '24', '24')).toMatchObject({ ok: false, code: 'BAD_SETTINGS' });
    expect((await setAdminPin(path, '2468', '2468')).ok).toBe(true);
    expect(await setAdminPin(path, '1111', '1111')).toMatchObject({ ok: false, code: 'PIN_SET' });
    expect((await saveSettings(path, '2468', settings)).ok).toBe(true);
    const stored = readFileSync(path, 'utf8');
    expect(stored).not.toContain('2468');
    expect(loadSettingsFile(path).settings.hubUrl).toBe('http://192.168.1.10:8080');
    expect(await saveSettings(path, '1111', { ...settings, hubUrl: '' })).toMatchObject({
      ok: false,
      code: 'WRONG_PIN',
    });
    expect(await saveSettings(path, '2468', { ...settings, hubUrl: 'ftp://x' })).toMatchObject({
      ok: false,
      code: 'BAD_SETTINGS',
    });
    expect(loadSettingsFile(path).settings.hubUrl).toBe('http://192.168.1.10:8080');
  });

  it('makes wrong PINs wait longer and longer, refusing even the right PIN while waiting', async () => {
    const path = tempFile();
    await setAdminPin(path, '2468', '2468');
    const attempts = new PinAttempts();
    for (let i = 0; i < 3; i++) {
      expect(await saveSettings(path, '0000', settings, attempts, 0)).toMatchObject({ code: 'WRONG_PIN' });
    }
    expect(await saveSettings(path, '2468', settings, attempts, 10)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(await saveSettings(path, '0000', settings, attempts, 1000)).toMatchObject({ code: 'WRONG_PIN' });
    const longer = await saveSettings(path, '2468', settings, attempts, 1010);
    expect(longer).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 2 });
    expect((await saveSettings(path, '2468', settings, attempts, 60_000)).ok).toBe(true);
  });

  it('forgets the pinned hub when the hub address changes (a new pairing)', async () => {
    const path = tempFile();
    await setAdminPin(path, '2468', '2468');
    await saveSettings(path, '2468', { ...settings, hubUrl: '', discoverHub: true });
    expect(pinHub(path, 'hub-a').pinnedHubId).toBe('hub-a');
    await saveSettings(path, '2468', { ...settings, hubUrl: '', discoverHub: true, startAtLogin: false });
    expect(loadSettingsFile(path).pinnedHubId).toBe('hub-a');
    await saveSettings(path, '2468', { ...settings, hubUrl: 'http://192.168.1.20:8080' });
    expect(loadSettingsFile(path).pinnedHubId).toBeNull();
  });

  it('verifies a PIN against its scrypt hash', async () => {
    const hash = await hashPin('123456');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPin('123456', hash)).toBe(true);
    expect(await verifyPin('123457', hash)).toBe(false);
    expect(await verifyPin('123456', 'plain')).toBe(false);
  });
});

describe('hub discovery answer', () => {
  it('prefers an IPv4 LAN address and skips link-local ones', () => {
    expect(
      hubUrlFromService({ port: 8080, host: 'hub.local', addresses: ['fe80::1', '169.254.3.4', '192.168.1.10'] }),
    ).toBe('http://192.168.1.10:8080');
    expect(hubUrlFromService({ port: 8080, host: 'hub.local', addresses: ['fe80::1'] })).toBe('http://hub.local:8080');
    expect(hubUrlFromService({ port: 0, addresses: ['10.0.0.2'] })).toBeNull();
    expect(hubUrlFromService({ port: 80, host: 'bad host!' })).toBeNull();
  });

  it('takes only the hub the kiosk paired with, once pinned; an answer without a hubId never', () => {
    const answer = (hubId?: string) => ({ port: 8080, addresses: ['192.168.1.10'], txt: hubId ? { hubId } : {} });
    expect(acceptableHub(answer('hub-a'), null)).toEqual({ url: 'http://192.168.1.10:8080', hubId: 'hub-a' });
    expect(acceptableHub(answer('hub-a'), 'hub-a')).not.toBeNull();
    expect(acceptableHub(answer('hub-b'), 'hub-a')).toBeNull();
    expect(acceptableHub(answer(), null)).toBeNull();
  });
});

describe('printing from the Electron shell', () => {
  it('prints the renderer’s ticket on the configured printer and enforces the reprint rule', async () => {
    const printer = await startVirtualPrinter();
    try {
      const desk = TestDesk.open();
      const first = desk.issue('khai-sinh');
      const second = desk.issue('khai-sinh');
      const kiosk = new KioskPrinter(() => ({
        ...settings,
        printer: {
          transportUrl: printer.url,
          paperWidth: 80,
          mode: 'raster',
          codePage: '',
          cut: 'partial',
          density: 4,
          beep: false,
        },
      }));
      const request = (ticketId: string, reprint: boolean) => ({
        ticketId,
        reprint,
        document: ticketPrintout(desk.state, ticketId, `http://192.168.1.10:8080/t/status-of-${ticketId}`)!,
        hubNow: desk.now + 10_000,
      });
      const reply: PrintReply = await kiosk.print(request(second, false));
      expect(reply).toMatchObject({ ok: true, status: 'ok' });
      expect(readPrintedTicket((await printer.waitForJob(10_000)).bytes).qr).toBe(
        `http://192.168.1.10:8080/t/status-of-${second}`,
      );
      expect((await kiosk.print(request(second, true))).ok).toBe(true);
      expect(await kiosk.print(request(first, true))).toMatchObject({ ok: false, code: 'NOT_LAST_TICKET' });
      expect(await kiosk.print({ ticketId: second })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });

      printer.setFault('paperOut');
      expect(await kiosk.print(request(second, true))).toMatchObject({
        ok: false,
        code: 'PRINTER_PAPER_OUT',
        message: 'Máy in hết giấy, vui lòng báo cán bộ',
      });
      expect((await kiosk.status()).status).toBe('paperOut');
    } finally {
      await printer.close();
    }
  });

  it('says plainly when no printer is set up, and still gives the preview', async () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    const kiosk = new KioskPrinter(() => settings);
    const reply = await kiosk.print({
      ticketId: id,
      reprint: false,
      document: ticketPrintout(desk.state, id, 'http://x/t/y')!,
      hubNow: desk.now,
    });
    expect(reply).toMatchObject({ ok: false, code: 'PRINTER_NOT_CONFIGURED' });
    expect(!reply.ok && reply.previewPng?.startsWith('data:image/png;base64,')).toBe(true);
    expect((await kiosk.status()).status).toBe('notConfigured');
  });
});
