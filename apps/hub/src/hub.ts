import { printerAddressContext } from './features/printerAddressCheck.js';
import { authorizeHttp, defaultStatusBaseUrl, demoOfficeCommands, serviceDayOf, stateHash } from '@motcua/core';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { AuthService } from './auth/authService.js';
import { newPassword } from '@motcua/secrets';
import { Engine, storeErrorCode } from './engine.js';
import { hostChecker, lanAddresses } from './net/allowedHosts.js';
import { trustFunction } from './net/clientAddress.js';
import { httpCaller } from './net/httpGuard.js';
import { createHttpApp, registerRoutes } from './net/httpServer.js';
import { fileRoute, jsonRoute, sendHtml, sendJson, type HubRoute } from './net/routes.js';
import { staticRoute } from './net/staticFiles.js';
import { attachSocketServer, type HubIo } from './net/socketServer.js';
import { landingPage } from './net/landingPage.js';
import type { HubOptions } from './options.js';
import { createHubFeatures } from './features/index.js';
import { openSqliteFeatureStores } from './features/store/openSqliteFeatureStores.js';
import type { FeatureContext, HubFeature } from './features/types.js';
import { monotonicMs } from './net/tokenBucket.js';
import { installationId, openEpoch, startNewEpoch, writeEpochMark } from './store/epoch.js';
import { EventStore } from './store/eventStore.js';
import { openDatabase, type Db } from './store/openDatabase.js';
import { REPO_ROOT } from './repoRoot.js';

export { REPO_ROOT };
export const APPS = ['kiosk', 'counter', 'display', 'admin'] as const;

export interface FirstRunSecrets {
  adminUsername: string;
  /** One-time: the first sign-in must replace it. */
  adminPassword: string;
  demoClerkPin: string | null;
  demoSupervisorPassword: string | null;
}

export interface RunningHub {
  port: number;
  url: string;
  lanUrls: string[];
  engine: Engine;
  db: Db;
  io: HubIo;
  log: Logger;
  firstRun: FirstRunSecrets | null;
  close(): Promise<void>;
}

