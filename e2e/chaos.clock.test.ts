import type { HubClient } from '@motcua/client';
import { addDays, localTime, officeInstant, serviceDayOf, type Office } from '@motcua/core';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectAdmin, connectDevice } from './support/clients.js';
import { replayEventLog } from './support/eventLog.js';
import { hubHealth, setHubClockTo, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const MINUTE = 60_000;

/** The first minute after `from` whose value of `key` differs from the one at `from`. */
function nextChange(from: number, key: (at: number) => string): number {
  const start = key(from);
  let at = from - (from % MINUTE);
  for (let i = 0; i < 3 * 24 * 60; i++) {
    at += MINUTE;
    if (key(at) !== start) return at;
  }
  throw new Error('no change within three days');
}

describe('chaos: the hub clock steps back', () => {
  let hub: HubProcess | null = null;
  const clients: HubClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('10 minutes back, across the closing hour and across midnight: no day reopens, no row is overwritten, kiosks keep issuing', async () => {
    // The default 30 a minute, with room for this test's burst: a bucket that followed the wall clock would
    // still be drained by a step back (10 minutes is 300 tokens) and lock the kiosk out.
    hub = await startHubProcess({ args: ['--kiosk-issue-burst', '100'] });
    const url = hub.url;
    const kiosk = await connectDevice(url, 'kiosk');
    clients.push(kiosk);
    const issue = async (what: string) => {
      const reply = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
      expect(reply.ok ? reply : { what, code: reply.code }).toMatchObject({ ok: true });
      return reply.ok ? reply.result.ticket! : null;
    };
    const hubNow = async () => ((await (await fetch(`${url}/healthz`)).json()) as { time: number }).time;
    const moveTo = (at: number) => setHubClockTo(url, at);
    const office = (): Office => kiosk.state!.config.office;

    // Start at noon tomorrow, whatever the hour this runs at: a first day that opened after today's close hour
    // would be the day the close below leads to.
    const startDate = addDays(localTime(await hubNow(), office().timeZone).date, 1);
    await moveTo(officeInstant(startDate, 12, office().timeZone));
    await issue('before any step');
    const firstDay = (await hubHealth(url)).serviceDay;

    // Plain step back by 10 minutes inside the day.
    await moveTo((await hubNow()) - 10 * MINUTE);
    expect((await hubHealth(url)).serviceDay).toBe(firstDay);
    for (let i = 0; i < 4; i++) await issue(`after a 10-minute step back (${i})`);
    await waitFor(
      () => Object.values(kiosk.state?.alerts ?? {}).some((a) => a.alertKind === 'clockSteppedBack'),
      15_000,
      'a staff alert about the clock',
    );

    // Across the closing hour: the next service day opens, then the clock goes back before the close.
    const close = nextChange(await hubNow(), (at) => serviceDayOf(at, office()));
    const { serviceDay: secondDay } = await moveTo(close + 2 * MINUTE);
    expect(secondDay > firstDay).toBe(true);
    const onSecondDay = await issue('after the close hour');
    expect(onSecondDay?.number).toBe(1);
    await moveTo(close - 8 * MINUTE);
    expect((await hubHealth(url)).serviceDay).toBe(secondDay);
    for (let i = 0; i < 4; i++) {
      const ticket = await issue(`back before the close hour (${i})`);
      expect(ticket?.serviceDay).toBe(secondDay);
      expect(ticket?.number).toBe(2 + i);
    }

    // Across midnight: the office closes its day at midnight, goes past it, and comes back.
    const admin = await connectAdmin(url, adminPasswordFrom(hub.output()));
    clients.push(admin);
    const midnightOffice = { ...office(), dayCloseHour: 0 };
    expect(await admin.send({ type: 'config.setOffice', office: midnightOffice })).toMatchObject({ ok: true });
    const midnight = nextChange(await hubNow(), (at) => localTime(at, midnightOffice.timeZone).date);
    const { serviceDay: thirdDay } = await moveTo(midnight + 5 * MINUTE);
    expect(thirdDay >= secondDay).toBe(true);
    await issue('after midnight');
    await moveTo(midnight - 5 * MINUTE);
    expect((await hubHealth(url)).serviceDay).toBe(thirdDay);
    for (let i = 0; i < 3; i++) await issue(`back before midnight (${i})`);

    // The log: service days only move forward; the tickets table holds each ticket as it was first written.
    const { events, hash } = replayEventLog(hub.dataDir);
    expect(hash).toBe((await hubHealth(url)).stateHash);
    const opened = events.flatMap((e) => (e.event.type === 'day.opened' ? [e.event.serviceDay] : []));
    for (let i = 1; i < opened.length; i++)
      expect(opened[i]! > opened[i - 1]!, `day ${opened[i]} opened once`).toBe(true);
    const issued = events.flatMap((e) => (e.event.type === 'ticket.issued' ? [e.event.ticket] : []));
    const db = new Database(join(hub.dataDir, 'motcua.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT id, service_day AS serviceDay, issued_at AS issuedAt FROM tickets').all() as {
        id: string;
        serviceDay: string;
        issuedAt: number;
      }[];
      expect(rows.length).toBe(issued.length);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const ticket of issued) {
        expect(byId.get(ticket.id), ticket.id).toEqual({
          id: ticket.id,
          serviceDay: ticket.serviceDay,
          issuedAt: ticket.issuedAt,
        });
      }
    } finally {
      db.close();
    }
  }, 180_000);
});
