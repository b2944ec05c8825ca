import type { Appointment, AppointmentDayReport, AppointmentReportRow } from '@motcua/core';
import Database from 'better-sqlite3';
import type { Db } from '../../store/openDatabase.js';
import type { FeatureMigrations } from '../store/featureMigrations.js';
import { secretInMeta } from '../store/meta.js';

/** A citizen's optional contact for one booking; never in events, kept only while it can be used. */
export interface BookingContact {
  appointmentId: string;
  day: string;
  name: string;
  phone: string;
}

// The day's report rows are core's (`AppointmentReportRow`): the admin page reads the same type.
export type { AppointmentDayReport, AppointmentReportRow };

/**
 * What the appointments feature keeps outside the event log: contact details and a record per booking
 * for reports. Writes made while the feature's projector runs, or as a command's alongside write,
 * belong to the events' transaction. A PostgreSQL store implements the same operations.
 */
export interface AppointmentStore {
  saveContact(contact: BookingContact): void;
  forgetContact(appointmentId: string): void;
  /** Contacts of days before `day` are of no more use: the booking's day is over. */
  forgetContactsBefore(day: string): void;
  /** The contact of the booking that brought this ticket, if the citizen left one. */
  contactForTicket(ticketId: string): { name: string; phone: string } | null;
  /** The phone and service of every booking of `day` still booked (not cancelled, used or missed). */
  activeBookingPhones(day: string): { phone: string; serviceId: string }[];
  /** The booking as it is now, stamped with the time of the event that changed it. */
  recordAppointment(appointment: Appointment, updatedAt: number): void;
  dayReport(day: string): AppointmentDayReport;
  /** The hub's secret that turns booking codes into appointment ids; made on first use. */
  codeSecret(newSecret: () => string): string;
}

export const appointmentMigrations: FeatureMigrations = {
  feature: 'appointments',
  steps: [
    // Version 1 is what the central migrations created before features had their own: adopted as it is.
    `
    CREATE TABLE IF NOT EXISTS appointment_contacts (
      appointment_id TEXT PRIMARY KEY,
      day TEXT NOT NULL,
      name TEXT NOT NULL,
      phone TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS appointment_contacts_day ON appointment_contacts (day);
    CREATE TABLE IF NOT EXISTS appointment_records (
      id TEXT PRIMARY KEY,
      service_id TEXT NOT NULL,
      day TEXT NOT NULL,
      slot TEXT NOT NULL,
      status TEXT NOT NULL,
      arrival TEXT,
      ticket_id TEXT,
      booked_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS appointment_records_day ON appointment_records (day, service_id);
    `,
    // Webhooks look a called ticket's contact up by ticket.
    `CREATE INDEX IF NOT EXISTS appointment_records_ticket ON appointment_records (ticket_id);`,
  ],
};

export class SqliteAppointmentStore implements AppointmentStore {
  private readonly insertContact;
  private readonly deleteContact;
  private readonly deleteContactsBefore;
  private readonly selectContactForTicket;
  private readonly upsertRecord;
  private readonly selectReport;
  private readonly selectNoShows;

  constructor(private readonly db: Db) {
    this.insertContact = db.prepare(
      'INSERT INTO appointment_contacts (appointment_id, day, name, phone) VALUES (@appointmentId, @day, @name, @phone)',
    );
    this.deleteContact = db.prepare('DELETE FROM appointment_contacts WHERE appointment_id = ?');
    this.deleteContactsBefore = db.prepare('DELETE FROM appointment_contacts WHERE day < ?');
    this.selectContactForTicket = db.prepare<[string], { name: string; phone: string }>(
      `SELECT c.name, c.phone FROM appointment_records r JOIN appointment_contacts c ON c.appointment_id = r.id
       WHERE r.ticket_id = ?`,
    );
    this.upsertRecord = db.prepare(
      `INSERT INTO appointment_records (id, service_id, day, slot, status, arrival, ticket_id, booked_at, updated_at)
       VALUES (@id, @serviceId, @day, @slot, @status, @arrival, @ticketId, @bookedAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, arrival = excluded.arrival,
         ticket_id = excluded.ticket_id, updated_at = excluded.updated_at`,
    );
    // `arrival` is NULL until a check-in, and SUM over only NULLs is NULL: IS counts those as 0 ("late": 0, not null).
    this.selectReport = db.prepare<[string], AppointmentReportRow>(
      `SELECT service_id AS serviceId, COUNT(*) AS booked,
         SUM(status = 'checkedIn') AS checkedIn, SUM(arrival IS 'late') AS late,
         SUM(status = 'noShow') AS noShow, SUM(status = 'cancelled') AS cancelled
       FROM appointment_records WHERE day = ? GROUP BY service_id ORDER BY service_id`,
    );
    this.selectNoShows = db.prepare<[string], { serviceId: string; slot: string }>(
      `SELECT service_id AS serviceId, slot FROM appointment_records WHERE day = ? AND status = 'noShow' ORDER BY slot`,
    );
  }

  saveContact(contact: BookingContact): void {
    this.insertContact.run(contact);
  }

  forgetContact(appointmentId: string): void {
    this.deleteContact.run(appointmentId);
  }

  forgetContactsBefore(day: string): void {
    this.deleteContactsBefore.run(day);
  }

  activeBookingPhones(day: string): { phone: string; serviceId: string }[] {
    return this.db
      .prepare<[string], { phone: string; serviceId: string }>(
        `SELECT c.phone, r.service_id AS serviceId FROM appointment_contacts c
         JOIN appointment_records r ON r.id = c.appointment_id
         WHERE c.day = ? AND r.status = 'booked' AND c.phone != ''`,
      )
      .all(day);
  }

  contactForTicket(ticketId: string): { name: string; phone: string } | null {
    return this.selectContactForTicket.get(ticketId) ?? null;
  }

  recordAppointment(appointment: Appointment, updatedAt: number): void {
    this.upsertRecord.run({ ...appointment, updatedAt });
  }

  dayReport(day: string): AppointmentDayReport {
    return { services: this.selectReport.all(day), noShows: this.selectNoShows.all(day) };
  }

  codeSecret(newSecret: () => string): string {
    return secretInMeta(this.db, 'appointment_code_secret', newSecret);
  }
}

/**
 * Removes past booking contacts from a kept backup file, with secure_delete so the bytes are overwritten,
 * not just unlinked (the backup feature calls it for every daily backup). Returns how many were removed.
 */
export function purgeContactsFromBackupFile(path: string, beforeDay: string): number {
  const db = new Database(path);
  try {
    db.pragma('secure_delete = ON');
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'appointment_contacts'").get();
    return hasTable ? db.prepare('DELETE FROM appointment_contacts WHERE day < ?').run(beforeDay).changes : 0;
  } finally {
    db.close();
  }
}
