import type { Ticket } from './schemas.js';
import type { QueueState } from './state.js';
import { canonicalJson, valueHash } from './stateHash.js';
import { ticketMapOf } from './ticketIndex.js';

/**
 * The plain form of a state: what snapshots store, what a client receives when it syncs from nothing,
 * and what the state hash covers. Its JSON is the same as before tickets became a persistent map, so
 * snapshots written by an older hub still load.
 */
export type StateSnapshot = Omit<QueueState, 'tickets'> & { tickets: Record<string, Ticket> };

export function toSnapshot(state: QueueState): StateSnapshot {
  return { ...state, tickets: state.tickets.toObject() };
}

export function fromSnapshot(snapshot: StateSnapshot): QueueState {
  return { ...snapshot, tickets: ticketMapOf(snapshot.tickets) };
}

/** The one way a state becomes text and back (snapshots, sync payloads), and its fingerprint. */
export const stateCodec = {
  toSnapshot,
  fromSnapshot,
  /** UTF-8 JSON text of the snapshot. */
  encode(state: QueueState): string {
    return JSON.stringify(toSnapshot(state));
  },
  /** The state from `encode`'s text (trusted: written by a hub). */
  decode(text: string): QueueState {
    return fromSnapshot(JSON.parse(text) as StateSnapshot);
  },
  /** Equal states give equal hashes on every replica, whatever order their tickets were added in. */
  hash: stateHash,
  canonicalJson(state: QueueState): string {
    return canonicalJson(toSnapshot(state));
  },
};

/** A short fingerprint of a state, for comparing replicas (the hub's health answer, tests). */
export function stateHash(state: QueueState | null): string {
  return valueHash(state && toSnapshot(state));
}