export const DEMO_CLERK_PIN = '1234';
/** Supervisors and admins need at least 10 characters, in the demo too. */
export const DEMO_SUPERVISOR_PASSWORD = 'giamsat-1234';

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = pino({
    level: options.logLevel,
    redact: {
      paths: ['*.pin', '*.deviceToken', '*.sessionToken', '*.password', 'pin', 'deviceToken', 'sessionToken'],
      censor: '[redacted]',
    },
  });
  let clockOffset = options.clockOffsetMs;
  const clock = () => Date.now() + clockOffset;

  const db = openDatabase(options.dataDir, options.sqliteCacheMb);
  const store = new EventStore(db);
  const featureStores = openSqliteFeatureStores(db);
  const state = store.loadState();
  const priorHubId = store.metaValue('hub_id');
  const epoch = openEpoch(store, options.dataDir, state.seq);
  let hubId = epoch.hubId;
  const installId = installationId(store, priorHubId ?? hubId);
  if (epoch.reason) log.warn({ hubId, reason: epoch.reason }, 'started a new hub epoch');
  const newEpoch = (reason: string): string => {
    hubId = startNewEpoch(store);
    log.warn({ hubId, reason }, 'started a new hub epoch');
    markEpoch();
    return hubId;
  };
  /** Records the seq reached, so a database put back in time is noticed at the next start. */
  let marked = { hubId: '', seq: -1 };
  const markEpoch = () => {
    if (marked.hubId === hubId && marked.seq === engine.state.seq) return;
    try {
      marked = { hubId, seq: engine.state.seq };
      writeEpochMark(options.dataDir, marked);
    } catch (error) {
      log.warn({ err: error }, 'could not write the epoch mark');
    }
  };
  log.info({ seq: state.seq, serviceDay: state.serviceDay, dataDir: options.dataDir, hubId }, 'state loaded');
  // The WAL could not be synced: what the last batches wrote may not be on disk, and nothing of it was
  // acknowledged. Stop rather than go on from a state the disk may not hold; the next start recovers what is
  // there and every client retries its unanswered commands (same requestIds, so nothing happens twice).
  const engine = new Engine(state, store, clock, log, () => process.exit(70));
  engine.latestEventAt = store.latestEventAt();
  const auth = new AuthService(db, clock, {
    sessionIdleMs: options.sessionIdleMinutes * 60_000,
    sessionMaxMs: options.sessionMaxHours * 3600_000,
    pairingExpiryMs: options.pairingExpiryMinutes * 60_000,
    maxPendingPairings: options.maxPendingPairings,
  });
  store.addProjector(auth.pairingProjector());

  const trust = trustFunction(options.trustProxy);
  const app = await createHttpApp({
    log,
    trust,
    hostAllowed: hostChecker(options.allowedHostNames, () => publicHostNames(engine)),
    callerOf: (req) => httpCaller(req, auth, engine),
  });
  const server = app.server;
  // Built once the socket server exists; no connection is accepted before the hub listens.
  let features: HubFeature[] = [];
  const sockets = attachSocketServer(
    server,
    engine,
    store,
    auth,
    {
      hubId: () => hubId,
      startNewEpoch: newEpoch,
      autoPairLocalhost: options.autoPairLocalhost,
      allowedOrigins: options.allowedOrigins,
      allowedHostNames: options.allowedHostNames,
      kioskIssuesPerMinute: options.kioskIssuesPerMinute,
      kioskIssueBurst: options.kioskIssueBurst,
      pairRequestsPerMinute: options.pairRequestsPerMinute,
      pairRequestBurst: options.pairRequestBurst,
      deviceAlertsPerMinute: options.deviceAlertsPerMinute,
      deviceAlertBurst: options.deviceAlertBurst,
      printerAddress: () => printerAddressContext(options, engine.state.config),
      trust,
    },
    log,
    {
      socketHandlers: () => features.map((feature) => feature.socketHandlers ?? {}),
      commandReply: (command, reply) => {
        for (const feature of features) feature.commandReply?.(command, reply);
      },
    },
  );
  const { io } = sockets;
  const context: FeatureContext = {
    engine,
    auth,
    io,
    log,
    options,
    clock: { now: clock, monotonic: monotonicMs },
    hubId: () => hubId,
    hubAddresses: () => ({ listenHost: options.host, port, lanAddresses: lanAddresses() }),
    // The address the hub answers on: a hub on 127.0.0.1 must not print a LAN address phones cannot open.
    publicUrl: () => defaultStatusBaseUrl({ listenHost: options.host, port, lanAddresses: lanAddresses() }),
  };
  features = createHubFeatures(context, featureStores);
  const builtinRoutes: HubRoute[] = [
    jsonRoute('GET /healthz', {
      handler: ({ query, request, reply }) => {
        // The hash walks the whole state: only for signed-in staff (core's 'GET /healthz?hash=1' line).
        const withHash =
          query.hash === '1' && !authorizeHttp('GET /healthz?hash=1', httpCaller(request.raw, auth, engine).role);
        return sendJson(reply.header('Cache-Control', 'no-store'), 'GET /healthz', engine.health.ok ? 200 : 503, {
          ok: engine.health.ok,
          seq: engine.state.seq,
          serviceDay: engine.state.serviceDay,
          store: engine.health,
          hubId,
          time: clock(),
          ...(withHash ? { stateHash: stateHash(engine.state) } : {}),
        });
      },
    }),
    fileRoute('GET /', {
      handler: ({ reply }) =>
        sendHtml(reply, 200, landingPage(engine.state.config.office.name, lanUrls, port, appsBuilt())),
    }),
    staticRoute('/voice/default', join(REPO_ROOT, 'apps/display/voice/default'), false),
    staticRoute('/voice/office', join(options.dataDir, 'voice'), false),
    ...APPS.map((name) => staticRoute(`/${name}`, join(REPO_ROOT, 'apps', name, 'dist'), true)),
  ];
  if (options.testClock) {
    builtinRoutes.push(
      jsonRoute('POST /__test__/clock', {
        handler: ({ body }) => {
          clockOffset = body.offsetMs;
          rollOverServiceDay(engine, store, log);
          return { ok: true, now: clock(), serviceDay: engine.state.serviceDay };
        },
      }),
    );
  }
  registerRoutes(app, [...builtinRoutes, ...features.flatMap((feature) => feature.routes ?? [])], (req) =>
    httpCaller(req, auth, engine),
  );
  const removeProjectors: (() => void)[] = [];
  for (const { projector } of features) {
    // The feature's store shares the hub's connection: its writes here are inside the events' transaction.
    if (projector)
      removeProjectors.push(
        store.addProjector({
          name: projector.name,
          project: (_tx, envelopes, after) => projector.project(envelopes, after),
        }),
      );
  }
  // Only now may start-up append events (the first run's office, a day rolled over while the hub was
  // down): every feature's projector sees them in their transaction, so nothing needs catching up later.
  const firstRun = state.seq === 0 ? seedFirstRun(engine, auth, options.demo) : null;
  rollOverServiceDay(engine, store, log);

  await app.listen({ port: options.port, host: options.host });
  const port = (server.address() as AddressInfo).port;
  const lanUrls = lanAddresses().map((address) => `http://${address}:${port}`);

  markEpoch();
  const dayTimer = setInterval(() => {
    rollOverServiceDay(engine, store, log);
    markEpoch();
    try {
      sockets.sweep();
    } catch (error) {
      log.warn({ err: error }, 'could not end expired sessions');
    }
  }, 5_000);
  dayTimer.unref();

  for (const feature of features) {
    try {
      await feature.start?.();
    } catch (error) {
      // A locked, full or read-only store must not keep the hub from serving the queue; /healthz reports the store.
      if (!storeErrorCode(error)) throw error;
      log.error({ err: error, feature: feature.name }, 'feature started without its store writes');
    }
  }

  let unpublish: (() => void) | null = null;
  if (options.mdns) unpublish = await publishMdns(port, engine.state.config.office.name, installId, log);

  let closed = false;
  const running: RunningHub = {
    port,
    url: `http://127.0.0.1:${port}`,
    lanUrls,
    engine,
    db,
    io,
    log,
    firstRun,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(dayTimer);
      unpublish?.();
      for (const feature of features) await feature.stop();
      for (const remove of removeProjectors) remove();
      // Socket.IO closes its transports (clients see a dropped connection and reconnect to the next hub,
      // not a "go away"), then the server; idle keep-alive and long-poll connections of browsers left open
      // on the LAN are cut so they cannot hold the hub up.
      const socketsClosed = new Promise<void>((resolveClose) => io.close(() => resolveClose()));
      server.closeAllConnections();
      await socketsClosed;
      await app.close();
      try {
        engine.flush();
      } catch (error) {
        log.error({ err: error }, 'could not store the last commands at shutdown');
      }
      markEpoch();
      try {
        store.writeSnapshot(engine.state);
      } catch (error) {
        log.warn({ err: error }, 'could not write a snapshot at shutdown');
      }
      store.closeWal();
      db.close();
      log.info('hub stopped');
    },
  };
  return running;
}

