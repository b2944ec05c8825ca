import {
  emptyRequestSchema,
  aheadByTicket,
  estimatedWaitMinutes,
  type EventEnvelope,
  type QueueState,
  type Ticket,
  webhookSettingsSchema,
  webhookSettingsUpdateSchema,
  type WebhookKind,
  type WebhookSettings,
  type TargetPolicy,
  type TargetRefusal,
  targetRefusalMessages,
  ticketById,
} from '@motcua/core';
import { createHmac } from 'node:crypto';
import { checkedPost, refusalOfUrl, TargetRefusedError } from '../net/checkedPost.js';
import { featureError } from './featureError.js';
import type { FeatureContext, HubFeature } from './types.js';
import type { PendingDelivery, WebhookOutboxStore } from './webhookOutboxStore.js';

/** Each delivery attempt gives up after this long, so a slow receiver never holds anything. */
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** Retries wait 1 s, 2 s, 4 s … up to 5 minutes; after 10 attempts the delivery is marked failed. */
export const WEBHOOK_RETRY_BASE_MS = 1_000;
export const WEBHOOK_RETRY_MAX_MS = 5 * 60_000;
export const WEBHOOK_MAX_ATTEMPTS = 10;
const MAX_IN_FLIGHT = 4;
const POLL_MS = 500;

// The schemas live in core so the admin page checks the form with the same rules before sending.
export { webhookSettingsSchema, type WebhookSettings };

export type { WebhookKind };

/** The JSON body of every delivery (documented in docs/protocol.md). */
export interface WebhookPayload {
  /** Unique per notification; a receiver that sees it twice (a retry after a lost answer) ignores the second. */
  id: string;
  type: WebhookKind;
  occurredAt: number;
  office: { name: string };
  ticket: {
    id: string;
    label: string;
    serviceId: string;
    serviceName: string;
    status: Ticket['status'];
    ahead: number;
    etaMinutes: number;
    statusUrl: string;
  };
  counter: { id: string; number: number; name: string } | null;
  recall: boolean;
  /** Only for a ticket from an online booking where the citizen left a name or phone. */
  contact: { name: string; phone: string } | null;
}

