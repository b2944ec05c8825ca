import { HubClient, memoryTokenStore } from '@motcua/client';
import { authorizeHttp, httpRouteKeys, type ActorRole, type HttpRouteKey } from '@motcua/core';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminPasswordFrom,
  connectAdmin,
  connectDevice,
  DEMO_PIN,
  DEMO_SUPERVISOR_PASSWORD,
  signInAsAdmin,
} from './support/clients.js';
import { startHubProcess, staffToken, waitFor, type HubProcess } from './support/hubProcess.js';

/** Sends raw bytes on a fresh TCP connection and returns what came back (the status line first). */
function rawRequest(port: number, bytes: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    // write, not end: a half-closed connection may be dropped before the answer (the request says Connection: close).
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);

/** A small seeded generator, so a failing fuzz run can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick, int: (max: number) => Math.floor(next() * max) };
}

const PREFIXES = [
  '/',
  '/t/',
  '/kiosk/',
  '/counter/',
  '/display/',
  '/admin/',
  '/citizen/',
  '/book/',
  '/voice/office/',
  '/voice/default/',
  '/api/appointments/code/',
  '/api/appointments/slots?serviceId=',
  '/api/audit?limit=',
  '/api/reports/export.csv?from=',
  '/healthz?hash=',
  '/socket.io/?EIO=4&transport=polling&t=',
  'http://a:99999/',
  'http://[::1]:0/',
  '*',
  '//',
  '/..',
];
const PIECES = [
  '%',
  '%E0%A4%A',
  '%2F',
  '..',
  '..%2F',
  '%2e%2e/',
  '%00',
  '%C0%AE',
  '%ZZ',
  '/',
  '\\',
  '?',
  '#',
  ';',
  '%25',
  'ï',
  '~',
  'a',
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'FOO', 'get'];

function fuzzRequest(random: ReturnType<typeof generator>): string {
  let target = random.pick(PREFIXES);
  const pieces = random.int(6);
  for (let i = 0; i < pieces; i++) target += random.pick(PIECES);
  if (random.next() < 0.03) target += 'x'.repeat(20_000 + random.int(20_000));
  if (random.next() < 0.1) target = target.replace(/ /g, '%20') + ' ' + random.pick(PIECES);
  const headers = ['Host: 127.0.0.1'];
  if (random.next() < 0.05) headers.push(`X-Long: ${'y'.repeat(30_000)}`);
  if (random.next() < 0.1) headers.push('Authorization: Bearer %%%');
  if (random.next() < 0.1) headers.push('Range: bytes=9999999-1');
  if (random.next() < 0.1) headers.push('X-Forwarded-For: 127.0.0.1, ::1, nonsense');
  const method = random.pick(METHODS);
  const body = random.next() < 0.3 ? random.pick(['{', '{}', '[]', '"x"', 'null', '{"code":"%"}']) : '';
  if (body)
    headers.push(
      `Content-Type: ${random.pick(['application/json', 'text/plain', 'x/y'])}`,
      `Content-Length: ${body.length}`,
    );
  return `${method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n${body}`;
}

describe('security: HTTP input never stops the hub', () => {
  let hub: HubProcess;
  beforeAll(async () => {
    hub = await startHubProcess();
  });
  afterAll(async () => {
    await hub?.stop();
    hub?.cleanup();
  });

  it.each(['/t/%', '/kiosk/%E0%A4%A', '/voice/office/%', '/citizen/%', '/api/appointments/code/%'])(
    'answers GET %s with 400 and keeps running',
    async (path) => {
      const answer = await rawRequest(hub.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(statusOf(answer)).toBe(400);
      expect(answer).toContain('"code":"BAD_REQUEST"');
      expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    },
  );

  it('answers an absolute-form target with a bad port with 400 and keeps running', async () => {
    const answer = await rawRequest(
      hub.port,
      'GET http://a:99999/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    expect(statusOf(answer)).toBe(400);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    expect(hub.child.exitCode).toBeNull();
  });

  it('serves nothing outside a static folder, even a sibling whose name starts the same', async () => {
    // The office voice folder is <data>/voice; <data>/voice-secret.txt shares its prefix.
    writeFileSync(join(hub.dataDir, 'voice-secret.txt'), 'not for the LAN');
    for (const path of [
      '/voice/office/..%2Fvoice-secret.txt',
      '/voice/office/..%2F..%2Fvoice-secret.txt',
      '/voice/office/%2E%2E%2Fvoice-secret.txt',
      '/voice/office/..%5Cvoice-secret.txt',
      '/kiosk/..%2Fdist-electron%2Fmain.js',
      '/kiosk/..%2Fpackage.json',
    ]) {
      const answer = await rawRequest(hub.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(answer, path).not.toContain('not for the LAN');
      expect([400, 403, 404], path).toContain(statusOf(answer));
    }
  });

  it('serves static files with ETag, HEAD and Range', async () => {
    const path = `${hub.url}/voice/default/manifest.json`;
    const full = await fetch(path);
    expect(full.status).toBe(200);
    const etag = full.headers.get('etag');
    expect(etag).toBeTruthy();
    const text = await full.text();
    // Raw: fetch() adds "Cache-Control: no-cache" to a conditional request, which forbids a 304.
    const again = await rawRequest(
      hub.port,
      `GET /voice/default/manifest.json HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: ${etag}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(again)).toBe(304);
    const head = await fetch(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const part = await fetch(path, { headers: { Range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe(Buffer.from(text).subarray(0, 10).toString());
    expect(part.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses a Host header that does not name the hub (DNS rebinding)', async () => {
    const answer = await rawRequest(
      hub.port,
      'GET /healthz HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n',
    );
    expect(statusOf(answer)).toBe(421);
    const ok = await rawRequest(
      hub.port,
      `GET /healthz HTTP/1.1\r\nHost: localhost:${hub.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(ok)).toBe(200);
  });

  it('gives the state hash of /healthz only to signed-in staff', async () => {
    const anonymous = (await (await fetch(`${hub.url}/healthz?hash=1`)).json()) as { ok: boolean; stateHash?: string };
    expect(anonymous.ok).toBe(true);
    expect(anonymous.stateHash).toBeUndefined();
    const token = await staffToken(hub.url);
    const staff = (await (
      await fetch(`${hub.url}/healthz?hash=1`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { stateHash?: string };
    expect(staff.stateHash).toMatch(/^[0-9a-f]{16,}$/);
  });

  it('takes booking bodies only as application/json (a text/plain form post from another site gets 415)', async () => {
    const services = (await (await fetch(`${hub.url}/api/appointments/services`)).json()) as {
      services: { id: string; days: string[] }[];
    };
    const service = services.services[0]!;
    const body = JSON.stringify({ serviceId: service.id, day: service.days[0], slot: '09:00' });
    const plain = await fetch(`${hub.url}/api/appointments`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as { code: string }).code).toBe('BAD_REQUEST');
    const form = await fetch(`${hub.url}/api/appointments`, {
      method: 'POST',
      body: 'a=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('creates the database and its WAL readable by the hub user only (0600)', () => {
    for (const file of ['motcua.sqlite', 'motcua.sqlite-wal']) {
      expect((statSync(join(hub.dataDir, file)).mode & 0o777).toString(8), file).toBe('600');
    }
  });

  it('neutralises spreadsheet formulas in the CSV export (a service named “=HYPERLINK(…)”)', async () => {
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    try {
      const formula = '=HYPERLINK("http://evil.example/","Bấm vào đây")';
      const service = {
        ...admin.state!.config.services['khai-sinh']!,
        id: 'cong-thuc',
        code: 'TEST-CSV',
        prefix: 'Q',
        name: { vi: formula, en: '@SUM(1+1)' },
        order: 99,
      };
      expect(await admin.send({ type: 'config.upsertService', service })).toMatchObject({ ok: true });
      const issued = await admin.send({ type: 'ticket.issue', serviceId: 'cong-thuc', source: 'admin' });
      expect(issued.ok).toBe(true);
      const day = admin.state!.serviceDay;
      const token = await staffToken(hub.url);
      const csv = await waitFor(
        async () => {
          const res = await fetch(`${hub.url}/api/reports/export.csv?from=${day}&to=${day}`, {
            headers: { Authorization: `Bearer ${token}` },
          });
          const text = await res.text();
          return text.includes('HYPERLINK') ? text : null;
        },
        20_000,
        'the ticket of the formula service in the export',
      );
      const line = csv.split('\r\n').find((l) => l.includes('HYPERLINK')) ?? '';
      // The cell is quoted text starting with an apostrophe: Excel shows it, it does not run it.
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example/"",""Bấm vào đây"")"`);
      expect(line).not.toMatch(/(^|,)"?=HYPERLINK/);
    } finally {
      admin.close();
    }
  });

  it('sends a status link copied with a trailing slash to the page, not to a JSON 404', async () => {
    const kiosk = await connectDevice(hub.url, 'kiosk');
    try {
      const issued = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
      const statusUrl = issued.ok ? issued.result.statusUrl : undefined;
      const path = new URL(statusUrl ?? 'http://x/none').pathname;
      expect(path).toMatch(/^\/t\/[A-Za-z0-9_-]+$/);
      const slashed = await fetch(`${hub.url}${path}/`, { redirect: 'manual' });
      expect(slashed.status).toBe(301);
      expect(slashed.headers.get('location')).toBe(path);
      const followed = await fetch(`${hub.url}${path}/`);
      expect(followed.headers.get('content-type')).toContain('text/html');
    } finally {
      kiosk.close();
    }
  });

  it('survives thousands of random, malformed, absolute-form and over-long requests, then answers /healthz', async () => {
    const random = generator(20261203);
    const statuses = new Map<number, number>();
    const total = 3000;
    let sent = 0;
    const worker = async () => {
      while (sent < total) {
        sent++;
        const status = statusOf(await rawRequest(hub.port, fuzzRequest(random)));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(hub.child.exitCode).toBeNull();
    expect(
      [...statuses.keys()].some((s) => s >= 500 && s !== 503),
      JSON.stringify([...statuses]),
    ).toBe(false);
    const health = await fetch(`${hub.url}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { ok: boolean }).ok).toBe(true);
  }, 240_000);
});

/**
 * Every HTTP route × every role, as designed, written out by hand (not derived from core's
 * `httpRouteRoles`): ok = the guard lets it through, U = 401 UNAUTHENTICATED, F = 403 FORBIDDEN.
 * Devices carry no HTTP credential, so over HTTP a kiosk or display is "none".
 */
