import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from './support/hubProcess.js';

/** A socket as a reverse proxy on this machine would open it for the client `forwardedFor`. */
async function socketFrom(url: string, forwardedFor: string): Promise<Socket> {
  const socket = connectSocket(url, {
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { 'X-Forwarded-For': forwardedFor },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function wrongSignIn(socket: Socket, attempt: number): Promise<string> {
  const reply = (await socket
    .timeout(10_000)
    .emitWithAck('session.signIn', { username: `khong-co-${attempt}`, pin: 'sai-mat-khau-1' })) as { code?: string };
  return reply.code ?? 'ok';
}

/** Wrong sign-ins from `socket` until the hub throttles it; how many it took. */
async function untilThrottled(socket: Socket, limit: number): Promise<number> {
  for (let attempt = 1; attempt <= limit; attempt++) {
    if ((await wrongSignIn(socket, attempt)) === 'TOO_MANY_ATTEMPTS') return attempt;
  }
  return Number.POSITIVE_INFINITY;
}

describe('security: socket sign-in throttling counts the client behind a trusted proxy', () => {
  const hubs: HubProcess[] = [];
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const hub of hubs) await hub.stop();
    for (const hub of hubs) hub.cleanup();
  });

  it('with --trust-proxy, one client guessing does not slow down another behind the same proxy', async () => {
    const hub = await startHubProcess({ args: ['--trust-proxy', 'loopback'] });
    hubs.push(hub);
    const guesser = await socketFrom(hub.url, '203.0.113.7');
    const colleague = await socketFrom(hub.url, '203.0.113.8');
    sockets.push(guesser, colleague);
    expect(await untilThrottled(guesser, 30)).toBeLessThanOrEqual(12);
    // Another address forwarded by the same proxy has its own count: plain wrong answers, no wait.
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await wrongSignIn(colleague, 100 + attempt)).toBe('INVALID_CREDENTIALS');
    }
  });

  it('without --trust-proxy, X-Forwarded-For is ignored: a new header does not escape the count', async () => {
    const hub = await startHubProcess();
    hubs.push(hub);
    const guesser = await socketFrom(hub.url, '203.0.113.7');
    const pretender = await socketFrom(hub.url, '203.0.113.99');
    sockets.push(guesser, pretender);
    expect(await untilThrottled(guesser, 30)).toBeLessThanOrEqual(12);
    // Same TCP peer: the count goes on (a wait that ran out meanwhile lets one more through, not ten).
    expect(await untilThrottled(pretender, 8)).toBeLessThanOrEqual(4);
  });
});

describe('security: the booking limit per client address, behind a trusted proxy', () => {
  const hubs: HubProcess[] = [];
  afterAll(async () => {
    for (const hub of hubs) await hub.stop();
    for (const hub of hubs) hub.cleanup();
  });

  /** A booking attempt as a proxy on this machine forwards it for `forwardedFor`; its HTTP status. */
  async function book(hub: HubProcess, forwardedFor: string): Promise<number> {
    const res = await fetch(`${hub.url}/api/appointments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
      body: JSON.stringify({ serviceId: 'khai-sinh', day: '2026-01-01', slot: '09:00' }),
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** Attempts from `forwardedFor` until the hub says 429; how many it took. */
  async function untilLimited(hub: HubProcess, forwardedFor: string, limit: number): Promise<number> {
    for (let attempt = 1; attempt <= limit; attempt++) {
      if ((await book(hub, forwardedFor)) === 429) return attempt;
    }
    return Number.POSITIVE_INFINITY;
  }

  it('with --trust-proxy, one client over the limit leaves another behind the same proxy free', async () => {
    const hub = await startHubProcess({ args: ['--trust-proxy', 'loopback'] });
    hubs.push(hub);
    expect(await untilLimited(hub, '203.0.113.7', 20)).toBeLessThanOrEqual(7);
    expect(await book(hub, '203.0.113.8')).not.toBe(429);
  });

  it('without --trust-proxy, a new X-Forwarded-For does not escape the limit', async () => {
    const hub = await startHubProcess();
    hubs.push(hub);
    expect(await untilLimited(hub, '203.0.113.7', 20)).toBeLessThanOrEqual(7);
    expect(await book(hub, '203.0.113.99')).toBe(429);
  });
});
