import Database from 'better-sqlite3';
import { defaultOfficeConfig } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../features/reportsQueries.js';
import { migrate } from './openDatabase.js';
import { migrations } from './migrations.js';

/** The version that gave each rating its scale. */
const SCALE_VERSION = migrations.findIndex((sql) => sql.includes('RENAME COLUMN score TO answer')) + 1;

describe('the rating scale migration', () => {
  it('reads four-level ratings stored before scales as legacyFour with their score as the answer, and keeps past indexes', async () => {
    const db = new Database(':memory:');
    for (const sql of migrations.slice(0, SCALE_VERSION - 1)) db.exec(sql);
    db.pragma(`user_version = ${SCALE_VERSION - 1}`);
    const day = '2026-12-01';
    const ticket = db.prepare(
      `INSERT INTO tickets (id, service_day, service_id, number, label, source, status, issued_at, recall_count, rated)
       VALUES (?, ?, 'khai-sinh', ?, ?, 'kiosk', 'finished', ?, 0, 1)`,
    );
    const rating = db.prepare(
      `INSERT INTO ratings (ticket_id, counter_id, clerk_id, service_id, score, reasons, at)
       VALUES (?, 'quay-1', 'canbo1', 'khai-sinh', ?, ?, ?)`,
    );
    const scores = ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied'];
    const at = Date.UTC(2026, 11, 1, 2);
    scores.forEach((score, i) => {
      ticket.run(`t-${i}`, day, i + 1, `A00${i + 1}`, at);
      rating.run(`t-${i}`, score, JSON.stringify(score === 'dissatisfied' ? ['other'] : []), at);
    });
    const range = { from: day, to: day };
    const before = (
      db
        .prepare(`SELECT 100.0 * SUM(score IN ('verySatisfied', 'satisfied')) / COUNT(*) AS idx FROM ratings`)
        .get() as {
        idx: number;
      }
    ).idx;

    migrate(db);

    expect(
      db.prepare('SELECT ticket_id, scale, answer, reasons, reason_text FROM ratings ORDER BY ticket_id').all(),
    ).toEqual(
      scores.map((score, i) => ({
        ticket_id: `t-${i}`,
        scale: 'legacyFour',
        answer: score,
        reasons: JSON.stringify(score === 'dissatisfied' ? ['other'] : []),
        reason_text: '',
      })),
    );
    const summary = await computeReport(db, defaultOfficeConfig(), range, at);
    expect(before).toBe(50);
    expect(summary.satisfaction.overall).toMatchObject({ ratings: 4, neutral: 1, index: 50 });
    db.close();
  });
});
