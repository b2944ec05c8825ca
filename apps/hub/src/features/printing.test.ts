import type { HubClient } from '@motcua/client';
import { alertKindForPrinterFailure, hasOpenAlert, ticketPrintout, type PrintReply } from '@motcua/core';
import { startVirtualPrinter, type VirtualPrinter } from '@motcua/printer/testing';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, assignPrinter, connectAdmin, connectDevice } from '../../../../e2e/support/clients.js';
import { staffToken, startHubProcess, waitFor, type HubProcess } from '../../../../e2e/support/hubProcess.js';
import type { AuditEntry } from '@motcua/core';
import { printedTicketShows, readPrintedTicket } from '../../../../e2e/support/printedTicket.js';

function printTicket(client: HubClient, ticketId: string, reprint = false): Promise<PrintReply> {
  return client.socket.timeout(20_000).emitWithAck('print.ticket', { ticketId, reprint });
}

async function issue(kiosk: HubClient, serviceId = 'khai-sinh', priorityGroup: string | null = null): Promise<string> {
  const reply = await kiosk.send({ type: 'ticket.issue', serviceId, priorityGroup, source: 'kiosk' });
  if (!reply.ok || !reply.result.ticket) throw new Error(`issue refused: ${reply.ok ? 'no ticket' : reply.code}`);
  return reply.result.ticket.id;
}

