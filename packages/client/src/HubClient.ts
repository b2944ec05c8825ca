import {
  apply,
  domainError,
  PROTOCOL_VERSION,
  retryableErrorCodes,
  stateCodec,
  type ApproveDeviceRequest,
  type ClientEventName,
  type ClientHandshake,
  type ClientReply,
  type ClientRequest,
  type ClientToHubEvents,
  type CommandInput,
  type CommandReply,
  type DeviceKind,
  type ErrorCode,
  type ErrorReply,
  type EventEnvelope,
  type HelloReply,
  type HubToClientEvents,
  type Identity,
  type PairingRecord,
  type QueueState,
  type SetPinRequest,
  type SignInReply,
  type SimpleReply,
  type SyncPayload,
} from '@motcua/core';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { memoryTokenStore, type TokenStore } from './tokenStore.js';
import { newRequestId } from './requestIds.js';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';
export type PairingStatus = 'none' | 'pending' | 'approved';

export interface HubClientOptions {
  /** The hub's base URL; the page's own origin when left out. */
  url?: string;
  /** When set, a client without a device token asks to pair as this kind of device. */
  deviceKind?: DeviceKind;
  deviceName?: string;
  /** The counter this device stands at, if known (counter and rating devices). */
  counterId?: string | null;
  storage?: TokenStore;
  /** How long to wait for each ack before retrying with the same requestId. */
  requestTimeoutMs?: number;
  /** How many times a command is sent before it gives up with TIMEOUT. */
  attempts?: number;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** What a screen renders: replaced as a whole on every change, so React can compare by identity. */
export interface HubSnapshot {
  connection: ConnectionStatus;
  state: QueueState | null;
  identity: Identity | null;
  pairing: { status: PairingStatus; pairingCode: string | null };
  /** The last refusal of hello (e.g. a revoked device), for the screen to explain. */
  problem: ErrorReply | null;
}

export interface EventMeta {
  /** False for events folded while catching up after a reconnect or gap. */
  live: boolean;
}

type HubSocket = Socket<HubToClientEvents, ClientToHubEvents>;
/** The events `request` sends: every acked call of the map but the ones the client runs itself. */
export type RequestEventName = Exclude<ClientEventName, 'hello' | 'sync' | 'command'>;

/** Events held while one hello or sync is in flight; older ones beyond it are fetched again by a resync. */
const MAX_EVENTS_HELD_DURING_SYNC = 5000;

const KEYS = { deviceToken: 'deviceToken', sessionToken: 'sessionToken', hubId: 'hubId' } as const;

/** The state a snapshot carries (UTF-8 JSON bytes: a Buffer in Node, an ArrayBuffer in the browser). */
export function snapshotState(sync: Extract<SyncPayload, { kind: 'snapshot' }>): QueueState {
  return stateCodec.decode(new TextDecoder().decode(sync.stateJson));
}

function failure(code: ErrorCode): ErrorReply {
  const error = domainError(code);
  return { ok: false, code: error.code, message: error.message };
}

/**
 * A typed connection to the hub: pairs the device, signs in, keeps a local copy of the queue by
 * folding the hub's events with core's `apply`, detects gaps by `seq` and resyncs, and sends
 * commands with a requestId that stays the same across retries.
 */
export class HubClient {
  readonly socket: HubSocket;
  private snapshot: HubSnapshot = {
    connection: 'connecting',
    state: null,
    identity: null,
    pairing: { status: 'none', pairingCode: null },
    problem: null,
  };
  private listeners = new Set<() => void>();
  private eventListeners = new Set<(envelope: EventEnvelope, meta: EventMeta) => void>();
  private readonly storage: TokenStore;
  private readonly options: HubClientOptions;
  private synced = false;
  private syncing = false;
  /**
   * Events that arrived while a hello or sync was in flight. The hub sends them after the reply, but one
   * network read can deliver both before the reply's continuation runs; they are folded once it has.
   */
  private arrivedDuringSync: EventEnvelope[] = [];
  private clockOffsetMs = 0;
  private onlineWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private helloTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(options: HubClientOptions = {}) {
    this.options = options;
    this.storage = options.storage ?? memoryTokenStore();
    const socketOptions: Partial<ManagerOptions & SocketOptions> = {
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      autoConnect: false,
      // One `events` message per commit (a turn of the hub's loop); an older hub ignores this and sends `event`.
      auth: { eventBatches: true } satisfies ClientHandshake,
      ...options.socketOptions,
    };
    this.socket = (options.url ? io(options.url, socketOptions) : io(socketOptions)) as HubSocket;
    this.socket.on('connect', () => void this.hello());
    this.socket.on('disconnect', () => {
      this.synced = false;
      this.arrivedDuringSync = [];
      this.update({ connection: 'offline' });
    });
    this.socket.on('connect_error', () => this.update({ connection: 'offline' }));
    this.socket.on('event', (envelope) => this.receive(envelope));
    this.socket.on('events', (envelopes) => {
      for (const envelope of envelopes) this.receive(envelope);
    });
    this.socket.on('pair.approved', () => void this.hello());
    this.socket.on('hub.epoch', ({ hubId }) => {
      if (hubId === this.storage.get(KEYS.hubId)) return;
      // Another history: events from now on are not a continuation of ours; the hello brings a snapshot.
      this.synced = false;
      void this.hello();
    });
    this.socket.on('protocol.error', (error) => this.update({ problem: error }));
    this.socket.on('auth.revoked', (reason) => {
      this.storage.set(KEYS.sessionToken, null);
      if (reason.scope === 'session') {
        // Signed out elsewhere, expired, or the user's rights changed: carry on as the device (or nobody).
        void this.hello();
        return;
      }
      this.storage.set(KEYS.deviceToken, null);
      this.update({ problem: { ok: false, code: reason.code, message: reason.message }, identity: null });
    });
  }

