import { stateHash, ticketCount } from '@motcua/core';
import { TestDesk } from '@motcua/core/testkit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore, snapshotDue } from './eventStore.js';
import { migrate, openDatabase } from './openDatabase.js';

describe('when the hub writes a snapshot', () => {
  it("every 1,000 events on a small day, and every half of the day's tickets in events on a big one", () => {
    expect(snapshotDue(999, 0)).toBe(false);
    expect(snapshotDue(1000, 0)).toBe(true);
    expect(snapshotDue(1000, 1800)).toBe(true);
    expect(snapshotDue(2499, 5000)).toBe(false);
    expect(snapshotDue(2500, 5000)).toBe(true);
  });
});

describe('the event store on a real SQLite file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('spaces snapshots by the size of the day and loads the same state back from snapshot + events', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-store-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    migrate(db);
    const store = new EventStore(db);
    const desk = TestDesk.open();
    for (const service of Object.values(desk.state.config.services)) {
      desk.run({ type: 'config.upsertService', service: { ...service, rangeTo: 99_999, dailyCap: 0 } });
    }
    const serviceIds = Object.keys(desk.state.config.services);
    const storeNewEvents = (from: number) =>
      store.appendBatch(
        [
          {
            envelopes: desk.log.slice(from),
            requestId: null,
            actor: 'system',
            commandHash: null,
            reply: { ok: true, result: { seq: desk.state.seq, events: [] } },
          },
        ],
        desk.state,
      );
    storeNewEvents(0);
    const snapshotSeqs = () =>
      (db.prepare('SELECT seq FROM snapshots ORDER BY seq').all() as { seq: number }[]).map((row) => row.seq);

    for (let i = 0; i < 3000; i++) {
      const from = desk.log.length;
      desk.issue(serviceIds[i % serviceIds.length]!);
      storeNewEvents(from);
    }
    expect(ticketCount(desk.state)).toBe(3000);
    const seqs = snapshotSeqs();
    // One event per ticket: snapshots at about 1,000 and 2,000 events, each at least half the day's tickets
    // after the one before (the interval still comes round while the day grows as fast as the events).
    expect(seqs.length).toBe(2);
    expect(seqs[1]! - seqs[0]!).toBeGreaterThanOrEqual(1000);
    expect(stateHash(store.loadState())).toBe(stateHash(desk.state));
    db.close();
  });
});
