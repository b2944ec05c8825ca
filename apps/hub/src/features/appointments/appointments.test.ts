import type { HubClient } from '@motcua/client';
import { addDays, zonedEpoch, type AppointmentPolicy, type Office } from '@motcua/core';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectAdmin, connectDevice } from '../../../../../e2e/support/clients.js';
import { setHubClockTo, startHubProcess, waitFor, type HubProcess } from '../../../../../e2e/support/hubProcess.js';

interface HttpReply {
  status: number;
  body: {
    ok: boolean;
    code?: string;
    appointment?: { code: string; status: string; slot: string; bookingUrl: string };
  };
}

/** A JSON request from a chosen loopback address, as if from another phone on the internet. */
function httpJson(
  url: string,
  method: string,
  path: string,
  body: unknown,
  fromAddress = '127.0.0.1',
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        localAddress: fromAddress,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as HttpReply['body'] }));
      },
    );
    req.on('error', reject);
    req.setHeader('Content-Type', 'application/json');
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const policy: AppointmentPolicy = {
  enabled: true,
  slotMinutes: 30,
  earlyMinutes: 30,
  lateMinutes: 15,
  daysAhead: 7,
  leadMinutes: 0,
  services: { 'khai-sinh': { perSlot: 3, perDay: 0 }, 'ket-hon': { perSlot: 2, perDay: 0 } },
};

const hoChiMinhDate = (at: number) => new Date(at + 7 * 3600_000).toISOString().slice(0, 10);

