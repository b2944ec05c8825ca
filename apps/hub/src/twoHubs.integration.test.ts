import type { HubClient, RequestEventName } from '@motcua/client';
import type { ClientRequest } from '@motcua/core';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdmin, connectClerk, connectDevice } from '../../../e2e/support/clients.js';
import { waitFor } from '../../../e2e/support/hubProcess.js';
import { startHub, type RunningHub } from './hub.js';
import { parseHubOptions } from './options.js';

interface Office {
  hub: RunningHub;
  dataDir: string;
  admin: HubClient;
  kiosk: HubClient;
  clerk: HubClient;
}

/** A hub in this very process, as a second office's hub would be beside the first. */
async function startOffice(officeId: string, centralUrl: string): Promise<Office> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-two-hubs-'));
  const options = parseHubOptions(
    // The webhook receiver runs on 127.0.0.1, which only the operator's flag allows.
    [
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
      '--no-mdns',
      '--log-level',
      'silent',
      '--webhook-allow-loopback',
      '--central-url',
      centralUrl,
      '--central-credential',
      `office.${officeId}.two-hubs-credential-0123`,
      '--central-retry-max-ms',
      '500',
    ],
    {},
  );
  const hub = await startHub(options);
  const admin = await connectAdmin(hub.url, hub.firstRun?.adminPassword ?? '');
  const kiosk = await connectDevice(hub.url, 'kiosk');
  const clerk = await connectClerk(hub.url, 1);
  return { hub, dataDir, admin, kiosk, clerk };
}

async function closeOffice(office: Office | undefined): Promise<void> {
  if (!office) return;
  for (const client of [office.admin, office.kiosk, office.clerk]) client.close();
  await office.hub.close();
  rmSync(office.dataDir, { recursive: true, force: true });
}

/** A feature's own socket event (outside the typed command protocol). */
function call<E extends RequestEventName>(client: HubClient, event: E, request: ClientRequest<E>) {
  return client.request(event, request, 20_000);
}

async function issue(client: HubClient): Promise<string> {
  const reply = await client.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
  if (!reply.ok || !reply.result.ticket) throw new Error(`issue refused: ${reply.ok ? 'no ticket' : reply.code}`);
  return reply.result.ticket.id;
}

