/**
 * A new command's requestId: the time (base 36, sortable until 2059) before a random UUID. Unique as a UUID is,
 * and the hub's stored replies, keyed by requestId, then grow at one end of their index instead of touching a
 * random page of it on every command.
 */
export function newRequestId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}-${globalThis.crypto.randomUUID()}`;
}
