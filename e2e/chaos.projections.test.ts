import type { HubClient } from '@motcua/client';
import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queueBurst, type BurstAcks } from './support/burst.js';
import { adminPasswordFrom, connectAdmin, connectClerk, connectDevice } from './support/clients.js';
import { readEventLog } from './support/eventLog.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const ROUNDS = 3;
/** Phones used so far across rounds (the booking policy caps bookings per phone). */
let nextPhone = 0;

interface Acknowledged extends BurstAcks {
  /** Booking codes the hub answered 201 for. */
  booked: Set<string>;
}

/** A receiver that accepts every delivery: the outbox rows are what the test looks at. */
async function startReceiver(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server };
}

/** Bookable (day, slot) pairs for a service, from the citizen page's own API. */
async function openSlots(url: string, serviceId: string): Promise<{ day: string; slot: string }[]> {
  const services = (await (await fetch(`${url}/api/appointments/services`)).json()) as {
    services: { id: string; days: string[] }[];
  };
  const days = services.services.find((s) => s.id === serviceId)?.days ?? [];
  const slots: { day: string; slot: string }[] = [];
  for (const day of days.slice(1, 6)) {
    const reply = (await (await fetch(`${url}/api/appointments/slots?serviceId=${serviceId}&day=${day}`)).json()) as {
      slots: { slot: string; available: boolean; left: number }[];
    };
    for (const s of reply.slots) if (s.available) for (let i = 0; i < s.left; i++) slots.push({ day, slot: s.slot });
  }
  return slots;
}