const MATRIX = `
route                               none clerk supervisor admin
GET /healthz                        ok   ok    ok         ok
GET /healthz?hash=1                 U    ok    ok         ok
GET /                               ok   ok    ok         ok
GET /kiosk/*                        ok   ok    ok         ok
GET /counter/*                      ok   ok    ok         ok
GET /display/*                      ok   ok    ok         ok
GET /admin/*                        ok   ok    ok         ok
GET /citizen/*                      ok   ok    ok         ok
GET /book/*                         ok   ok    ok         ok
GET /t/:token                       ok   ok    ok         ok
GET /voice/default/*                ok   ok    ok         ok
GET /voice/office/*                 ok   ok    ok         ok
GET /api/appointments/services      ok   ok    ok         ok
GET /api/appointments/slots         ok   ok    ok         ok
POST /api/appointments              ok   ok    ok         ok
GET /api/appointments/code/:code    ok   ok    ok         ok
POST /api/appointments/cancel       ok   ok    ok         ok
GET /api/appointments/report        U    F     ok         ok
GET /api/reports/summary            U    F     ok         ok
GET /api/reports/export.xlsx        U    F     ok         ok
GET /api/reports/export.csv         U    F     ok         ok
GET /api/reports/dossiers.json      U    F     ok         ok
GET /api/reports/dossiers.csv       U    F     ok         ok
GET /api/reports/dossiers.xlsx      U    F     ok         ok
GET /api/reports/periodic.xlsx      U    F     ok         ok
GET /api/audit                      U    F     ok         ok
GET /api/audit/sign-ins             U    F     ok         ok
GET /api/voice/office               U    F     ok         ok
PUT /api/voice/office/clip          U    F     F          ok
DELETE /api/voice/office/clip       U    F     F          ok
GET /api/backup                     U    F     F          ok
GET /api/backups                    U    F     F          ok
POST /api/printers/test             U    F     F          ok
GET /api/central/status             U    F     ok         ok
GET /api/status-link                U    F     ok         ok
POST /__test__/clock                ok   ok    ok         ok
`;

