import type { HubClient } from '@motcua/client';
import { periodKey, periodLabel, SATISFACTION_FORMULA, ticketById } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminPasswordFrom,
  connectAdminWithToken,
  connectClerk,
  connectDevice,
} from '../../../../e2e/support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from '../../../../e2e/support/hubProcess.js';

describe('the periodic report in the province terms, through a real hub', () => {
  let hub: HubProcess;
  let kiosk: HubClient;
  let clerk: HubClient;
  let clerk2: HubClient;
  let pad: HubClient;
  let admin: HubClient;
  let token = '';
  let today = '';

  beforeAll(async () => {
    hub = await startHubProcess();
    kiosk = await connectDevice(hub.url, 'kiosk');
    clerk = await connectClerk(hub.url, 1);
    clerk2 = await connectClerk(hub.url, 2);
    pad = await connectDevice(hub.url, 'rating', { counterId: 'quay-1' });
    ({ admin, token } = await connectAdminWithToken(hub.url, adminPasswordFrom(hub.output())));
    today = (await waitFor(() => admin.state, 10_000, 'admin state')).serviceDay;
  }, 60_000);

  afterAll(async () => {
    for (const c of [kiosk, clerk, clerk2, pad, admin]) c?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  /** Issues, calls, attaches the dossier codes, finishes: the visit of one citizen at Quầy n. */
  async function visit(n: 1 | 2, serviceId: string, dossierCodes: string[]): Promise<string> {
    const [desk, counterId] = n === 1 ? [clerk, 'quay-1'] : [clerk2, 'quay-2'];
    const issued = await kiosk.send({ type: 'ticket.issue', serviceId });
    if (!issued.ok) throw new Error(issued.code);
    const call = await desk.send({ type: 'ticket.callNext', counterId });
    if (!call.ok || !call.result.ticket) throw new Error('nothing called');
    const ticketId = call.result.ticket.id;
    for (const dossierCode of dossierCodes) {
      const attached = await desk.send({ type: 'ticket.attachDossier', counterId, ticketId, dossierCode });
      expect(attached.ok).toBe(true);
    }
    expect((await desk.send({ type: 'ticket.finish', counterId, ticketId })).ok).toBe(true);
    return ticketId;
  }

  it('one xlsx: the index per period, counter and clerk over mixed ballots, dossiers per field, the mean wait, the method on every sheet', async () => {
    const onCounter = { counterId: 'quay-1' } as const;
    // A pad still on the earlier four levels during an upgrade: Bình thường counts as not satisfied.
    const first = await visit(1, 'khai-sinh', ['H40.99-251203-0001']);
    expect((await pad.send({ type: 'rating.submit', ...onCounter, ticketId: first, score: 'neutral' })).ok).toBe(true);
    const second = await visit(1, 'ket-hon', ['H40.99-251203-0002', 'H40.99-251203-0003']);
    const tap = { ...onCounter, ticketId: second, scale: 'three', answer: 'verySatisfied' } as const;
    expect((await pad.send({ type: 'rating.submit', ...tap })).ok).toBe(true);
    const third = await visit(1, 'khai-sinh', []);
    const unhappy = { ...onCounter, ticketId: third, scale: 'three', answer: 'dissatisfied' } as const;
    expect((await pad.send({ type: 'rating.submit', ...unhappy })).ok).toBe(true);
    expect(await pad.send({ type: 'rating.amend', ...unhappy })).toMatchObject({
      ok: false,
      code: 'RATING_REASON_REQUIRED',
    });
    expect((await pad.send({ type: 'rating.amend', ...unhappy, reasonText: 'Phải bổ sung giấy tờ hai lần' })).ok).toBe(
      true,
    );
    // Another field at Quầy 2, not rated; and a result returned, which is not a dossier received.
    const copies = await visit(2, 'chung-thuc-ban-sao', ['H40.99-251203-0004']);
    const collect = await kiosk.send({
      type: 'ticket.issue',
      serviceId: 'tra-ket-qua',
      dossierCode: 'H40.99-251203-0001',
    });
    expect(collect.ok).toBe(true);

    const get = (path: string) => fetch(`${hub.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await get(`/api/reports/periodic.xlsx?from=${today}&to=${today}&period=week`)).status).toBe(400);
    expect((await fetch(`${hub.url}/api/reports/periodic.xlsx?from=${today}&to=${today}`)).status).toBe(401);
    const response = await get(`/api/reports/periodic.xlsx?from=${today}&to=${today}&period=quarter`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(`bao-cao-dinh-ky_quarter_${today}_${today}.xlsx`);

    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows = (name: string) =>
      (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    const valueOf = (sheet: string, label: string) => rows(sheet).find((row) => row[0] === label)?.[1];

    const formula = `Phương pháp: ${SATISFACTION_FORMULA.vi}.`;
    for (const sheet of ['Báo cáo', 'Hài lòng theo kỳ', 'Hài lòng theo quầy', 'Hài lòng theo cán bộ']) {
      expect(rows(sheet)[sheet === 'Báo cáo' ? 1 : 0]?.[0], sheet).toBe(formula);
    }
    expect(valueOf('Báo cáo', 'Số phiếu đánh giá')).toBe(3);
    expect(valueOf('Báo cáo', 'Tỷ lệ hài lòng (%)')).toBe(33.3);
    // Dossiers received: four codes, one of them in another field; the result collected is not one.
    expect(valueOf('Báo cáo', 'Số hồ sơ tiếp nhận')).toBe(4);
    const config = admin.state!.config;
    const quarter = periodLabel(periodKey(today, 'quarter'));
    expect(rows('Hài lòng theo kỳ')).toContainEqual([quarter, 3, 1, 0, 1, 1, 0, 33.3]);
    expect(rows('Hài lòng theo quầy')).toContainEqual([config.counters['quay-1']!.name.vi, 3, 1, 0, 1, 1, 0, 33.3]);
    expect(rows('Hài lòng theo quầy')).toHaveLength(6);
    expect(rows('Hài lòng theo cán bộ')).toContainEqual(['Nguyễn Thị Lan', 3, 1, 0, 1, 1, 0, 33.3]);
    const fields = rows('Hồ sơ theo lĩnh vực');
    expect(fields[1]).toEqual(['Lĩnh vực', quarter, 'Tổng cộng']);
    expect(fields).toContainEqual([config.fields['ho-tich']!.name.vi, 3, 3]);
    expect(fields).toContainEqual([config.fields['chung-thuc']!.name.vi, 1, 1]);
    expect(fields.at(-1)).toEqual(['Tổng cộng', 4, 4]);

    const tickets = [first, second, third, copies].map((id) => ticketById(admin.state!, id)!);
    const meanMinutes = tickets.reduce((sum, t) => sum + (t.calledAt! - t.issuedAt), 0) / 4 / 60_000;
    const waiting = rows('Thời gian chờ');
    // The collected result's ticket waits uncalled: it has no wait yet.
    expect(waiting[2]?.slice(0, 2)).toEqual([quarter, 4]);
    expect(waiting[2]?.[2]).toBeCloseTo(meanMinutes, 1);
  });
});
