import type { ClientRequest } from '@motcua/core';
import type { HubClient, RequestEventName } from '@motcua/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectAdmin, connectDevice } from './support/clients.js';
import { REPO_ROOT, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const SECRET = 'bi-mat-cua-cong-sms-van-phong';

interface Delivery {
  id: string;
  ticketId: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

function emit<E extends RequestEventName>(client: HubClient, event: E, request: ClientRequest<E>) {
  return client.request(event, request, 10_000);
}

/** Waits until the admin's list of recent deliveries has one matching `matches`. */
function deliveryWhere(admin: HubClient, matches: (d: Delivery) => boolean, what: string): Promise<Delivery> {
  return waitFor(
    async () => {
      const { deliveries } = (await emit(admin, 'webhooks.deliveries', {})) as { deliveries: Delivery[] };
      return deliveries.find(matches);
    },
    30_000,
    what,
  );
}

/** A server on 127.0.0.1 that counts requests and answers with `respond`. */
async function startServer(
  respond: (res: import('node:http').ServerResponse) => void,
): Promise<{ url: string; hits: () => number; server: Server }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => respond(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, hits: () => hits, server };
}

/** docs/examples/webhook-receiver.mjs as an office would run it; its JSON lines say what it accepted. */
async function startExampleReceiver(): Promise<{
  url: string;
  lines: () => Record<string, string>[];
  child: ChildProcess;
}> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'docs/examples/webhook-receiver.mjs')], {
    env: { ...process.env, MOTCUA_WEBHOOK_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const lines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, string>);
  const listening = await waitFor(() => lines().find((l) => l.listening)?.listening, 20_000, 'example receiver up');
  return { url: `${listening}motcua`, lines, child };
}

