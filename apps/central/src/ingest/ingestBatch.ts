import {
  CHAIN_GENESIS_HASH,
  domainEventSchema,
  type IngestBatch,
  type IngestReply,
  type ShippedEvent,
} from '@motcua/core';
import { chainHash } from '@motcua/secrets';
import type { SqlClient, SqlQueryable } from '../db/sqlClient.js';
import { raiseAlert } from '../alerts.js';

export { chainHash };

type Refusal = Extract<IngestReply, { ok: false }>;

/** The first seq out of order (a gap to re-request), or null. */
function seqGap(fresh: readonly ShippedEvent[], lastSeq: number): Refusal | null {
  let expectedSeq = lastSeq + 1;
  for (const event of fresh) {
    if (event.seq !== expectedSeq) {
      return { ok: false, code: 'GAP', message: `seq ${event.seq} arrived, ${expectedSeq} expected`, expectedSeq };
    }
    expectedSeq++;
  }
  return null;
}

/** Checks the new events link to the stored head and to each other; the first broken link refuses the batch. */
function verifyChain(fresh: readonly ShippedEvent[], lastHash: string): Refusal | null {
  let prevHash = lastHash;
  for (const event of fresh) {
    if (event.prevHash !== prevHash) {
      return { ok: false, code: 'CHAIN_BROKEN', message: `seq ${event.seq}: prevHash does not match the stored chain` };
    }
    if (chainHash(prevHash, event) !== event.hash) {
      return { ok: false, code: 'CHAIN_BROKEN', message: `seq ${event.seq}: hash does not match its content` };
    }
    prevHash = event.hash;
  }
  return null;
}

/** Every payload as JSON (its `type` goes into the row), or the first that is not JSON. */
function parsePayloads(events: readonly ShippedEvent[]): { type: string; json: unknown }[] | Refusal {
  const parsed: { type: string; json: unknown }[] = [];
  for (const e of events) {
    let json: unknown;
    try {
      json = JSON.parse(e.payload);
    } catch {
      return { ok: false, code: 'BAD_REQUEST', message: `seq ${e.seq}: payload is not JSON` };
    }
    const type = (json as { type?: unknown } | null)?.type;
    if (typeof type !== 'string') return { ok: false, code: 'BAD_REQUEST', message: `seq ${e.seq}: not a known event` };
    parsed.push({ type, json });
  }
  return parsed;
}

/** The first payload that is not one of core's events, or null. */
function checkEvents(events: readonly ShippedEvent[], payloads: readonly { json: unknown }[]): Refusal | null {
  for (let i = 0; i < events.length; i++) {
    if (!domainEventSchema.safeParse(payloads[i]?.json).success) {
      return { ok: false, code: 'BAD_REQUEST', message: `seq ${events[i]?.seq}: not a known event` };
    }
  }
  return null;
}

function insertEvents(
  tx: SqlQueryable,
  batch: IngestBatch,
  fresh: readonly ShippedEvent[],
  types: readonly string[],
  now: number,
): Promise<unknown> {
  return tx.query(
    `INSERT INTO events (office_id, hub_id, seq, type, at, actor, payload, prev_hash, hash, received_at)
     SELECT $1::text, $2::text, u.*, $9::bigint FROM unnest($3::bigint[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[],
       $10::text[]) AS u`,
    [
      batch.officeId,
      batch.hubId,
      fresh.map((e) => e.seq),
      types,
      fresh.map((e) => e.at),
      fresh.map((e) => e.actor),
      fresh.map((e) => e.payload),
      fresh.map((e) => e.prevHash),
      now,
      fresh.map((e) => e.hash),
    ],
  );
}

/** A batch refused after its insert was sent: thrown to roll the transaction back. */
class RefusedBatch extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/**
 * Stores one batch from an office hub, all or nothing: events already stored with the same hash are
 * acknowledged again and change nothing; a gap is refused with the seq to start from; a broken or
 * conflicting chain, or an event that is not a known event, is refused and raised as an alert. The
 * caller has checked the office credential. The report tables follow behind (`Projector`).
 */