const HTTP_ROLES = ['none', 'clerk', 'supervisor', 'admin'] as const satisfies readonly ActorRole[];
type HttpOutcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const CELL: Record<string, HttpOutcome> = { ok: 'ok', U: 'UNAUTHENTICATED', F: 'FORBIDDEN' };
const matrixRows = MATRIX.trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const cells = line.trim().split(/\s+/);
    return { key: `${cells[0]} ${cells[1]}` as HttpRouteKey, expected: cells.slice(2).map((c) => CELL[c]!) };
  });

/** A concrete request for a route pattern; bodies are valid JSON so the guard, not the parser, answers. */
function requestFor(key: HttpRouteKey): { method: string; path: string; body?: string } {
  const [method, pattern] = key.split(' ') as [string, string];
  const path = pattern.replace(':token', 'AAAAAAAAAAAAAAAAAAAAAA').replace(':code', 'ABCD-EFGH').replace('*', '');
  return method === 'GET' || method === 'DELETE' ? { method, path } : { method, path, body: '{}' };
}

describe('security: every HTTP route × every role, through a real hub', () => {
  let hub: HubProcess;
  const tokens: Partial<Record<(typeof HTTP_ROLES)[number], string>> = {};
  const clients: HubClient[] = [];

  async function signedIn(username: string, pin: string, device?: HubClient): Promise<string> {
    const storage = memoryTokenStore();
    const client = device ?? new HubClient({ url: hub.url, storage }).connect();
    clients.push(client);
    await waitFor(() => client.getSnapshot().connection === 'online', 20_000, `${username} online`);
    const reply =
      username === 'admin'
        ? await signInAsAdmin(client, pin)
        : await client.signIn(username, pin, username.startsWith('canbo') ? 'quay-1' : null);
    if (!reply.ok) throw new Error(`${username} sign-in failed: ${reply.code}`);
    return reply.sessionToken;
  }

  beforeAll(async () => {
    hub = await startHubProcess();
    tokens.admin = await signedIn('admin', adminPasswordFrom(hub.output()));
    tokens.supervisor = await signedIn('giamsat', DEMO_SUPERVISOR_PASSWORD);
    const counter = await connectDevice(hub.url, 'counter', { name: 'Quầy 1' });
    tokens.clerk = await signedIn('canbo1', DEMO_PIN, counter);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('lists every route of core’s table, and core’s table says what the matrix says', () => {
    expect(matrixRows.map((r) => r.key).sort()).toEqual([...httpRouteKeys].sort());
    for (const { key, expected } of matrixRows) {
      HTTP_ROLES.forEach((role, i) => {
        expect(authorizeHttp(key, role)?.code ?? 'ok', `${key} as ${role}`).toBe(expected[i]);
      });
    }
  });

  it('lets each role through or refuses it (401/403) exactly as designed', async () => {
    const failures: string[] = [];
    for (const { key, expected } of matrixRows) {
      for (const [i, role] of HTTP_ROLES.entries()) {
        const token = tokens[role as keyof typeof tokens];
        const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
        const { method, path, body } = requestFor(key);
        if (body) headers['Content-Type'] = 'application/json';
        const res = await fetch(`${hub.url}${path}`, { method, headers, ...(body ? { body } : {}) });
        const text = await res.text();
        let outcome: HttpOutcome = 'ok';
        if (key === 'GET /healthz?hash=1') outcome = text.includes('"stateHash"') ? 'ok' : 'UNAUTHENTICATED';
        else if (res.status === 401) outcome = 'UNAUTHENTICATED';
        else if (res.status === 403) outcome = 'FORBIDDEN';
        if (outcome !== expected[i])
          failures.push(`${key} as ${role}: ${outcome} (HTTP ${res.status}), expected ${expected[i]}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses a disabled user’s session at once, and a bearer token that is not a session', async () => {
    const bogus = await fetch(`${hub.url}/api/audit`, {
      headers: { Authorization: 'Bearer not-a-session-token-at-all' },
    });
    expect(bogus.status).toBe(401);
    const admin = new HubClient({ url: hub.url, storage: memoryTokenStore() }).connect();
    clients.push(admin);
    await waitFor(() => admin.getSnapshot().connection === 'online', 20_000, 'admin online');
    expect((await signInAsAdmin(admin, adminPasswordFrom(hub.output()))).ok).toBe(true);
    await waitFor(() => admin.state, 20_000, 'admin state');
    const supervisor = admin.state!.config.users['giamsat']!;
    const before = await fetch(`${hub.url}/api/audit`, { headers: { Authorization: `Bearer ${tokens.supervisor}` } });
    expect(before.status).toBe(200);
    expect((await admin.send({ type: 'config.upsertUser', user: { ...supervisor, disabled: true } })).ok).toBe(true);
    const after = await fetch(`${hub.url}/api/audit`, { headers: { Authorization: `Bearer ${tokens.supervisor}` } });
    expect(after.status).toBe(401);
  });
});

describe('crash policy: an error nobody caught', () => {
  it('is logged and the process exits non-zero (70) for its supervisor to restart it', async () => {
    // Stands in for a bug: on SIGUSR2 this preload throws outside any handler, in the running hub process.
    const preloadDir = mkdtempSync(join(tmpdir(), 'motcua-crash-'));
    const preload = join(preloadDir, 'throwOnSignal.mjs');
    writeFileSync(
      preload,
      "process.on('SIGUSR2', () => setImmediate(() => { throw new Error('motcua test: an error nobody caught'); }));\n",
    );
    const hub = await startHubProcess({ env: { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` } });
    try {
      expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
      const exit = new Promise<number | null>((resolve) => hub.child.once('exit', (code) => resolve(code)));
      hub.child.kill('SIGUSR2');
      const code = await Promise.race([exit, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
      expect(code).toBe(70);
      expect(hub.output()).toContain('fatal uncaught exception');
      expect(hub.output()).toContain('motcua test: an error nobody caught');
    } finally {
      await hub.stop();
      hub.cleanup();
      rmSync(preloadDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('stopping: SIGTERM with browsers and devices connected', () => {
  it('closes sockets and the database and exits 0 promptly, not minutes later', async () => {
    const hub = await startHubProcess();
    const held: { close(): void }[] = [];
    try {
      // A websocket device, a long-polling browser and an idle keep-alive HTTP connection.
      held.push(await connectDevice(hub.url, 'display'));
      const polling = connectSocket(hub.url, { transports: ['polling'], forceNew: true });
      held.push(polling);
      await waitFor(() => polling.connected, 20_000, 'polling client connected');
      const keepAlive = connect(hub.port, '127.0.0.1');
      held.push({ close: () => keepAlive.destroy() });
      keepAlive.on('error', () => undefined);
      keepAlive.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
      await new Promise((r) => keepAlive.once('data', r));

      const exit = new Promise<number | null>((resolve) => hub.child.once('exit', (code) => resolve(code)));
      const startedAt = Date.now();
      hub.child.kill('SIGTERM');
      // The hub gives itself 4.5 s; a generous bound here keeps a loaded machine from failing the test.
      const code = await Promise.race([exit, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
      expect(code).toBe(0);
      expect(Date.now() - startedAt).toBeLessThan(30_000);
    } finally {
      for (const client of held) client.close();
      await hub.stop();
      hub.cleanup();
    }
  }, 90_000);
});