describe('security: webhook targets, redirects and signatures, through a real hub', () => {
  const clients: HubClient[] = [];
  const servers: Server[] = [];
  const children: ChildProcess[] = [];
  const hubs: HubProcess[] = [];

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const child of children) child.kill();
    for (const server of servers) server.closeAllConnections();
    for (const server of servers) server.close();
    for (const hub of hubs) await hub.stop();
    for (const hub of hubs) hub.cleanup();
  });

  it('refuses loopback, link-local, metadata, unspecified and (unless allowed) LAN targets at save, changing nothing', async () => {
    const hub = await startHubProcess();
    hubs.push(hub);
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(admin);
    const base = { secret: SECRET, notifyAhead: 2, enabled: false };
    expect(await emit(admin, 'webhooks.set', { ...base, url: 'https://sms.example.vn/motcua' })).toEqual({ ok: true });
    const refused: [string, string, boolean][] = [
      ['http://127.0.0.1:9/hook', 'loopback', true],
      ['http://localhost:9/hook', 'loopback', true],
      ['http://[::1]:9/hook', 'loopback', true],
      ['http://[::ffff:127.0.0.1]:9/hook', 'loopback', true],
      ['http://2130706433:9/hook', 'loopback', true],
      ['http://169.254.169.254/latest/meta-data', 'metadata', true],
      ['http://[fd00:ec2::254]/latest', 'metadata', true],
      ['http://169.254.10.1/hook', 'linkLocal', true],
      ['http://0.0.0.0:9/hook', 'unspecified', true],
      ['http://192.168.1.20/hook', 'private', false],
      ['http://10.0.0.7/hook', 'private', false],
    ];
    for (const [url, refusal, evenWithLan] of refused) {
      const reply = await emit(admin, 'webhooks.set', { ...base, url });
      expect(reply, url).toMatchObject({ ok: false, code: 'BAD_REQUEST', details: { path: 'url', refusal } });
      expect(reply.ok ? '' : reply.message).toContain('Địa chỉ nhận (URL)');
      if (evenWithLan) {
        expect(await emit(admin, 'webhooks.set', { ...base, url, allowLanTargets: true }), url).toMatchObject({
          ok: false,
          details: { refusal },
        });
      }
    }
    expect(await emit(admin, 'webhooks.get', {})).toEqual({
      ok: true,
      settings: { url: 'https://sms.example.vn/motcua', notifyAhead: 2, enabled: false, allowLanTargets: false },
    });
    // An admin's explicit choice lets a gateway on the office LAN in.
    expect(
      await emit(admin, 'webhooks.set', { ...base, url: 'http://192.168.1.20/hook', allowLanTargets: true }),
    ).toEqual({
      ok: true,
    });
  });

  it('does not follow a 307 to the hub itself; the delivery fails and is logged', async () => {
    const hub = await startHubProcess({ args: ['--webhook-allow-loopback', '--kiosk-issue-burst', '100'] });
    hubs.push(hub);
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    const kiosk = await connectDevice(hub.url, 'kiosk');
    clients.push(admin, kiosk);
    // A receiver that sends the hub back to its own booking route with the same POST body.
    const trap = await startServer((res) => res.end('reached'));
    const receiver = await startServer((res) =>
      res.writeHead(307, { Location: `${hub.url}/api/appointments/cancel` }).end(),
    );
    const toTrap = await startServer((res) => res.writeHead(307, { Location: trap.url }).end());
    servers.push(trap.server, receiver.server, toTrap.server);

    expect(
      await emit(admin, 'webhooks.set', { url: receiver.url, secret: SECRET, notifyAhead: 0, enabled: true }),
    ).toEqual({
      ok: true,
    });
    const first = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    const firstId = first.ok ? first.result.ticket?.id : undefined;
    const failed = await deliveryWhere(
      admin,
      (d) => d.ticketId === firstId && d.attempts >= 1,
      'the redirected delivery recorded',
    );
    expect(failed).toMatchObject({ status: 'pending' });
    expect(failed.lastError).toMatch(/HTTP 307: redirect to .*\/api\/appointments\/cancel.* not followed/);

    // The same with a redirect straight to another server: the retry goes to the new URL and nothing reaches the trap.
    expect(
      await emit(admin, 'webhooks.set', { url: toTrap.url, secret: SECRET, notifyAhead: 5, enabled: true }),
    ).toEqual({
      ok: true,
    });
    await waitFor(() => toTrap.hits() >= 1, 30_000, 'the second receiver asked');
    const redirected = await deliveryWhere(
      admin,
      (d) => d.lastError?.includes(trap.url) === true,
      'a delivery redirected to the trap recorded',
    );
    expect(redirected.lastError).toContain('not followed');
    expect(trap.hits()).toBe(0);
  });

  it('signs timestamp.body: the documented receiver accepts real deliveries and rejects replays and swapped timestamps', async () => {
    const hub = await startHubProcess({ args: ['--webhook-allow-loopback', '--kiosk-issue-burst', '100'] });
    hubs.push(hub);
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    const kiosk = await connectDevice(hub.url, 'kiosk');
    clients.push(admin, kiosk);
    const receiver = await startExampleReceiver();
    children.push(receiver.child);
    expect(
      await emit(admin, 'webhooks.set', { url: receiver.url, secret: SECRET, notifyAhead: 0, enabled: true }),
    ).toEqual({
      ok: true,
    });
    const issued = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    expect(issued.ok).toBe(true);
    const label = issued.ok ? issued.result.ticket?.label : undefined;
    await waitFor(() => receiver.lines().find((l) => l.accepted && l.ticket === label), 20_000, 'accepted');

    const body = JSON.stringify({ id: 'near:replayed', type: 'ticket.near', ticket: { label: 'X' } });
    const sign = (signed: string) => `sha256=${createHmac('sha256', SECRET).update(signed).digest('hex')}`;
    const post = (timestamp: string, signature: string) =>
      fetch(receiver.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-motcua-timestamp': timestamp,
          'x-motcua-signature': signature,
          'x-motcua-delivery': 'near:replayed',
        },
        body,
      });
    const now = Math.floor(Date.now() / 1000);
    const old = String(now - 3600);
    // A delivery recorded an hour ago, replayed with its own valid signature: too old.
    expect((await post(old, sign(`${old}.${body}`))).status).toBe(401);
    // Its signature with a fresh timestamp: the timestamp is signed, so it no longer matches.
    expect((await post(String(now), sign(`${old}.${body}`))).status).toBe(401);
    // A signature over the body alone (what the hub sent before) is refused too.
    expect((await post(String(now), sign(body))).status).toBe(401);
    expect((await post(String(now), sign(`${now}.${body}`))).status).toBe(200);
    expect(
      receiver
        .lines()
        .filter((l) => l.rejected)
        .map((l) => l.rejected),
    ).toEqual(['timestamp outside the tolerance window', 'bad signature', 'bad signature']);
  });

  it('checks the target again at delivery: a stored loopback URL is refused once the operator flag is gone', async () => {
    const allowing = await startHubProcess({ args: ['--webhook-allow-loopback'] });
    const receiver = await startServer((res) => res.end('ok'));
    servers.push(receiver.server);
    const setup = await connectAdmin(allowing.url, adminPasswordFrom(allowing.output()));
    expect(
      await emit(setup, 'webhooks.set', { url: receiver.url, secret: SECRET, notifyAhead: 0, enabled: true }),
    ).toEqual({
      ok: true,
    });
    setup.close();
    await allowing.stop();
    // Same data folder, started the way a production hub is: the saved URL now points somewhere refused.
    const hub = await startHubProcess({ dataDir: allowing.dataDir, args: ['--kiosk-issue-burst', '100'] });
    hubs.push(hub);
    const admin = await connectAdmin(hub.url, adminPasswordFrom(allowing.output()));
    const kiosk = await connectDevice(hub.url, 'kiosk');
    clients.push(admin, kiosk);
    const issued = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    const ticketId = issued.ok ? issued.result.ticket?.id : undefined;
    const refused = await deliveryWhere(
      admin,
      (d) => d.ticketId === ticketId && d.attempts >= 1,
      'the delivery attempt recorded',
    );
    expect(refused.lastError).toContain('trỏ về chính máy chủ');
    expect(receiver.hits()).toBe(0);
  });
});