describe('hub-side printing for a kiosk in a plain browser', () => {
  let hub: HubProcess;
  let printer: VirtualPrinter;
  let admin: HubClient;
  let kiosk: HubClient;
  let fileKiosk: HubClient;

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    hub = await startHubProcess();
    admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    kiosk = await connectDevice(hub.url, 'kiosk', { name: 'Kiosk sảnh' });
    fileKiosk = await connectDevice(hub.url, 'kiosk', { name: 'Kiosk tầng 2' });
    const deviceId = kiosk.identity!.device!.id;
    const profile = await assignPrinter(admin, deviceId, printer.url);
    await waitFor(() => kiosk.state?.config.devices[deviceId]?.printerProfileId === profile.id, 10_000, 'profile set');
  });

  afterAll(async () => {
    for (const c of [admin, kiosk, fileKiosk]) c?.close();
    await hub?.stop();
    hub?.cleanup();
    await printer?.close();
  });

  it('prints the ticket on the kiosk’s printer: the paper shows that ticket and its status QR', async () => {
    const ticketId = await issue(kiosk, 'khai-sinh', 'elderly');
    const reply = await printTicket(kiosk, ticketId);
    expect(reply).toMatchObject({ ok: true, status: 'ok' });
    expect(reply.ok && reply.previewPng.startsWith('data:image/png;base64,')).toBe(true);
    const job = await printer.waitForJob(10_000);
    const printed = readPrintedTicket(job.bytes);
    expect(printed.qr).toMatch(/\/t\/[A-Za-z0-9_-]{22}$/);
    const printout = ticketPrintout(kiosk.state!, ticketId, printed.qr!)!;
    expect(printout.priorityLabel).toBe('Ưu tiên – Người cao tuổi');
    expect(printedTicketShows(printed, printout)).toBe(true);
  });

  it('reprints only the kiosk’s last ticket, marks each copy, stops at the office limit and audits it', async () => {
    const first = await issue(kiosk);
    const second = await issue(kiosk);
    expect((await printTicket(kiosk, second)).ok).toBe(true);
    const original = readPrintedTicket((await printer.waitForJob(10_000)).bytes);
    const issuedCount = () => Object.values(admin.state!.issuedToday).reduce((sum, n) => sum + n, 0);
    const issuedBefore = issuedCount();

    for (const copy of [1, 2]) {
      const reprint = await printTicket(kiosk, second, true);
      expect(reprint.ok).toBe(true);
      const printed = readPrintedTicket((await printer.waitForJob(10_000)).bytes);
      expect(printed.qr).toBe(original.qr);
      const printout = ticketPrintout(kiosk.state!, second, printed.qr!)!;
      expect(printout.copyMark).toBe(`BẢN IN LẠI (lần ${copy})`);
      // The paper is exactly the marked copy, and not the original.
      expect(printedTicketShows(printed, printout)).toBe(true);
      expect(printedTicketShows(printed, { ...printout, copyMark: undefined })).toBe(false);
    }
    expect(await printTicket(kiosk, second, true)).toMatchObject({
      ok: false,
      code: 'REPRINT_LIMIT_REACHED',
      message: expect.stringContaining('Vé này đã được in lại đủ số lần cho phép'),
    });
    expect(await printTicket(kiosk, first, true)).toMatchObject({ ok: false, code: 'NOT_LAST_TICKET' });
    // No new number was issued by any of it.
    expect(issuedCount()).toBe(issuedBefore);

    const audit = await fetch(`${hub.url}/api/audit?type=ticket.reprinted`, {
      headers: { Authorization: `Bearer ${await staffToken(hub.url)}` },
    });
    const entries = ((await audit.json()) as { entries: AuditEntry[] }).entries;
    expect(entries.map((e) => [e.event, e.actor, e.ticketLabel])).toEqual([
      [
        expect.objectContaining({ ticketId: second, copy: 2 }),
        `device:${kiosk.identity!.device!.id}`,
        expect.any(String),
      ],
      [
        expect.objectContaining({ ticketId: second, copy: 1 }),
        `device:${kiosk.identity!.device!.id}`,
        expect.any(String),
      ],
    ]);
  });

  it('on paper-out replies with a clear message, keeps the preview, and alerts staff once', async () => {
    printer.setFault('paperOut');
    try {
      const ticketId = await issue(kiosk);
      const reply = await printTicket(kiosk, ticketId);
      expect(reply).toMatchObject({
        ok: false,
        code: 'PRINTER_PAPER_OUT',
        message: 'Máy in hết giấy, vui lòng báo cán bộ',
      });
      expect(!reply.ok && reply.previewPng?.startsWith('data:image/png')).toBe(true);
      const alert = await waitFor(
        () => Object.values(admin.state!.alerts).find((a) => a.alertKind === 'printerPaperOut'),
        10_000,
        'paper-out alert',
      );
      expect(alert.message).toContain('Máy in hết giấy');
      expect(alert.message).toContain('Kiosk sảnh');
      await printTicket(kiosk, await issue(kiosk));
      await new Promise((r) => setTimeout(r, 300));
      expect(Object.values(admin.state!.alerts).filter((a) => a.alertKind === 'printerPaperOut')).toHaveLength(1);
    } finally {
      printer.setFault(null);
    }
  });

  it('prints to a file in the data folder for a kiosk without a printer, and refuses non-kiosks', async () => {
    const ticketId = await issue(fileKiosk);
    expect(await printTicket(fileKiosk, ticketId)).toMatchObject({ ok: true });
    const folder = join(hub.dataDir, 'prints');
    await waitFor(() => existsSync(folder) && readdirSync(folder).some((f) => f.endsWith('.bin')), 10_000, 'file job');
    expect(await printTicket(admin, ticketId)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await printTicket(kiosk, 'không-có')).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});

describe('printer alert rules', () => {
  it('maps printer failures to the staff alert kinds', () => {
    expect(alertKindForPrinterFailure('PAPER_OUT')).toBe('printerPaperOut');
    expect(alertKindForPrinterFailure('CONNECTION_FAILED')).toBe('printerOffline');
    expect(alertKindForPrinterFailure('COVER_OPEN')).toBe('printerCoverOpen');
    expect(alertKindForPrinterFailure('BAD_CONFIG')).toBe('printerError');
    // The kiosk's print reply says the same codes with PRINTER_ in front.
    expect(alertKindForPrinterFailure('PRINTER_PAPER_OUT')).toBe('printerPaperOut');
    expect(alertKindForPrinterFailure('PRINTER_TIMEOUT')).toBe('printerOffline');
  });

  it('sees an uncleared alert of the same kind from the same device', () => {
    const alerts = { a1: { alertId: 'a1', alertKind: 'printerPaperOut', message: 'x', source: 'device:k1', at: 1 } };
    const state = { alerts } as unknown as Parameters<typeof hasOpenAlert>[0];
    expect(hasOpenAlert(state, 'device:k1', 'printerPaperOut')).toBe(true);
    expect(hasOpenAlert(state, 'device:k2', 'printerPaperOut')).toBe(false);
  });
});
