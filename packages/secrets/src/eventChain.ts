import { createHash } from 'node:crypto';
import { chainHashInput, type ShippedEvent } from '@motcua/core';

/** One link of the tamper-evident event chain: SHA-256 over the previous hash and the stored event. */
export function chainHash(prevHash: string, event: Pick<ShippedEvent, 'seq' | 'at' | 'actor' | 'payload'>): string {
  return createHash('sha256').update(chainHashInput(prevHash, event)).digest('hex');
}
