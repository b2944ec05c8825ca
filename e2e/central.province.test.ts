import type { HubClient } from '@motcua/client';
import type { ReportSummary } from '@motcua/core';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startCentralProcess, type CentralProcess } from './support/centralProcess.js';
import { adminPasswordFrom, connectAdmin, connectClerk, connectDevice, signInAsAdmin } from './support/clients.js';
import { readEventLog } from './support/eventLog.js';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';
import { startPostgres, type PostgresServer } from './support/postgresServer.js';

const ADMIN_PASSWORD = 'quan-tri-tinh-2026';
const OFFICES = ['phuong-1', 'xa-2', 'xa-3'];
const SERVICES = ['khai-sinh', 'ket-hon', 'chung-thuc-ban-sao'];
const SCORES = ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied'] as const;
const ANSWERS = ['verySatisfied', 'satisfied', 'dissatisfied'] as const;

const randomMs = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Office {
  id: string;
  credential: string;
  hub: HubProcess;
  adminPassword: string;
}

/** A citizen takes a ticket, a clerk calls and serves it, the citizen rates; failures (a hub being killed) are tolerated. */
async function officeLife(url: string, rounds: number): Promise<void> {
  const clients: HubClient[] = [];
  try {
    const kiosk = await connectDevice(url, 'kiosk');
    clients.push(kiosk);
    const clerk = await connectClerk(url, 1);
    clients.push(clerk);
    const pad = await connectDevice(url, 'rating', { counterId: 'quay-1' });
    clients.push(pad);
    for (let i = 0; i < rounds; i++) {
      await kiosk.send({ type: 'ticket.issue', serviceId: SERVICES[i % SERVICES.length]! });
      if (i % 3 === 2) continue; // some stay waiting
      const call = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
      if (!call.ok || !call.result.ticket) continue;
      const ticketId = call.result.ticket.id;
      const finish = await clerk.send({ type: 'ticket.finish', counterId: 'quay-1', ticketId });
      if (finish.ok && i % 2 === 0) {
        // Ballots of two scales: a pad still on the earlier four levels, and the official three.
        const tap = { type: 'rating.submit', counterId: 'quay-1', ticketId } as const;
        await pad.send(
          i % 4 === 0
            ? { ...tap, score: SCORES[i % 8 === 0 ? 2 : 1] }
            : { ...tap, scale: 'three', answer: ANSWERS[i % 3]! },
        );
      }
    }
  } catch {
    // The hub was killed under us: the round simply ends.
  } finally {
    for (const client of clients) client.close();
  }
}

