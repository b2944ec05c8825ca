/**
 * `npm run bench`: the hub under load with real Socket.IO clients, beside its floors measured in the
 * same run (a bare Socket.IO relay; raw better-sqlite3 transactions with the hub's pragmas).
 * The kiosks issue from a thread of their own (bench/kioskWorker.ts), as they run on their own machines; the
 * displays and counters share this thread, and every client shares the machine's cores with the hub.
 */
import { PROTOCOL_VERSION, stateCodec, ticketsWhere, type EventEnvelope } from '@motcua/core';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Socket } from 'socket.io-client';
import { newRequestId } from '../packages/client/src/requestIds.js';
import { countEventsPerMessage, socketTo as connectClient } from './benchClients.js';
import { rawWriteFloor } from './writeFloor.js';
import { describeMemory, reportOnSignalArgs, residentBreakdown, v8HeapReport } from './memoryBreakdown.js';
import { adminPasswordFrom, replacedAdminPassword } from '../e2e/support/clients.js';
import { REPO_ROOT, startHubProcess } from '../e2e/support/hubProcess.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
};
const COUNTERS = arg('counters', 50);
const DISPLAYS = arg('displays', 100);
const KIOSKS = arg('kiosks', 10);
/**
 * Tickets per timed issuance phase: 5,000, about 2 s (1,000 lasted under half a second; the runs that compared them
 * are in bench/results/explore-2026-12-04-stop25/).
 */
const ISSUES = arg('issues', 5000);
/**
 * Transactions of the raw write floor taken just before and just after each issuance phase (bench/writeFloor.ts).
 * The disk's fsync rate on a shared machine drifts by a third within minutes, so each phase's ratio is taken against
 * the floor measured beside it, not one taken minutes earlier.
 */
const FLOOR_TRANSACTIONS = arg('floor-transactions', 2000);
const CALLS = arg('calls', 200);
const MEMORY_CLIENTS = arg('memory-clients', 1000);
/** The day the loaded hub's memory is measured on: a city centre's busiest day and then some (issue 14). */
const DAY_TICKETS = arg('day-tickets', 20000);
/** `--heap-snapshot 1`: the loaded hub writes a V8 heap snapshot (into the repo root) once the day is grown. */
const HEAP_SNAPSHOT = arg('heap-snapshot', 0) === 1;
/**
 * Tickets issued (untimed) before issuance is measured: a hub runs all day, so the figure is its steady state,
 * not the first seconds after start while V8 still compiles the command path and sizes its heap. Counted per 250 ms
 * on this machine, a fresh hub with ten kiosks went from about 1,100 to 3,000–3,800 tickets a second over its first
 * 6,000 tickets, then stayed there (bench/results/explore-2026-12-04-stop25/ramp-warmup-*.log); with 1,000 of warm-up
 * the timed phase was still on that ramp.
 */
const WARMUP_ISSUES = arg('warmup-issues', 6000);
/**
 * 1 (the default): clients ask for `events` batches in the handshake, as HubClient does. 0: one `event` per event,
 * as a client written before batches (or a third-party one) gets.
 */