export async function ingestBatch(sql: SqlClient, batch: IngestBatch, now: number): Promise<IngestReply> {
  try {
    return await storeBatch(sql, batch, now);
  } catch (error) {
    if (!(error instanceof RefusedBatch)) throw error;
    const { refusal } = error;
    await raiseAlert(sql, batch.officeId, refusal.code, refusal.message, { hubId: batch.hubId }, now);
    return refusal;
  }
}

async function storeBatch(sql: SqlClient, batch: IngestBatch, now: number): Promise<IngestReply> {
  const { officeId, hubId } = batch;
  return sql.transaction(async (tx): Promise<IngestReply> => {
    await tx.query(
      `INSERT INTO office_streams (office_id, hub_id, last_seq, last_hash, received_at) VALUES ($1, $2, 0, $3, $4)
         ON CONFLICT (office_id, hub_id) DO NOTHING`,
      [officeId, hubId, CHAIN_GENESIS_HASH, now],
    );
    const head = (
      await tx.query<{ last_seq: number; last_hash: string }>(
        'SELECT last_seq, last_hash FROM office_streams WHERE office_id = $1 AND hub_id = $2 FOR UPDATE',
        [officeId, hubId],
      )
    ).rows[0];
    if (!head) throw new Error('stream row missing');
    const repeated = batch.events.filter((e) => e.seq <= head.last_seq);
    if (repeated.length > 0) {
      const stored = new Map(
        (
          await tx.query<{ seq: number; hash: string }>(
            'SELECT seq, hash FROM events WHERE office_id = $1 AND hub_id = $2 AND seq = ANY($3::bigint[])',
            [officeId, hubId, repeated.map((e) => e.seq)],
          )
        ).rows.map((row) => [row.seq, row.hash]),
      );
      const differs = repeated.find((e) => stored.get(e.seq) !== e.hash);
      if (differs) {
        const refusal: Refusal = {
          ok: false,
          code: 'CHAIN_CONFLICT',
          message: `seq ${differs.seq} is already stored with another hash: a replayed or altered batch`,
        };
        await raiseAlert(tx, officeId, refusal.code, refusal.message, { hubId, seq: differs.seq }, now);
        return refusal;
      }
    }
    const fresh = batch.events.filter((e) => e.seq > head.last_seq);
    if (fresh.length === 0) {
      return { ok: true, acknowledgedSeq: head.last_seq, stored: 0, duplicates: repeated.length };
    }
    const gap = seqGap(fresh, head.last_seq);
    if (gap) return gap;
    const payloads = parsePayloads(fresh);
    if (!Array.isArray(payloads)) {
      await raiseAlert(tx, officeId, payloads.code, payloads.message, { hubId }, now);
      return payloads;
    }
    // The insert goes to PostgreSQL while this process checks the chain and the schema (the two take
    // about as long); a failed check rolls the insert back.
    const inserting = insertEvents(
      tx,
      batch,
      fresh,
      payloads.map((p) => p.type),
      now,
    );
    inserting.catch(() => undefined); // awaited below; a refusal must not leave it unhandled meanwhile
    const refusal = verifyChain(fresh, head.last_hash) ?? checkEvents(fresh, payloads);
    await inserting;
    if (refusal) throw new RefusedBatch(refusal);
    const last = fresh[fresh.length - 1] as ShippedEvent;
    await tx.query(
      'UPDATE office_streams SET last_seq = $3, last_hash = $4, received_at = $5 WHERE office_id = $1 AND hub_id = $2',
      [officeId, hubId, last.seq, last.hash, now],
    );
    return { ok: true, acknowledgedSeq: last.seq, stored: fresh.length, duplicates: repeated.length };
  });
}

/** Where central expects a hub epoch to continue. */
export async function nextSeq(sql: SqlQueryable, officeId: string, hubId: string): Promise<number> {
  const row = (
    await sql.query<{ last_seq: number }>('SELECT last_seq FROM office_streams WHERE office_id = $1 AND hub_id = $2', [
      officeId,
      hubId,
    ])
  ).rows[0];
  return (row?.last_seq ?? 0) + 1;
}
