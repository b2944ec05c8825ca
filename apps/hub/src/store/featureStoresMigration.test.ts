import type { ClientRequest } from '@motcua/core';
import type { HubClient, RequestEventName } from '@motcua/client';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdmin, connectDevice } from '../../../../e2e/support/clients.js';
import { AuthService } from '../auth/authService.js';
import { startHub, type RunningHub } from '../hub.js';
import { parseHubOptions } from '../options.js';
import { databasePath } from './openDatabase.js';

const FIXTURE = new URL('./fixtures/hub-before-feature-stores.sqlite.gz', import.meta.url);
const BOOKING_CODE = '4UV6VSGB';
const ADMIN_PASSWORD = 'fixture-admin-password-1';

/** The feature tables' definitions, as SQLite keeps them, to compare two databases' schemas. */
function featureSchema(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (
      db
        .prepare(
          `SELECT name FROM sqlite_master
           WHERE name LIKE 'appointment_%' OR name LIKE 'webhook_%' OR name LIKE 'central_outbox%'
           ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((row) => row.name);
  } finally {
    db.close();
  }
}

async function startOn(dataDir: string, clockOffsetMs: number): Promise<RunningHub> {
  const args = ['--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--no-mdns', '--log-level', 'silent'];
  return startHub(parseHubOptions([...args, '--clock-offset-ms', String(clockOffsetMs)], {}));
}

function call<E extends RequestEventName>(client: HubClient, event: E, request: ClientRequest<E>) {
  return client.request(event, request, 20_000);
}

describe('a database written before features had their own stores', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-old-db-'));
  const freshDir = mkdtempSync(join(tmpdir(), 'motcua-fresh-db-'));
  let hub: RunningHub | undefined;
  let admin: HubClient | undefined;
  let before: { events: number; outbox: number; lastEventAt: number };

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(databasePath(dataDir), gunzipSync(readFileSync(FIXTURE)));
    const db = new Database(databasePath(dataDir));
    // The fixture's one-time admin password was shown once when it was made; give the admin a known one.
    new AuthService(db, () => Date.now()).setPin('admin', ADMIN_PASSWORD);
    before = db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM central_outbox) AS outbox, (SELECT MAX(at) FROM events) AS lastEventAt',
      )
      .get() as typeof before;
    db.close();
    // The hub's clock a minute after the fixture's last event: the same service day, whenever this runs.
    hub = await startOn(dataDir, before.lastEventAt + 60_000 - Date.now());
    admin = await connectAdmin(hub.url, ADMIN_PASSWORD);
  }, 60_000);

  afterAll(async () => {
    admin?.close();
    await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(freshDir, { recursive: true, force: true });
  });

  it('keeps the booking, its code and contact, the webhook settings and outbox, and continues the chain', async () => {
    const booking = await fetch(`${hub!.url}/api/appointments/code/${BOOKING_CODE}`);
    expect(booking.status).toBe(200);
    expect(await booking.json()).toMatchObject({
      ok: true,
      appointment: { code: BOOKING_CODE, serviceId: 'khai-sinh', day: '2026-12-18', slot: '00:00', status: 'booked' },
    });
    expect(await call(admin!, 'webhooks.get', {})).toMatchObject({
      ok: true,
      settings: { url: 'http://127.0.0.1:9/hook', notifyAhead: 2, enabled: true, allowLanTargets: false },
    });
    const deliveries = await call(admin!, 'webhooks.deliveries', {});
    expect(deliveries.ok && deliveries.deliveries.length).toBeGreaterThanOrEqual(5);

    const kiosk = await connectDevice(hub!.url, 'kiosk');
    try {
      expect((await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' })).ok).toBe(true);
    } finally {
      kiosk.close();
    }
    admin?.close();
    admin = undefined;
    await hub!.close();
    hub = undefined;

    const db = new Database(databasePath(dataDir), { readonly: true });
    try {
      const versions = db.prepare('SELECT feature, version FROM feature_versions ORDER BY feature').all();
      expect(versions).toEqual([
        { feature: 'appointments', version: 2 },
        { feature: 'centralOutbox', version: 1 },
        // Made empty: a hub keeps ID card holders only once its office turns that on.
        { feature: 'ticketHolders', version: 1 },
        // Version 2 adds allow_lan_targets (off: an adopted webhook keeps its URL, LAN targets need an admin's tick).
        { feature: 'webhooks', version: 2 },
      ]);
      expect(db.prepare('SELECT name, phone FROM appointment_contacts').all()).toEqual([
        { name: 'Nguyễn Văn A', phone: '0901234567' },
      ]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM appointment_records').get()).toEqual({ n: 1 });
      // Every event, old and new, has exactly one link, and each link follows the one before.
      const events = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      expect(events).toBeGreaterThan(before.events);
      const links = db.prepare('SELECT seq, prev_hash AS prevHash, hash FROM central_outbox ORDER BY seq').all() as {
        seq: number;
        prevHash: string;
        hash: string;
      }[];
      expect(links).toHaveLength(events);
      for (const [index, link] of links.entries()) {
        expect(link.seq).toBe(index + 1);
        if (index > 0) expect(link.prevHash).toBe(links[index - 1]!.hash);
      }
    } finally {
      db.close();
    }
  }, 60_000);

  it('ends with the same feature tables and indexes as a database created today', async () => {
    const fresh = await startOn(freshDir, 0);
    await fresh.close();
    // The old database also keeps nothing the features no longer declare.
    expect(featureSchema(databasePath(dataDir))).toEqual(featureSchema(databasePath(freshDir)));
  }, 60_000);
});