/**
 * `X-Motcua-Signature`: HMAC-SHA256 of `<X-Motcua-Timestamp>.<body>`, so a receiver that checks the
 * timestamp is recent also knows it was not swapped for an old one (docs/webhooks.md).
 */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(WEBHOOK_RETRY_MAX_MS, WEBHOOK_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** What the webhooks feature takes from others: the ticket's status link and a booking's contact. */
export interface WebhookSources {
  statusUrl(ticketId: string): string;
  contactForTicket(ticketId: string): WebhookPayload['contact'];
}

/**
 * Notifications for an office's SMS or Zalo gateway: "your turn is near" and "called", signed with
 * HMAC. A projector writes outbox rows in the events' own transaction; a separate loop delivers with a timeout and
 * exponential backoff, so a slow or failing receiver never touches the command path.
 */
export function createWebhooksFeature(
  ctx: FeatureContext,
  store: WebhookOutboxStore,
  sources: WebhookSources,
): HubFeature {
  let settings: WebhookSettings | null = store.settings();
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;
  const inFlight = new Set<number>();
  /**
   * The newest outbox row known to be on disk. Rows are written in the group commit's transaction, whose WAL sync
   * returns a little later; until the engine publishes that batch, its notifications wait (a citizen is never told
   * of a call the office could still lose). Read when the engine publishes: nothing unsynced is stored then.
   */
  let durableUpTo = 0;
  /** A transaction queued notifications since the last publish (only then is the outbox read again). */
  let queuedSincePublish = false;
  let unsubscribe: (() => void) | null = null;

  function payloadFor(
    state: QueueState,
    notification: { kind: WebhookKind; id: string; at: number },
    ticket: Ticket,
    ahead: number,
    recall: boolean,
  ): WebhookPayload {
    const { kind, id, at } = notification;
    const counter = ticket.counterId ? state.config.counters[ticket.counterId] : undefined;
    return {
      id,
      type: kind,
      occurredAt: at,
      office: { name: state.config.office.name },
      ticket: {
        id: ticket.id,
        label: ticket.label,
        serviceId: ticket.serviceId,
        serviceName: state.config.services[ticket.serviceId]?.name.vi ?? ticket.serviceId,
        status: ticket.status,
        ahead,
        etaMinutes: kind === 'ticket.near' ? estimatedWaitMinutes(state, ticket.serviceId, ahead) : 0,
        statusUrl: sources.statusUrl(ticket.id),
      },
      counter:
        kind === 'ticket.called' && counter ? { id: counter.id, number: counter.number, name: counter.name.vi } : null,
      recall,
      contact: sources.contactForTicket(ticket.id),
    };
  }

  function enqueue(payload: WebhookPayload): void {
    queuedSincePublish = true;
    store.enqueue(
      { dedupeKey: payload.id, kind: payload.type, ticketId: payload.ticket.id, body: JSON.stringify(payload) },
      ctx.clock.now(),
    );
  }

  /**
   * Writes the outbox rows the events call for, inside the transaction that stores them: a notification
   * exists exactly when its event does, whatever crash comes after.
   */
  function project(envelopes: EventEnvelope[], state: QueueState): void {
    if (!settings?.enabled || !settings.url) return;
    let queueChanged = false;
    let at = 0;
    for (const { seq, event, at: eventAt } of envelopes) {
      at = eventAt;
      if (event.type === 'ticket.called' || event.type === 'ticket.recalled') {
        const ticket = ticketById(state, event.ticketId);
        if (ticket) {
          const notification = { kind: 'ticket.called' as const, id: `called:${ticket.id}:${seq}`, at: eventAt };
          enqueue(payloadFor(state, notification, ticket, 0, event.type === 'ticket.recalled'));
        }
      }
      if (/^(ticket|counter|day|appointment)\./.test(event.type)) queueChanged = true;
    }
    if (queueChanged) {
      for (const [ticketId, ahead] of aheadByTicket(state)) {
        if (ahead > settings.notifyAhead) continue;
        const id = `near:${ticketId}`;
        if (store.isQueued(id)) continue;
        const ticket = ticketById(state, ticketId);
        if (!ticket) continue;
        enqueue(payloadFor(state, { kind: 'ticket.near', id, at }, ticket, ahead, false));
      }
    }
  }

  function policyOf(current: { allowLanTargets: boolean }): TargetPolicy {
    return { allowPrivate: current.allowLanTargets, allowLoopback: ctx.options.webhookAllowLoopback };
  }

  /** The refusal of a receiver address, naming the field, and logged for the audit. */
  function refusedTarget(request: unknown, refusal: TargetRefusal) {
    ctx.log.warn({ url: (request as { url?: unknown } | null)?.url, refusal }, 'webhook target refused');
    return {
      ok: false as const,
      code: 'BAD_REQUEST' as const,
      message: targetRefusalMessages[refusal].vi,
      details: { path: 'url', refusal },
    };
  }

  async function deliver(row: PendingDelivery): Promise<void> {
    const current = settings;
    let error: string | null = null;
    if (!current?.url) error = 'no webhook URL';
    else {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers = {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'motcua-hub',
        'X-Motcua-Event': row.kind,
        'X-Motcua-Delivery': row.dedupeKey,
        'X-Motcua-Timestamp': timestamp,
        'X-Motcua-Signature': signWebhookBody(current.secret, timestamp, row.body),
      };
      try {
        // The target is checked again here, not only at save: a stored URL or its DNS may point elsewhere now.
        const outcome = await checkedPost(current.url, headers, row.body, policyOf(current), WEBHOOK_TIMEOUT_MS);
        if (outcome.status >= 300 && outcome.status < 400) {
          error = `HTTP ${outcome.status}: redirect to ${outcome.location ?? '?'} not followed`;
        } else if (outcome.status < 200 || outcome.status >= 300) error = `HTTP ${outcome.status}`;
      } catch (failure) {
        error =
          failure instanceof TargetRefusedError
            ? `${targetRefusalMessages[failure.refusal].vi} (${failure.address})`
            : failure instanceof Error
              ? failure.message
              : String(failure);
      }
    }
    if (stopped) return; // The hub stopped while this was on the wire; the row stays pending for the next start.
    const attempts = row.attempts + 1;
    if (!error) {
      store.markDelivered(row.id, attempts, ctx.clock.now());
      return;
    }
    const gaveUp = attempts >= WEBHOOK_MAX_ATTEMPTS;
    store.markFailedAttempt(row.id, attempts, error, ctx.clock.now() + webhookRetryDelayMs(attempts), gaveUp);
    ctx.log[gaveUp ? 'error' : 'warn']({ delivery: row.dedupeKey, attempts, error }, 'webhook delivery failed');
  }

  function deliverDue(): void {
    if (stopped || inFlight.size >= MAX_IN_FLIGHT) return;
    const due = store
      .due(ctx.clock.now(), WEBHOOK_RETRY_MAX_MS, MAX_IN_FLIGHT * 4)
      .filter((row) => row.id <= durableUpTo);
    for (const row of due) {
      if (inFlight.size >= MAX_IN_FLIGHT) break;
      if (inFlight.has(row.id)) continue;
      inFlight.add(row.id);
      void deliver(row)
        .catch((error: unknown) => ctx.log.error({ err: error }, 'webhook delivery crashed'))
        .finally(() => {
          inFlight.delete(row.id);
          setImmediate(() => deliverDue());
        });
    }
  }

  return {
    name: 'webhooks',
    projector: { name: 'webhook outbox', project },
    // Admins only: core's `socketEventRoles`, checked by the hub's guard before these run.
    socketHandlers: {
      'webhooks.get': (request) => {
        if (!emptyRequestSchema.safeParse(request).success) return featureError('BAD_REQUEST');
        const current = settings;
        return {
          ok: true,
          settings: current
            ? {
                url: current.url,
                notifyAhead: current.notifyAhead,
                enabled: current.enabled,
                allowLanTargets: current.allowLanTargets,
              }
            : null,
        };
      },
      'webhooks.set': async (request) => {
        const parsed = webhookSettingsUpdateSchema.safeParse(request);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const params =
            issue?.code === 'custom' ? (issue.params as { refusal?: TargetRefusal } | undefined) : undefined;
          if (params?.refusal) return refusedTarget(request, params.refusal);
          return featureError('BAD_REQUEST', { path: issue?.path.join('.') ?? null, issue: issue?.message ?? null });
        }
        // The secret is write-only: a form left blank keeps the one already saved.
        const secret = parsed.data.secret ?? settings?.secret;
        if (!secret) return featureError('BAD_REQUEST', { path: 'secret', issue: 'secret required' });
        const next: WebhookSettings = { ...parsed.data, secret };
        const refusal = next.url ? await refusalOfUrl(next.url, policyOf(next)) : null;
        if (refusal) return refusedTarget(request, refusal);
        store.saveSettings(next);
        settings = next;
        ctx.log.info(
          {
            url: next.url,
            notifyAhead: next.notifyAhead,
            enabled: next.enabled,
            allowLanTargets: next.allowLanTargets,
          },
          'webhook settings saved',
        );
        return { ok: true };
      },
      'webhooks.deliveries': (request) => {
        if (!emptyRequestSchema.safeParse(request).success) return featureError('BAD_REQUEST');
        return { ok: true, deliveries: store.recentDeliveries(100) };
      },
    },
    start() {
      store.pruneFinished(ctx.clock.now() - 7 * 24 * 3600_000);
      durableUpTo = store.lastId();
      unsubscribe = ctx.engine.onEvents(() => {
        if (!queuedSincePublish) return;
        queuedSincePublish = false;
        durableUpTo = store.lastId();
        setImmediate(() => deliverDue());
      });
      timer = setInterval(deliverDue, POLL_MS);
      timer.unref();
    },
    stop() {
      stopped = true;
      unsubscribe?.();
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
