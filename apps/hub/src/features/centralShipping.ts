import type { CentralLinkStatus, IngestCursor, IngestReply, ShippedEvent } from '@motcua/core';
import { jsonRoute } from '../net/routes.js';
import type { CentralOutboxStore } from './centralOutboxStore.js';
import type { FeatureContext, HubFeature } from './types.js';

export const SHIP_BATCH_SIZE = 500;
/** While idle, the hub checks in this often so central sees the office is alive (data freshness). */
const HEARTBEAT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 15_000;
const RETRY_BASE_MS = 500;

/** `office.<officeId>.<secret>`: central issues credentials in this shape, so the office id comes with it. */
export function officeIdOfCredential(credential: string): string | null {
  const match = /^office\.([a-z0-9][a-z0-9-]{0,62})\.[A-Za-z0-9_-]{16,}$/.exec(credential);
  return match?.[1] ?? null;
}

/**
 * Ships the event log to central from the transactional outbox, in seq order and in batches, off
 * the command path: the queue never waits for it. It resumes from central's own cursor after any
 * failure or restart, with exponential backoff while the link is down.
 */
export class CentralShipper {
  private stopped = false;
  private next: number | null = null;
  private failures = 0;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: AbortController | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly status: CentralLinkStatus;
  private readonly officeId: string;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly store: CentralOutboxStore,
    private readonly centralUrl: string,
    private readonly credential: string,
    private readonly retryMaxMs: number,
  ) {
    this.officeId = officeIdOfCredential(credential) ?? '';
    const acknowledged = store.acknowledgedSeq();
    this.status = {
      enabled: true,
      centralUrl,
      officeId: this.officeId,
      hubId: ctx.hubId(),
      link: 'connecting',
      acknowledgedSeq: acknowledged,
      hubSeq: ctx.engine.state.seq,
      behind: 0,
      lastSuccessAt: null,
      lastError: null,
      nextAttemptAt: null,
    };
  }

  start(): void {
    this.unsubscribe = this.ctx.engine.onEvents(() => this.wake?.());
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.inFlight?.abort();
    this.wake?.();
  }

  linkStatus(): CentralLinkStatus {
    const hubSeq = this.ctx.engine.state.seq;
    return { ...this.status, hubSeq, behind: Math.max(0, hubSeq - this.status.acknowledgedSeq) };
  }

  /** Waits `ms`, or less if new events arrive or the hub stops. Returns true when woken by events. */
  private pause(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (woken: boolean) => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.wake = null;
        resolve(woken);
      };
      this.wake = () => done(true);
      this.timer = setTimeout(() => done(false), ms);
      this.timer.unref();
    });
  }

  private async request<T>(path: string, body?: unknown): Promise<{ status: number; json: T }> {
    this.inFlight = new AbortController();
    const timeout = setTimeout(() => this.inFlight?.abort(), REQUEST_TIMEOUT_MS);
    try {
      const res = await fetch(`${this.centralUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${this.credential}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: this.inFlight.signal,
      });
      return { status: res.status, json: (await res.json()) as T };
    } finally {
      clearTimeout(timeout);
      this.inFlight = null;
    }
  }

  private acknowledge(seq: number): void {
    this.status.acknowledgedSeq = seq;
    this.status.link = 'up';
    this.status.lastSuccessAt = Date.now();
    this.status.lastError = null;
    this.status.nextAttemptAt = null;
    this.failures = 0;
    this.store.setAcknowledgedSeq(seq);
  }

  /** Central's cursor for this hub epoch: where shipping starts again. */
  private async resume(): Promise<number> {
    const { status, json } = await this.request<IngestCursor | Extract<IngestReply, { ok: false }>>(
      `/api/ingest/cursor?hubId=${encodeURIComponent(this.ctx.hubId())}`,
    );
    if (!json.ok) throw new RefusedByCentral(`${status} ${json.code}: ${json.message}`);
    this.acknowledge(json.nextSeq - 1);
    return json.nextSeq;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        this.next ??= await this.resume();
        // Published events only: the database may already hold a batch whose WAL sync has not returned, and
        // central must never hold an event the office could still lose (its chain would then disagree).
        const published = this.ctx.engine.state.seq;
        const events: ShippedEvent[] = this.store
          .shippedFrom(this.next, SHIP_BATCH_SIZE)
          .filter((event) => event.seq <= published);
        if (events.length === 0) {
          // Idle: wait for new events, or check in after a while so central knows the office is alive.
          if (!(await this.pause(HEARTBEAT_MS))) this.next = null;
          continue;
        }
        const { status, json } = await this.request<IngestReply>('/api/ingest', {
          officeId: this.officeId,
          hubId: this.ctx.hubId(),
          events,
        });
        if (json.ok) {
          this.acknowledge(json.acknowledgedSeq);
          this.next = json.acknowledgedSeq + 1;
        } else if (json.code === 'GAP') {
          this.next = json.expectedSeq;
        } else {
          throw new RefusedByCentral(`${status} ${json.code}: ${json.message}`);
        }
      } catch (error) {
        if (this.stopped) return;
        const refused = error instanceof RefusedByCentral;
        this.failures++;
        this.next = null;
        const wait = refused
          ? this.retryMaxMs
          : Math.min(this.retryMaxMs, RETRY_BASE_MS * 2 ** Math.min(this.failures, 16)) * (0.5 + Math.random() / 2);
        this.status.link = refused ? 'refused' : 'down';
        this.status.lastError = (error as Error).message;
        this.status.nextAttemptAt = Date.now() + wait;
        if (refused || this.failures === 1)
          this.ctx.log.warn({ err: error, retryInMs: wait }, 'central shipping paused');
        // New events do not shorten a backoff: only the timer ends it (on the monotonic clock, so a wall
        // clock stepped back does not stretch it).
        const { monotonic } = this.ctx.clock;
        const until = monotonic() + wait;
        while (!this.stopped && monotonic() < until) await this.pause(until - monotonic());
      }
    }
  }
}

class RefusedByCentral extends Error {}

function offStatus(ctx: FeatureContext): CentralLinkStatus {
  const hubSeq = ctx.engine.state.seq;
  return {
    enabled: false,
    centralUrl: null,
    officeId: null,
    hubId: ctx.hubId(),
    link: 'off',
    acknowledgedSeq: 0,
    hubSeq,
    behind: 0,
    lastSuccessAt: null,
    lastError: null,
    nextAttemptAt: null,
  };
}

/**
 * The chain of every event, written by a projector in the events' transaction whether or not shipping
 * is on; GET /api/central/status; shipping runs when the hub has --central-url and --central-credential.
 */
export function createCentralShippingFeature(ctx: FeatureContext, store: CentralOutboxStore): HubFeature {
  store.chainUnlinked();
  let shipper: CentralShipper | null = null;
  return {
    name: 'centralShipping',
    projector: { name: 'central outbox', project: (envelopes) => store.chain(envelopes) },
    routes: [
      jsonRoute('GET /api/central/status', {
        handler: () => ({ ok: true, status: shipper?.linkStatus() ?? offStatus(ctx) }),
      }),
    ],
    start() {
      const { centralUrl, centralCredential, centralRetryMaxMs } = ctx.options;
      if (!centralUrl || !centralCredential) return;
      if (!officeIdOfCredential(centralCredential)) {
        ctx.log.error('central credential is not in the form office.<officeId>.<secret>: shipping stays off');
        return;
      }
      shipper = new CentralShipper(ctx, store, centralUrl.replace(/\/+$/, ''), centralCredential, centralRetryMaxMs);
      shipper.start();
    },
    stop() {
      shipper?.stop();
    },
  };
}