async function postJson(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Delivery {
  statusUrl: string;
  type: string;
}

/** A webhook receiver that accepts everything and keeps what it got. */
async function startReceiver(): Promise<{ server: Server; url: string; deliveries: Delivery[] }> {
  const deliveries: Delivery[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const payload = JSON.parse(text) as { type: string; ticket: { statusUrl: string } };
      deliveries.push({ type: payload.type, statusUrl: payload.ticket.statusUrl });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, deliveries };
}

/**
 * Central's ingest as a hub sees it (docs/deployment-province.md), reduced to what the shipper needs:
 * a cursor per hubId, and every batch acknowledged up to its last seq.
 */
async function startCentral(): Promise<{ server: Server; url: string; acknowledged: Map<string, number> }> {
  const acknowledged = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://central');
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && url.pathname === '/api/ingest/cursor') {
      const hubId = url.searchParams.get('hubId') ?? '';
      res.end(JSON.stringify({ ok: true, hubId, nextSeq: (acknowledged.get(hubId) ?? 0) + 1 }));
      return;
    }
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const batch = JSON.parse(text) as { hubId: string; events: { seq: number }[] };
      const last = batch.events.at(-1)?.seq ?? acknowledged.get(batch.hubId) ?? 0;
      acknowledged.set(batch.hubId, last);
      res.end(JSON.stringify({ ok: true, acknowledgedSeq: last }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, acknowledged };
}

/** This hub's epoch id and last seq, from its health check. */
async function health(office: Office): Promise<{ hubId: string; seq: number }> {
  return (await (await fetch(`${office.hub.url}/healthz`)).json()) as { hubId: string; seq: number };
}

/** The hub whose status link this is (links carry the hub's address, which differs by port). */
const portOf = (url: string) => new URL(url).port;

describe('two hubs in one process share nothing', () => {
  let first: Office | undefined;
  let second: Office | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  let central: Awaited<ReturnType<typeof startCentral>> | undefined;

  beforeAll(async () => {
    central = await startCentral();
    first = await startOffice('hub-a', central.url);
    second = await startOffice('hub-b', central.url);
    receiver = await startReceiver();
  }, 90_000);

  afterAll(async () => {
    await closeOffice(first);
    await closeOffice(second);
    for (const server of [receiver?.server, central?.server]) {
      server?.closeAllConnections();
      server?.close();
    }
  });

  it('keeps bookings, their requestIds, codes and rate limits to the hub that took them', async () => {
    const a = first!;
    const b = second!;
    const services = (await (await fetch(`${a.hub.url}/api/appointments/services`)).json()) as {
      services: { id: string; days: string[] }[];
    };
    const service = services.services.find((s) => s.id === 'khai-sinh')!;
    const day = service.days.at(-1)!;
    const slots = (await (
      await fetch(`${a.hub.url}/api/appointments/slots?serviceId=khai-sinh&day=${day}`)
    ).json()) as {
      slots: { slot: string; available: boolean }[];
    };
    const open = slots.slots.filter((s) => s.available).map((s) => s.slot);
    expect(open.length).toBeGreaterThan(8);
    const booking = (slot: string, requestId?: string) => ({
      serviceId: 'khai-sinh',
      day,
      slot,
      name: 'Trần Thị B',
      // One number per slot: the per-phone cap is not what this test is about.
      phone: `0912${slot.replace(':', '')}00`,
      ...(requestId ? { requestId } : {}),
    });

    // The same page requestId on two hubs: two bookings, not the first hub's answer replayed by the second.
    const onFirst = await postJson(`${a.hub.url}/api/appointments`, booking(open[0]!, 'same-request-id-1'));
    const onSecond = await postJson(`${b.hub.url}/api/appointments`, booking(open[0]!, 'same-request-id-1'));
    expect([onFirst.status, onSecond.status]).toEqual([201, 201]);
    const codeOnFirst = (onFirst.body.appointment as { code: string }).code;
    const codeOnSecond = (onSecond.body.appointment as { code: string }).code;
    expect(codeOnSecond).not.toBe(codeOnFirst);
    expect(portOf((onSecond.body.appointment as { bookingUrl: string }).bookingUrl)).toBe(String(b.hub.port));

    // Each hub's code secret is its own: a code from one is unknown to the other.
    expect((await fetch(`${a.hub.url}/api/appointments/code/${codeOnFirst}`)).status).toBe(200);
    expect((await fetch(`${b.hub.url}/api/appointments/code/${codeOnFirst}`)).status).toBe(404);
    expect((await fetch(`${b.hub.url}/api/appointments/code/${codeOnSecond}`)).status).toBe(200);

    // Booking from one address until the first hub says "too many"; the second still takes one from it.
    let limited = false;
    for (const slot of open.slice(1, 9)) {
      const reply = await postJson(`${a.hub.url}/api/appointments`, booking(slot));
      if (reply.status === 429) {
        limited = true;
        break;
      }
      expect(reply.status).toBe(201);
    }
    expect(limited).toBe(true);
    expect((await postJson(`${b.hub.url}/api/appointments`, booking(open[1]!))).status).toBe(201);

    // Each hub holds its own bookings: two on the second, the first's plus the ones up to its limit there.
    const booked = (office: Office) => Object.keys(office.admin.state?.appointments ?? {}).length;
    await waitFor(() => booked(b) === 2, 10_000, 'the second hub’s two bookings');
    expect(booked(a)).toBeGreaterThan(2);
  }, 60_000);

  it('finds a dossier only on the hub where a counter received it', async () => {
    const a = first!;
    const b = second!;
    const ticketId = await issue(a.kiosk);
    const called = await a.clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    expect(called.ok).toBe(true);
    const calledId = called.ok ? called.result.ticket!.id : '';
    expect(calledId).toBe(ticketId);
    const attach = await a.clerk.send({
      type: 'ticket.attachDossier',
      counterId: 'quay-1',
      ticketId,
      dossierCode: 'H40.99-261203-0007',
    });
    expect(attach.ok).toBe(true);
    const lookUp = (office: Office) =>
      call(office.kiosk, 'dossier.lookup', {
        dossierCode: 'H40.99-261203-0007',
      });
    expect(await lookUp(a)).toMatchObject({ ok: true, filed: { serviceId: 'khai-sinh' } });
    expect(await lookUp(b)).toMatchObject({ ok: true, filed: null });
    expect((await a.clerk.send({ type: 'ticket.finish', counterId: 'quay-1', ticketId })).ok).toBe(true);
  }, 60_000);

  it('prints a kiosk ticket into its own hub’s data folder only', async () => {
    const a = first!;
    const b = second!;
    const prints = (office: Office) => {
      const folder = join(office.dataDir, 'prints');
      return existsSync(folder) ? readdirSync(folder).length : 0;
    };
    const before = [prints(a), prints(b)];
    const ticketId = await issue(b.kiosk);
    const printed = await call(b.kiosk, 'print.ticket', { ticketId, reprint: false });
    expect(printed.ok).toBe(true);
    await waitFor(() => prints(b) > before[1]!, 20_000, 'the second hub’s printout');
    expect(prints(a)).toBe(before[0]);
  }, 60_000);

  it('delivers webhooks only for the hub that set a receiver and ships each log as its own; stopping one hub leaves the other’s jobs running', async () => {
    const a = first!;
    const b = second!;
    const set = await call(a.admin, 'webhooks.set', {
      url: receiver!.url,
      secret: 'two-hubs-secret-0123456789',
      notifyAhead: 50,
      enabled: true,
    });
    expect(set).toMatchObject({ ok: true });
    expect(await call(b.admin, 'webhooks.get', {})).toMatchObject({ ok: true, settings: null });

    await issue(a.kiosk);
    await issue(b.kiosk);
    await waitFor(() => receiver!.deliveries.length > 0, 20_000, 'a delivery from the first hub');
    const fromFirst = await call(a.admin, 'webhooks.deliveries', {});
    expect(fromFirst.ok && fromFirst.deliveries.length).toBeGreaterThan(0);
    expect(await call(b.admin, 'webhooks.deliveries', {})).toMatchObject({ ok: true, deliveries: [] });

    // Each hub ships its own event log to central under its own hubId.
    const [firstHub, secondHub] = [await health(a), await health(b)];
    expect(firstHub.hubId).not.toBe(secondHub.hubId);
    const shipped = (hub: { hubId: string }) => central!.acknowledged.get(hub.hubId) ?? 0;
    await waitFor(
      () => shipped(firstHub) >= firstHub.seq && shipped(secondHub) >= secondHub.seq,
      30_000,
      'both logs at central',
    );

    // Stopping the second hub ends its timers and loops only: the first one's delivery and shipping go on.
    await closeOffice(second);
    second = undefined;
    const delivered = receiver!.deliveries.length;
    await issue(a.kiosk);
    await waitFor(() => receiver!.deliveries.length > delivered, 20_000, 'a delivery after the other hub stopped');
    for (const delivery of receiver!.deliveries) expect(portOf(delivery.statusUrl)).toBe(String(a.hub.port));
    const afterStop = await health(a);
    await waitFor(() => shipped(afterStop) >= afterStop.seq, 30_000, 'the first hub still shipping');
  }, 90_000);
});
