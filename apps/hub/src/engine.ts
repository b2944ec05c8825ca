import {
  actorRef,
  domainError,
  executeCommand,
  executeParsed,
  parseCommand,
  type Actor,
  type Command,
  type CommandReply,
  type DomainError,
  type EventEnvelope,
  type QueueState,
} from '@motcua/core';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { AlongsideWrite, EventStore, StoredCommand } from './store/eventStore.js';

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
interface PendingCommand extends StoredCommand {
  reply: CommandReply & { ok: true };
  settled: Promise<CommandReply>;
  settle(reply: CommandReply): void;
}

/** JSON with object keys sorted, so the same command hashes the same whatever order its keys came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a requestId is bound to: a retry must carry the same command. */
export function commandHash(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('base64url');
}

/** A batch stored but not yet durable: published (broadcast, acked) once a WAL sync covers it. */
interface WrittenBatch {
  commands: PendingCommand[];
  state: QueueState;
}

/**
 * The one way state changes (docs/architecture.md, rule 2): validate, authorise and decide in core,
 * store the events with their projections in one transaction, then fold and broadcast them.
 * Commands are strictly serialised: each is decided against the state after the one before it.
 * Client commands (`submit`) that arrive together share one transaction (group commit). Its WAL is synced
 * off the event loop (the next batch is decided meanwhile); only then is the batch published: `state`
 * moves on, its events are broadcast and its acks leave. Nothing acknowledged or broadcast is ever lost.
 */
export class Engine {
  private listeners = new Set<(envelopes: EventEnvelope[]) => void>();
  health: StoreHealth = { ok: true };
  /** Decided commands waiting for the next commit, and the state after them. */
  private batch: { commands: PendingCommand[]; state: QueueState } | null = null;
  /** Batches committed to SQLite, oldest first, waiting for the WAL sync that makes them durable. */
  private written: WrittenBatch[] = [];
  /** A WAL sync is running (at most one; batches written meanwhile wait for the next). */
  private syncing = false;

  /**
   * `state` is the durable state: what syncs, snapshots and reads are served from. Commands are decided
   * against the state after every batch already decided (`latestState`).
   * `onSyncFailure`: the WAL could not be synced, so committed batches may not be on disk and must not be
   * acknowledged; the hub stops (as PostgreSQL does after a failed fsync) and its clients retry on the next start.
   */
  constructor(
    public state: QueueState,
    private readonly store: EventStore,
    private readonly clock: () => number,
    private readonly log: Logger,
    private readonly onSyncFailure: (error: unknown) => void = (error) => {
      throw error;
    },
  ) {}

  now(): number {
    return this.clock();
  }

