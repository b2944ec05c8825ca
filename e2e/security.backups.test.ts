import { isoWeekdayOf, nextDate, zonedEpoch, type AppointmentPolicy } from '@motcua/core';
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectAdmin } from './support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const policy: AppointmentPolicy = {
  enabled: true,
  slotMinutes: 30,
  earlyMinutes: 30,
  lateMinutes: 15,
  daysAhead: 7,
  leadMinutes: 0,
  services: { 'khai-sinh': { perSlot: 3, perDay: 0 } },
};

/** The next Monday–Thursday after today in Hà Nội: the office opens on it and on the day after. */
function nextWorkingDay(): string {
  let day = nextDate(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
  while (isoWeekdayOf(day) > 4) day = nextDate(day);
  return day;
}

function contactsIn(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM appointment_contacts').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('security: booking contacts leave the backups on the same day they leave the live database', () => {
  let hub: HubProcess | null = null;
  afterAll(async () => {
    await hub?.stop();
    hub?.cleanup();
  });

  it('a backup taken on the appointment day holds the contact; the next day it is gone from it and from the live file', async () => {
    const day = nextWorkingDay();
    hub = await startHubProcess();
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    expect((await admin.send({ type: 'config.setAppointments', appointments: policy })).ok).toBe(true);
    admin.close();
    const booked = await fetch(`${hub.url}/api/appointments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ serviceId: 'khai-sinh', day, slot: '09:00', name: 'Nguyễn Văn A', phone: '0912 345 678' }),
    });
    expect(booked.status).toBe(201);
    await hub.stop();

    // The afternoon of the appointment day (backups at 12:00 here): the daily backup still holds the contact.
    const backup = join(hub.dataDir, 'backups', `motcua-${day}.sqlite`);
    const dataDir = hub.dataDir;
    const offsetTo = (clock: string, onDay: string) => zonedEpoch(onDay, clock, ZONE) - Date.now();
    hub = await startHubProcess({
      dataDir,
      clockOffsetMs: offsetTo('13:00', day),
      env: { HUB_BACKUP_HOUR: '12' },
    });
    await waitFor(() => existsSync(backup), 30_000, 'the backup of the appointment day');
    await hub.stop();
    expect(contactsIn(backup)).toBe(1);
    // It holds PIN hashes and contacts: readable by the hub's user only, like the live file.
    expect((statSync(backup).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(join(dataDir, 'backups')).mode & 0o777).toString(8)).toBe('700');

    // The next day: the live database forgets it, and so does every kept backup.
    hub = await startHubProcess({
      dataDir,
      clockOffsetMs: offsetTo('09:00', nextDate(day)),
      env: { HUB_BACKUP_HOUR: '12' },
    });
    await waitFor(() => contactsIn(backup) === 0, 30_000, 'the contact scrubbed from the backup');
    await waitFor(
      () => contactsIn(join(dataDir, 'motcua.sqlite')) === 0,
      30_000,
      'the contact gone from the live file',
    );
  }, 180_000);
});
