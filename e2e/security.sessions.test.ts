import { HubClient, memoryTokenStore } from '@motcua/client';
import {
  PROTOCOL_VERSION,
  type CommandInput,
  type CommandReply,
  type HelloReply,
  type PairReply,
  type SignInReply,
} from '@motcua/core';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:http';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser.js';
import {
  adminPasswordFrom,
  connectAdmin,
  connectClerk,
  connectDevice,
  DEMO_PIN,
  DEMO_SUPERVISOR_PASSWORD,
  signInAsAdmin,
} from './support/clients.js';
import { setHubClockOffset, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

/** A raw Socket.IO connection that records what the hub pushes to it. */
interface Probe {
  socket: Socket;
  events: number[];
  revoked: { scope: string }[];
  call<T>(event: string, payload: unknown): Promise<T>;
  send(command: CommandInput): Promise<CommandReply>;
}

async function probe(url: string, options: Parameters<typeof connectSocket>[1] = {}): Promise<Probe> {
  const socket = connectSocket(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...options });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const events: number[] = [];
  const revoked: { scope: string }[] = [];
  socket.on('event', (envelope: { seq: number }) => events.push(envelope.seq));
  socket.on('auth.revoked', (reason: { scope: string }) => revoked.push(reason));
  let n = 0;
  const call = <T>(event: string, payload: unknown) => socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
  return {
    socket,
    events,
    revoked,
    call,
    send: (command) => call<CommandReply>('command', { requestId: `probe-${++n}-${socket.id}`, command }),
  };
}

async function hello(p: Probe, tokens: { deviceToken?: string | null; sessionToken?: string | null }) {
  return p.call<HelloReply>('hello', { protocol: PROTOCOL_VERSION, lastSeq: 0, ...tokens });
}

/** A raw socket signed in as a staff user; the one-time password replaced when the hub asks. */
async function staffProbe(url: string, username: string, password: string): Promise<Probe & { token: string }> {
  const p = await probe(url);
  const reply = await p.call<SignInReply>('session.signIn', { username, pin: password, counterId: null });
  if (!reply.ok) throw new Error(`${username} sign-in: ${reply.code}`);
  if (reply.mustChangePassword) {
    const changed = await p.call<{ ok: boolean }>('session.changePassword', {
      currentPassword: password,
      newPassword: `${password}-moi`,
    });
    if (!changed.ok) throw new Error(`${username} password change refused`);
  }
  const again = await hello(p, { sessionToken: reply.sessionToken });
  if (!again.ok || again.identity.actor.kind !== 'user') throw new Error(`${username} hello refused`);
  return { ...p, token: reply.sessionToken };
}

const issueTicket: CommandInput = { type: 'ticket.issue', serviceId: 'khai-sinh', source: 'admin' };

