import { HubClient, memoryTokenStore } from '@motcua/client';
import {
  demoOfficeCommands,
  httpRequestOf,
  serviceDayOf,
  type CommandInput,
  type HealthReply,
  type HttpOk,
} from '@motcua/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { HUB_ENVIRONMENT, HUB_NODE_FLAGS } from '../../apps/hub/src/nodeFlags.js';
import { signInAsAdmin } from './clients.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface HubProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
  /** kill -9: no chance to flush anything. */
  kill9(): Promise<void>;
  /** A new hub process on the same port and database file. */
  restart(): Promise<HubProcess>;
  /** Removes the temp folder (after stop). */
  cleanup(): void;
}

export interface HubProcessOptions {
  /** Run the bundle `apps/hub/dist/main.js` (as `npm start` does) instead of the TypeScript source. */
  built?: boolean;
  dataDir?: string;
  port?: number;
  args?: string[];
  env?: Record<string, string>;
  /** Flags for Node itself (e.g. `--cpu-prof` for a bench profile; Node refuses those in NODE_OPTIONS). */
  nodeArgs?: string[];
  /** The hub's clock offset at start; by default `testHubClockOffset(Date.now())`. A restart keeps it. */
  clockOffsetMs?: number;
}

const HOUR = 3_600_000;
const demoOffice = (
  demoOfficeCommands().find((c) => c.type === 'config.setOffice') as Extract<CommandInput, { type: 'config.setOffice' }>
).office;

/**
 * Where a test hub's clock starts. The demo office closes its service day at 20:00 in Hà Nội (13:00 UTC): a hub
 * whose run crosses that minute opens the next day in the middle of a test, and every ticket on the counters is
 * gone. A hub started in the hour before the close runs two hours behind the machine's clock instead, so no test
 * file, however slow, meets the close by accident; a test that means to cross it moves the clock itself.
 * `MOTCUA_TEST_HUB_CLOCK_OFFSET_MS` forces an offset (to run the suite as it runs in that hour).
 */
export function testHubClockOffset(now: number, env: Record<string, string | undefined> = process.env): number {
  const forced = env.MOTCUA_TEST_HUB_CLOCK_OFFSET_MS;
  if (forced !== undefined && forced !== '') {
    const offset = Number(forced);
    if (!Number.isInteger(offset)) throw new Error(`MOTCUA_TEST_HUB_CLOCK_OFFSET_MS is not a whole number: ${forced}`);
    return offset;
  }
  return serviceDayOf(now + HOUR, demoOffice) === serviceDayOf(now, demoOffice) ? 0 : -2 * HOUR;
}

/** Starts a real hub (plain Node, real SQLite file in a temp folder) and waits until it listens. */
export async function startHubProcess(options: HubProcessOptions = {}): Promise<HubProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'motcua-hub-'));
  const clockOffsetMs = options.clockOffsetMs ?? testHubClockOffset(Date.now());
  const args = [
    // Node's flags as `npm start` gives them (apps/hub/src/nodeFlags.ts), then the caller's, which win.
    ...HUB_NODE_FLAGS,
    ...(options.nodeArgs ?? []),
    join(REPO_ROOT, options.built ? 'apps/hub/dist/main.js' : 'apps/hub/src/main.ts'),
    '--port',
    String(options.port ?? 0),
    '--host',
    '127.0.0.1',
    '--data',
    dataDir,
    '--no-mdns',
    '--test-clock',
    '--clock-offset-ms',
    String(clockOffsetMs),
    '--log-level',
    'warn',
    ...(options.args ?? []),
  ];
  // Node itself, not the tsx wrapper: kill -9 must hit the process that holds the database.
  const child = spawn(process.execPath, options.built ? args : ['--import', 'tsx', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...HUB_ENVIRONMENT, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { port, output, stop, kill9 } = await readyLine(child, 'HUB_READY', 'hub');
  const password = /admin account: admin \/ (\S+)/.exec(output())?.[1];
  if (password) adminPasswords.set(`http://127.0.0.1:${port}`, password);
  startOffsets.set(`http://127.0.0.1:${port}`, clockOffsetMs);
  const hub: HubProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    child,
    output,
    stop,
    kill9,
    restart: () => startHubProcess({ ...options, dataDir, port, clockOffsetMs }),
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return hub;
}

/**
 * Waits for a child process to print `<marker> {json with port}` (collecting its output meanwhile);
 * throws with that output when it exits first or takes over a minute.
 */
export async function readyLine(
  child: ChildProcess,
  marker: string,
  what: string,
): Promise<{ port: number; output: () => string; stop: () => Promise<void>; kill9: () => Promise<void> }> {
  let output = '';
  const { port } = await new Promise<{ port: number }>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = new RegExp(`${marker} (\\{.*\\})`).exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveReady(JSON.parse(match[1]) as { port: number });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null) child.kill(name);
    await exited;
  };
  return { port, output: () => output, stop: () => signal('SIGTERM'), kill9: () => signal('SIGKILL') };
}

