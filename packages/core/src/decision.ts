import type { Actor } from './actors.js';
import type { DomainError } from './errors.js';
import { domainError } from './errors.js';
import type { DomainEvent } from './events.js';

export interface DecideContext {
  /** The hub's clock, epoch milliseconds. */
  now: number;
  actor: Actor;
}

export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; error: DomainError };

export const accept = (...events: DomainEvent[]): Decision => ({ ok: true, events });
export const refuse = (code: DomainError['code'], details?: DomainError['details']): Decision => ({
  ok: false,
  error: domainError(code, details),
});