  connect(): this {
    this.closed = false;
    this.socket.connect();
    return this;
  }

  close(): void {
    this.closed = true;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    const waiters = this.onlineWaiters;
    this.onlineWaiters = [];
    for (const waiter of waiters) waiter.reject(new Error('client closed'));
    this.socket.disconnect();
    this.update({ connection: 'offline' });
  }

  getSnapshot = (): HubSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every event folded into the local state, with whether it arrived live. */
  onEvent(listener: (envelope: EventEnvelope, meta: EventMeta) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  get state(): QueueState | null {
    return this.snapshot.state;
  }

  get identity(): Identity | null {
    return this.snapshot.identity;
  }

  /** The hub's clock, estimated from the last hello. */
  hubNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Resolves when the hello is done and the state is in sync, or rejects after `timeoutMs`. */
  whenOnline(timeoutMs = 10_000): Promise<void> {
    if (this.snapshot.connection === 'online' && this.synced) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('client closed'));
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.onlineWaiters = this.onlineWaiters.filter((w) => w !== waiter);
        reject(new Error('hub unreachable'));
      }, timeoutMs);
      this.onlineWaiters.push(waiter);
    });
  }

  /**
   * Sends a command and resolves with the hub's reply. A lost ack or a dropped connection is
   * retried with the same requestId, so the hub runs it at most once. Never rejects.
   */
  async send(command: CommandInput, requestId = newRequestId()): Promise<CommandReply> {
    const timeoutMs = this.options.requestTimeoutMs ?? 5000;
    const attempts = this.options.attempts ?? 3;
    let last: CommandReply = failure('TIMEOUT');
    for (let attempt = 0; attempt < attempts && !this.closed; attempt++) {
      try {
        await this.whenOnline(timeoutMs);
        last = await this.socket.timeout(timeoutMs).emitWithAck('command', { requestId, command });
        if (last.ok || !retryableErrorCodes.includes(last.code) || last.code === 'RATE_LIMITED') return last;
      } catch {
        last = failure('TIMEOUT');
      }
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
    return last;
  }

  async signIn(
    username: string,
    pin: string,
    counterId: string | null = null,
    moveFromOtherCounter = false,
  ): Promise<SignInReply> {
    const reply = await this.request('session.signIn', { username, pin, counterId, moveFromOtherCounter });
    if (reply.ok) {
      this.storage.set(KEYS.sessionToken, reply.sessionToken);
      await this.hello();
    }
    return reply;
  }

  /** Replaces the signed-in user's password (required after a one-time password); then hello again. */
  async changePassword(currentPassword: string, newPassword: string): Promise<SimpleReply> {
    const reply = await this.request('session.changePassword', { currentPassword, newPassword });
    if (reply.ok) await this.hello();
    return reply;
  }

  async signOut(): Promise<SimpleReply> {
    const reply = await this.request('session.signOut', {});
    this.storage.set(KEYS.sessionToken, null);
    await this.hello();
    return reply;
  }

  approveDevice(request: ApproveDeviceRequest): Promise<SimpleReply & { deviceId?: string }> {
    return this.request('device.approve', request);
  }

  listDevices(): Promise<{ ok: true; devices: PairingRecord[] } | ErrorReply> {
    return this.request('device.list', {});
  }

  setPin(request: SetPinRequest): Promise<SimpleReply> {
    return this.request('user.setPin', request);
  }

  /** Forgets this device's pairing and sign-in (e.g. from a settings screen). */
  forgetDevice(): void {
    this.storage.set(KEYS.deviceToken, null);
    this.storage.set(KEYS.sessionToken, null);
    void this.hello();
  }

  /**
   * One socket call of core's protocol map (`ClientToHubEvents`), typed by it: the hub's reply, or TIMEOUT when
   * offline or when no answer came within `timeoutMs`. Never throws. Commands go through `send` (retries with
   * one requestId); hello and sync are the client's own business.
   */
  async request<E extends RequestEventName>(
    event: E,
    request: ClientRequest<E>,
    timeoutMs = this.options.requestTimeoutMs ?? 5000,
  ): Promise<ClientReply<E> | ErrorReply> {
    try {
      if (!this.socket.connected) throw new Error('offline');
      // socket.io's types resolve an event's arguments only for a literal name; E is one of the map's names.
      const emit = this.socket.timeout(timeoutMs).emitWithAck as (
        event: E,
        request: ClientRequest<E>,
      ) => Promise<ClientReply<E>>;
      return await emit.call(this.socket.timeout(timeoutMs), event, request);
    } catch {
      return failure('TIMEOUT');
    }
  }

  private async hello(): Promise<void> {
    if (!this.socket.connected || this.closed) return;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.synced = false;
    let reply: HelloReply;
    try {
      reply = await this.socket.timeout(this.options.requestTimeoutMs ?? 5000).emitWithAck('hello', {
        protocol: PROTOCOL_VERSION,
        deviceToken: this.storage.get(KEYS.deviceToken),
        sessionToken: this.storage.get(KEYS.sessionToken),
        lastSeq: this.snapshot.state?.seq ?? 0,
        hubId: this.storage.get(KEYS.hubId),
      });
    } catch {
      this.retryHello(1000);
      return;
    }
    if (!reply.ok) {
      const pairing = reply.details?.pairing;
      if (pairing === 'pending') {
        this.update({
          connection: 'online',
          pairing: { status: 'pending', pairingCode: String(reply.details?.pairingCode ?? '') },
          problem: null,
        });
        this.retryHello(5000);
        return;
      }
      if (pairing === 'unknown' || pairing === 'revoked') {
        this.storage.set(KEYS.deviceToken, null);
        this.storage.set(KEYS.sessionToken, null);
        this.update({ problem: reply, identity: null, state: null });
        if (this.options.deviceKind && pairing === 'unknown') await this.pair();
        return;
      }
      this.update({ problem: reply });
      this.retryHello(3000);
      return;
    }
    this.clockOffsetMs = reply.hubTime - Date.now();
    if (reply.identity.actor.kind === 'anonymous' && this.options.deviceKind && !this.storage.get(KEYS.deviceToken)) {
      this.update({ connection: 'online', identity: reply.identity, problem: null });
      await this.pair();
      return;
    }
    if (reply.identity.actor.kind !== 'user' && !reply.identity.mustChangePassword) {
      this.storage.set(KEYS.sessionToken, null);
    }
    this.update({
      identity: reply.identity,
      pairing: { status: this.storage.get(KEYS.deviceToken) ? 'approved' : 'none', pairingCode: null },
      problem: null,
    });
    if (reply.sync) this.applySync(reply.sync);
    else this.update({ state: null });
    this.synced = true;
    this.update({ connection: 'online' });
    this.foldArrivedDuringSync();
    const waiters = this.onlineWaiters;
    this.onlineWaiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  private retryHello(ms: number): void {
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = setTimeout(() => void this.hello(), ms);
  }

  private async pair(): Promise<void> {
    const kind = this.options.deviceKind;
    if (!kind) return;
    try {
      const reply = await this.socket.timeout(this.options.requestTimeoutMs ?? 5000).emitWithAck('pair.request', {
        kind,
        name: this.options.deviceName ?? kind,
        counterId: this.options.counterId ?? null,
      });
      if (!reply.ok) {
        this.update({ problem: reply });
        this.retryHello(5000);
        return;
      }
      this.storage.set(KEYS.deviceToken, reply.deviceToken);
      this.update({ pairing: { status: reply.approved ? 'approved' : 'pending', pairingCode: reply.pairingCode } });
      if (reply.approved) await this.hello();
      else this.retryHello(5000);
    } catch {
      this.retryHello(2000);
    }
  }

  private applySync(sync: SyncPayload): void {
    const sameHub = this.storage.get(KEYS.hubId) === sync.hubId;
    this.storage.set(KEYS.hubId, sync.hubId);
    if (sync.kind === 'events' && !sameHub && this.snapshot.state) {
      // Events from another hub (or epoch) cannot continue our state: ask for everything, as a snapshot.
      void this.resync(0);
      return;
    }
    if (sync.kind === 'snapshot') {
      this.update({ state: snapshotState(sync) });
      return;
    }
    for (const envelope of sync.events) this.fold(envelope, false);
  }

  private receive(envelope: EventEnvelope): void {
    if (!this.synced || this.syncing) {
      // Kept until the reply is applied: it may be the next event after the reply's seq. Past the limit the
      // oldest go; the newest stays, so a gap shows and a sync fetches what went.
      this.arrivedDuringSync.push(envelope);
      if (this.arrivedDuringSync.length > MAX_EVENTS_HELD_DURING_SYNC) this.arrivedDuringSync.shift();
      return;
    }
    const state = this.snapshot.state;
    if (!state || envelope.seq <= state.seq) return;
    if (envelope.seq !== state.seq + 1) {
      void this.resync();
      return;
    }
    this.fold(envelope, true);
  }

  private fold(envelope: EventEnvelope, live: boolean): void {
    const state = this.snapshot.state;
    if (!state || envelope.seq <= state.seq) return;
    if (envelope.seq !== state.seq + 1) return;
    this.update({ state: apply(state, envelope) });
    for (const listener of this.eventListeners) listener(envelope, { live });
  }

  /** A gap in the seqs: ask the hub for what is missing. */
  private async resync(lastSeq = this.snapshot.state?.seq ?? 0): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      const reply = await this.socket.timeout(this.options.requestTimeoutMs ?? 5000).emitWithAck('sync', {
        lastSeq,
        hubId: this.storage.get(KEYS.hubId),
      });
      if (reply.ok) this.applySync(reply.sync);
    } catch {
      // The next event or reconnect tries again.
    } finally {
      this.syncing = false;
    }
    this.foldArrivedDuringSync();
  }

  /** Folds what arrived during a hello or sync: older seqs are skipped, a gap asks for a sync again. */
  private foldArrivedDuringSync(): void {
    if (!this.synced || this.syncing) return;
    const held = this.arrivedDuringSync;
    this.arrivedDuringSync = [];
    for (const envelope of held) this.receive(envelope);
  }

  private update(change: Partial<HubSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