describe('online booking through the hub', () => {
  let hub: HubProcess;
  let admin: HubClient;
  let kiosk: HubClient;
  let today: string;
  let tomorrow: string;
  let office: Office;

  beforeAll(async () => {
    hub = await startHubProcess();
    // The hub's clock at 08:50 of a day after tomorrow in Hà Nội, so every slot of the working day is ahead.
    today = addDays(hoChiMinhDate(Date.now()), 2);
    tomorrow = addDays(today, 1);
    await setHubClockTo(hub.url, zonedEpoch(today, '08:50', 'Asia/Ho_Chi_Minh'));
    admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    kiosk = await connectDevice(hub.url, 'kiosk');
    const reply = await admin.send({ type: 'config.setAppointments', appointments: policy });
    expect(reply.ok).toBe(true);
    office = admin.state!.config.office;
  });

  afterAll(async () => {
    admin?.close();
    kiosk?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('never overbooks a slot under many concurrent requests from different addresses', async () => {
    const attempts = Array.from({ length: 24 }, (_, i) =>
      httpJson(
        hub.url,
        'POST',
        '/api/appointments',
        { serviceId: 'khai-sinh', day: tomorrow, slot: '10:00' },
        `127.0.0.${10 + i}`,
      ),
    );
    const replies = await Promise.all(attempts);
    const booked = replies.filter((r) => r.status === 201);
    expect(booked).toHaveLength(3);
    expect(replies.filter((r) => r.status === 409 && r.body.code === 'SLOT_FULL')).toHaveLength(21);
    expect(new Set(booked.map((r) => r.body.appointment?.code)).size).toBe(3);
    await waitFor(
      () =>
        Object.values(admin.state?.appointments ?? {}).filter((a) => a.day === tomorrow && a.slot === '10:00')
          .length === 3,
      10_000,
      'the admin sees the three bookings',
    );
    const slots = await httpJson(
      hub.url,
      'GET',
      `/api/appointments/slots?serviceId=khai-sinh&day=${tomorrow}`,
      undefined,
    );
    expect(JSON.stringify(slots.body)).toContain('"slot":"10:00","left":0,"available":false,"reason":"SLOT_FULL"');
  });

  it('limits how fast one address may book', async () => {
    const replies: HttpReply[] = [];
    for (let i = 0; i < 10; i++) {
      replies.push(
        await httpJson(
          hub.url,
          'POST',
          '/api/appointments',
          { serviceId: 'ket-hon', day: tomorrow, slot: '14:00' },
          '127.0.0.99',
        ),
      );
    }
    expect(replies.some((r) => r.status === 429 && r.body.code === 'RATE_LIMITED')).toBe(true);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(2);
  });

  it('refuses times outside opening hours, on holidays and bad input, and changes nothing', async () => {
    const workingHours = { from: '07:30', to: '11:30' };
    const changed = await admin.send({
      type: 'config.setOffice',
      office: {
        ...office,
        openingHours: {
          '1': [workingHours],
          '2': [workingHours],
          '3': [workingHours],
          '4': [workingHours],
          '5': [workingHours],
          '6': [workingHours],
          '7': [workingHours],
        },
        holidays: [addDays(today, 4)],
      },
    });
    expect(changed.ok).toBe(true);
    const before = Object.keys(admin.state?.appointments ?? {}).length;
    const evening = await httpJson(
      hub.url,
      'POST',
      '/api/appointments',
      { serviceId: 'khai-sinh', day: tomorrow, slot: '15:00' },
      '127.0.0.50',
    );
    expect(evening).toMatchObject({ status: 422, body: { code: 'SLOT_UNAVAILABLE' } });
    const holiday = await httpJson(
      hub.url,
      'POST',
      '/api/appointments',
      { serviceId: 'khai-sinh', day: addDays(today, 4), slot: '09:00' },
      '127.0.0.51',
    );
    expect(holiday).toMatchObject({ status: 422, body: { code: 'OFFICE_HOLIDAY' } });
    const bad = await httpJson(
      hub.url,
      'POST',
      '/api/appointments',
      { serviceId: 'khai-sinh', day: tomorrow, slot: '9h', extra: 1 },
      '127.0.0.52',
    );
    expect(bad).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    const services = await httpJson(hub.url, 'GET', '/api/appointments/services', undefined);
    expect(JSON.stringify(services.body)).not.toContain(addDays(today, 4));
    expect(Object.keys(admin.state?.appointments ?? {})).toHaveLength(before);
    await admin.send({ type: 'config.setOffice', office });
  });

  it('lets the citizen look up and cancel with the code, and the kiosk check in with the QR content', async () => {
    const made = await httpJson(
      hub.url,
      'POST',
      '/api/appointments',
      { serviceId: 'ket-hon', day: today, slot: '09:00', phone: '0912 345 678' },
      '127.0.0.60',
    );
    expect(made.status).toBe(201);
    const code = made.body.appointment!.code;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const found = await httpJson(hub.url, 'GET', `/api/appointments/code/${code.toLowerCase()}`, undefined);
    expect(found.body.appointment).toMatchObject({ code, status: 'booked', slot: '09:00' });
    // The shared state never holds the code, nor the phone number.
    expect(JSON.stringify(admin.state)).not.toContain(code);
    expect(JSON.stringify(admin.state)).not.toContain('0912');

    const checkIn = (text: string) => kiosk.socket.timeout(10_000).emitWithAck('appointment.checkIn', { code: text });
    const reply = await checkIn(made.body.appointment!.bookingUrl);
    expect(reply).toMatchObject({
      ok: true,
      arrival: 'onTime',
      slot: '09:00',
      ticket: { source: 'appointment', serviceId: 'ket-hon' },
    });
    expect(reply.ok && reply.statusUrl).toMatch(/\/t\/[A-Za-z0-9_-]{22}$/);
    expect(await checkIn(code)).toMatchObject({ ok: false, code: 'APPOINTMENT_USED' });
    expect(await checkIn('ZZZZ2222')).toMatchObject({ ok: false, code: 'APPOINTMENT_NOT_FOUND' });

    const later = await httpJson(
      hub.url,
      'POST',
      '/api/appointments',
      { serviceId: 'ket-hon', day: tomorrow, slot: '09:00' },
      '127.0.0.61',
    );
    const laterCode = later.body.appointment!.code;
    expect(await checkIn(laterCode)).toMatchObject({
      ok: false,
      code: 'APPOINTMENT_NOT_TODAY',
      details: { day: tomorrow },
    });
    const cancelled = await httpJson(hub.url, 'POST', '/api/appointments/cancel', { code: laterCode }, '127.0.0.61');
    expect(cancelled.body.appointment).toMatchObject({ status: 'cancelled' });
    expect(await checkIn(laterCode)).toMatchObject({ ok: false, code: 'APPOINTMENT_CANCELLED' });
  });

  it('refuses a check-in from a connection that is not a kiosk', async () => {
    const display = await connectDevice(hub.url, 'display');
    try {
      const reply = await display.socket.timeout(10_000).emitWithAck('appointment.checkIn', { code: 'ABCD2345' });
      expect(reply).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    } finally {
      display.close();
    }
  });

  it('caps bookings per phone number: one per service and day, three a day, counting only active ones', async () => {
    const book = (serviceId: string, slot: string, phone: string, from: string) =>
      httpJson(hub.url, 'POST', '/api/appointments', { serviceId, day: tomorrow, slot, phone }, from);
    const first = await book('khai-sinh', '08:00', '0987 654 321', '127.0.0.71');
    expect(first.status).toBe(201);
    // The same number written another way, from another address: still the same person.
    const again = await book('khai-sinh', '08:30', '+84 987 654 321', '127.0.0.72');
    expect(again).toMatchObject({
      status: 409,
      body: { ok: false, code: 'BOOKING_LIMIT_REACHED', details: { scope: 'service', limit: 1 } },
    });
    expect(String((again.body as { message?: string }).message)).toContain('Số điện thoại này');
    expect((await book('ket-hon', '08:00', '0987654321', '127.0.0.73')).status).toBe(201);
    expect((await book('khai-sinh', '08:30', '0911 000 111', '127.0.0.74')).status).toBe(201);

    // A cancelled booking no longer counts.
    const cancelled = await httpJson(
      hub.url,
      'POST',
      '/api/appointments/cancel',
      { code: first.body.appointment!.code },
      '127.0.0.71',
    );
    expect(cancelled.body.appointment).toMatchObject({ status: 'cancelled' });
    expect((await book('khai-sinh', '09:30', '0987 654 321', '127.0.0.75')).status).toBe(201);

    // The day cap, set lower by an admin (and the service cap higher): this number already holds two.
    const lower = { ...policy, maxPerPhonePerService: 5, maxPerPhonePerDay: 2 };
    expect((await admin.send({ type: 'config.setAppointments', appointments: lower })).ok).toBe(true);
    await waitFor(() => admin.state?.config.appointments?.maxPerPhonePerDay === 2, 10_000, 'policy saved');
    expect(await book('ket-hon', '16:00', '0987 654 321', '127.0.0.76')).toMatchObject({
      status: 409,
      body: { code: 'BOOKING_LIMIT_REACHED', details: { scope: 'day', limit: 2 } },
    });
    expect(await book('ket-hon', '16:00', '0912 222 333', '127.0.0.76')).toMatchObject({ status: 201 });
    expect((await admin.send({ type: 'config.setAppointments', appointments: policy })).ok).toBe(true);
  });
});
