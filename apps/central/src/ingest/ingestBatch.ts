import {
  CHAIN_GENESIS_HASH,
  domainEventSchema,
  type EventEnvelope,
  type IngestBatch,
  type IngestReply,
  type ShippedEvent,
} from '@motcua/core';
import { chainHash } from '@motcua/secrets';
import type { SqlClient, SqlQueryable } from '../db/sqlClient.js';
import { raiseAlert } from '../alerts.js';

export { chainHash };

type Refusal = Extract<IngestReply, { ok: false }>;

/** Checks the new events link to the stored head and to each other; the first broken link refuses the batch. */
function verifyChain(fresh: readonly ShippedEvent[], lastSeq: number, lastHash: string): Refusal | null {
  let expectedSeq = lastSeq + 1;
  let prevHash = lastHash;
  for (const event of fresh) {
    if (event.seq !== expectedSeq) {
      return { ok: false, code: 'GAP', message: `seq ${event.seq} arrived, ${expectedSeq} expected`, expectedSeq };
    }
    if (event.prevHash !== prevHash) {
      return { ok: false, code: 'CHAIN_BROKEN', message: `seq ${event.seq}: prevHash does not match the stored chain` };
    }
    if (chainHash(prevHash, event) !== event.hash) {
      return { ok: false, code: 'CHAIN_BROKEN', message: `seq ${event.seq}: hash does not match its content` };
    }
    prevHash = event.hash;
    expectedSeq++;
  }
  return null;
}

function parseEnvelopes(events: readonly ShippedEvent[]): EventEnvelope[] | Refusal {
  const envelopes: EventEnvelope[] = [];
  for (const e of events) {
    let json: unknown;
    try {
      json = JSON.parse(e.payload);
    } catch {
      return { ok: false, code: 'BAD_REQUEST', message: `seq ${e.seq}: payload is not JSON` };
    }
    const parsed = domainEventSchema.safeParse(json);
    if (!parsed.success) return { ok: false, code: 'BAD_REQUEST', message: `seq ${e.seq}: not a known event` };
    envelopes.push({ seq: e.seq, at: e.at, actor: e.actor, event: json as EventEnvelope['event'] });
  }
  return envelopes;
}

async function insertEvents(
  tx: SqlQueryable,
  batch: IngestBatch,
  fresh: readonly ShippedEvent[],
  envelopes: readonly EventEnvelope[],
  now: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO events (office_id, hub_id, seq, type, at, actor, payload, prev_hash, hash, received_at)
     SELECT $1::text, $2::text, u.*, $9::bigint FROM unnest($3::bigint[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[],
       $10::text[]) AS u`,
    [
      batch.officeId,
      batch.hubId,
      fresh.map((e) => e.seq),
      envelopes.map((e) => e.event.type),
      fresh.map((e) => e.at),
      fresh.map((e) => e.actor),
      fresh.map((e) => e.payload),
      fresh.map((e) => e.prevHash),
      now,
      fresh.map((e) => e.hash),
    ],
  );
}

/**
 * Stores one batch from an office hub, all or nothing: events already stored with the same hash are
 * acknowledged again and change nothing; a gap is refused with the seq to start from; a broken or
 * conflicting chain, or an event that is not a known event, is refused and raised as an alert. The
 * caller has checked the office credential. The report tables follow behind (`Projector`).
 */
export async function ingestBatch(sql: SqlClient, batch: IngestBatch, now: number): Promise<IngestReply> {
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
    const broken = verifyChain(fresh, head.last_seq, head.last_hash);
    if (broken) {
      if (broken.code !== 'GAP') await raiseAlert(tx, officeId, broken.code, broken.message, { hubId }, now);
      return broken;
    }
    const envelopes = parseEnvelopes(fresh);
    if (!Array.isArray(envelopes)) {
      await raiseAlert(tx, officeId, envelopes.code, envelopes.message, { hubId }, now);
      return envelopes;
    }
    await insertEvents(tx, batch, fresh, envelopes, now);
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
