import {
  errorMessages,
  aheadByTicket,
  estimatedWaitMinutes,
  type Actor,
  type ErrorCode,
  type EventEnvelope,
  type QueueState,
  type Ticket,
  webhookSettingsSchema,
  webhookSettingsUpdateSchema,
  type WebhookSettings,
  ticketById,
} from '@motcua/core';
import { createHmac } from 'node:crypto';
import type { Socket } from 'socket.io';
import { ticketStatusUrl } from './ticketStatus.js';
import type { Db } from '../store/openDatabase.js';
import type { HubContext, HubFeature } from './types.js';

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

export type WebhookKind = 'ticket.near' | 'ticket.called';

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

interface OutboxRow {
  id: number;
  dedupe_key: string;
  kind: WebhookKind;
  body: string;
  attempts: number;
}

export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(WEBHOOK_RETRY_MAX_MS, WEBHOOK_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Notifications for an office's SMS or Zalo gateway: "your turn is near" and "called", signed with
 * HMAC. A projector writes outbox rows in the events' own transaction; a separate loop delivers with a timeout and
 * exponential backoff, so a slow or failing receiver never touches the command path.
 */
export function createWebhooksFeature(): HubFeature {
  let ctx: HubContext | null = null;
  let settings: WebhookSettings | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  const inFlight = new Set<number>();

  function loadSettings(hub: HubContext): WebhookSettings | null {
    const row = hub.db.prepare('SELECT url, secret, notify_ahead, enabled FROM webhook_settings WHERE id = 1').get() as
      { url: string; secret: string; notify_ahead: number; enabled: number } | undefined;
    return row ? { url: row.url, secret: row.secret, notifyAhead: row.notify_ahead, enabled: row.enabled === 1 } : null;
  }

  function contactOf(tx: Db, ticketId: string): WebhookPayload['contact'] {
    const row = tx
      .prepare(
        `SELECT c.name, c.phone FROM appointment_records r JOIN appointment_contacts c ON c.appointment_id = r.id
         WHERE r.ticket_id = ?`,
      )
      .get(ticketId) as { name: string; phone: string } | undefined;
    return row ?? null;
  }

  function payloadFor(
    hub: HubContext,
    tx: Db,
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
        statusUrl: ticketStatusUrl(hub, ticket.id),
      },
      counter:
        kind === 'ticket.called' && counter ? { id: counter.id, number: counter.number, name: counter.name.vi } : null,
      recall,
      contact: contactOf(tx, ticket.id),
    };
  }

  function enqueue(tx: Db, payload: WebhookPayload): void {
    tx.prepare(
      `INSERT OR IGNORE INTO webhook_outbox (dedupe_key, kind, ticket_id, body, status, attempts, next_at, created_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
    ).run(payload.id, payload.type, payload.ticket.id, JSON.stringify(payload), Date.now(), Date.now());
  }

  /**
   * Writes the outbox rows the events call for, inside the transaction that stores them: a notification
   * exists exactly when its event does, whatever crash comes after.
   */
  function project(hub: HubContext, tx: Db, envelopes: EventEnvelope[], state: QueueState): void {
    if (!settings?.enabled || !settings.url) return;
    const queued = tx.prepare('SELECT 1 FROM webhook_outbox WHERE dedupe_key = ?');
    let queueChanged = false;
    let at = 0;
    for (const { seq, event, at: eventAt } of envelopes) {
      at = eventAt;
      if (event.type === 'ticket.called' || event.type === 'ticket.recalled') {
        const ticket = ticketById(state, event.ticketId);
        if (ticket) {
          const notification = { kind: 'ticket.called' as const, id: `called:${ticket.id}:${seq}`, at: eventAt };
          enqueue(tx, payloadFor(hub, tx, state, notification, ticket, 0, event.type === 'ticket.recalled'));
        }
      }
      if (/^(ticket|counter|day|appointment)\./.test(event.type)) queueChanged = true;
    }
    if (queueChanged) {
      for (const [ticketId, ahead] of aheadByTicket(state)) {
        if (ahead > settings.notifyAhead) continue;
        const id = `near:${ticketId}`;
        if (queued.get(id)) continue;
        const ticket = ticketById(state, ticketId);
        if (!ticket) continue;
        enqueue(tx, payloadFor(hub, tx, state, { kind: 'ticket.near', id, at }, ticket, ahead, false));
      }
    }
    setImmediate(() => deliverDue());
  }

  async function deliver(hub: HubContext, row: OutboxRow): Promise<void> {
    const current = settings;
    let error: string | null = null;
    if (!current?.url) error = 'no webhook URL';
    else {
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        const response = await fetch(current.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'User-Agent': 'motcua-hub',
            'X-Motcua-Event': row.kind,
            'X-Motcua-Delivery': row.dedupe_key,
            'X-Motcua-Timestamp': timestamp,
            'X-Motcua-Signature': signWebhookBody(current.secret, row.body),
          },
          body: row.body,
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (failure) {
        error = failure instanceof Error ? failure.message : String(failure);
      }
    }
    if (ctx !== hub) return; // The hub stopped while this was on the wire.
    const attempts = row.attempts + 1;
    if (!error) {
      hub.db
        .prepare("UPDATE webhook_outbox SET status = 'delivered', attempts = ?, delivered_at = ? WHERE id = ?")
        .run(attempts, Date.now(), row.id);
      return;
    }
    const gaveUp = attempts >= WEBHOOK_MAX_ATTEMPTS;
    hub.db
      .prepare('UPDATE webhook_outbox SET status = ?, attempts = ?, next_at = ?, last_error = ? WHERE id = ?')
      .run(gaveUp ? 'failed' : 'pending', attempts, Date.now() + webhookRetryDelayMs(attempts), error, row.id);
    hub.log[gaveUp ? 'error' : 'warn']({ delivery: row.dedupe_key, attempts, error }, 'webhook delivery failed');
  }

  function deliverDue(): void {
    const hub = ctx;
    if (!hub || inFlight.size >= MAX_IN_FLIGHT) return;
    const due = hub.db
      .prepare(
        `SELECT id, dedupe_key, kind, body, attempts FROM webhook_outbox
         WHERE status = 'pending' AND next_at <= ? ORDER BY id LIMIT ?`,
      )
      .all(Date.now(), MAX_IN_FLIGHT * 4) as OutboxRow[];
    for (const row of due) {
      if (inFlight.size >= MAX_IN_FLIGHT) break;
      if (inFlight.has(row.id)) continue;
      inFlight.add(row.id);
      void deliver(hub, row)
        .catch((error: unknown) => hub.log.error({ err: error }, 'webhook delivery crashed'))
        .finally(() => {
          inFlight.delete(row.id);
          setImmediate(() => deliverDue());
        });
    }
  }

  function adminOnly(actor: Actor): { ok: false; code: ErrorCode; message: string } | null {
    if (actor.kind === 'user' && actor.role === 'admin') return null;
    const code: ErrorCode = actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    return { ok: false, code, message: errorMessages[code].vi };
  }

  return {
    name: 'webhooks',
    onConnection(socket: Socket, hub, api) {
      api.handle(socket, 'webhooks.get', (_request, actor) => {
        const refused = adminOnly(actor);
        if (refused) return refused;
        const current = settings;
        return {
          ok: true,
          settings: current ? { url: current.url, notifyAhead: current.notifyAhead, enabled: current.enabled } : null,
        };
      });
      api.handle(socket, 'webhooks.set', (request, actor) => {
        const refused = adminOnly(actor);
        if (refused) return refused;
        const parsed = webhookSettingsUpdateSchema.safeParse(request);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return api.error('BAD_REQUEST', { path: issue?.path.join('.') ?? null, issue: issue?.message ?? null });
        }
        // The secret is write-only: a form left blank keeps the one already saved.
        const secret = parsed.data.secret ?? settings?.secret;
        if (!secret) return api.error('BAD_REQUEST', { path: 'secret', issue: 'secret required' });
        const next: WebhookSettings = { ...parsed.data, secret };
        hub.db
          .prepare(
            `INSERT INTO webhook_settings (id, url, secret, notify_ahead, enabled) VALUES (1, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET url = excluded.url, secret = excluded.secret,
               notify_ahead = excluded.notify_ahead, enabled = excluded.enabled`,
          )
          .run(next.url, next.secret, next.notifyAhead, next.enabled ? 1 : 0);
        settings = next;
        hub.log.info({ url: next.url, notifyAhead: next.notifyAhead, enabled: next.enabled }, 'webhook settings saved');
        return { ok: true };
      });
      api.handle(socket, 'webhooks.deliveries', (_request, actor) => {
        const refused = adminOnly(actor);
        if (refused) return refused;
        const deliveries = hub.db
          .prepare(
            `SELECT dedupe_key AS id, kind, ticket_id AS ticketId, status, attempts, last_error AS lastError,
               next_at AS nextAt, created_at AS createdAt, delivered_at AS deliveredAt
             FROM webhook_outbox ORDER BY id DESC LIMIT 100`,
          )
          .all();
        return { ok: true, deliveries };
      });
    },
    projector(hub) {
      settings = loadSettings(hub);
      return { name: 'webhook outbox', project: (tx, envelopes, after) => project(hub, tx, envelopes, after) };
    },
    start(hub) {
      ctx = hub;
      hub.db
        .prepare("DELETE FROM webhook_outbox WHERE status != 'pending' AND created_at < ?")
        .run(Date.now() - 7 * 24 * 3600_000);
      timer = setInterval(deliverDue, POLL_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      ctx = null;
    },
  };
}

export const webhooksFeature = createWebhooksFeature();
