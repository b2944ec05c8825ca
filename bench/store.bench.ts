/**
 * `npm run bench:store`: what the hub's store costs per ticket, without sockets. Tickets issued in core (a
 * TestDesk), stored through the hub's own EventStore (core tables, the central outbox's chain) in group commits
 * of 1 and 6 commands, with the hub's pragmas and then with `synchronous = NORMAL` (which the hub does not use:
 * it can lose acknowledged tickets on a power cut). Beside them `npm run bench`'s raw write floor (bench/writeFloor.ts).
 */
import { loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandReply } from '../packages/core/src/index.js';
import { kiosk, TestDesk } from '../packages/core/src/testkit.js';
import { openSqliteFeatureStores } from '../apps/hub/src/features/store/openSqliteFeatureStores.js';
import { EventStore } from '../apps/hub/src/store/eventStore.js';
import { openDatabase } from '../apps/hub/src/store/openDatabase.js';
import { rawWriteFloor } from './writeFloor.js';

const TICKETS = 12_000;
const SERVICES = ['khai-sinh', 'ket-hon'];
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const round = (n: number) => Math.round(n * 10) / 10;

type StoredCommand = Parameters<EventStore['appendBatch']>[0][number];

/** The day's commands, grouped as the hub's group commit would store them. */
function commits(perCommit: number): { commands: StoredCommand[]; after: TestDesk['state'] }[] {
  const desk = TestDesk.open();
  for (const serviceId of SERVICES) {
    const service = desk.state.config.services[serviceId]!;
    desk.run({ type: 'config.upsertService', service: { ...service, rangeTo: 99_999, dailyCap: 0 } });
  }
  const out: { commands: StoredCommand[]; after: TestDesk['state'] }[] = [
    {
      commands: [{ envelopes: [...desk.log], requestId: null, actor: 'system', commandHash: null, reply: okReply(0) }],
      after: desk.state,
    },
  ];
  for (let i = 0; i < TICKETS; i += perCommit) {
    const commands: StoredCommand[] = [];
    for (let j = 0; j < perCommit; j++) {
      const before = desk.log.length;
      const result = desk.run({ type: 'ticket.issue', serviceId: SERVICES[(i + j) % SERVICES.length]! }, kiosk);
      commands.push({
        envelopes: desk.log.slice(before),
        requestId: crypto.randomUUID(),
        actor: 'device:kiosk-1',
        commandHash: 'h'.repeat(43),
        reply: { ok: true, result },
      });
    }
    out.push({ commands, after: desk.state });
  }
  return out;
}

function okReply(seq: number): CommandReply {
  return { ok: true, result: { seq } } as CommandReply;
}

/** µs per ticket and per transaction through the hub's store. */
function measureStore(perCommit: number, synchronous: 'FULL' | 'NORMAL') {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-store-'));
  const db = openDatabase(dir);
  db.pragma(`synchronous = ${synchronous}`);
  const store = new EventStore(db);
  const outbox = openSqliteFeatureStores(db).centralOutbox;
  store.addProjector({ name: 'central outbox', project: (_tx, envelopes) => outbox.chain(envelopes) });
  const [setup, ...day] = commits(perCommit);
  store.appendBatch(setup!.commands, setup!.after);
  const start = nowMs();
  for (const { commands, after } of day) store.appendBatch(commands, after);
  const ms = nowMs() - start;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { perTicketUs: round((ms * 1000) / TICKETS), perCommitUs: round((ms * 1000) / day.length) };
}

console.log(
  `bench:store, ${TICKETS} tickets per run; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `raw floor: ${round(1e6 / rawWriteFloor(TICKETS / 4).txPerSecond)} µs per transaction (one event row, one ticket row)`,
);
for (const [perCommit, synchronous] of [
  [1, 'FULL'],
  [6, 'FULL'],
  [6, 'NORMAL'],
] as const) {
  const { perTicketUs, perCommitUs } = measureStore(perCommit, synchronous);
  console.log(
    `hub store, ${perCommit} command(s) per commit, synchronous = ${synchronous}: ${perTicketUs} µs per ticket, ${perCommitUs} µs per commit`,
  );
}
