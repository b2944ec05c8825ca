import type { CommandReply, EventEnvelope } from '@motcua/core';
import { clerkAt, kiosk, MONDAY_9AM, TestDesk } from '@motcua/core/testkit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { EventStore, type Durability } from './store/eventStore.js';
import { openDatabase, type Db } from './store/openDatabase.js';

/**
 * The engine's group commit on a real SQLite file: a batch is committed with SQLite's own fsync skipped, and its
 * events and acks wait for the WAL sync that makes it durable (`syncWal`, held here until a test lets it go).
 */
class HeldSyncStore extends EventStore {
  syncs: { release: () => void; fail: (error: Error) => void }[] = [];
  realSyncs = 0;

  override syncWal(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.syncs.push({
        release: () => {
          // The real fsync, so the test also runs the path the hub runs.
          super.syncWal().then(() => {
            this.realSyncs++;
            resolve();
          }, reject);
        },
        fail: reject,
      });
    });
  }

  releaseAll(): void {
    for (const sync of this.syncs.splice(0)) sync.release();
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const serviceId = 'khai-sinh';
const issue = { type: 'ticket.issue', serviceId, priorityGroup: null } as const;
const tick = () => new Promise((resolve) => setImmediate(resolve));
const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await tick();
};
/** Waits (turns of the loop, up to 5 s) until `done`: a real fdatasync returns when the disk has it. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await tick();
  }
}

/** Stores everything a TestDesk has done as one batch of the hub's own (no requestId). */
function storeDesk(store: EventStore, desk: TestDesk, durability?: Durability): void {
  const reply = { ok: true as const, result: { seq: desk.state.seq, events: [] } };
  store.appendBatch(
    [{ envelopes: desk.log, requestId: null, actor: 'system', commandHash: null, reply }],
    desk.state,
    durability,
  );
}

