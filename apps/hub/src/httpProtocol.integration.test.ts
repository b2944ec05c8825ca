import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubClient, memoryTokenStore } from '@motcua/client';
import {
  addDays,
  httpRefusalSchema,
  httpRequestOf,
  httpRoutes,
  httpRouteKeys,
  zonedEpoch,
  type ErrorCode,
  type HttpOk,
  type HttpRequest,
  type JsonRouteKey,
  type JsonRouteSpec,
} from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  adminPasswordFrom,
  connectAdminWithToken,
  connectClerk,
  connectDevice,
  printerProfileAt,
} from '../../../e2e/support/clients.js';
import {
  REPO_ROOT,
  setHubClockTo,
  startHubProcess,
  waitFor,
  type HubProcess,
} from '../../../e2e/support/hubProcess.js';
import { demoAppointmentPolicy } from './features/appointments/demoAppointmentPolicy.js';

interface Answer {
  status: number;
  json: unknown;
}

/**
 * Every JSON route of a real hub answers what core's `httpRoutes` declares: each reply is parsed with the
 * route's reply schema (strict objects, so a field the hub adds or drops without core fails here), each
 * refusal with `httpRefusalSchema`. Requests are built with `httpRequestOf`, as the apps build theirs.
 */
describe('HTTP replies match core’s declared shapes (real hub)', () => {
  let hub: HubProcess;
  let admin: HubClient;
  let token = '';
  const clients: HubClient[] = [];
  /** The JSON routes whose 2xx reply was checked. */
  const checked = new Set<JsonRouteKey>();

  async function call<K extends JsonRouteKey>(key: K, request: HttpRequest<K>, signedIn = true): Promise<Answer> {
    const { method, path, body } = httpRequestOf(key, request);
    const response = await fetch(`${hub.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(signedIn ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, json: await response.json() };
  }

  function expectReply<K extends JsonRouteKey>(key: K, answer: Answer, status = 200): HttpOk<K> {
    expect({ key, status: answer.status }).toEqual({ key, status });
    const spec: JsonRouteSpec = httpRoutes[key];
    const parsed = spec.reply.safeParse(answer.json);
    if (!parsed.success) throw new Error(`${key}: ${z.prettifyError(parsed.error)}\n${JSON.stringify(answer.json)}`);
    checked.add(key);
    return parsed.data as HttpOk<K>;
  }

  function expectRefusal(answer: Answer, status: number, code: ErrorCode): void {
    expect(answer.status).toBe(status);
    const parsed = httpRefusalSchema.safeParse(answer.json);
    if (!parsed.success) throw new Error(`refusal: ${z.prettifyError(parsed.error)}\n${JSON.stringify(answer.json)}`);
    expect(parsed.data.code).toBe(code);
  }

  let today = '';
  let tomorrow = '';

  beforeAll(async () => {
    hub = await startHubProcess();
    // 08:50 in Hà Nội two days from now: every slot of the working day is ahead, the office is open.
    today = addDays(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10), 2);
    tomorrow = addDays(today, 1);
    await setHubClockTo(hub.url, zonedEpoch(today, '08:50', 'Asia/Ho_Chi_Minh'));
    ({ admin, token } = await connectAdminWithToken(hub.url, adminPasswordFrom(hub.output())));
    clients.push(admin);
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('health, the test clock and the guard', async () => {
    const health = expectReply('GET /healthz', await call('GET /healthz', {}, false));
    expect(health.stateHash).toBeUndefined();
    const hashed = expectReply('GET /healthz?hash=1', await call('GET /healthz?hash=1', {}));
    expect(hashed.stateHash).toMatch(/\S/);
    const moved = expectReply(
      'POST /__test__/clock',
      await call('POST /__test__/clock', {
        body: { offsetMs: zonedEpoch(today, '08:55', 'Asia/Ho_Chi_Minh') - Date.now() },
      }),
    );
    expect(moved.serviceDay).toBe(today);
    expectRefusal(await call('GET /api/audit', { query: {} }, false), 401, 'UNAUTHENTICATED');
    expectRefusal(
      await call('GET /api/reports/summary', { query: { from: today, to: '2000-01-01' } }),
      400,
      'BAD_REQUEST',
    );
  });

  it('the booking page’s routes and the booking report', async () => {
    // The demo office's policy: every service, three bookings per half hour.
    const policy = await admin.send({
      type: 'config.setAppointments',
      appointments: demoAppointmentPolicy(admin.state!),
    });
    expect(policy.ok).toBe(true);
    const offer = expectReply(
      'GET /api/appointments/services',
      await call('GET /api/appointments/services', {}, false),
    );
    expect(offer.services.map((s) => s.id)).toContain('khai-sinh');
    const slots = expectReply(
      'GET /api/appointments/slots',
      await call('GET /api/appointments/slots', { query: { serviceId: 'khai-sinh', day: tomorrow } }, false),
    );
    const slot = slots.slots.find((s) => s.available)?.slot ?? '';
    const booked = expectReply(
      'POST /api/appointments',
      await call(
        'POST /api/appointments',
        { body: { serviceId: 'khai-sinh', day: tomorrow, slot, name: 'Nguyễn Văn A', phone: '0901234567' } },
        false,
      ),
      201,
    );
    const code = booked.appointment.code;
    expectRefusal(
      await call('POST /api/appointments', { body: { serviceId: 'khai-sinh', day: tomorrow, slot: '25:00' } }, false),
      400,
      'BAD_REQUEST',
    );
    const found = expectReply(
      'GET /api/appointments/code/:code',
      await call('GET /api/appointments/code/:code', { params: { code } }, false),
    );
    expect(found.appointment.status).toBe('booked');
    expectRefusal(
      await call('GET /api/appointments/code/:code', { params: { code: 'KHONG-CO' } }, false),
      404,
      'APPOINTMENT_NOT_FOUND',
    );
    const cancelled = expectReply(
      'POST /api/appointments/cancel',
      await call('POST /api/appointments/cancel', { body: { code } }, false),
    );
    expect(cancelled.appointment.status).toBe('cancelled');
    const report = expectReply(
      'GET /api/appointments/report',
      await call('GET /api/appointments/report', { query: { day: tomorrow } }),
    );
    expect(report.services).toEqual([expect.objectContaining({ serviceId: 'khai-sinh', cancelled: 1 })]);
  });

  it('reports, dossiers and the audit log after a served ticket', async () => {
    const kiosk = await connectDevice(hub.url, 'kiosk');
    const clerk = await connectClerk(hub.url, 1);
    clients.push(kiosk, clerk);
    expect((await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' })).ok).toBe(true);
    const called = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    const ticketId = called.ok ? (called.result.ticket?.id ?? '') : '';
    const attached = await clerk.send({
      type: 'ticket.attachDossier',
      counterId: 'quay-1',
      ticketId,
      dossierCode: 'H40.99-250703-0001',
    });
    expect(attached.ok).toBe(true);
    expect((await clerk.send({ type: 'ticket.finish', counterId: 'quay-1', ticketId })).ok).toBe(true);

    const summary = expectReply(
      'GET /api/reports/summary',
      await call('GET /api/reports/summary', { query: { from: today, to: today } }),
    );
    expect(summary.summary.totals.served).toBe(1);
    const dossiers = expectReply(
      'GET /api/reports/dossiers.json',
      await call('GET /api/reports/dossiers.json', { query: { from: today, to: today } }),
    );
    expect(dossiers.dossiers.map((d) => d.dossierCode)).toEqual(['H40.99-250703-0001']);
    const audit = expectReply(
      'GET /api/audit',
      await call('GET /api/audit', { query: { type: 'ticket.', limit: 50 } }),
    );
    expect(audit.entries.some((e) => e.ticketLabel !== null)).toBe(true);

    // A wrong password is logged as a refused sign-in.
    const stranger = new HubClient({ url: hub.url, storage: memoryTokenStore(), requestTimeoutMs: 8000 }).connect();
    clients.push(stranger);
    await waitFor(() => stranger.getSnapshot().connection === 'online', 20_000, 'stranger online');
    expect((await stranger.signIn('admin', 'sai-mat-khau-1234')).ok).toBe(false);
    const signIns = expectReply('GET /api/audit/sign-ins', await call('GET /api/audit/sign-ins', { query: {} }));
    expect(signIns.entries[0]).toMatchObject({ outcome: 'failed', username: 'admin' });
  });

  it('office voice, backups, printers and the links', async () => {
    const empty = expectReply('GET /api/voice/office', await call('GET /api/voice/office', {}));
    expect(empty.clips).toEqual({});
    const data = readFileSync(join(REPO_ROOT, 'apps/display/voice/default/chime.opus')).toString('base64');
    expectReply(
      'PUT /api/voice/office/clip',
      await call('PUT /api/voice/office/clip', { body: { id: 'chime', text: '(chuông của văn phòng)', data } }),
    );
    expectRefusal(
      await call('PUT /api/voice/office/clip', { body: { id: 'chime', text: 'x', data: 'AAAA' } }),
      400,
      'BAD_REQUEST',
    );
    const withClip = expectReply('GET /api/voice/office', await call('GET /api/voice/office', {}));
    expect(Object.keys(withClip.clips)).toEqual(['chime']);
    expectReply(
      'DELETE /api/voice/office/clip',
      await call('DELETE /api/voice/office/clip', { query: { id: 'chime' } }),
    );
    expectRefusal(await call('DELETE /api/voice/office/clip', { query: { id: 'chime' } }), 404, 'NOT_FOUND');

    expectReply('GET /api/backups', await call('GET /api/backups', {}));

    // Nothing listens on the discard port: the test print fails with the printer's words, still a 200.
    const saved = await admin.send({
      type: 'config.upsertPrinterProfile',
      profile: printerProfileAt('tcp://127.0.0.1:9'),
    });
    expect(saved.ok).toBe(true);
    const printed = expectReply(
      'POST /api/printers/test',
      await call('POST /api/printers/test', { body: { profileId: 'may-in-sanh' } }),
    );
    expect(printed.ok).toBe(false);
    expectRefusal(await call('POST /api/printers/test', { body: { profileId: 'khong-co' } }), 404, 'NOT_FOUND');

    expectReply('GET /api/status-link', await call('GET /api/status-link', {}));
    const central = expectReply('GET /api/central/status', await call('GET /api/central/status', {}));
    expect(central.status.link).toBe('off');
  });

  it('checked every JSON route of core’s map', () => {
    const jsonRoutes = httpRouteKeys.filter((key) => httpRoutes[key].kind === 'json');
    expect([...checked].sort()).toEqual(jsonRoutes.sort());
  });
});
