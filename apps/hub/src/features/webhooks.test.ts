import type { HubClient } from '@motcua/client';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectAdmin, connectClerk, connectDevice } from '../../../../e2e/support/clients.js';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from '../../../../e2e/support/hubProcess.js';
import type { WebhookPayload } from './webhooks.js';

interface Delivery {
  headers: IncomingMessage['headers'];
  raw: string;
  payload: WebhookPayload;
}

/** A gateway on 127.0.0.1 that records what it gets and answers as `respond` says. */
async function startReceiver(
  respond: (delivery: Delivery, res: ServerResponse) => void = (_d, res) => res.end('ok'),
): Promise<{ url: string; deliveries: Delivery[]; server: Server }> {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const delivery = { headers: req.headers, raw, payload: JSON.parse(raw) as WebhookPayload };
      deliveries.push(delivery);
      respond(delivery, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, deliveries, server };
}

const SECRET = 'a-shared-secret-of-the-office';
const signatureOf = (timestamp: string, raw: string) =>
  `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex')}`;

describe('webhooks for an SMS or Zalo gateway', () => {
  let hub: HubProcess;
  let admin: HubClient;
  let kiosk: HubClient;
  let clerk: HubClient;
  const servers: Server[] = [];

  function configure(url: string, notifyAhead: number) {
    return admin.socket
      .timeout(10_000)
      .emitWithAck('webhooks.set', { url, secret: SECRET, notifyAhead, enabled: true });
  }

  async function issue(serviceId: string): Promise<string> {
    const reply = await kiosk.send({ type: 'ticket.issue', serviceId });
    if (!reply.ok || !reply.result.ticket) throw new Error('issue refused');
    return reply.result.ticket.id;
  }

  beforeAll(async () => {
    // The receivers of these tests run on 127.0.0.1, which only the operator's flag allows.
    hub = await startHubProcess({ args: ['--kiosk-issue-burst', '100', '--webhook-allow-loopback'] });
    admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    kiosk = await connectDevice(hub.url, 'kiosk');
    clerk = await connectClerk(hub.url, 3);
  });

  afterAll(async () => {
    for (const c of [admin, kiosk, clerk]) c?.close();
    for (const server of servers) server.closeAllConnections();
    for (const server of servers) server.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('sends "near" and "called" with the right payloads and valid signatures', async () => {
    const receiver = await startReceiver();
    servers.push(receiver.server);
    expect(await configure(receiver.url, 1)).toEqual({ ok: true });
    const [t1, t2, t3] = [await issue('cap-gcn-qsdd'), await issue('cap-gcn-qsdd'), await issue('cap-gcn-qsdd')];
    await waitFor(() => receiver.deliveries.length >= 2, 15_000, 'near notifications for the first two');
    expect(receiver.deliveries.map((d) => [d.payload.type, d.payload.ticket.id, d.payload.ticket.ahead])).toEqual([
      ['ticket.near', t1, 0],
      ['ticket.near', t2, 1],
    ]);
    const called = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-3' });
    expect(called.ok && called.result.ticket?.id).toBe(t1);
    await waitFor(() => receiver.deliveries.length >= 4, 15_000, 'the call and the next near');
    const call = receiver.deliveries.find((d) => d.payload.type === 'ticket.called');
    expect(call?.payload).toMatchObject({
      type: 'ticket.called',
      ticket: { id: t1, status: 'called', serviceId: 'cap-gcn-qsdd' },
      counter: { id: 'quay-3', number: 3 },
      recall: false,
      contact: null,
    });
    expect(call?.payload.ticket.statusUrl).toMatch(/\/t\/[A-Za-z0-9_-]{22}$/);
    expect(receiver.deliveries.find((d) => d.payload.ticket.id === t3)?.payload).toMatchObject({
      type: 'ticket.near',
      ticket: { ahead: 1 },
    });
    for (const delivery of receiver.deliveries) {
      expect(delivery.headers['x-motcua-signature']).toBe(
        signatureOf(String(delivery.headers['x-motcua-timestamp']), delivery.raw),
      );
      expect(delivery.headers['x-motcua-event']).toBe(delivery.payload.type);
      expect(delivery.headers['x-motcua-delivery']).toBe(delivery.payload.id);
      expect(Number(delivery.headers['x-motcua-timestamp'])).toBeGreaterThan(1_700_000_000);
    }
    expect(new Set(receiver.deliveries.map((d) => d.payload.id)).size).toBe(receiver.deliveries.length);
  });

  it('retries a failing receiver with backoff until it accepts', async () => {
    let failuresLeft = 2;
    const receiver = await startReceiver((_d, res) => {
      if (failuresLeft-- > 0) {
        res.statusCode = 503;
        res.end('busy');
      } else res.end('ok');
    });
    servers.push(receiver.server);
    expect(await configure(receiver.url, 0)).toEqual({ ok: true });
    const ticketId = await issue('giay-phep-xay-dung');
    await waitFor(() => receiver.deliveries.length >= 3, 30_000, 'two retries after two failures');
    const attempts = receiver.deliveries.filter((d) => d.payload.ticket.id === ticketId);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((d) => d.raw)).size).toBe(1);
    await waitFor(
      async () => {
        const now = await admin.request('webhooks.deliveries', {}, 10_000);
        const mine = now.ok ? now.deliveries.find((d) => d.ticketId === ticketId) : undefined;
        return mine?.status === 'delivered' && mine.attempts === 3;
      },
      10_000,
      'marked delivered',
    );
  });

  it('never blocks the hub while the receiver hangs or refuses connections', async () => {
    const hanging = await startReceiver(() => undefined);
    servers.push(hanging.server);
    expect(await configure(hanging.url, 5)).toEqual({ ok: true });
    const issued = [];
    for (let i = 0; i < 8; i++) issued.push(await issue('ho-kinh-doanh'));
    expect(new Set(issued).size).toBe(8);
    await waitFor(() => hanging.deliveries.length >= 4, 15_000, 'deliveries on the wire');
    expect((await hubHealth(hub.url)).ok).toBe(true);
    expect(await configure('http://127.0.0.1:9/refused', 5)).toEqual({ ok: true });
    for (let i = 0; i < 4; i++)
      expect((await kiosk.send({ type: 'ticket.issue', serviceId: 'ho-kinh-doanh' })).ok).toBe(true);
    expect((await hubHealth(hub.url)).ok).toBe(true);
  });

  it('takes settings from an admin only', async () => {
    expect(
      await kiosk.socket
        .timeout(10_000)
        .emitWithAck('webhooks.set', { url: '', secret: SECRET, notifyAhead: 1, enabled: false }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const adminSocket = admin.socket;
    expect(
      await adminSocket
        .timeout(10_000)
        .emitWithAck('webhooks.set', { url: 'ftp://x', secret: 'short', notifyAhead: 1, enabled: true }),
    ).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await adminSocket.timeout(10_000).emitWithAck('webhooks.get', {})).toMatchObject({
      ok: true,
      settings: { url: 'http://127.0.0.1:9/refused', notifyAhead: 5, enabled: true },
    });
    expect(JSON.stringify(await adminSocket.timeout(10_000).emitWithAck('webhooks.get', {}))).not.toContain(SECRET);
  });
});
