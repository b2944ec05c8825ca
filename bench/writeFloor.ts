import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUB_PRAGMAS } from '../apps/hub/src/store/openDatabase.js';

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * The write floor of `npm run bench` and `npm run bench:store`: one transaction per ticket (event row + ticket
 * row), the hub's pragmas, a temp folder on the same disk.
 */
export function rawWriteFloor(count: number): { txPerSecond: number } {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-sqlite-'));
  const db = new Database(join(dir, 'floor.sqlite'));
  for (const pragma of HUB_PRAGMAS) db.pragma(pragma);
  db.exec(
    'CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT, payload TEXT, at INTEGER, actor TEXT, request_id TEXT)',
  );
  db.exec('CREATE TABLE tickets (id TEXT PRIMARY KEY, label TEXT, status TEXT, payload TEXT)');
  const insertEvent = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)');
  const insertTicket = db.prepare('INSERT INTO tickets VALUES (?, ?, ?, ?)');
  const payload = JSON.stringify({
    type: 'ticket.issued',
    ticket: { id: 'x'.repeat(20), label: 'A001', serviceId: 'khai-sinh' },
  });
  const write = db.transaction((i: number) => {
    insertEvent.run(i, 'ticket.issued', payload, Date.now(), 'device:kiosk', `req-${i}`);
    insertTicket.run(`t-${i}`, `A${i}`, 'waiting', payload);
  });
  const start = nowMs();
  for (let i = 1; i <= count; i++) write(i);
  const seconds = (nowMs() - start) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { txPerSecond: Math.round(count / seconds) };
}
