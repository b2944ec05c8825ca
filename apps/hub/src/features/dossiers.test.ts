import { ticketById } from '@motcua/core';
import { HubClient, memoryTokenStore } from '@motcua/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectClerk, connectDevice, signInAsAdmin } from '../../../../e2e/support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from '../../../../e2e/support/hubProcess.js';
import type { DossierVisit } from './dossiers.js';
import { officeIsoTime } from './dossiers.js';

describe('dossiers: codes attached at the counter, looked up at the kiosk, exported per dossier', () => {
  let hub: HubProcess;
  let kiosk: HubClient;
  let clerk: HubClient;
  let pad: HubClient;
  let admin: HubClient;
  let token = '';
  let today = '';

  const lookUp = (client: HubClient, dossierCode: string) =>
    client.socket.timeout(10_000).emitWithAck('dossier.lookup', { dossierCode });
  const get = (path: string) => fetch(`${hub.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    hub = await startHubProcess();
    kiosk = await connectDevice(hub.url, 'kiosk');
    clerk = await connectClerk(hub.url, 1);
    pad = await connectDevice(hub.url, 'rating', { counterId: 'quay-1' });
    admin = new HubClient({ url: hub.url, storage: memoryTokenStore(), requestTimeoutMs: 8000 }).connect();
    await waitFor(() => admin.getSnapshot().connection === 'online', 20_000, 'admin online');
    const signIn = await signInAsAdmin(admin, adminPasswordFrom(hub.output()));
    if (!signIn.ok) throw new Error(signIn.code);
    token = signIn.sessionToken;
    await admin.whenOnline();
    today = (await waitFor(() => admin.state, 10_000, 'admin state')).serviceDay;
  }, 60_000);

  afterAll(async () => {
    for (const c of [kiosk, clerk, pad, admin]) c?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('attaches at the counter, finds the filing from the kiosk, and exports the visit with its times and rating', async () => {
    expect((await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' })).ok).toBe(true);
    const call = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    const ticketId = call.ok ? call.result.ticket!.id : '';
    const attach = await clerk.send({
      type: 'ticket.attachDossier',
      counterId: 'quay-1',
      ticketId,
      dossierCode: 'h40.99-250703-0001',
    });
    expect(attach.ok).toBe(true);
    expect((await clerk.send({ type: 'ticket.finish', counterId: 'quay-1', ticketId })).ok).toBe(true);
    expect((await pad.send({ type: 'rating.submit', counterId: 'quay-1', ticketId, score: 'satisfied' })).ok).toBe(
      true,
    );

    const found = await lookUp(kiosk, 'H40.99-250703-0001');
    expect(found).toMatchObject({
      ok: true,
      dossierCode: 'H40.99-250703-0001',
      filed: { serviceId: 'khai-sinh', serviceDay: today, serviceName: { vi: 'Đăng ký khai sinh' } },
    });
    expect(await lookUp(kiosk, 'H40.99-000000-9999')).toMatchObject({ ok: true, filed: null });
    expect(await lookUp(kiosk, 'not a code')).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await lookUp(pad, 'H40.99-250703-0001')).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // The citizen comes back for the result: the kiosk issues a "Nhận kết quả" ticket with the code.
    const collect = await kiosk.send({
      type: 'ticket.issue',
      serviceId: 'tra-ket-qua',
      dossierCode: 'H40.99-250703-0001',
    });
    expect(collect.ok && collect.result.ticket?.dossierCodes).toEqual(['H40.99-250703-0001']);

    const response = await get(`/api/reports/dossiers.json?from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { format: string; timeZone: string; dossiers: DossierVisit[] };
    expect(body.format).toBe('motcua.dossier-visits/1');
    expect(body.dossiers).toHaveLength(2);
    const [filed, collected] = body.dossiers as [DossierVisit, DossierVisit];
    const ticket = ticketById(admin.state!, ticketId)!;
    expect(filed).toMatchObject({
      dossierCode: 'H40.99-250703-0001',
      step: 'receive',
      procedureCode: '1.001193',
      serviceCode: 'HT01',
      serviceName: 'Đăng ký khai sinh',
      fieldName: 'Hộ tịch',
      ticketLabel: ticket.label,
      counterNumber: 1,
      clerkName: 'Nguyễn Thị Lan',
      issuedAt: officeIsoTime(ticket.issuedAt, 7 * 3600_000),
      waitingSeconds: (ticket.calledAt! - ticket.issuedAt) / 1000,
      serviceSeconds: (ticket.finishedAt! - ticket.calledAt!) / 1000,
      rating: { answer: 'satisfied', label: 'Hài lòng', satisfied: true, reasons: [] },
    });
    expect(filed.issuedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(collected).toMatchObject({ step: 'return', serviceName: 'Nhận kết quả giải quyết hồ sơ', calledAt: null });

    const csv = await (await get(`/api/reports/dossiers.csv?from=${today}&to=${today}`)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Mã hồ sơ,Bước,Mã TTHC,/);
    expect(lines[1]).toMatch(/^H40\.99-250703-0001,Tiếp nhận,1\.001193,HT01,Đăng ký khai sinh,/);
    expect(lines).toHaveLength(3);

    const xlsx = await get(`/api/reports/dossiers.xlsx?from=${today}&to=${today}`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Hồ sơ')!;
    expect(sheet.getCell('A2').value).toBe('H40.99-250703-0001');
    expect(sheet.getCell('Q2').value).toBe('Hài lòng');
    expect(sheet.rowCount).toBe(3);

    expect((await fetch(`${hub.url}/api/reports/dossiers.json?from=${today}&to=${today}`)).status).toBe(401);
    expect((await get(`/api/reports/dossiers.json?from=${today}`)).status).toBe(400);
  });
});