/** The first-run admin password of each hub this test file started, by URL (a restart keeps the URL). */
const adminPasswords = new Map<string, string>();
const staffTokens = new Map<string, Promise<string>>();

async function signInAdmin(url: string): Promise<string> {
  const password = adminPasswords.get(url);
  if (!password) throw new Error(`no admin password known for ${url}`);
  const storage = memoryTokenStore();
  const client = new HubClient({ url, storage }).connect();
  try {
    await waitFor(() => client.getSnapshot().connection === 'online', 20_000, 'admin socket online');
    const reply = await signInAsAdmin(client, password);
    if (!reply.ok) throw new Error(`admin sign-in failed: ${reply.code}`);
    const token = storage.get('sessionToken');
    if (!token) throw new Error('no session token after sign-in');
    return token;
  } finally {
    client.close();
  }
}

/** An admin session token for HTTP calls that need staff (the state hash of /healthz, reports). */
export function staffToken(url: string): Promise<string> {
  let token = staffTokens.get(url);
  if (!token) {
    token = signInAdmin(url);
    token.catch(() => staffTokens.delete(url));
    staffTokens.set(url, token);
  }
  return token;
}

/** /healthz with the state hash, asked as signed-in staff (the hash is not public). */
export async function hubHealth(url: string): Promise<HealthReply> {
  const ask = async (): Promise<HealthReply> => {
    const token = await staffToken(url);
    const res = await fetch(`${url}${httpRequestOf('GET /healthz?hash=1', {}).path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return (await res.json()) as HealthReply;
  };
  const health = await ask();
  if (health.stateHash !== undefined) return health;
  // A test that moves the hub's clock hours ahead outlives the cached session: sign in again once.
  staffTokens.delete(url);
  return ask();
}

/** The clock offset each hub this test file started began with, by URL (a restart keeps both). */
const startOffsets = new Map<string, number>();

/**
 * Moves the hub's clock (it must run with --test-clock) `offsetMs` from where it started: 0 brings it back to its
 * start offset (`testHubClockOffset`), `5 * HOUR` five hours ahead of that.
 */
export function setHubClockOffset(url: string, offsetMs: number): Promise<HttpOk<'POST /__test__/clock'>> {
  return setRawClockOffset(url, (startOffsets.get(url) ?? 0) + offsetMs);
}

/** Sets the hub's clock to read `at` now (and run on from there). */
export function setHubClockTo(url: string, at: number): Promise<HttpOk<'POST /__test__/clock'>> {
  return setRawClockOffset(url, at - Date.now());
}

async function setRawClockOffset(url: string, offsetMs: number): Promise<HttpOk<'POST /__test__/clock'>> {
  const { method, path, body } = httpRequestOf('POST /__test__/clock', { body: { offsetMs } });
  const res = await fetch(`${url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body });
  return (await res.json()) as HttpOk<'POST /__test__/clock'>;
}

export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