/** The host of the office's public status address (kiosk setting), so phones reaching it by that name are served. */
function publicHostNames(engine: Engine): string[] {
  const base = engine.state.config.kiosk.statusBaseUrl;
  if (!base) return [];
  try {
    return [new URL(base).hostname.toLowerCase()];
  } catch {
    return [];
  }
}

function appsBuilt(): Record<string, boolean> {
  return Object.fromEntries(
    [...APPS, 'citizen'].map((app) => [app, existsSync(join(REPO_ROOT, 'apps', app, 'dist', 'index.html'))]),
  );
}

/** The first start: an admin account with a one-time password, and the demo office when asked. */
function seedFirstRun(engine: Engine, auth: AuthService, demo: boolean): FirstRunSecrets {
  const system = { kind: 'system' } as const;
  const openDay = engine.execute(system, { type: 'day.close' }, null);
  if (!openDay.ok) throw new Error(`cannot open the first service day: ${openDay.code}`);
  const adminPassword = newPassword();
  const admin = engine.execute(
    system,
    {
      type: 'config.upsertUser',
      user: { id: 'admin', username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', disabled: false },
    },
    null,
  );
  if (!admin.ok) throw new Error(`cannot create the admin account: ${admin.code}`);
  auth.setPin('admin', adminPassword, { mustChange: true });
  if (!demo) return { adminUsername: 'admin', adminPassword, demoClerkPin: null, demoSupervisorPassword: null };
  for (const command of demoOfficeCommands({ alwaysOpen: true })) {
    const reply = engine.execute(system, command, null);
    if (!reply.ok) throw new Error(`demo data refused (${command.type}): ${reply.code}`);
  }
  for (const user of Object.values(engine.state.config.users)) {
    if (user.role === 'clerk') auth.setPin(user.id, DEMO_CLERK_PIN);
    else if (user.id !== 'admin') auth.setPin(user.id, DEMO_SUPERVISOR_PASSWORD);
  }
  return {
    adminUsername: 'admin',
    adminPassword,
    demoClerkPin: DEMO_CLERK_PIN,
    demoSupervisorPassword: DEMO_SUPERVISOR_PASSWORD,
  };
}

/**
 * No cron: when the office's clock passes the close hour, the hub closes the day and opens the next.
 * The service day only moves forward (core's `day.close` refuses to go back); a clock behind the last
 * event is logged and raised to staff, since tickets then carry times earlier than ones before them.
 */
function rollOverServiceDay(engine: Engine, store: EventStore, log: Logger): void {
  noticeClockSteppedBack(engine, log);
  const today = serviceDayOf(engine.now(), engine.state.config.office);
  if (today <= engine.state.serviceDay) return;
  const reply = engine.execute({ kind: 'system' }, { type: 'day.close' }, null);
  if (reply.ok) {
    log.info({ serviceDay: engine.state.serviceDay }, 'service day opened');
    try {
      store.pruneRequests(engine.now() - 3 * 24 * 3600_000);
    } catch (error) {
      log.warn({ err: error }, 'could not prune old request ids');
    }
  } else log.warn({ code: reply.code }, 'service day roll-over postponed');
}

const CLOCK_ALERT_SOURCE = 'system';

function noticeClockSteppedBack(engine: Engine, log: Logger): void {
  const behindMs = engine.latestEventAt - engine.now();
  // A second of slack: events within one tick may carry times a hair apart.
  if (behindMs <= 1_000) return;
  const open = Object.values(engine.state.alerts).some(
    (alert) => alert.alertKind === 'clockSteppedBack' && alert.source === CLOCK_ALERT_SOURCE,
  );
  if (open) return;
  const minutes = Math.max(1, Math.round(behindMs / 60_000));
  log.warn({ behindMs, latestEventAt: engine.latestEventAt }, 'the wall clock is behind the last stored event');
  const reply = engine.execute(
    { kind: 'system' },
    {
      type: 'alert.raise',
      alertKind: 'clockSteppedBack',
      message: `Đồng hồ máy chủ bị lùi khoảng ${minutes} phút so với lần ghi trước. Vui lòng kiểm tra giờ hệ thống (Clock stepped back ~${minutes} min; check the system time).`,
    },
    null,
  );
  if (!reply.ok) log.warn({ code: reply.code }, 'could not raise the clock alert');
}

/** `hubId` in the TXT record is the installation's id (stable across epochs), which kiosks pin. */
async function publishMdns(port: number, name: string, hubId: string, log: Logger): Promise<() => void> {
  try {
    const { Bonjour } = await import('bonjour-service');
    const bonjour = new Bonjour(undefined, (error: unknown) => log.warn({ err: error }, 'mDNS error'));
    bonjour.publish({
      name: `Motcua hub – ${name}`.slice(0, 60),
      type: 'motcua',
      port,
      // hubId: a paired kiosk takes only the hub it paired with (apps/kiosk/electron/discovery.ts).
      txt: { path: '/', protocol: '1', hubId },
    });
    log.info({ type: '_motcua._tcp', port }, 'advertised on the LAN with mDNS');
    return () => bonjour.destroy();
  } catch (error) {
    log.warn({ err: error }, 'mDNS not available; devices need the hub address typed in');
    return () => undefined;
  }
}