function openEngine(onSyncFailure: (error: unknown) => void = () => undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-engine-'));
  dirs.push(dir);
  const db: Db = openDatabase(dir);
  const store = new HeldSyncStore(db);
  // An open demo office, stored as the hub's own commands are (synchronously, synced by SQLite).
  const desk = TestDesk.open();
  desk.run({
    type: 'config.upsertDevice',
    device: { id: 'kiosk-1', kind: 'kiosk', name: 'Kiosk', counterId: null, printerProfileId: null, revoked: false },
  });
  storeDesk(store, desk);
  const engine = new Engine(store.loadState(), store, () => MONDAY_9AM, pino({ level: 'silent' }), onSyncFailure);
  const published: EventEnvelope[][] = [];
  engine.onEvents((envelopes) => published.push(envelopes));
  const storedSeq = () => (db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
  return { engine, store, db, published, storedSeq };
}

function settledFlag(promise: Promise<CommandReply>) {
  const flag = { settled: false, reply: null as CommandReply | null };
  void promise.then((reply) => {
    flag.settled = true;
    flag.reply = reply;
  });
  return flag;
}

describe('the group commit waits for the WAL sync before anyone hears of a batch', () => {
  it('commits at once, but keeps the state, the broadcast and the ack until the sync has finished', async () => {
    const { engine, store, published, storedSeq } = openEngine();
    const before = engine.state.seq;
    const ack = settledFlag(engine.submit(kiosk, issue, 'req-00000001'));
    await ticks(3);
    // In SQLite (committed, with `synchronous = NORMAL` for this transaction only), not yet durable:
    expect(storedSeq()).toBe(before + 1);
    expect(store.syncs).toHaveLength(1);
    expect(ack.settled).toBe(false);
    expect(published).toHaveLength(0);
    expect(engine.state.seq).toBe(before);
    store.releaseAll();
    await until(() => ack.settled);
    expect(store.realSyncs).toBe(1);
    expect(ack.reply).toMatchObject({ ok: true, result: { seq: before + 1 } });
    expect(published.map((batch) => batch.map((e) => e.seq))).toEqual([[before + 1]]);
    expect(engine.state.seq).toBe(before + 1);
  });

  it('puts the commands that arrive during a sync into one transaction, stored when the sync ends', async () => {
    const { engine, store, published, storedSeq } = openEngine();
    const before = engine.state.seq;
    const first = settledFlag(engine.submit(kiosk, issue, 'req-00000001'));
    await ticks(2);
    const next = [2, 3, 4].map((n) => settledFlag(engine.submit(kiosk, issue, `req-0000000${n}`)));
    await ticks(3);
    // One sync at a time: the three wait, decided (against the state after the first) but not yet written.
    expect(store.syncs).toHaveLength(1);
    expect(storedSeq()).toBe(before + 1);
    store.releaseAll();
    await until(() => first.settled && store.syncs.length === 1);
    expect(next.some((n) => n.settled)).toBe(false);
    expect(storedSeq()).toBe(before + 4);
    store.releaseAll();
    await until(() => next.every((n) => n.settled));
    expect(next.map((n) => n.reply)).toMatchObject([2, 3, 4].map((n) => ({ ok: true, result: { seq: before + n } })));
    expect(published.map((batch) => batch.map((e) => e.seq))).toEqual([
      [before + 1],
      [before + 2, before + 3, before + 4],
    ]);
  });

  it('answers a retry of a command still waiting for its sync with the same reply, once, after the sync', async () => {
    const { engine, store, published } = openEngine();
    const first = settledFlag(engine.submit(kiosk, issue, 'req-retried'));
    await ticks(2);
    // The row is in SQLite already; the retry must still wait for the sync, not read it and answer early.
    const retry = settledFlag(engine.submit(kiosk, issue, 'req-retried'));
    const conflict = settledFlag(
      engine.submit(kiosk, { type: 'ticket.issue', serviceId: 'ket-hon', priorityGroup: null }, 'req-retried'),
    );
    await ticks(2);
    expect(retry.settled).toBe(false);
    expect(conflict.reply).toMatchObject({ ok: false, code: 'IDEMPOTENCY_CONFLICT' });
    store.releaseAll();
    await until(() => retry.settled && first.settled);
    expect(retry.reply).toEqual(first.reply);
    expect(published.flat()).toHaveLength(1);
  });

  it("publishes the batches waiting for a sync first, in order, when the hub's own command syncs them", async () => {
    const { engine, published } = openEngine();
    const before = engine.state.seq;
    const ack = settledFlag(engine.submit(kiosk, issue, 'req-00000001'));
    await ticks(2);
    // `execute` commits with SQLite's own fsync, which makes the batch before it durable too.
    // Decided against the state after the waiting batch: the clerk calls the ticket it holds.
    const reply = engine.execute(clerkAt(1), { type: 'ticket.callNext', counterId: 'quay-1' }, null);
    expect(reply).toMatchObject({ ok: true });
    await ticks(1);
    expect(ack.reply).toMatchObject({ ok: true, result: { seq: before + 1 } });
    expect(published.map((batch) => batch[0]!.seq)).toEqual([before + 1, before + 2]);
    expect(engine.state.seq).toBe(before + 2);
  });

  it('stops acknowledging when the disk refuses the sync, and says so', async () => {
    const failures: unknown[] = [];
    const { engine, store, published } = openEngine((error) => failures.push(error));
    const ack = settledFlag(engine.submit(kiosk, issue, 'req-00000001'));
    await ticks(2);
    store.syncs[0]!.fail(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await ticks(3);
    expect(failures).toHaveLength(1);
    expect(ack.settled).toBe(false);
    expect(published).toHaveLength(0);
  });

  it('stores and publishes everything at shutdown (flush), without waiting for a sync', async () => {
    const { engine, published } = openEngine();
    const before = engine.state.seq;
    const acks = [1, 2].map((n) => settledFlag(engine.submit(kiosk, issue, `req-0000000${n}`)));
    engine.flush();
    await ticks(1);
    expect(acks.every((a) => a.reply?.ok)).toBe(true);
    expect(published.flat().map((e) => e.seq)).toEqual([before + 1, before + 2]);
    expect(engine.state.seq).toBe(before + 2);
  });
});

describe('the store leaves the sync to the engine only for the group commit', () => {
  it("restores the connection's own synchronous level after a batch, and syncs the WAL file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-engine-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    const store = new EventStore(db);
    const desk = TestDesk.open();
    const levels: unknown[] = [];
    store.addProjector({ name: 'probe', project: (tx) => levels.push(tx.pragma('synchronous', { simple: true })) });
    storeDesk(store, desk, 'bySyncWal');
    // NORMAL (1) inside the group commit's transaction, FULL (2, as HUB_PRAGMAS set it) for every other write.
    expect(levels).toEqual([1]);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    store.appendBatch([], desk.state);
    expect(levels).toEqual([1, 2]);
    await store.syncWal();
    store.syncWalNow();
    store.closeWal();
    db.close();
  });
});
