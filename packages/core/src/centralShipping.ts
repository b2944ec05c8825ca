import { z } from 'zod';

/**
 * What an office hub ships to the province's central service: its events in seq order, each linked
 * to the one before by a hash (a tamper-evident chain). The payload travels as the exact JSON text
 * the hub stored, so both sides hash the same bytes.
 */

/** The `prevHash` of an epoch's first event. */
export const CHAIN_GENESIS_HASH = '0'.repeat(64);

export const shippedEventSchema = z.object({
  seq: z.number().int().min(1),
  at: z.number().int().min(0),
  actor: z.string().min(1).max(200),
  /** The event as JSON text, exactly as stored by the hub. */
  payload: z.string().min(2).max(200_000),
  /** Hex SHA-256 of the previous event in this hub epoch (CHAIN_GENESIS_HASH for seq 1). */
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Hex SHA-256 of `chainHashInput(prevHash, event)`. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ShippedEvent = z.infer<typeof shippedEventSchema>;

export const MAX_SHIPPED_BATCH = 1000;

export const ingestBatchSchema = z.object({
  officeId: z.string().min(1).max(100),
  /** The hub's epoch: a restored backup starts a new one, whose seqs begin again at 1 on central. */
  hubId: z.string().min(1).max(100),
  events: z.array(shippedEventSchema).min(1).max(MAX_SHIPPED_BATCH),
});
export type IngestBatch = z.infer<typeof ingestBatchSchema>;

/** Central's answer to a batch. `GAP` tells the hub where to start again. */
export type IngestReply =
  | { ok: true; acknowledgedSeq: number; stored: number; duplicates: number }
  | { ok: false; code: 'GAP'; message: string; expectedSeq: number }
  | {
      ok: false;
      code: 'CHAIN_BROKEN' | 'CHAIN_CONFLICT' | 'FORBIDDEN_OFFICE' | 'UNAUTHORIZED' | 'BAD_REQUEST';
      message: string;
    };

/** Central's cursor for one hub epoch: the next seq it expects. */
export interface IngestCursor {
  ok: true;
  officeId: string;
  hubId: string;
  nextSeq: number;
}

/** The text hashed for one link of the chain; the caller supplies SHA-256 (core has no crypto). */
export function chainHashInput(
  prevHash: string,
  event: Pick<ShippedEvent, 'seq' | 'at' | 'actor' | 'payload'>,
): string {
  return `${prevHash}\n${event.seq}\n${event.at}\n${event.actor}\n${event.payload}`;
}

/** How the office's link to the province's central service stands, for the admin page. */
export interface CentralLinkStatus {
  enabled: boolean;
  centralUrl: string | null;
  officeId: string | null;
  hubId: string;
  /** off: not configured; connecting: first contact; up: last exchange worked; down: unreachable, retrying; refused: central said no (credential, chain) and a person must look. */
  link: 'off' | 'connecting' | 'up' | 'down' | 'refused';
  /** The last seq central confirmed it holds. */
  acknowledgedSeq: number;
  hubSeq: number;
  /** Events the central copy is behind the office. */
  behind: number;
  lastSuccessAt: number | null;
  lastError: string | null;
  nextAttemptAt: number | null;
}