  onEvents(listener: (envelopes: EventEnvelope[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The state after every decided command, durable or not: what the next command is decided against. */
  private latestState(): QueueState {
    return this.batch?.state ?? this.written.at(-1)?.state ?? this.state;
  }

  /** A command of this sender under this requestId that is decided but not yet published. */
  private undelivered(ref: string, requestId: string): PendingCommand | undefined {
    for (const batch of [this.batch, ...this.written]) {
      const command = batch?.commands.find((c) => c.requestId === requestId && c.actor === ref);
      if (command) return command;
    }
    return undefined;
  }

  /**
   * The answer already given to this sender's requestId, if any: the stored reply for a retry of the
   * same command, `IDEMPOTENCY_CONFLICT` for another command under the same requestId, or null for a
   * new request. Checked before anything that could refuse a retry (rate limits).
   */
  private replyAlreadyGiven(ref: string, hash: string, requestId: string): Promise<CommandReply> | null {
    const pending = this.undelivered(ref, requestId);
    if (pending) return pending.commandHash === hash ? pending.settled : Promise.resolve(conflictReply());
    const stored = this.storedReply(ref, hash, requestId);
    return stored ? Promise.resolve(stored) : null;
  }

  /** The stored answer to this sender's requestId (or IDEMPOTENCY_CONFLICT, or the store's refusal), or null. */
  private storedReply(ref: string, hash: string, requestId: string): CommandReply | null {
    const previous = this.safely(() => this.store.previousReply(requestId, ref));
    if (!previous) return null;
    if ('error' in previous) return previous.error;
    // A reply stored before hashes were kept (null) is taken as the same command.
    if (previous.commandHash !== null && previous.commandHash !== hash) return conflictReply();
    return previous.reply;
  }

  /**
   * Runs a client's command in the next group commit and resolves with its reply once stored durably.
   * A retry of a command still in the batch, or already stored, gets the same reply, before `admit` is asked:
   * `admit` refuses new, well-formed commands only (a rate limit must not refuse the retry of an accepted one,
   * nor count a malformed one).
   */
  submit(
    actor: Actor,
    input: unknown,
    requestId: string | null,
    admit: (command: Command) => CommandReply | null = () => null,
  ): Promise<CommandReply> {
    const ref = actorRef(actor);
    const hash = requestId ? commandHash(input) : null;
    const known = requestId && hash ? this.replyAlreadyGiven(ref, hash, requestId) : null;
    if (known) return known;
    const parsed = parseCommand(input);
    if (!parsed.ok) return Promise.resolve(errorReply(parsed.error));
    const refusal = admit(parsed.command);
    if (refusal) return Promise.resolve(refusal);
    const base = this.latestState();
    const execution = executeParsed(base, parsed.command, actor, this.clock());
    if (!execution.ok) return Promise.resolve(errorReply(execution.error));
    const reply: CommandReply & { ok: true } = { ok: true, result: execution.result };
    if (execution.envelopes.length === 0 && !this.batch) return Promise.resolve(reply);
    if (!this.batch) {
      this.batch = { commands: [], state: base };
      // While a WAL sync runs, the batch grows; it is committed when the sync ends (one transaction per sync).
      if (!this.syncing) setImmediate(() => this.commit());
    }
    let settle: (reply: CommandReply) => void = () => undefined;
    const settled = new Promise<CommandReply>((resolve) => (settle = resolve));
    this.batch.commands.push({
      envelopes: execution.envelopes,
      requestId,
      actor: ref,
      commandHash: hash,
      reply,
      settled,
      settle,
    });
    this.batch.state = execution.state;
    return settled;
  }

  /**
   * Stores the waiting batch in one transaction and starts the WAL sync that publishes it. A refused
   * transaction refuses the batch's commands; the batches before it are stored and publish as usual.
   */
  commit(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    const stored = this.safely(() => {
      this.store.appendBatch(batch.commands, batch.state, 'bySyncWal');
      return 'stored' as const;
    });
    if (stored !== 'stored') {
      for (const command of batch.commands) command.settle(stored.error);
      return;
    }
    this.written.push(batch);
    this.syncWritten();
  }

  /**
   * One WAL sync at a time, covering every batch written before it starts; batches written while it runs
   * wait for the next one (so under load one fsync serves several batches).
   */
  private syncWritten(): void {
    if (this.syncing || this.written.length === 0) return;
    this.syncing = true;
    const covered = this.written.at(-1)!;
    this.store.syncWal().then(
      () => {
        this.syncing = false;
        // `execute` may have published some (its own commit synced them): publish what is still waiting.
        const upTo = this.written.indexOf(covered);
        if (upTo >= 0) this.publish(this.written.splice(0, upTo + 1));
        // The commands decided while it ran: one transaction, and the next sync.
        this.commit();
        this.syncWritten();
      },
      (error: unknown) => {
        this.log.fatal(
          { err: error },
          'Không ghi được dữ liệu xuống đĩa; hub dừng để không báo nhận điều chưa lưu / the disk refused to sync; the hub stops so nothing unsaved is acknowledged',
        );
        this.onSyncFailure(error);
      },
    );
  }

  /** Durable batches, in order: the state moves on, their events go out, then their acks. */
  private publish(batches: WrittenBatch[]): void {
    for (const batch of batches) {
      this.state = batch.state;
      const envelopes = batch.commands.flatMap((c) => c.envelopes);
      this.noteEventTimes(envelopes);
      if (envelopes.length > 0) for (const listener of this.listeners) listener(envelopes);
      for (const command of batch.commands) command.settle(command.reply);
    }
  }

  /**
   * Stores and publishes everything decided so far, synchronously (shutdown, and the hub's own commands that
   * must see a settled state). Throws if the WAL cannot be synced.
   */
  flush(): void {
    this.commit();
    if (this.written.length === 0) return;
    this.store.syncWalNow();
    this.publish(this.written.splice(0));
  }

  /**
   * Runs a command now (the hub's own commands and features): first stores any waiting batch.
   * `alongside` writes what belongs to this command but not to its events, in the same transaction.
   * Its commit syncs the WAL (SQLite's own `synchronous = FULL`), so the batches written before it are durable
   * too and are published first, in order.
   */
  execute(actor: Actor, input: unknown, requestId: string | null, alongside?: AlongsideWrite): CommandReply {
    this.commit();
    const ref = actorRef(actor);
    const hash = requestId ? commandHash(input) : null;
    if (requestId && hash && this.undelivered(ref, requestId)) this.flush();
    const known = requestId && hash ? this.storedReply(ref, hash, requestId) : null;
    if (known) return known;
    const execution = executeCommand(this.latestState(), input, actor, this.clock());
    if (!execution.ok) return errorReply(execution.error);
    const reply: CommandReply = { ok: true, result: execution.result };
    if (execution.envelopes.length === 0) return reply;
    const stored = this.safely(() => {
      this.store.appendBatch(
        [
          {
            envelopes: execution.envelopes,
            requestId,
            actor: ref,
            commandHash: hash,
            reply,
            alongside,
          },
        ],
        execution.state,
      );
      return 'stored' as const;
    });
    if (stored !== 'stored') return stored.error;
    this.publish(this.written.splice(0));
    this.state = execution.state;
    this.noteEventTimes(execution.envelopes);
    for (const listener of this.listeners) listener(execution.envelopes);
    return reply;
  }

  /** The latest time any stored event carries; a clock reading below it means the wall clock stepped back. */
  latestEventAt = 0;

  private noteEventTimes(envelopes: EventEnvelope[]): void {
    for (const { at } of envelopes) if (at > this.latestEventAt) this.latestEventAt = at;
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

function conflictReply(): CommandReply & { ok: false } {
  return errorReply(domainError('IDEMPOTENCY_CONFLICT'));
}

export function errorReply(error: DomainError): CommandReply & { ok: false } {
  const reply: CommandReply & { ok: false } = { ok: false, code: error.code, message: error.message };
  if (error.details) reply.details = error.details;
  return reply;
}
