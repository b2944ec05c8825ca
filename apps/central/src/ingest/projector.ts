import { foldIdle, type EventEnvelope, type IdleEventFields, type IdleFold, type IdleInterval } from '@motcua/core';
import type { SqlClient, SqlQueryable } from '../db/sqlClient.js';
import { foldBatch, StreamStates, writeProjections } from './streamProjector.js';

/** Events folded per transaction: large enough to share the writes, small enough to keep locks short. */
const PAGE = 2000;
/** After a failed projection (a bug, the database gone), wait this long before trying again. */
const RETRY_MS = 2000;

/** Walks a page's events with core's idle rule; stores the intervals they end; returns the walk's state. */
async function writeIdleIntervals(
  tx: SqlQueryable,
  officeId: string,
  hubId: string,
  start: IdleFold,
  envelopes: readonly EventEnvelope[],
): Promise<IdleFold> {
  let fold = start;
  const ended: IdleInterval[] = [];
  for (const envelope of envelopes) {
    const step = foldIdle(fold, envelope.event as IdleEventFields, envelope.at);
    fold = step.fold;
    ended.push(...step.ended);
  }
  if (ended.length > 0) {
    await tx.query(
      `INSERT INTO idle_intervals (office_id, hub_id, counter_id, clerk_id, from_at, to_at)
       SELECT $1::text, $2::text, r.counter_id, r.clerk_id, r.from_at, r.to_at
       FROM jsonb_to_recordset($3::jsonb) AS r(counter_id TEXT, clerk_id TEXT, from_at BIGINT, to_at BIGINT)`,
      [
        officeId,
        hubId,
        JSON.stringify(
          ended.map((i) => ({ counter_id: i.counterId, clerk_id: i.clerkId, from_at: i.from, to_at: i.to })),
        ),
      ],
    );
  }
  return fold;
}

interface StreamBehind {
  office_id: string;
  hub_id: string;
  last_seq: number;
  projected_seq: number;
}

/**
 * Folds stored events into the report tables behind ingest, one stream page at a time, serially.
 * Ingest only stores and checks (so 100+ offices catching up after an outage are acknowledged at the
 * rate the events table takes them); the dashboard shows each office's projected seq and freshness.
 * Each page's rows and the new cursor are written in one transaction: a crash loses nothing and
 * projects nothing twice. `wake()` after every stored batch; at start it catches up on its own.
 */
export class Projector {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly states = new StreamStates();

  constructor(
    private readonly sql: SqlClient,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once every stored event has been projected (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.whenIdle();
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.projectOnePageEach())) {
          // Each round gives every stream behind one page, so one busy office cannot starve the others.
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      this.onError(error);
      this.retry = setTimeout(() => {
        this.retry = null;
        this.wake();
      }, RETRY_MS);
      this.retry.unref();
    }
  }

  /** One page of every stream that is behind; false when none was. */
  private async projectOnePageEach(): Promise<boolean> {
    const behind = (
      await this.sql.query<StreamBehind>(
        `SELECT s.office_id, s.hub_id, s.last_seq, COALESCE(p.projected_seq, 0) AS projected_seq
         FROM office_streams s LEFT JOIN stream_projections p ON p.office_id = s.office_id AND p.hub_id = s.hub_id
         WHERE s.last_seq > COALESCE(p.projected_seq, 0)
         ORDER BY s.received_at`,
      )
    ).rows;
    for (const stream of behind) {
      if (this.stopped) break;
      await this.projectPage(stream.office_id, stream.hub_id);
      // Let waiting HTTP requests (the dashboard, ingest) run between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return behind.length > 0;
  }

  private async projectPage(officeId: string, hubId: string): Promise<void> {
    let remember: (() => void) | null = null;
    try {
      await this.sql.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO stream_projections (office_id, hub_id, projected_seq) VALUES ($1, $2, 0)
           ON CONFLICT (office_id, hub_id) DO NOTHING`,
          [officeId, hubId],
        );
        const cursor = (
          await tx.query<{ projected_seq: number; idle_fold: string }>(
            'SELECT projected_seq, idle_fold FROM stream_projections WHERE office_id = $1 AND hub_id = $2 FOR UPDATE',
            [officeId, hubId],
          )
        ).rows[0];
        const projected = cursor?.projected_seq ?? 0;
        const rows = (
          await tx.query<{ seq: number; at: number; actor: string; payload: string }>(
            `SELECT seq, at, actor, payload FROM events
             WHERE office_id = $1 AND hub_id = $2 AND seq > $3 ORDER BY seq LIMIT ${PAGE}`,
            [officeId, hubId, projected],
          )
        ).rows;
        const last = rows[rows.length - 1];
        if (!last) return;
        // Stored events were checked at ingest (chain, schema): parsed here as trusted.
        const envelopes: EventEnvelope[] = rows.map((row) => ({
          seq: row.seq,
          at: row.at,
          actor: row.actor,
          event: JSON.parse(row.payload) as EventEnvelope['event'],
        }));
        const before = await this.states.load(tx, officeId, hubId, projected);
        const { after, touched } = foldBatch(before, envelopes);
        await writeProjections(tx, officeId, hubId, before, after, touched, last.at, this.now());
        const idle = await writeIdleIntervals(tx, officeId, hubId, JSON.parse(cursor?.idle_fold ?? '{}'), envelopes);
        await tx.query(
          'UPDATE stream_projections SET projected_seq = $3, idle_fold = $4 WHERE office_id = $1 AND hub_id = $2',
          [officeId, hubId, last.seq, JSON.stringify(idle)],
        );
        remember = () => this.states.remember(officeId, hubId, after);
      });
      (remember as (() => void) | null)?.();
    } catch (error) {
      this.states.forget(officeId, hubId);
      throw error;
    }
  }
}
