import {
  actorRef,
  domainError,
  executeCommand,
  type Actor,
  type CommandReply,
  type DomainError,
  type EventEnvelope,
  type QueueState,
} from '@motcua/core';
import type { Logger } from 'pino';
import type { EventStore } from './store/eventStore.js';

export type StoreHealth =
  { ok: true } | { ok: false; code: 'STORE_BUSY' | 'STORE_UNAVAILABLE'; detail: string; since: number };

/** Maps a SQLite failure to what the sender can do about it. */
export function storeErrorCode(error: unknown): 'STORE_BUSY' | 'STORE_UNAVAILABLE' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'STORE_BUSY';
  return 'STORE_UNAVAILABLE';
}

/** A command decided but not yet stored: its ack waits for the batch's commit. */
interface PendingCommand {
  envelopes: EventEnvelope[];
  requestId: string | null;
  actor: string;
  reply: CommandReply & { ok: true };
  settled: Promise<CommandReply>;
  settle(reply: CommandReply): void;
}

/**
 * The one way state changes (docs/architecture.md, rule 2): validate, authorise and decide in core,
 * store the events with their projections in one transaction, then fold and broadcast them.
 * Commands are strictly serialised: each is decided against the state after the one before it.
 * Client commands (`submit`) that arrive together share one transaction (group commit): their acks
 * and broadcasts leave only after that commit, so nothing acknowledged is ever lost.
 */
export class Engine {
  private listeners = new Set<(envelopes: EventEnvelope[]) => void>();
  health: StoreHealth = { ok: true };
  /** Decided commands waiting for the next commit, and the state after them. */
  private batch: { commands: PendingCommand[]; state: QueueState } | null = null;

  constructor(
    public state: QueueState,
    private readonly store: EventStore,
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {}

  now(): number {
    return this.clock();
  }

  onEvents(listener: (envelopes: EventEnvelope[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs a client's command in the next group commit and resolves with its reply once stored.
   * A retry of a command still in the batch gets the same reply.
   */
  submit(actor: Actor, input: unknown, requestId: string | null): Promise<CommandReply> {
    const ref = actorRef(actor);
    if (requestId) {
      const pending = this.batch?.commands.find((c) => c.requestId === requestId && c.actor === ref);
      if (pending) return pending.settled;
      const previous = this.safely(() => this.store.previousReply(requestId, ref));
      if (previous && 'error' in previous) return Promise.resolve(previous.error);
      if (previous) return Promise.resolve(previous);
    }
    const base = this.batch?.state ?? this.state;
    const execution = executeCommand(base, input, actor, this.clock());
    if (!execution.ok) return Promise.resolve(errorReply(execution.error));
    const reply: CommandReply & { ok: true } = { ok: true, result: execution.result };
    if (execution.envelopes.length === 0 && !this.batch) return Promise.resolve(reply);
    if (!this.batch) {
      this.batch = { commands: [], state: base };
      setImmediate(() => this.commit());
    }
    let settle: (reply: CommandReply) => void = () => undefined;
    const settled = new Promise<CommandReply>((resolve) => (settle = resolve));
    this.batch.commands.push({ envelopes: execution.envelopes, requestId, actor: ref, reply, settled, settle });
    this.batch.state = execution.state;
    return settled;
  }

  /** Stores the waiting batch in one transaction, then broadcasts its events and answers each command. */
  commit(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    const stored = this.safely(() => {
      this.store.appendBatch(batch.commands, batch.state);
      return 'stored' as const;
    });
    if (stored !== 'stored') {
      for (const command of batch.commands) command.settle(stored.error);
      return;
    }
    this.state = batch.state;
    const envelopes = batch.commands.flatMap((c) => c.envelopes);
    if (envelopes.length > 0) for (const listener of this.listeners) listener(envelopes);
    for (const command of batch.commands) command.settle(command.reply);
  }

  /** Runs a command now (the hub's own commands and features): first stores any waiting batch. */
  execute(actor: Actor, input: unknown, requestId: string | null): CommandReply {
    this.commit();
    const ref = actorRef(actor);
    if (requestId) {
      const previous = this.safely(() => this.store.previousReply(requestId, ref));
      if (previous && 'error' in previous) return previous.error;
      if (previous) return previous;
    }
    const execution = executeCommand(this.state, input, actor, this.clock());
    if (!execution.ok) return errorReply(execution.error);
    const reply: CommandReply = { ok: true, result: execution.result };
    if (execution.envelopes.length === 0) return reply;
    const stored = this.safely(() => {
      this.store.append(execution.envelopes, execution.state, requestId, ref, reply);
      return 'stored' as const;
    });
    if (stored !== 'stored') return stored.error;
    this.state = execution.state;
    for (const listener of this.listeners) listener(execution.envelopes);
    return reply;
  }

  /** Runs a store call; a SQLite failure becomes a clear, retryable reply and the health flag. */
  private safely<T>(work: () => T): T | { error: CommandReply & { ok: false } } {
    try {
      const value = work();
      if (!this.health.ok) {
        this.log.info({ was: this.health }, 'store recovered');
        this.health = { ok: true };
      }
      return value;
    } catch (error) {
      const code = storeErrorCode(error);
      if (!code) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      if (this.health.ok || this.health.code !== code) this.log.error({ code, detail }, 'store refused a write');
      this.health = { ok: false, code, detail, since: this.clock() };
      return { error: errorReply(domainError(code)) };
    }
  }
}

export function errorReply(error: DomainError): CommandReply & { ok: false } {
  const reply: CommandReply & { ok: false } = { ok: false, code: error.code, message: error.message };
  if (error.details) reply.details = error.details;
  return reply;
}