/** Rounds numbers so SQLite's AVG and a JavaScript mean compare equal. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

describe('province: three office hubs ship to one central on PostgreSQL through crashes and link loss', () => {
  let postgres: PostgresServer | null = null;
  let central: CentralProcess | null = null;
  const offices: Office[] = [];

  afterAll(async () => {
    for (const office of offices) {
      await office.hub.stop();
      office.hub.cleanup();
    }
    await central?.stop();
    await postgres?.stop();
  });

  it('central ends with every event of every office exactly once and the same reports', async () => {
    postgres = await startPostgres();
    central = await startCentralProcess({ databaseUrl: postgres.url, adminPassword: ADMIN_PASSWORD });
    const login = await fetch(`${central.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const adminToken = ((await login.json()) as { token: string }).token;
    for (const id of OFFICES) {
      const res = await fetch(`${central.url}/api/admin/offices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ id, name: `Bộ phận Một cửa ${id}` }),
      });
      const credential = ((await res.json()) as { credential: string }).credential;
      const hub = await startHubProcess({
        args: ['--central-url', central.url, '--central-credential', credential, '--central-retry-max-ms', '1000'],
      });
      offices.push({ id, credential, hub, adminPassword: adminPasswordFrom(hub.output()) });
    }
    // A counter whose clerk's device is gone 5 s is lost (idle stops): between rounds and at the end.
    for (const office of offices) {
      const admin = await connectAdmin(office.hub.url, office.adminPassword);
      const office0 = admin.state!.config.office;
      const set = await admin.send({ type: 'config.setOffice', office: { ...office0, counterLostAfterSeconds: 5 } });
      admin.close();
      expect(set.ok).toBe(true);
    }

    // Round 1, with central killed at a random moment during it.
    const killCentral = sleep(randomMs(200, 3000)).then(() => central!.kill9());
    await Promise.all([...offices.map((o) => officeLife(o.hub.url, 6)), killCentral]);
    // The link stays cut for a while: the offices keep serving.
    await Promise.all(offices.map((o) => officeLife(o.hub.url, 4)));
    const statusWhileDown = await hubCentralStatus(offices[0]!);
    expect(statusWhileDown.link).toMatch(/down|connecting/);
    expect(statusWhileDown.behind).toBeGreaterThan(0);
    central = await central.restart();

    // Round 2, with one hub killed at a random moment, then restarted on its database.
    const victim = offices[Math.floor(Math.random() * offices.length)]!;
    const killHub = sleep(randomMs(200, 3000)).then(() => victim.hub.kill9());
    await Promise.all([...offices.map((o) => officeLife(o.hub.url, 6)), killHub]);
    victim.hub = await victim.hub.restart();
    await Promise.all(offices.map((o) => officeLife(o.hub.url, 4)));

    // Central killed again while the offices catch up, then back.
    await sleep(randomMs(0, 1500));
    await central.kill9();
    await sleep(randomMs(500, 2000));
    central = await central.restart();
    const centralUrl = central.url;

    // Every clerk has gone home: each office's counter ends lost, so no idle time is running while reports are compared.
    for (const office of offices) {
      await waitFor(
        () =>
          readEventLog(office.hub.dataDir)
            .filter((e) => e.event.type === 'counter.deviceLost' || e.event.type === 'counter.deviceBack')
            .at(-1)?.event.type === 'counter.deviceLost',
        60_000,
        `${office.id}: quay-1 lost`,
      );
    }

    const db = new pg.Client(postgres.url);
    await db.connect();
    try {
      for (const office of offices) {
        const health = await hubHealth(office.hub.url);
        await waitFor(
          async () => (await hubCentralStatus(office)).acknowledgedSeq === health.seq,
          90_000,
          `${office.id} shipped up to seq ${health.seq}`,
        );
        const status = await hubCentralStatus(office);
        expect(status).toMatchObject({ link: 'up', behind: 0 });

        // Exactly every event once, byte for byte as the hub stored it.
        const stored = (
          await db.query<{ seq: number; payload: string; hub_id: string }>(
            'SELECT seq::int AS seq, payload, hub_id FROM events WHERE office_id = $1 ORDER BY seq',
            [office.id],
          )
        ).rows;
        const log = readEventLog(office.hub.dataDir);
        expect(stored.map((e) => e.seq)).toEqual(log.map((e) => e.seq));
        expect(stored.map((e) => JSON.parse(e.payload))).toEqual(log.map((e) => e.event));
        expect(new Set(stored.map((e) => e.hub_id))).toEqual(new Set([status.hubId]));

        // The report tables follow ingest: wait until central has projected up to the hub's seq.
        await waitFor(
          async () => {
            const overview = (await (
              await fetch(`${centralUrl}/api/overview`, { headers: { authorization: `Bearer ${adminToken}` } })
            ).json()) as { offices: { officeId: string; seq: number }[] };
            return overview.offices.find((o) => o.officeId === office.id)?.seq === health.seq;
          },
          60_000,
          `${office.id} projected up to seq ${health.seq}`,
        );

        // The same report from the office and from central, with the shared definitions.
        const day = health.serviceDay;
        const hubToken = await hubSessionToken(office);
        const local = (await (
          await fetch(`${office.hub.url}/api/reports/summary?from=${day}&to=${day}`, {
            headers: { authorization: `Bearer ${hubToken}` },
          })
        ).json()) as { summary: ReportSummary };
        const remote = (await (
          await fetch(`${central.url}/api/offices/${office.id}?from=${day}&to=${day}`, {
            headers: { authorization: `Bearer ${adminToken}` },
          })
        ).json()) as { report: ReportSummary };
        expect(local.summary.totals.issued).toBeGreaterThan(5);
        expect(local.summary.satisfaction.overall.ratings).toBeGreaterThan(0);
        expect(rounded({ ...remote.report, idle: null })).toEqual(rounded({ ...local.summary, idle: null }));
        // Idle time by the same walk (core's foldIdle), lost counters included: with every counter lost nothing is
        // idle right now, so the two answers agree to the millisecond.
        const idleRows = (summary: ReportSummary) =>
          [...summary.idle.byCounter, ...summary.idle.byClerk.map((r) => ({ ...r, key: `clerk ${r.key}` }))].map(
            (r) => [r.key, r.idleSeconds] as const,
          );
        const remoteIdle = new Map(idleRows(remote.report));
        expect(local.summary.idle.totalSeconds).toBeGreaterThan(0);
        expect([...remoteIdle.keys()].sort()).toEqual(
          idleRows(local.summary)
            .map(([key]) => key)
            .sort(),
        );
        for (const [key, seconds] of idleRows(local.summary)) {
          expect(remoteIdle.get(key) ?? 0, `idle ${key}`).toBeCloseTo(seconds, 3);
        }
      }
    } finally {
      await db.end();
    }
    const alerts = (await (
      await fetch(`${central.url}/api/alerts`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).json()) as { alerts: unknown[] };
    expect(alerts.alerts).toEqual([]);
  }, 300_000);
});

const tokens = new Map<string, string>();

async function hubSessionToken(office: Office): Promise<string> {
  const known = tokens.get(office.hub.url);
  if (known) return known;
  const client = await connectAdmin(office.hub.url, office.adminPassword);
  const reply = await signInAsAdmin(client, office.adminPassword);
  client.close();
  if (!reply.ok) throw new Error('admin sign-in failed');
  tokens.set(office.hub.url, reply.sessionToken);
  return reply.sessionToken;
}

async function hubCentralStatus(
  office: Office,
): Promise<{ link: string; behind: number; acknowledgedSeq: number; hubId: string }> {
  const token = await hubSessionToken(office);
  const res = await fetch(`${office.hub.url}/api/central/status`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { status: { link: string; behind: number; acknowledgedSeq: number; hubId: string } })
    .status;
}
