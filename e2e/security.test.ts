import { HubClient, memoryTokenStore, type TokenStore } from '@motcua/client';
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom, connectAdmin, connectDevice, DEMO_PIN } from './support/clients.js';
import { REPO_ROOT, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const CUSTOM_PIN = 'Qz7Kp4Wm';
const WRONG_PIN = 'Wr0ngPin9';

/** A device whose token store the test can read. */
async function deviceWithStore(
  url: string,
  kind: 'counter' | 'kiosk',
): Promise<{ client: HubClient; store: TokenStore }> {
  const store = memoryTokenStore();
  const client = new HubClient({ url, deviceKind: kind, deviceName: `secret ${kind}`, storage: store }).connect();
  await waitFor(() => client.getSnapshot().connection === 'online' && client.state, 20_000, `${kind} online`);
  return { client, store };
}

describe('security: secrets, lockout, rate limits, logs', () => {
  let hub: HubProcess;
  const clients: HubClient[] = [];
  const secrets: string[] = [];

  beforeAll(async () => {
    hub = await startHubProcess({ args: ['--log-level', 'debug'] });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('slows down repeated wrong PINs instead of locking, refusing even the right PIN while the delay runs', async () => {
    const counter = await connectDevice(hub.url, 'counter');
    clients.push(counter);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const reply = await counter.signIn('canbo4', `99${i}9`, 'quay-4');
      codes.push(reply.ok ? 'ok' : reply.code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    expect(codes[5]).toBe('TOO_MANY_ATTEMPTS');
    const right = await counter.signIn('canbo4', DEMO_PIN, 'quay-4');
    expect(right).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' });
    expect(right.ok === false && right.details?.retryAfterSeconds).toBeGreaterThan(0);
    // Another user is not affected.
    const other = await connectDevice(hub.url, 'counter');
    clients.push(other);
    expect((await other.signIn('canbo5', DEMO_PIN, 'quay-5')).ok).toBe(true);
    // After the delay the right PIN works.
    await waitFor(
      async () => (await counter.signIn('canbo4', DEMO_PIN, 'quay-4')).ok,
      60_000,
      'right PIN after the delay',
    );
  });

  it('rate-limits ticket issuance per kiosk device, not per office', async () => {
    const greedy = await connectDevice(hub.url, 'kiosk');
    const polite = await connectDevice(hub.url, 'kiosk');
    clients.push(greedy, polite);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => greedy.send({ type: 'ticket.issue', serviceId: 'khai-sinh' })),
    );
    const limited = replies.filter((r) => !r.ok && r.code === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThanOrEqual(5);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(10);
    expect((await polite.send({ type: 'ticket.issue', serviceId: 'ket-hon' })).ok).toBe(true);
  });

  it('stores PINs, passwords, device tokens and sessions only as hashes', async () => {
    const adminPassword = adminPasswordFrom(hub.output());
    const admin = await connectAdmin(hub.url, adminPassword);
    clients.push(admin);
    expect((await admin.setPin({ userId: 'canbo3', pin: CUSTOM_PIN })).ok).toBe(true);
    const { client: counter, store } = await deviceWithStore(hub.url, 'counter');
    clients.push(counter);
    expect((await counter.signIn('canbo3', WRONG_PIN, 'quay-3')).ok).toBe(false);
    expect((await counter.signIn('canbo3', CUSTOM_PIN, 'quay-3')).ok).toBe(true);
    const deviceToken = store.get('deviceToken')!;
    const sessionToken = store.get('sessionToken')!;
    expect(deviceToken.length).toBeGreaterThan(20);
    expect(sessionToken.length).toBeGreaterThan(20);
    secrets.push(adminPassword, CUSTOM_PIN, WRONG_PIN, deviceToken, sessionToken);

    const db = new Database(join(hub.dataDir, 'motcua.sqlite'), { readonly: true });
    const pins = db.prepare('SELECT user_id, pin_hash FROM user_secrets').all() as {
      user_id: string;
      pin_hash: string;
    }[];
    const devices = db.prepare('SELECT token_hash FROM device_pairings').all() as { token_hash: string }[];
    const sessions = db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    db.close();
    expect(pins.length).toBeGreaterThanOrEqual(7);
    for (const { pin_hash } of pins) expect(pin_hash).toMatch(/^scrypt\$\d+\$[\w-]{16,}\$[\w-]{32,}$/);
    for (const { token_hash } of [...devices, ...sessions]) expect(token_hash).toMatch(/^[0-9a-f]{64}$/);
    // Not in any table, index or the WAL, in any form a grep finds.
    const files = ['motcua.sqlite', 'motcua.sqlite-wal'].map((f) => join(hub.dataDir, f)).filter((f) => existsSync(f));
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), 'secret stored in clear').toBe(false);
  });

  it('writes no PIN, password or token to the logs, even at debug level', () => {
    expect(secrets.length).toBe(5);
    const output = hub.output();
    expect(output).toMatch(/"level":20|signed in/); // Debug logging was really on and saw the sign-ins.
    const [adminPassword, ...others] = secrets;
    // The first-run banner shows the admin password once, on purpose; nowhere else.
    const lines = output.split('\n').filter((line) => line.includes(adminPassword!));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/admin account/);
    for (const secret of others) expect(output.includes(secret), 'secret in the log').toBe(false);
  });
});

describe('security: HTTP headers and the Content-Security-Policy the apps run under', () => {
  let hub: HubProcess;
  beforeAll(async () => {
    hub = await startHubProcess();
  });
  afterAll(async () => {
    await hub?.stop();
    hub?.cleanup();
  });

  it('sends security headers and a strict CSP on every response', async () => {
    for (const path of ['/', '/healthz', '/no-such-page', '/kiosk/', '/voice/default/none.ogg']) {
      const res = await fetch(`${hub.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).not.toMatch(/unsafe-eval/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      await res.arrayBuffer();
    }
  });

  const apps = ['kiosk', 'counter', 'display', 'admin'].filter((app) =>
    existsSync(join(REPO_ROOT, 'apps', app, 'index.html')),
  );

  it.each(apps)(
    'runs the %s app under that CSP without a single violation',
    async (app) => {
      ensureAppBuilt(app);
      const browser = await launchBrowser();
      try {
        const { page } = await newPage(browser);
        const violations: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
        });
        await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) => {
            (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(
              `${e.violatedDirective} ${e.blockedURI}`,
            );
          });
        });
        await page.goto(`${hub.url}/${app}/`, { waitUntil: 'load' });
        await waitFor(
          () => page.evaluate(() => (document.body.innerText ?? '').trim().length > 0),
          30_000,
          `${app} renders`,
        );
        await page.waitForTimeout(1500); // Let late fonts, sockets and media load and report.
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
