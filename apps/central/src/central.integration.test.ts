import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allTickets,
  foldIdle,
  isSatisfied,
  ratingBallotOf,
  openIdleIntervals,
  satisfactionIndex,
  sumIdle,
  summarizeReport,
  type DomainEvent,
  type IdleEventFields,
  type IdleFold,
  type IdleInterval,
  type IngestReply,
  type ReportRating,
  type ShippedEvent,
} from '@motcua/core';
import type { OfficeOverview } from './reports/officeReports.js';
import { startPostgres, type PostgresServer } from '../../../e2e/support/postgresServer.js';
import { SimulatedOffice } from './demo/simulatedOffice.js';
import { chainHash, ingestBatch } from './ingest/ingestBatch.js';
import { Projector } from './ingest/projector.js';
import { startCentral, type Central } from './startCentral.js';

const ADMIN_PASSWORD = 'mat-khau-tinh-123';

async function post(
  url: string,
  token: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function get(url: string, token: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

type RatingOfDay = ReportRating & { ticketId: string };

/**
 * The office's own ratings, as its hub's table holds them: the first answer, replaced by a later amend; a
 * four-level `score` read as legacyFour.
 */
function ratingsOf(office: SimulatedOffice, serviceDay: string): RatingOfDay[] {
  const ratings = new Map<string, RatingOfDay>();
  for (const shipped of office.shipped) {
    const event = JSON.parse(shipped.payload) as DomainEvent;
    if (event.type === 'rating.submitted') {
      const ballot = ratingBallotOf(event.rating);
      if (ballot) ratings.set(event.rating.ticketId, { ...event.rating, ...ballot, serviceDay });
    }
    if (event.type === 'rating.amended') {
      const given = ratings.get(event.ticketId);
      const ballot = ratingBallotOf(event);
      if (given && ballot) ratings.set(given.ticketId, { ...given, ...ballot });
    }
  }
  return [...ratings.values()];
}

/** The office's own report of its day with the shared definitions, as JSON travels. */
function ownReport(office: SimulatedOffice): unknown {
  const day = office.state.serviceDay;
  const fields = Object.fromEntries(Object.values(office.state.config.services).map((s) => [s.id, s.fieldId]));
  // The wait promised at issue travels in ticket.issued, not in the folded ticket.
  const promised = new Map<string, number | null>();
  for (const shipped of office.shipped) {
    const event = JSON.parse(shipped.payload) as {
      type: string;
      ticket?: { id: string };
      estimate?: { etaMinutes: number | null };
    };
    if (event.type === 'ticket.issued' && event.ticket)
      promised.set(event.ticket.id, event.estimate?.etaMinutes ?? null);
  }
  const report = summarizeReport(
    { from: day, to: day },
    office.state.config.office,
    fields,
    [...allTickets(office.state)].map((t) => ({ ...t, etaMinutes: promised.get(t.id) ?? null })),
    ratingsOf(office, day),
  );
  // Idle time by core's walk over the office's own events (the simulated day is over: no running interval
  // reaches past its end).
  let fold: IdleFold = {};
  const intervals: IdleInterval[] = [];
  for (const shipped of office.shipped) {
    const step = foldIdle(fold, JSON.parse(shipped.payload) as IdleEventFields, shipped.at);
    fold = step.fold;
    intervals.push(...step.ended);
  }
  intervals.push(...openIdleIntervals(fold, Math.min(report.endsAt, Date.now())));
  const idle = sumIdle(intervals, report.startsAt, report.endsAt);
  expect(idle.totalSeconds).toBeGreaterThan(0);
  return JSON.parse(JSON.stringify({ ...report, idle }));
}

// The same SQL on both: a real PostgreSQL server started here, and the embedded PGlite.
describe.each(['postgres', 'pglite'] as const)('central on %s', (kind) => {
  let pg: PostgresServer | null = null;
  let central: Central;
  let adminToken: string;
  const credentials: Record<string, string> = {};

  beforeAll(async () => {
    if (kind === 'postgres') pg = await startPostgres();
    central = await startCentral({
      port: 0,
      host: '127.0.0.1',
      dataDir: '',
      databaseUrl: pg?.url ?? '',
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'warn',
    });
    const login = await post(`${central.url}/api/auth/login`, '', { username: 'admin', password: ADMIN_PASSWORD });
    adminToken = login.json.token as string;
    for (const id of ['xa-a', 'xa-b']) {
      const created = await post(`${central.url}/api/admin/offices`, adminToken, { id, name: `Văn phòng ${id}` });
      credentials[id] = created.json.credential as string;
    }
  }, 120_000);

  afterAll(async () => {
    await central?.close();
    await pg?.stop();
  });

  const ingest = (officeId: string, credential: string, hubId: string, events: ShippedEvent[]) =>
    post(`${central.url}/api/ingest`, credential, { officeId, hubId, events }) as Promise<{
      status: number;
      json: IngestReply & Record<string, unknown>;
    }>;

  it('stores every event once, answers repeats without change, refuses gaps with the seq to resend', async () => {
    const office = new SimulatedOffice('xa-a', Date.UTC(2026, 11, 1, 1, 0), 7);
    for (let m = 0; m < 120; m++) office.step();
    const all = office.shipped;
    const credential = credentials['xa-a'] as string;

    const gap = await ingest('xa-a', credential, office.hubId, all.slice(5, 10));
    expect(gap.status).toBe(409);
    expect(gap.json).toMatchObject({ ok: false, code: 'GAP', expectedSeq: 1 });

    for (let i = 0; i < all.length; i += 100) {
      const reply = await ingest('xa-a', credential, office.hubId, all.slice(i, i + 100));
      expect(reply.json.ok).toBe(true);
    }
    const repeat = await ingest('xa-a', credential, office.hubId, all.slice(0, 100));
    expect(repeat.json).toMatchObject({ ok: true, stored: 0, duplicates: 100, acknowledgedSeq: all.length });
    const overlap = await ingest('xa-a', credential, office.hubId, all.slice(-20));
    expect(overlap.json).toMatchObject({ ok: true, stored: 0, duplicates: 20 });

    const counted = await central.sql.query<{ n: number; max: number }>(
      "SELECT COUNT(*)::int AS n, MAX(seq)::int AS max FROM events WHERE office_id = 'xa-a'",
    );
    expect(counted.rows[0]).toEqual({ n: all.length, max: all.length });

    const cursor = await get(`${central.url}/api/ingest/cursor?hubId=${office.hubId}`, credential);
    expect(cursor.json.nextSeq).toBe(all.length + 1);

    // Central's report equals the report over the office's own tickets, with the shared definitions.
    const day = office.state.serviceDay;
    await central.projector.whenIdle(); // the report tables follow ingest
    const drill = await get(`${central.url}/api/offices/xa-a?from=${day}&to=${day}`, adminToken);
    expect(drill.json.report).toEqual(ownReport(office));
    expect((drill.json.overview as { waitingNow: number }).waitingNow).toBe(
      [...allTickets(office.state)].filter((t) => t.status === 'waiting').length,
    );
  });

  it('continues a long stream after a restart (state from the stored snapshot) and counts amended ratings as amended', async () => {
    const credential = (
      await post(`${central.url}/api/admin/offices`, adminToken, { id: 'xa-dai', name: 'Văn phòng đông' })
    ).json.credential as string;
    expect(credential).toBeTruthy();
    const office = new SimulatedOffice('xa-dai', Date.UTC(2026, 11, 1, 1, 0), 21);
    while (office.shipped.length < 4500) office.step();
    expect(office.shipped.some((e) => e.payload.includes('"rating.amended"'))).toBe(true);
    // Each batch stored, then projected by a fresh projector (an empty in-memory cache): what a central
    // restarted between batches does, so the fold is rebuilt from the stored snapshot (written every
    // 2,000 events) and the events after it.
    const projectionErrors: unknown[] = [];
    for (let i = 0; i < office.shipped.length; i += 250) {
      const reply = await ingestBatch(
        central.sql,
        { officeId: 'xa-dai', hubId: office.hubId, events: office.shipped.slice(i, i + 250) },
        Date.now(),
      );
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
      const restarted = new Projector(central.sql, (error) => projectionErrors.push(error));
      restarted.wake();
      await restarted.whenIdle();
      await restarted.stop();
    }
    expect(projectionErrors).toEqual([]);
    const snapshots = await central.sql.query<{ seq: number }>(
      "SELECT seq::int AS seq FROM stream_snapshots WHERE office_id = 'xa-dai'",
    );
    expect(snapshots.rows[0]?.seq).toBeGreaterThanOrEqual(4000);
    const day = office.state.serviceDay;
    const drill = await get(`${central.url}/api/offices/xa-dai?from=${day}&to=${day}`, adminToken);
    expect(drill.json.report).toEqual(ownReport(office));
    // The dashboard row's day totals (kept by the projector) agree with the office's own day.
    const today = [...allTickets(office.state)].filter((t) => t.serviceDay === day);
    const ratings = ratingsOf(office, day);
    const satisfied = ratings.filter(isSatisfied).length;
    expect(new Set(ratings.map((r) => r.scale))).toEqual(new Set(['legacyFour', 'three']));
    const overview = (await get(`${central.url}/api/overview`, adminToken)).json.offices as OfficeOverview[];
    expect(overview.find((o) => o.officeId === 'xa-dai')).toMatchObject({
      issuedToday: today.length,
      servedToday: today.filter((t) => t.status === 'finished').length,
      ratingsToday: ratings.length,
      satisfactionToday: satisfactionIndex(satisfied, ratings.length),
    });
  }, 120_000);

  it('refuses a tampered batch and an altered replay, and raises both', async () => {
    const office = new SimulatedOffice('xa-b', Date.UTC(2026, 11, 1, 1, 0), 9);
    for (let m = 0; m < 30; m++) office.step();
    const credential = credentials['xa-b'] as string;
    const events = office.shipped.slice(0, 50);
    expect((await ingest('xa-b', credential, office.hubId, events.slice(0, 40))).json.ok).toBe(true);

    // An event altered in transit (hash left as it was): the content no longer matches its link.
    const tampered = events.slice(40).map((e) => ({ ...e }));
    (tampered[2] as ShippedEvent).payload = (tampered[2] as ShippedEvent).payload.replace(/}$/, ',"note":"x"}');
    const refused = await ingest('xa-b', credential, office.hubId, tampered);
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('CHAIN_BROKEN');

    // A replay of stored seqs with other content, re-hashed so each link is self-consistent.
    let prev = (events[9] as ShippedEvent).hash;
    const forged = events.slice(10, 15).map((e) => {
      const at = e.at - 60_000;
      const hash = chainHash(prev, { ...e, at });
      const forgedEvent = { ...e, at, prevHash: prev, hash };
      prev = hash;
      return forgedEvent;
    });
    const replay = await ingest('xa-b', credential, office.hubId, forged);
    expect(replay.json.code).toBe('CHAIN_CONFLICT');

    const stored = await central.sql.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM events WHERE office_id = 'xa-b'",
    );
    expect(stored.rows[0]?.n).toBe(40);
    const alerts = await get(`${central.url}/api/alerts`, adminToken);
    const kinds = (alerts.json.alerts as { kind: string; officeId: string }[])
      .filter((a) => a.officeId === 'xa-b')
      .map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['CHAIN_BROKEN', 'CHAIN_CONFLICT']));
  });

  it('an office credential cannot post as another office; a viewer sees only their offices', async () => {
    const office = new SimulatedOffice('xa-b', Date.UTC(2026, 11, 1, 1, 0), 3);
    const asOther = await ingest('xa-b', credentials['xa-a'] as string, office.hubId, office.shipped.slice(0, 5));
    expect(asOther.status).toBe(403);
    expect(asOther.json.code).toBe('FORBIDDEN_OFFICE');
    const noCredential = await ingest('xa-b', 'office.xa-b.guess', office.hubId, office.shipped.slice(0, 5));
    expect(noCredential.status).toBe(401);
    const alerts = await get(`${central.url}/api/alerts`, adminToken);
    expect((alerts.json.alerts as { kind: string }[]).some((a) => a.kind === 'FORBIDDEN_OFFICE')).toBe(true);

    await post(`${central.url}/api/admin/staff`, adminToken, {
      username: 'xem-xa-a',
      displayName: 'Cán bộ xem xã A',
      password: 'mat-khau-xem-1',
      role: 'viewer',
      officeIds: ['xa-a'],
    });
    const viewer = (
      await post(`${central.url}/api/auth/login`, '', { username: 'xem-xa-a', password: 'mat-khau-xem-1' })
    ).json.token as string;
    const overview = await get(`${central.url}/api/overview`, viewer);
    expect((overview.json.offices as { officeId: string }[]).map((o) => o.officeId)).toEqual(['xa-a']);
    expect((await get(`${central.url}/api/offices/xa-b`, viewer)).status).toBe(404);
    const report = await get(`${central.url}/api/reports?from=2026-12-01&to=2026-12-01&offices=xa-a,xa-b`, viewer);
    expect((report.json.report as { offices: { officeId: string }[] }).offices.map((o) => o.officeId)).toEqual([
      'xa-a',
    ]);
    expect((await post(`${central.url}/api/admin/offices`, viewer, { id: 'xa-c', name: 'C' })).status).toBe(403);
  });
});