function burst(
  url: string,
  kiosks: HubClient[],
  clerks: [HubClient, string][],
  acked: Acknowledged,
  stop: { now: boolean },
  slots: { day: string; slot: string }[],
) {
  const booking = (async () => {
    for (let i = 0; !stop.now && slots.length > 0; i++) {
      const { day, slot } = slots[0]!;
      try {
        const response = await fetch(`${url}/api/appointments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            serviceId: 'khai-sinh',
            day,
            slot,
            name: `Nguyễn Văn ${i}`,
            // A new phone for every booking of every round: the booking policy caps bookings per phone.
            phone: `0900${String(nextPhone++).padStart(6, '0')}`,
          }),
        });
        const body = (await response.json()) as { ok: boolean; code?: string; appointment?: { code: string } };
        if (response.status === 201 && body.appointment) {
          acked.booked.add(body.appointment.code);
          slots.shift();
        } else if (body.code === 'SLOT_FULL') slots.shift();
        else await new Promise((r) => setTimeout(r, 300));
      } catch {
        return; // The hub died mid-request: that booking was never acknowledged.
      }
    }
  })();
  return Promise.allSettled([queueBurst(kiosks, clerks, acked, stop), booking]);
}

describe('chaos: kill -9 inside bursts that trigger webhooks and bookings', () => {
  let hub: HubProcess | null = null;
  let receiver: Server | null = null;
  afterAll(async () => {
    await hub?.stop();
    hub?.cleanup();
    receiver?.close();
  });

  it('after each restart every acknowledged command has its outbox row, booking record and contact, none twice', async () => {
    hub = await startHubProcess({
      args: ['--kiosk-issues-per-minute', '100000', '--kiosk-issue-burst', '100000', '--webhook-allow-loopback'],
    });
    const gateway = await startReceiver();
    receiver = gateway.server;
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    const configured = await admin.socket
      .timeout(10_000)
      .emitWithAck('webhooks.set', { url: gateway.url, secret: 'bi-mat-cua-van-phong', notifyAhead: 2, enabled: true });
    expect(configured).toMatchObject({ ok: true });
    admin.close();

    const acked: Acknowledged = { issued: new Map(), called: new Set(), booked: new Set() };
    for (let round = 1; round <= ROUNDS; round++) {
      const url = hub.url;
      const slots = await openSlots(url, 'khai-sinh');
      const kiosks = await Promise.all([1, 2].map(() => connectDevice(url, 'kiosk')));
      const clerks: [HubClient, string][] = [
        [await connectClerk(url, 1), 'quay-1'],
        [await connectClerk(url, 2), 'quay-2'],
      ];
      const stop = { now: false };
      const before = { issued: acked.issued.size, called: acked.called.size, booked: acked.booked.size };
      const running = burst(url, kiosks, clerks, acked, stop, slots);
      await waitFor(
        () =>
          acked.issued.size >= before.issued + 30 &&
          acked.called.size >= before.called + 5 &&
          acked.booked.size >= before.booked + 2,
        90_000,
        `round ${round}: a burst of issues, calls and bookings under way`,
      );
      await hub.kill9();
      const bookedAtKill = new Set(acked.booked);
      const calledAtKill = new Set(acked.called);
      const issuedAtKill = [...acked.issued.keys()];
      stop.now = true;
      for (const client of [...kiosks, ...clerks.map(([c]) => c)]) client.close();
      await running;

      hub = await hub.restart();
      const events = readEventLog(hub.dataDir);
      const db = new Database(join(hub.dataDir, 'motcua.sqlite'), { readonly: true });
      try {
        const outbox = db.prepare('SELECT dedupe_key AS key, ticket_id AS ticketId FROM webhook_outbox').all() as {
          key: string;
          ticketId: string;
        }[];
        const keys = new Set(outbox.map((row) => row.key));
        expect(keys.size, 'no notification queued twice').toBe(outbox.length);

        // Every call in the log has exactly its one "called" notification, and there is none for a call not stored.
        const calls = events.flatMap((e) =>
          e.event.type === 'ticket.called' || e.event.type === 'ticket.recalled'
            ? [`called:${e.event.ticketId}:${e.seq}`]
            : [],
        );
        for (const key of calls) expect(keys.has(key), `round ${round}: ${key} queued`).toBe(true);
        expect(outbox.filter((row) => row.key.startsWith('called:')).length).toBe(calls.length);
        const calledInLog = new Set(
          events.flatMap((e) => (e.event.type === 'ticket.called' ? [e.event.ticketId] : [])),
        );
        for (const id of calledAtKill) expect(calledInLog.has(id), `acknowledged call of ${id} kept`).toBe(true);
        const issuedInLog = new Set(
          events.flatMap((e) => (e.event.type === 'ticket.issued' ? [e.event.ticket.id] : [])),
        );
        for (const row of outbox) expect(issuedInLog.has(row.ticketId), `${row.key} is for a stored ticket`).toBe(true);
        for (const id of issuedAtKill) expect(issuedInLog.has(id), `acknowledged issue of ${id} kept`).toBe(true);

        // Every booking in the log has its record; every acknowledged booking its contact.
        const secret = (
          db.prepare("SELECT value FROM meta WHERE key = 'appointment_code_secret'").get() as { value: string }
        ).value;
        const idOf = (code: string) =>
          `ap-${createHmac('sha256', secret).update(code).digest('base64url').slice(0, 24)}`;
        const records = new Set(
          (db.prepare('SELECT id FROM appointment_records').all() as { id: string }[]).map((r) => r.id),
        );
        const contacts = new Map(
          (
            db.prepare('SELECT appointment_id AS id, name FROM appointment_contacts').all() as {
              id: string;
              name: string;
            }[]
          ).map((r) => [r.id, r.name]),
        );
        const bookedInLog = events.flatMap((e) =>
          e.event.type === 'appointment.booked' ? [e.event.appointment.id] : [],
        );
        for (const id of bookedInLog) expect(records.has(id), `round ${round}: record of ${id}`).toBe(true);
        expect(records.size).toBe(new Set(bookedInLog).size);
        for (const code of bookedAtKill) {
          const id = idOf(code);
          expect(bookedInLog.includes(id), `acknowledged booking ${code} kept`).toBe(true);
          expect(contacts.get(id), `contact of booking ${code} kept`).toMatch(/^Nguyễn Văn \d+$/);
        }
        for (const id of contacts.keys()) expect(bookedInLog.includes(id), 'no contact without its booking').toBe(true);
      } finally {
        db.close();
      }
    }
  }, 300_000);
});