describe('security: removed rights end at once, on every socket', () => {
  let hub: HubProcess;
  let admin: HubClient;
  const probes: Socket[] = [];
  const clients: HubClient[] = [];

  beforeAll(async () => {
    hub = await startHubProcess({ args: ['--log-level', 'debug'] });
    admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(admin);
  });
  afterAll(async () => {
    for (const s of probes) s.disconnect();
    for (const c of clients) c.close();
    await hub?.stop();
    hub?.cleanup();
  });

  async function setUser(id: string, change: { role?: 'admin' | 'supervisor' | 'clerk'; disabled?: boolean }) {
    const user = admin.state!.config.users[id]!;
    const reply = await admin.send({ type: 'config.upsertUser', user: { ...user, ...change } });
    expect(reply.ok).toBe(true);
  }

  it("a disabled supervisor's open socket loses its rights and the queue at once", async () => {
    const supervisor = await staffProbe(hub.url, 'giamsat', DEMO_SUPERVISOR_PASSWORD);
    probes.push(supervisor.socket);
    expect((await supervisor.send(issueTicket)).ok).toBe(true);
    await setUser('giamsat', { disabled: true });
    await waitFor(() => supervisor.revoked.length > 0, 10_000, 'auth.revoked');
    expect(supervisor.revoked[0]).toMatchObject({ scope: 'session' });
    expect(await supervisor.send(issueTicket)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const seen = supervisor.events.length;
    expect((await admin.send(issueTicket)).ok).toBe(true);
    expect((await admin.send(issueTicket)).ok).toBe(true);
    expect(supervisor.events.length).toBe(seen);
    // Its old token does not work in a new hello either.
    const fresh = await probe(hub.url);
    probes.push(fresh.socket);
    const reply = await hello(fresh, { sessionToken: supervisor.token });
    expect(reply.ok && reply.identity.actor.kind).toBe('anonymous');
    await setUser('giamsat', { disabled: false });
  });

  it("a demoted admin's open socket cannot reset the real admin's password", async () => {
    const created = await admin.send({
      type: 'config.upsertUser',
      user: { id: 'quantri2', username: 'quantri2', displayName: 'Quản trị 2', role: 'admin', disabled: false },
    });
    expect(created.ok).toBe(true);
    expect((await admin.setPin({ userId: 'quantri2', pin: 'mat-khau-tam-1' })).ok).toBe(true);
    const second = await staffProbe(hub.url, 'quantri2', 'mat-khau-tam-1');
    probes.push(second.socket);
    expect(await second.call('device.list', {})).toMatchObject({ ok: true });
    await setUser('quantri2', { role: 'supervisor' });
    await waitFor(() => second.revoked.length > 0, 10_000, 'auth.revoked');
    // The session ended with the demotion: the socket is nobody now, refused as every unsigned socket is.
    expect(await second.call('user.setPin', { userId: 'admin', pin: 'chiem-quyen-123' })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    expect(await second.send({ type: 'config.setKiosk', kiosk: admin.state!.config.kiosk })).toMatchObject({
      ok: false,
    });
  });

  it('a clerk whose PIN an admin resets is signed out of the counter at once; the device stays paired', async () => {
    const clerk = await connectClerk(hub.url, 2);
    clients.push(clerk);
    expect(clerk.identity?.actor.kind).toBe('user');
    expect((await admin.setPin({ userId: 'canbo2', pin: '5678' })).ok).toBe(true);
    await waitFor(() => clerk.identity?.actor.kind === 'device', 10_000, 'clerk back to the bare device');
    const refused = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-2' });
    expect(refused.ok).toBe(false);
    await waitFor(() => admin.state?.counters['quay-2']?.clerkId === null, 10_000, 'counter without a clerk');
    expect((await clerk.signIn('canbo2', '5678', 'quay-2')).ok).toBe(true);
  });

  it('signing out on one socket ends the session on every socket that uses it', async () => {
    const first = new HubClient({ url: hub.url, storage: memoryTokenStore() }).connect();
    clients.push(first);
    await waitFor(() => first.getSnapshot().connection === 'online', 20_000, 'socket online');
    const signIn = await first.signIn('giamsat', DEMO_SUPERVISOR_PASSWORD);
    expect(signIn.ok).toBe(true);
    const other = await probe(hub.url);
    probes.push(other.socket);
    const reply = await hello(other, { sessionToken: signIn.ok ? signIn.sessionToken : null });
    expect(reply.ok && reply.identity.actor.kind).toBe('user');
    expect((await other.send(issueTicket)).ok).toBe(true);
    expect((await first.signOut()).ok).toBe(true);
    await waitFor(() => other.revoked.length > 0, 10_000, 'auth.revoked on the other socket');
    expect(await other.send(issueTicket)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('a kiosk revoked while its connection was down is refused when Socket.IO recovers the connection', async () => {
    const pairing = await probe(hub.url);
    const paired = await pairing.call<PairReply>('pair.request', {
      kind: 'kiosk',
      name: 'Kiosk thử thu hồi',
      counterId: null,
    });
    pairing.socket.disconnect();
    if (!paired.ok) throw new Error('pairing refused');
    expect(paired.approved).toBe(true);
    const kiosk = await probe(hub.url);
    probes.push(kiosk.socket);
    expect((await hello(kiosk, { deviceToken: paired.deviceToken })).ok).toBe(true);
    // A broadcast gives the client a recovery offset.
    expect((await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' })).ok).toBe(true);
    await waitFor(() => kiosk.events.length > 0, 10_000, 'kiosk got an event');
    const dropped = new Promise<void>((resolve) => kiosk.socket.once('disconnect', () => resolve()));
    kiosk.socket.io.engine.close(); // The network blips: not a goodbye, so the hub keeps the state for recovery.
    await dropped;
    // The hub notices the drop a moment later; revoking before that would cut the live socket instead.
    await waitFor(
      () => hub.output().includes(`"deviceId":"${paired.deviceId}","reason":"transport close"`),
      10_000,
      'the hub saw the connection drop',
    );
    const device = admin.state!.config.devices[paired.deviceId]!;
    expect((await admin.send({ type: 'config.upsertDevice', device: { ...device, revoked: true } })).ok).toBe(true);
    expect((await admin.send(issueTicket)).ok).toBe(true);
    const seenBefore = kiosk.events.length;
    const revoked = new Promise<void>((resolve) => kiosk.socket.once('auth.revoked', () => resolve()));
    kiosk.socket.connect();
    await revoked;
    expect(kiosk.socket.recovered).toBe(true);
    expect(kiosk.revoked.at(-1)).toMatchObject({ scope: 'device' });
    await waitFor(() => kiosk.socket.disconnected, 10_000, 'the hub disconnects the revoked kiosk');
    expect(kiosk.events.length).toBe(seenBefore); // Nothing it missed was replayed.
  });
  // Last in this group: moving the clock ends the admin's session too.
  it('a session ends after its idle lifetime', async () => {
    const supervisor = await staffProbe(hub.url, 'giamsat', DEMO_SUPERVISOR_PASSWORD);
    probes.push(supervisor.socket);
    expect((await supervisor.send(issueTicket)).ok).toBe(true);
    await setHubClockOffset(hub.url, 5 * 3600_000);
    try {
      await waitFor(() => supervisor.revoked.length > 0, 20_000, 'expired session revoked');
      expect(await supervisor.send(issueTicket)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    } finally {
      await setHubClockOffset(hub.url, 0);
    }
  });
});

describe('security: sign-in throttling and the PIN oracle', () => {
  let hub: HubProcess;
  const probes: Socket[] = [];
  const clients: HubClient[] = [];

  beforeAll(async () => {
    hub = await startHubProcess();
  });
  afterAll(async () => {
    for (const s of probes) s.disconnect();
    for (const c of clients) c.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('35 wrong passwords from a stranger do not keep the admin out after the delay; the audit records them', async () => {
    const stranger = await probe(hub.url);
    probes.push(stranger.socket);
    const codes: string[] = [];
    for (let i = 0; i < 35; i++) {
      const reply = await stranger.call<SignInReply>('session.signIn', { username: 'admin', pin: `sai-mat-khau-${i}` });
      codes.push(reply.ok ? 'ok' : reply.code);
    }
    expect(codes.filter((c) => c === 'ok')).toEqual([]);
    expect(codes).toContain('TOO_MANY_ATTEMPTS');
    const oneTime = adminPasswordFrom(hub.output());
    const admin = new HubClient({ url: hub.url, storage: memoryTokenStore() }).connect();
    clients.push(admin);
    await waitFor(() => admin.getSnapshot().connection === 'online', 20_000, 'admin socket');
    let token = '';
    await waitFor(
      async () => {
        const reply = await signInAsAdmin(admin, oneTime);
        if (reply.ok) token = reply.sessionToken;
        return reply.ok;
      },
      90_000,
      'the admin signs in after the delay',
    );
    const res = await fetch(`${hub.url}/api/audit/sign-ins?limit=100`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const log = (await res.json()) as { entries: { outcome: string; username: string }[] };
    expect(log.entries.some((e) => e.outcome === 'failed' && e.username === 'admin')).toBe(true);
    expect(log.entries.some((e) => e.outcome === 'throttled' && e.username === 'admin')).toBe(true);
  }, 120_000);

  it('a clerk PIN away from a paired counter gets the same answer whether right or wrong', async () => {
    const anonymous = await probe(hub.url);
    probes.push(anonymous.socket);
    const kiosk = await connectDevice(hub.url, 'kiosk');
    clients.push(kiosk);
    const attempts = [
      await anonymous.call<SignInReply>('session.signIn', { username: 'canbo3', pin: DEMO_PIN }),
      await anonymous.call<SignInReply>('session.signIn', { username: 'canbo3', pin: '0000' }),
      await kiosk.signIn('canbo3', DEMO_PIN),
      await kiosk.signIn('canbo3', '0000'),
    ];
    const answers = attempts.map((r) => (r.ok ? 'ok' : `${r.code} ${r.message}`));
    expect(new Set(answers).size).toBe(1);
    expect(attempts[0]).toMatchObject({ ok: false, code: 'CLERK_DEVICE_REQUIRED' });
    // At a paired counter the PIN works.
    const clerk = await connectClerk(hub.url, 3);
    clients.push(clerk);
  });

  it('supervisors and admins need a password of at least 10 characters', async () => {
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(admin);
    expect(await admin.setPin({ userId: 'giamsat', pin: '123456' })).toMatchObject({
      ok: false,
      code: 'WEAK_PASSWORD',
    });
    expect((await admin.setPin({ userId: 'canbo1', pin: '4321' })).ok).toBe(true);
  });
});

/** Opens an engine.io handshake with exactly these headers; the HTTP status says whether it was allowed. */
function handshakeStatus(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/socket.io/?EIO=4&transport=polling', headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('security: origins, hosts and auto-pairing', () => {
  let hub: HubProcess;
  let other: Server;
  const probes: Socket[] = [];

  beforeAll(async () => {
    hub = await startHubProcess();
    other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>trang khác</p>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const s of probes) s.disconnect();
    await new Promise((resolve) => other?.close(resolve));
    await hub?.stop();
    hub?.cleanup();
  });

  it('refuses a socket handshake from a foreign Origin or an unknown Host, and allows programs and its own pages', async () => {
    const own = `127.0.0.1:${hub.port}`;
    expect(await handshakeStatus(hub.port, { host: own })).toBe(200);
    expect(await handshakeStatus(hub.port, { host: own, origin: `http://${own}` })).toBe(200);
    expect(await handshakeStatus(hub.port, { host: own, origin: 'http://evil.example' })).not.toBe(200);
    // DNS rebinding: the page's origin equals its Host, but the hub does not answer to that name.
    const rebound = `evil.example:${hub.port}`;
    expect(await handshakeStatus(hub.port, { host: rebound, origin: `http://${rebound}` })).not.toBe(200);
  });

  it('in Chromium, a page on another origin cannot open a socket to the hub; the hub’s own page can', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await newPage(browser);
      const tryOpen = (hubPort: number) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${hubPort}/socket.io/?EIO=4&transport=websocket`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
          setTimeout(() => resolve('timeout'), 10_000);
        });
      const port = (other.address() as { port: number }).port;
      await page.goto(`http://localhost:${port}/`);
      expect(await page.evaluate(tryOpen, hub.port)).toBe('refused');
      await page.goto(`${hub.url}/healthz`);
      expect(await page.evaluate(tryOpen, hub.port)).toBe('open');
    } finally {
      await browser.close();
    }
  }, 90_000);

  it('does not auto-pair a device whose request came through a proxy', async () => {
    const proxied = await probe(hub.url, { extraHeaders: { 'X-Forwarded-For': '203.0.113.7' } });
    probes.push(proxied.socket);
    const reply = await proxied.call<PairReply>('pair.request', { kind: 'kiosk', name: 'Qua proxy', counterId: null });
    expect(reply).toMatchObject({ ok: true, approved: false });
    const direct = await probe(hub.url);
    probes.push(direct.socket);
    expect(
      await direct.call<PairReply>('pair.request', { kind: 'kiosk', name: 'Trực tiếp', counterId: null }),
    ).toMatchObject({ ok: true, approved: true });
  });
});

describe('security: --no-demo, and floods of pairings and alerts', () => {
  let hub: HubProcess;
  let admin: HubClient;
  const probes: Socket[] = [];

  beforeAll(async () => {
    hub = await startHubProcess({
      args: ['--no-demo', '--pair-requests-per-minute', '100000', '--pair-request-burst', '100000'],
    });
    admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
  });
  afterAll(async () => {
    for (const s of probes) s.disconnect();
    admin?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('pairs nothing automatically with --no-demo, even from the hub machine', async () => {
    const p = await probe(hub.url);
    probes.push(p.socket);
    expect(
      await p.call<PairReply>('pair.request', { kind: 'kiosk', name: 'Máy lấy số', counterId: null }),
    ).toMatchObject({ ok: true, approved: false });
  });

  it('caps pending pairings, and they age out', async () => {
    const p = await probe(hub.url);
    probes.push(p.socket);
    const replies = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        p.call<PairReply>('pair.request', { kind: 'display', name: `Màn hình ${i}`, counterId: null }),
      ),
    );
    expect(replies.filter((r) => !r.ok && r.code === 'RATE_LIMITED').length).toBeGreaterThan(0);
    const list = await admin.listDevices();
    if (!list.ok) throw new Error('device.list refused');
    const pending = list.devices.filter((d) => d.status === 'pending');
    expect(pending.length).toBeLessThanOrEqual(50);
    expect(pending.every((d) => d.expiresAt !== null && d.expiresAt > Date.now() - 60_000)).toBe(true);
    await setHubClockOffset(hub.url, 16 * 60_000);
    try {
      const later = await admin.listDevices();
      expect(later.ok && later.devices.filter((d) => d.status === 'pending')).toEqual([]);
    } finally {
      await setHubClockOffset(hub.url, 0);
    }
  });

  it('takes from a device only alerts of the fixed kinds, once per kind, rate-limited; displays send none', async () => {
    const p = await probe(hub.url);
    probes.push(p.socket);
    const paired = await p.call<PairReply>('pair.request', { kind: 'kiosk', name: 'Kiosk báo lỗi', counterId: null });
    if (!paired.ok) throw new Error('pairing refused');
    expect((await admin.approveDevice({ pairingCode: paired.pairingCode })).ok).toBe(true);
    expect((await hello(p, { deviceToken: paired.deviceToken })).ok).toBe(true);
    const other = await p.send({ type: 'alert.raise', alertKind: 'other', message: 'x'.repeat(300) });
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const flood = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        p.send({ type: 'alert.raise', alertKind: i % 2 ? 'printerPaperOut' : 'printerOffline', message: `lỗi ${i}` }),
      ),
    );
    expect(flood.filter((r) => !r.ok && r.code === 'RATE_LIMITED').length).toBeGreaterThan(150);
    await waitFor(() => admin.state !== null, 10_000, 'admin state');
    const fromKiosk = Object.values(admin.state!.alerts).filter((a) => a.source === `device:${paired.deviceId}`);
    expect(fromKiosk.length).toBeLessThanOrEqual(2);

    const d = await probe(hub.url);
    probes.push(d.socket);
    const display = await d.call<PairReply>('pair.request', { kind: 'display', name: 'Màn hình', counterId: null });
    if (!display.ok) throw new Error('pairing refused');
    expect((await admin.approveDevice({ pairingCode: display.pairingCode })).ok).toBe(true);
    expect((await hello(d, { deviceToken: display.deviceToken })).ok).toBe(true);
    expect(await d.send({ type: 'alert.raise', alertKind: 'printerError', message: 'màn hình' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('security: the one-time admin password, and a session’s absolute lifetime', () => {
  let hub: HubProcess;
  const probes: Socket[] = [];

  beforeAll(async () => {
    // Sessions live one hour at most here (the idle lifetime stays 4 hours).
    hub = await startHubProcess({ args: ['--session-max-hours', '1'] });
  });
  afterAll(async () => {
    for (const s of probes) s.disconnect();
    await hub?.stop();
    hub?.cleanup();
  });

  it('the first admin sign-in can do nothing but replace the one-time password, which is then spent', async () => {
    const oneTime = adminPasswordFrom(hub.output());
    const admin = await probe(hub.url);
    probes.push(admin.socket);
    const reply = await admin.call<SignInReply>('session.signIn', { username: 'admin', pin: oneTime, counterId: null });
    expect(reply).toMatchObject({ ok: true, mustChangePassword: true });
    const token = reply.ok ? reply.sessionToken : '';
    expect(await admin.send(issueTicket)).toMatchObject({ ok: false, code: 'PASSWORD_CHANGE_REQUIRED' });
    const audit = () => fetch(`${hub.url}/api/audit`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await audit()).status).toBe(401);

    const changed = await admin.call<{ ok: boolean }>('session.changePassword', {
      currentPassword: oneTime,
      newPassword: `${oneTime}-moi`,
    });
    expect(changed.ok).toBe(true);
    expect((await admin.send(issueTicket)).ok).toBe(true);
    expect((await audit()).status).toBe(200);
    const again = await probe(hub.url);
    probes.push(again.socket);
    expect(
      await again.call<SignInReply>('session.signIn', { username: 'admin', pin: oneTime, counterId: null }),
    ).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
  });

  it('a session in use ends at its absolute lifetime, on its socket and over HTTP', async () => {
    const supervisor = await staffProbe(hub.url, 'giamsat', DEMO_SUPERVISOR_PASSWORD);
    probes.push(supervisor.socket);
    const audit = () => fetch(`${hub.url}/api/audit`, { headers: { Authorization: `Bearer ${supervisor.token}` } });
    try {
      // Used 40 minutes in: well inside the idle lifetime, so only the absolute one can end it.
      await setHubClockOffset(hub.url, 40 * 60_000);
      expect((await audit()).status).toBe(200);
      expect(supervisor.revoked).toEqual([]);
      await setHubClockOffset(hub.url, 80 * 60_000);
      await waitFor(() => supervisor.revoked.length > 0, 20_000, 'the session past one hour revoked');
      expect(supervisor.revoked.at(-1)).toMatchObject({ scope: 'session' });
      expect((await audit()).status).toBe(401);
      expect(await supervisor.send(issueTicket)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    } finally {
      await setHubClockOffset(hub.url, 0);
    }
  });
});