const EVENT_BATCHES = arg('event-batches', 1) === 1;
/** `--cpu-profile <dir>`: the loaded hub writes a V8 CPU profile (`node --cpu-prof`) into that folder when it stops. */
const CPU_PROFILE_DIR = (() => {
  const i = process.argv.indexOf('--cpu-profile');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
/** How long the loaded hub sits with its clients before its memory is read. */
const SETTLE_MS = arg('settle-seconds', 20) * 1000;
/**
 * When the same memory is read a second time, counted from the end of the day's fill. Socket.IO's connection-state
 * recovery keeps every broadcast for 2 minutes (socketServer.ts) and drops expired ones once a minute. The bench
 * issues the whole day in about a minute, so at the first read the hub still holds every ticket's broadcast; an
 * office's day spreads over hours, and its hub holds 2 minutes of them. Measured on this machine, 234.5 MB at 20 s
 * and 195.6 MB at 100 s in one run (bench/results/explore-2026-12-04-stop25/memory-settle.log). 0 skips it.
 */
const AFTER_RECOVERY_WINDOW_MS = arg('after-recovery-window-seconds', 190) * 1000;
const QUEUE_LENGTHS = [10, 100, 1000, 5000];
const SERVICES = [
  'khai-sinh',
  'ket-hon',
  'chung-thuc-ban-sao',
  'chung-thuc-chu-ky',
  'cap-gcn-qsdd',
  'chuyen-nhuong-dat',
  'giay-phep-xay-dung',
  'ho-kinh-doanh',
  'tro-cap-xa-hoi',
  'nguoi-co-cong',
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** A raw client asking for events the way this run does (`--event-batches`). */
const socketTo = (url: string) => connectClient(url, EVENT_BATCHES);

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  }
  return out;
}

type Ack = { ok: boolean; code?: string; result?: { seq: number; ticket?: { id: string } } };
const command = (socket: Socket, cmd: Record<string, unknown>) =>
  socket.timeout(60_000).emitWithAck('command', { requestId: newRequestId(), command: cmd }) as Promise<Ack>;

/** BENCH_HUB_ARGS="--sqlite-cache-mb 4": try hub options on both hubs, after the bench's own. */
const hubArgs = () => process.env.BENCH_HUB_ARGS?.split(' ').filter(Boolean) ?? [];

/**
 * BENCH_HUB_NODE_ARGS="--max-semi-space-size=16": try V8 settings on both hubs, the fresh one and the loaded one. They
 * come after the hub's own flags (apps/hub/src/nodeFlags.ts), so they win; 16 is V8's default young generation.
 */
const hubNodeArgs = () => process.env.BENCH_HUB_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

/** Reads the hub process's resident memory (MB) and CPU time (s) from /proc. */
function processStats(pid: number): { rssMb: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  return { rssMb: round(rssKb / 1024, 1), cpuSeconds: ticks / 100 };
}

/** Sends `calls` calls one after another and times each from its send until every display has it. */
async function measureCalls(
  displays: Socket[],
  calls: number,
  counterOf: (i: number) => string,
  send: (i: number) => Promise<void>,
  prepare: (i: number) => Promise<void> = async () => undefined,
): Promise<number[]> {
  const latencies: number[] = [];
  // Calls are sequential, so the next ticket.called naming a counter is the one just sent.
  const pending = new Map<string, { t0: number; left: number; done: () => void }>();
  const onEnvelope = (envelope: EventEnvelope) => {
    const event = envelope.event;
    if (event.type !== 'ticket.called') return;
    const waiting = pending.get(event.counterId);
    if (!waiting) return;
    latencies.push(nowMs() - waiting.t0);
    if (--waiting.left === 0) {
      pending.delete(event.counterId);
      waiting.done();
    }
  };
  const onEvent = (envelope: EventEnvelope) => onEnvelope(envelope);
  const onEvents = (envelopes: EventEnvelope[]) => envelopes.forEach(onEnvelope);
  for (const display of displays) display.on('event', onEvent).on('events', onEvents);
  for (let i = 0; i < calls; i++) {
    let done!: () => void;
    const allReceived = new Promise<void>((resolve) => (done = resolve));
    await prepare(i);
    pending.set(counterOf(i), { t0: nowMs(), left: displays.length, done });
    await send(i);
    await Promise.race([allReceived, new Promise((r) => setTimeout(r, 10_000))]);
    pending.delete(counterOf(i));
  }
  for (const display of displays) display.off('event', onEvent).off('events', onEvents);
  return latencies;
}

/**
 * Memory for connections alone: a fresh hub (the demo day, no load run before it) with `clients` paired
 * displays connected, each having said hello. Apart from the loaded hub's figure, which also holds a
 * 7,000-ticket day and the heap growth of the load phases.
 */
async function freshHubMemory(clients: number): Promise<{ idleMb: number; withClientsMb: number; clients: number }> {
  const reportDir = mkdtempSync(join(tmpdir(), 'motcua-bench-report-'));
  const hub = await startHubProcess({
    built: true,
    args: ['--log-level', 'warn', ...hubArgs()],
    nodeArgs: [...reportOnSignalArgs(reportDir), ...hubNodeArgs()],
  });
  const pid = hub.child.pid!;
  try {
    const first = await socketTo(hub.url);
    const pair = (await first.emitWithAck('pair.request', { kind: 'display', name: 'bench display' })) as {
      deviceToken: string;
    };
    await new Promise((r) => setTimeout(r, 1500));
    const idle = processStats(pid);
    const sockets = await inBatches(clients, 50, async () => {
      const socket = await socketTo(hub.url);
      await socket.emitWithAck('hello', { protocol: PROTOCOL_VERSION, deviceToken: pair.deviceToken, lastSeq: 0 });
      return socket;
    });
    await new Promise((r) => setTimeout(r, 3000));
    const withClients = processStats(pid);
    console.log(
      `  fresh hub with clients: ${describeMemory(residentBreakdown(pid), await v8HeapReport(pid, reportDir))}`,
    );
    for (const socket of [...sockets, first]) socket.disconnect();
    return { idleMb: idle.rssMb, withClientsMb: withClients.rssMb, clients: sockets.length };
  } finally {
    await hub.stop();
    rmSync(reportDir, { recursive: true, force: true });
    hub.cleanup();
  }
}

async function relayFloor(): Promise<{ p50: number; p99: number; samples: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench/relayServer.ts')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /RELAY_READY (\{.*\})/.exec(out);
      if (match?.[1]) resolve((JSON.parse(match[1]) as { port: number }).port);
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const displays = await inBatches(DISPLAYS, 50, () => socketTo(url));
  const counters = await inBatches(COUNTERS, 50, () => socketTo(url));
  const kiosks = await inBatches(KIOSKS, 50, () => socketTo(url));
  const envelope = (i: number) => ({
    seq: 1000 + i,
    at: Date.now(),
    actor: 'user:canbo1',
    event: {
      type: 'ticket.called',
      ticketId: `relay-${i}`,
      at: Date.now(),
      counterId: 'quay-1',
      clerkId: 'canbo1',
      how: 'next',
      priority: false,
    },
  });
  const latencies = await measureCalls(
    displays,
    CALLS,
    (i) => `quay-${(i % counters.length) + 1}`,
    async (i) => {
      const counter = counters[i % counters.length]!;
      const payload = envelope(i);
      payload.event.counterId = `quay-${(i % counters.length) + 1}`;
      await counter.timeout(10_000).emitWithAck('call', payload);
    },
  );
  for (const s of [...displays, ...counters, ...kiosks]) s.disconnect();
  child.kill('SIGTERM');
  return { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), samples: latencies.length };
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  console.log(
    `bench: ${COUNTERS} counters, ${DISPLAYS} displays, ${KIOSKS} kiosks; events ${EVENT_BATCHES ? 'in batches (events)' : 'one by one (event)'}; load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );

  // The hub as users run it: the bundle under plain node (npm start), built now from the current source.
  execFileSync(process.execPath, ['build.mjs'], { cwd: join(REPO_ROOT, 'apps/hub'), stdio: 'inherit' });
  const writeFloor = rawWriteFloor(FLOOR_TRANSACTIONS);
  console.log(`raw SQLite write floor at the start: ${writeFloor.txPerSecond} tx/s`);
  const relay = await relayFloor();
  const freshMemory = await freshHubMemory(MEMORY_CLIENTS);
  console.log(
    `fresh hub memory: idle ${freshMemory.idleMb} MB, with ${freshMemory.clients} clients ${freshMemory.withClientsMb} MB`,
  );
  console.log(`relay floor: p50 ${relay.p50} ms, p99 ${relay.p99} ms`);

  const reportDir = mkdtempSync(join(tmpdir(), 'motcua-bench-report-'));
  /** Where the loaded hub's RSS is (bench/memoryBreakdown.ts), printed beside each memory read and kept in the results. */
  const breakdowns: Record<
    string,
    { resident: ReturnType<typeof residentBreakdown>; v8: Awaited<ReturnType<typeof v8HeapReport>> }
  > = {};
  const explainMemory = async (when: string) => {
    const resident = residentBreakdown(pid);
    const v8 = HEAP_SNAPSHOT ? null : await v8HeapReport(pid, reportDir);
    breakdowns[when] = { resident, v8 };
    console.log(`  ${when}: ${describeMemory(resident, v8)}`);
  };
  const hub = await startHubProcess({
    built: true,
    args: ['--kiosk-issues-per-minute', '100000', '--kiosk-issue-burst', '100000', '--log-level', 'warn', ...hubArgs()],
    env: HEAP_SNAPSHOT ? { NODE_OPTIONS: '--heapsnapshot-signal=SIGUSR2' } : {},
    nodeArgs: [
      ...(CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : []),
      // SIGUSR2 writes a heap snapshot with --heap-snapshot 1, otherwise a diagnostic report (the V8 heap's figures).
      ...(HEAP_SNAPSHOT ? [] : reportOnSignalArgs(reportDir)),
      ...hubNodeArgs(),
    ],
  });
  const pid = hub.child.pid!;
  try {
    const url = hub.url;
    const idle = processStats(pid);
    const admin = await socketTo(url);
    const oneTime = adminPasswordFrom(hub.output());
    const signIn = (await admin.emitWithAck('session.signIn', {
      username: 'admin',
      pin: oneTime,
      counterId: null,
    })) as { ok: boolean };
    if (!signIn.ok) throw new Error('admin sign-in failed');
    // The one-time password must be replaced before the admin may do anything.
    const changed = (await admin.emitWithAck('session.changePassword', {
      currentPassword: oneTime,
      newPassword: replacedAdminPassword(oneTime),
    })) as { ok: boolean };
    if (!changed.ok) throw new Error('admin password change failed');
    // Room for a city centre's day (DAY_TICKETS) in each service's numbering, with no daily cap.
    {
      const synced = (await admin.emitWithAck('sync', { lastSeq: 0 })) as { sync: { stateJson: Buffer } };
      const config = stateCodec.decode(synced.sync.stateJson.toString('utf8')).config;
      for (const serviceId of SERVICES) {
        const service = config.services[serviceId];
        if (!service) throw new Error(`demo service ${serviceId} missing`);
        const reply = await command(admin, {
          type: 'config.upsertService',
          service: { ...service, rangeTo: 99_999, dailyCap: 0 },
        });
        if (!reply.ok) throw new Error(`widening ${serviceId} refused: ${reply.code}`);
      }
    }
    for (let n = 6; n <= COUNTERS; n++) {
      await command(admin, {
        type: 'config.upsertCounter',
        counter: { id: `quay-${n}`, number: n, name: { vi: `Quầy ${n}`, en: `Counter ${n}` }, serviceIds: SERVICES },
      });
      await command(admin, {
        type: 'config.upsertUser',
        user: { id: `canbo${n}`, username: `canbo${n}`, displayName: `Cán bộ ${n}`, role: 'clerk', disabled: false },
      });
      await admin.emitWithAck('user.setPin', { userId: `canbo${n}`, pin: '1234' });
    }
    const paired = async (kind: string, counterId: string | null = null) => {
      const socket = await socketTo(url);
      const pair = (await socket.emitWithAck('pair.request', { kind, name: `bench ${kind}`, counterId })) as {
        deviceToken: string;
      };
      await socket.emitWithAck('hello', { protocol: PROTOCOL_VERSION, deviceToken: pair.deviceToken, lastSeq: 0 });
      return { socket, token: pair.deviceToken };
    };
    const kioskPairs = await inBatches(KIOSKS, 10, () => paired('kiosk'));
    // The issuance runs from the kiosk thread (bench/kioskWorker.ts); these sockets wait until it has finished.
    for (const { socket } of kioskPairs) socket.disconnect();
    // The bench runs under tsx; the thread loads its TypeScript through tsx's API.
    const kioskWorkerUrl = new URL('./kioskWorker.ts', import.meta.url).href;
    const kioskThread = new Worker(
      `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(kioskWorkerUrl)}, ${JSON.stringify(import.meta.url)}))`,
      {
        eval: true,
        workerData: {
          url,
          deviceTokens: kioskPairs.map((k) => k.token),
          services: SERVICES,
          eventBatches: EVENT_BATCHES,
        },
      },
    );
    const fromKioskThread = () =>
      new Promise<unknown>((resolve, reject) => {
        kioskThread.once('message', resolve);
        kioskThread.once('error', reject);
      });
    if ((await fromKioskThread()) !== 'ready') throw new Error('kiosk thread did not start');
    // Issuance: every kiosk in a closed loop until `count` tickets are acknowledged.
    const measureIssuance = async (count: number) => {
      const floorBefore = rawWriteFloor(FLOOR_TRANSACTIONS).txPerSecond;
      const cpuBefore = processStats(pid).cpuSeconds;
      kioskThread.postMessage({ count });
      const result = (await fromKioskThread()) as
        { issued: number; seconds: number; latencies: number[]; eventsPerMessage: number } | { error: string };
      if ('error' in result) throw new Error(result.error);
      const cpuSeconds = processStats(pid).cpuSeconds - cpuBefore;
      const floorAfter = rawWriteFloor(FLOOR_TRANSACTIONS).txPerSecond;
      return {
        perSecond: round(result.issued / result.seconds, 0),
        /** The raw write floor beside this phase: the mean of the runs just before and just after it. */
        floor: { txPerSecond: round((floorBefore + floorAfter) / 2, 0), before: floorBefore, after: floorAfter },
        p50: round(percentile(result.latencies, 50)),
        p99: round(percentile(result.latencies, 99)),
        hubCpuPercent: round((cpuSeconds / result.seconds) * 100, 0),
        // Events per message to a kiosk: how many commands the hub's group commit gathered per transaction.
        eventsPerMessage: round(result.eventsPerMessage),
      };
    };
    // First with the kiosks alone: what the hub's write path can do, without 150 other clients to feed.
    if (WARMUP_ISSUES > 0) await measureIssuance(WARMUP_ISSUES);
    const issuanceKiosksOnly = await measureIssuance(ISSUES);
    const eventsPerCommitKiosksOnly = issuanceKiosksOnly.eventsPerMessage;
    console.log(
      `hub issuance, ${KIOSKS} kiosks only: ${issuanceKiosksOnly.perSecond}/s, p50 ${issuanceKiosksOnly.p50} ms, p99 ${issuanceKiosksOnly.p99} ms; ${eventsPerCommitKiosksOnly} events per message; floor beside it ${issuanceKiosksOnly.floor.before} before, ${issuanceKiosksOnly.floor.after} after (tx/s)`,
    );
    const displayPairs = await inBatches(DISPLAYS, 25, () => paired('display'));
    const displays = displayPairs.map((d) => d.socket);
    const counters = await inBatches(COUNTERS, 10, async (i) => {
      const counterId = `quay-${i + 1}`;
      const { socket } = await paired('counter', counterId);
      const reply = (await socket.emitWithAck('session.signIn', {
        username: `canbo${i + 1}`,
        pin: '1234',
        counterId,
      })) as { ok: boolean; code?: string };
      if (!reply.ok) throw new Error(`clerk ${i + 1} sign-in failed: ${reply.code}`);
      await command(socket, { type: 'counter.open', counterId });
      return { socket, counterId };
    });

    // Then with every counter and display connected: each ticket is broadcast to all of them.
    // How many events a display receives per message: 1 one by one, more when the hub batches a commit's events.
    const stopCounting = countEventsPerMessage(displays[0]!);
    const issuance = await measureIssuance(ISSUES);
    const eventsPerMessage = round(stopCounting());
    kioskThread.postMessage('close');
    await new Promise((resolve) => kioskThread.once('exit', resolve));
    // The kiosks again, in this thread, for the phases that follow (filling queues, growing the day).
    const kiosks = await Promise.all(
      kioskPairs.map(async ({ token }) => {
        const socket = await socketTo(url);
        await socket.emitWithAck('hello', { protocol: PROTOCOL_VERSION, deviceToken: token, lastSeq: 0 });
        return socket;
      }),
    );
    console.log(
      `hub issuance, all connected: ${issuance.perSecond}/s, p50 ${issuance.p50} ms, p99 ${issuance.p99} ms; ${eventsPerMessage} events per message to a display; floor beside it ${issuance.floor.before} before, ${issuance.floor.after} after (tx/s)`,
    );

    // Call → display: each counter calls in turn; timed until all displays have the ticket.called event.
    const current = new Map<string, string>();
    const finishCurrent = async () => {
      for (const { socket, counterId } of counters) {
        const ticketId = current.get(counterId);
        if (ticketId) await command(socket, { type: 'ticket.finish', counterId, ticketId });
        current.delete(counterId);
      }
    };
    const callCpuBefore = processStats(pid).cpuSeconds;
    const callStart = nowMs();
    const callLatencies = await measureCalls(
      displays,
      CALLS,
      (i) => counters[i % counters.length]!.counterId,
      async (i) => {
        const { socket, counterId } = counters[i % counters.length]!;
        const reply = await command(socket, { type: 'ticket.callNext', counterId });
        if (!reply.ok) throw new Error(`call refused: ${reply.code}`);
        current.set(counterId, reply.result!.ticket!.id);
      },
      async (i) => {
        // Untimed: the counter finishes its previous ticket before calling again.
        const { socket, counterId } = counters[i % counters.length]!;
        const ticketId = current.get(counterId);
        if (ticketId) await command(socket, { type: 'ticket.finish', counterId, ticketId });
        current.delete(counterId);
      },
    );
    await finishCurrent();
    const callCpu = (processStats(pid).cpuSeconds - callCpuBefore) / ((nowMs() - callStart) / 1000);
    const calls = {
      p50: round(percentile(callLatencies, 50)),
      p99: round(percentile(callLatencies, 99)),
      samples: callLatencies.length,
      hubCpuPercent: round(callCpu * 100, 0),
    };
    console.log(`hub call → display: p50 ${calls.p50} ms, p99 ${calls.p99} ms over ${calls.samples} deliveries`);

    // Bytes per call event as the waiting queue grows.
    const probe = displays[0]!;
    const frameSizes: number[] = [];
    probe.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type === 'message' && typeof packet.data === 'string' && packet.data.includes('"ticket.called"')) {
        frameSizes.push(Buffer.byteLength(packet.data));
      }
    });
    const bytesPerEvent: { waiting: number; bytes: number }[] = [];
    const quay1 = counters[0]!;
    for (const target of QUEUE_LENGTHS) {
      const synced = (await probe.emitWithAck('sync', { lastSeq: 0 })) as { sync: { stateJson: Buffer } };
      const state = stateCodec.decode(synced.sync.stateJson.toString('utf8'));
      let waiting = ticketsWhere(state, (t) => t.status === 'waiting').length;
      let s = 0;
      while (waiting < target + 1) {
        const batch = Math.min(KIOSKS, target + 1 - waiting);
        const replies = await Promise.all(
          kiosks
            .slice(0, batch)
            .map((kiosk) => command(kiosk, { type: 'ticket.issue', serviceId: SERVICES[s++ % SERVICES.length] })),
        );
        waiting += replies.filter((r) => r.ok).length;
        if (replies.some((r) => !r.ok)) throw new Error(`fill refused: ${replies.find((r) => !r.ok)?.code}`);
      }
      const previous = current.get(quay1.counterId);
      if (previous)
        await command(quay1.socket, { type: 'ticket.finish', counterId: quay1.counterId, ticketId: previous });
      const before = frameSizes.length;
      const reply = await command(quay1.socket, { type: 'ticket.callNext', counterId: quay1.counterId });
      if (!reply.ok) throw new Error(`call refused at ${target} waiting: ${reply.code}`);
      current.set(quay1.counterId, reply.result!.ticket!.id);
      while (frameSizes.length === before) await new Promise((r) => setTimeout(r, 10));
      bytesPerEvent.push({ waiting: target, bytes: frameSizes.at(-1)! });
    }
    console.log(`bytes per call event: ${bytesPerEvent.map((b) => `${b.waiting}→${b.bytes}`).join(', ')}`);

    // Grow the day to DAY_TICKETS tickets (all issued today, most still waiting) before the memory figures.
    const dayStart = nowMs();
    const healthBeforeFill = (await (await fetch(`${url}/healthz`)).json()) as { seq: number };
    const daySync = (await probe.emitWithAck('sync', { lastSeq: 0 })) as { sync: { stateJson: Buffer } };
    let dayTickets = ticketsWhere(stateCodec.decode(daySync.sync.stateJson.toString('utf8')), () => true).length;
    let fillService = 0;
    await Promise.all(
      kiosks.map(async (kiosk) => {
        while (dayTickets < DAY_TICKETS) {
          dayTickets++;
          const reply = await command(kiosk, {
            type: 'ticket.issue',
            serviceId: SERVICES[fillService++ % SERVICES.length],
          });
          if (!reply.ok) throw new Error(`day fill refused at ${dayTickets}: ${reply.code}`);
        }
      }),
    );
    const healthAfterFill = (await (await fetch(`${url}/healthz`)).json()) as { seq: number };
    const dayFilledAt = nowMs();
    console.log(
      `day grown to ${dayTickets} tickets (${healthAfterFill.seq - healthBeforeFill.seq} events) in ${round((nowMs() - dayStart) / 1000, 1)} s`,
    );

    if (HEAP_SNAPSHOT) {
      process.kill(pid, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 15_000));
      console.log('heap snapshot written by the hub into the repo root (Heap.*.heapsnapshot)');
    }

    // Memory with MEMORY_CLIENTS connected (the displays and counters so far, plus more displays on one token).
    // First as a typical reconnect: each extra client resumes from the hub's current seq (no snapshot to send);
    // then, on top, the worst case: as many fresh clients again, each taking a snapshot of the whole day.
    const connected = kiosks.length + displays.length + counters.length + 1;
    const extraToken = displayPairs[0]!.token;
    const hubNow = (await (await fetch(`${url}/healthz`)).json()) as { seq: number; hubId: string };
    const connectExtra = (lastSeq: number) =>
      inBatches(Math.max(0, MEMORY_CLIENTS - connected), 50, async () => {
        const socket = await socketTo(url);
        await socket.emitWithAck('hello', {
          protocol: PROTOCOL_VERSION,
          deviceToken: extraToken,
          lastSeq,
          hubId: hubNow.hubId,
        });
        return socket;
      });
    const extra = await connectExtra(hubNow.seq);
    // Settle as an office's quiet minute would: V8 returns the pages the fill's garbage took only after
    // its allocation rate drops (the memory reducer), so an RSS read right after the burst counts garbage.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const withClients = processStats(pid);
    console.log(`hub memory: idle ${idle.rssMb} MB, with ${connected + extra.length} clients ${withClients.rssMb} MB`);
    await explainMemory('withClients');
    // The same clients, once the fill's broadcasts have left Socket.IO's recovery buffer (see AFTER_RECOVERY_WINDOW_MS).
    let afterRecoveryWindow: number | null = null;
    if (AFTER_RECOVERY_WINDOW_MS > 0) {
      await new Promise((r) => setTimeout(r, Math.max(0, dayFilledAt + AFTER_RECOVERY_WINDOW_MS - nowMs())));
      afterRecoveryWindow = processStats(pid).rssMb;
      console.log(
        `hub memory with the same clients ${round((nowMs() - dayFilledAt) / 1000, 0)} s after the fill: ${afterRecoveryWindow} MB`,
      );
      await explainMemory('withClientsAfterRecoveryWindow');
    }
    for (const s of extra) s.disconnect();
    const fresh = await connectExtra(0);
    await new Promise((r) => setTimeout(r, 2000));
    const withSnapshots = processStats(pid);
    console.log(`hub memory after ${fresh.length} fresh clients each took a snapshot: ${withSnapshots.rssMb} MB`);
    await explainMemory('afterSnapshotsToFreshClients');
    for (const s of [...fresh, ...kiosks, ...displays, ...counters.map((c) => c.socket), admin]) s.disconnect();

    const sizes = bytesPerEvent.map((b) => b.bytes);
    const results = {
      startedAt,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
      loadavgBefore: loadBefore.map((l) => round(l)),
      loadavgAfter: loadavg().map((l) => round(l)),
      clients: { counters: COUNTERS, displays: DISPLAYS, kiosks: KIOSKS, eventBatches: EVENT_BATCHES },
      issuance: {
        ...issuance,
        floorTxPerSecond: issuance.floor.txPerSecond,
        floorAtStartTxPerSecond: writeFloor.txPerSecond,
        ratio: round(issuance.perSecond / issuance.floor.txPerSecond),
        eventsPerMessageToADisplay: eventsPerMessage,
      },
      issuanceKiosksOnly: {
        ...issuanceKiosksOnly,
        floorTxPerSecond: issuanceKiosksOnly.floor.txPerSecond,
        ratio: round(issuanceKiosksOnly.perSecond / issuanceKiosksOnly.floor.txPerSecond),
        eventsPerMessage: eventsPerCommitKiosksOnly,
      },
      callToDisplay: {
        ...calls,
        floor: relay,
        ratioP50: round(calls.p50 / relay.p50),
        ratioP99: round(calls.p99 / relay.p99),
      },
      memory: {
        dayTickets,
        idleMb: idle.rssMb,
        clients: connected + extra.length,
        withClientsMb: withClients.rssMb,
        withClientsAfterRecoveryWindowMb: afterRecoveryWindow,
        afterSnapshotsToFreshClientsMb: withSnapshots.rssMb,
        breakdowns,
        freshHub: freshMemory,
      },
      bytesPerCallEvent: { byWaiting: bytesPerEvent, spread: Math.max(...sizes) - Math.min(...sizes) },
      targets: {
        callP99WithinOneAndHalfRelay: calls.p99 <= 1.5 * relay.p99,
        issuanceKiosksOnlyAtLeastHalfOfRawWrites:
          issuanceKiosksOnly.perSecond >= 0.5 * issuanceKiosksOnly.floor.txPerSecond,
        issuanceAllConnectedAtLeastQuarterOfRawWrites: issuance.perSecond >= 0.25 * issuance.floor.txPerSecond,
        memoryAtMost150MbWith1000ClientsFreshHub: freshMemory.withClientsMb <= 150,
        memoryAtMost200MbWith1000ClientsOnTheDay: withClients.rssMb <= 200,
        memoryAtMost200MbWith1000ClientsOnTheDayAfterRecoveryWindow:
          afterRecoveryWindow === null ? null : afterRecoveryWindow <= 200,
        bytesIndependentOfQueueLength: Math.max(...sizes) - Math.min(...sizes) <= 16,
      },
    };
    const rows: [string, string, string, string][] = [
      [
        `issuance, ${KIOSKS} kiosks only (acked/s)`,
        String(issuanceKiosksOnly.perSecond),
        `${issuanceKiosksOnly.floor.txPerSecond} raw tx/s`,
        String(results.issuanceKiosksOnly.ratio),
      ],
      ['  ack latency p50 / p99 (ms)', `${issuanceKiosksOnly.p50} / ${issuanceKiosksOnly.p99}`, '', ''],
      [
        'issuance, all clients connected (acked/s)',
        String(issuance.perSecond),
        `${issuance.floor.txPerSecond} raw tx/s`,
        String(results.issuance.ratio),
      ],
      ['  ack latency p50 / p99 (ms)', `${issuance.p50} / ${issuance.p99}`, '', ''],
      ['call → display p50 (ms)', String(calls.p50), String(relay.p50), String(results.callToDisplay.ratioP50)],
      ['call → display p99 (ms)', String(calls.p99), String(relay.p99), String(results.callToDisplay.ratioP99)],
      ['hub CPU while issuing / calling', `${issuance.hubCpuPercent}% / ${calls.hubCpuPercent}%`, '', ''],
      [
        `fresh hub RSS idle / ${freshMemory.clients} clients (MB)`,
        `${freshMemory.idleMb} / ${freshMemory.withClientsMb}`,
        '≤ 150',
        '',
      ],
      [
        `${dayTickets}-ticket day: hub RSS at start / ${results.memory.clients} clients (MB)`,
        `${idle.rssMb} / ${withClients.rssMb}`,
        '≤ 200',
        '',
      ],
      [
        `  … the same clients, ${AFTER_RECOVERY_WINDOW_MS / 1000} s after the fill (MB)`,
        String(afterRecoveryWindow ?? 'not read'),
        '≤ 200',
        '',
      ],
      ['  … after as many fresh clients took a snapshot each (MB)', String(withSnapshots.rssMb), '', ''],
      [
        'bytes per call event (waiting 10…5000)',
        sizes.join(' / '),
        'constant',
        `spread ${results.bytesPerCallEvent.spread}`,
      ],
      ['load average before / after', `${results.loadavgBefore.join(' ')} / ${results.loadavgAfter.join(' ')}`, '', ''],
    ];
    console.log(`\n${'figure'.padEnd(42)}${'hub'.padEnd(24)}${'floor'.padEnd(18)}ratio`);
    for (const [name, value, floor, ratio] of rows)
      console.log(`${name.padEnd(42)}${value.padEnd(24)}${floor.padEnd(18)}${ratio}`);
    console.log(`\ntargets: ${JSON.stringify(results.targets)}`);
    const dir = join(REPO_ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `hub-${startedAt.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    writeFileSync(join(dir, 'hub-latest.json'), JSON.stringify(results, null, 2));
    console.log(`results: ${file}`);
  } finally {
    await hub.stop();
    rmSync(reportDir, { recursive: true, force: true });
    hub.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
