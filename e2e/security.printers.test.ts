import type { HubClient } from '@motcua/client';
import type { PrinterProfile, PrintReply } from '@motcua/core';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectAdmin, connectDevice, printerProfileAt } from './support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

function profileAt(id: string, transportUrl: string): PrinterProfile {
  return printerProfileAt(transportUrl, id, `Máy in ${id}`);
}

/** A kiosk that prints through the hub on the profile `profileId`. */
async function kioskPrintingOn(hub: HubProcess, admin: HubClient, profileId: string): Promise<HubClient> {
  const kiosk = await connectDevice(hub.url, 'kiosk');
  const deviceId = kiosk.identity!.device!.id;
  await waitFor(() => admin.state?.config.devices[deviceId], 10_000, 'the kiosk in the admin state');
  const device = admin.state!.config.devices[deviceId]!;
  expect(
    await admin.send({ type: 'config.upsertDevice', device: { ...device, printerProfileId: profileId } }),
  ).toMatchObject({
    ok: true,
  });
  await waitFor(() => kiosk.state?.config.devices[deviceId]?.printerProfileId === profileId, 10_000, 'profile set');
  return kiosk;
}

async function issueAndPrint(kiosk: HubClient): Promise<PrintReply> {
  const issued = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
  if (!issued.ok || !issued.result.ticket) throw new Error('issue refused');
  return kiosk.socket.timeout(30_000).emitWithAck('print.ticket', { ticketId: issued.result.ticket.id });
}

describe('security: printer addresses, through a real hub', () => {
  const clients: HubClient[] = [];
  const hubs: HubProcess[] = [];
  const outside = mkdtempSync(join(tmpdir(), 'motcua-outside-'));

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const hub of hubs) await hub.stop();
    for (const hub of hubs) hub.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('refuses an admin’s address that would write to the database, outside the data folder or to an unlisted host', async () => {
    const hub = await startHubProcess();
    hubs.push(hub);
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(admin);
    const database = join(hub.dataDir, 'motcua.sqlite');
    const before = readFileSync(database).length;
    const refused: [string, string][] = [
      [`device://${database}`, 'devicePath'],
      ['device:///etc/passwd', 'devicePath'],
      [pathToFileURL(outside).href, 'fileOutsideData'],
      [`file://${hub.dataDir}/../${hub.dataDir.split('/').pop()}-x`, 'filePath'],
      ['windows-share://may-ke-toan/XP80', 'shareHost'],
      ['http://192.168.1.9/print', 'scheme'],
    ];
    for (const [url, refusal] of refused) {
      const reply = await admin.send({ type: 'config.upsertPrinterProfile', profile: profileAt('may-in-xau', url) });
      expect(reply, url).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      if (!reply.ok) {
        expect(reply.details?.refusal ?? reply.details?.issue, url).toBeDefined();
        expect(String(reply.details?.issue ?? ''), url).toMatch(/^Địa chỉ máy in:/);
      }
      if (!reply.ok && reply.details?.refusal) expect(reply.details.refusal, url).toBe(refusal);
    }
    expect(admin.state?.config.printerProfiles['may-in-xau']).toBeUndefined();
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(database).length).toBeGreaterThanOrEqual(before);

    const inside = pathToFileURL(join(hub.dataDir, 'prints-sanh')).href;
    expect(
      await admin.send({ type: 'config.upsertPrinterProfile', profile: profileAt('may-in-sanh', inside) }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await admin.send({ type: 'config.upsertPrinterProfile', profile: profileAt('may-in-com', 'serial://COM3') }),
    ).toMatchObject({ ok: true });
  });

  it('refuses at print time a file printer whose folder is a link out of the data folder', async () => {
    const hub = await startHubProcess();
    hubs.push(hub);
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(admin);
    mkdirSync(join(outside, 'target'));
    symlinkSync(join(outside, 'target'), join(hub.dataDir, 'prints-link'));
    const linked = pathToFileURL(join(hub.dataDir, 'prints-link')).href;
    expect(
      await admin.send({ type: 'config.upsertPrinterProfile', profile: profileAt('may-in-link', linked) }),
    ).toMatchObject({
      ok: true,
    });
    const kiosk = await kioskPrintingOn(hub, admin, 'may-in-link');
    clients.push(kiosk);
    const printed = await issueAndPrint(kiosk);
    expect(printed).toMatchObject({ ok: false, code: 'PRINTER_BAD_CONFIG' });
    expect(printed.ok ? '' : printed.message).toContain('thư mục dữ liệu');
    expect(readdirSync(join(outside, 'target'))).toEqual([]);
  });

  it('refuses at print time an address saved under rules the hub no longer has (a share host removed)', async () => {
    const allowing = await startHubProcess({ args: ['--printer-share-hosts', 'may-ke-toan'] });
    const setup = await connectAdmin(allowing.url, adminPasswordFrom(allowing.output()));
    const share = profileAt('may-in-ke-toan', 'windows-share://may-ke-toan/XP80');
    expect(await setup.send({ type: 'config.upsertPrinterProfile', profile: share })).toMatchObject({ ok: true });
    setup.close();
    await allowing.stop();

    const hub = await startHubProcess({ dataDir: allowing.dataDir });
    hubs.push(hub);
    const admin = await connectAdmin(hub.url, adminPasswordFrom(allowing.output()));
    clients.push(admin);
    const kiosk = await kioskPrintingOn(hub, admin, 'may-in-ke-toan');
    clients.push(kiosk);
    const printed = await issueAndPrint(kiosk);
    expect(printed).toMatchObject({ ok: false, code: 'PRINTER_BAD_CONFIG' });
    expect(printed.ok ? '' : printed.message).toContain('chưa được cho phép');
  });
});

describe('security: share hosts an admin lists, through a real hub', () => {
  const clients: HubClient[] = [];
  let hub: HubProcess | undefined;

  afterAll(async () => {
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('allows the operator’s and the admin’s hosts at once, and refuses a removed host at the next print', async () => {
    hub = await startHubProcess({ args: ['--printer-share-hosts', 'may-ke-toan'] });
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(admin);
    const save = (id: string, url: string) =>
      admin.send({ type: 'config.upsertPrinterProfile', profile: profileAt(id, url) });
    const setShareHosts = (printerShareHosts: string[]) =>
      admin.send({ type: 'config.setKiosk', kiosk: { ...admin.state!.config.kiosk, printerShareHosts } });

    expect(await save('may-in-mot-cua', 'windows-share://may-mot-cua/XP80')).toMatchObject({
      ok: false,
      details: { refusal: 'shareHost' },
    });
    expect(admin.state?.config.printerProfiles['may-in-mot-cua']).toBeUndefined();

    // A list with a path in it is refused whole and changes nothing.
    expect(await setShareHosts(['may-mot-cua', 'may-mot-cua/XP80'])).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(admin.state?.config.kiosk.printerShareHosts).toBeUndefined();

    expect(await setShareHosts(['MAY-MOT-CUA'])).toMatchObject({ ok: true });
    expect(await save('may-in-mot-cua', 'windows-share://may-mot-cua/XP80')).toMatchObject({ ok: true });
    // The operator's host stays allowed beside the admin's; others stay refused.
    expect(await save('may-in-ke-toan', 'windows-share://may-ke-toan/XP80')).toMatchObject({ ok: true });
    expect(await save('may-in-la', 'windows-share://may-la/XP80')).toMatchObject({
      ok: false,
      details: { refusal: 'shareHost' },
    });

    expect(await setShareHosts([])).toMatchObject({ ok: true });
    const kiosk = await kioskPrintingOn(hub, admin, 'may-in-mot-cua');
    clients.push(kiosk);
    const printed = await issueAndPrint(kiosk);
    expect(printed).toMatchObject({ ok: false, code: 'PRINTER_BAD_CONFIG' });
    expect(printed.ok ? '' : printed.message).toContain('chưa được cho phép');
    expect(await save('may-in-mot-cua-2', 'windows-share://may-mot-cua/XP80')).toMatchObject({
      ok: false,
      details: { refusal: 'shareHost' },
    });
  });
});
