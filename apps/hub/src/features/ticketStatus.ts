import {
  countersServing,
  estimatedWaitMinutes,
  errorMessages,
  aheadByTicket,
  ticketsAhead,
  ticketStatusWatchSchema,
  type EventEnvelope,
  type QueueState,
  type TicketStatusReply,
  type TicketStatusView,
  ticketById,
  allTickets,
} from '@motcua/core';
import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { fileRoute, sendHtml } from '../net/routes.js';
import { sendAppIndex } from '../net/staticFiles.js';
import { CITIZEN_DIST } from './appointments/citizenApp.js';
import { secretInMeta } from './store/meta.js';
import type { Db } from '../store/openDatabase.js';
import type { FeatureContext, HubFeature } from './types.js';

/** The push a watching socket gets whenever its ticket's view changes. */
export const TICKET_STATUS_UPDATE = 'ticketStatus.update';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const roomOf = (ticketId: string) => `ticket:${ticketId}`;

/** `positions` (from `aheadByTicket`) saves recomputing the line when many tickets are watched. */
export function ticketStatusView(
  state: QueueState,
  ticketId: string,
  positions?: Map<string, number>,
): TicketStatusView | null {
  const ticket = ticketById(state, ticketId);
  if (!ticket) return null;
  const service = state.config.services[ticket.serviceId];
  const counter = ticket.counterId ? state.config.counters[ticket.counterId] : undefined;
  const ahead = ticket.status === 'waiting' ? (positions?.get(ticket.id) ?? ticketsAhead(state, ticket.id)) : 0;
  const called = ticket.status === 'called' || ticket.status === 'serving';
  return {
    label: ticket.label,
    service: service?.name ?? { vi: ticket.serviceId, en: ticket.serviceId },
    officeName: state.config.office.name,
    status: ticket.status,
    ahead,
    etaMinutes: ticket.status === 'waiting' ? estimatedWaitMinutes(state, ticket.serviceId, ahead) : 0,
    counterNumber: called && counter ? counter.number : null,
    counterName: called && counter ? counter.name : null,
    issuedAt: ticket.issuedAt,
    calledAt: ticket.calledAt,
    countersOpen: countersServing(state, ticket.serviceId).length,
  };
}

/** The per-ticket credential: an HMAC of the ticket id with the hub's secret, so it cannot be guessed. */
class TicketTokens {
  private byToken = new Map<string, string>();
  /** Each of today's tickets' token, made once (the QR code's link and the lookup share it). */
  private byTicketId = new Map<string, string>();
  private readonly key: KeyObject;

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  tokenFor(ticketId: string): string {
    return (
      this.byTicketId.get(ticketId) ?? createHmac('sha256', this.key).update(ticketId).digest('base64url').slice(0, 22)
    );
  }

  remember(ticketId: string): void {
    const token = this.tokenFor(ticketId);
    this.byToken.set(token, ticketId);
    this.byTicketId.set(ticketId, token);
  }

  /** Today's tickets only: yesterday's links stop working when the new service day opens. */
  rebuild(state: QueueState): void {
    this.byToken = new Map();
    this.byTicketId = new Map();
    for (const ticket of allTickets(state)) this.remember(ticket.id);
  }

  ticketIdFor(token: string): string | null {
    return TOKEN_PATTERN.test(token) ? (this.byToken.get(token) ?? null) : null;
  }
}

/** Where the ticket links' secret is kept: one per hub, made on first use. */
export interface TicketLinkStore {
  linkSecret(make: () => string): string;
}

export class SqliteTicketLinkStore implements TicketLinkStore {
  constructor(private readonly db: Db) {}

  linkSecret(make: () => string): string {
    return secretInMeta(this.db, 'ticket_status_secret', make);
  }
}

function invalidLinkPage(): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Liên kết không hợp lệ</title>
<style>body{font-family:system-ui,sans-serif;background:#eef2f7;color:#0b1220;margin:0;display:grid;place-items:center;min-height:100vh}main{background:#fff;border-radius:14px;padding:32px;max-width:480px;margin:16px;border-top:8px solid #b91c1c}h1{margin-top:0}p{font-size:18px;line-height:1.5}</style></head>
<body><main data-testid="invalid-link"><h1>Liên kết không hợp lệ</h1><p>Liên kết theo dõi số thứ tự này không đúng hoặc đã hết hạn (số thứ tự chỉ có hiệu lực trong ngày). Vui lòng quét lại mã QR trên phiếu của Ông/Bà hoặc hỏi cán bộ tại bộ phận một cửa.</p><p lang="en"><strong>Invalid link.</strong> This ticket link is wrong or has expired (tickets are valid for one day). Please scan the QR code on your ticket again or ask at the desk.</p></main></body></html>`;
}

const STATUS_EVENTS = /^(ticket|counter|day)\./;

/** The ticket status feature, with the signed link other features print and send. */
export interface TicketStatusFeature extends HubFeature {
  /** The link a ticket's QR code opens: the office's public base (kiosk setting) or the hub's LAN address. */
  statusUrl(ticketId: string): string;
}

/**
 * Live ticket status for citizens' phones: `/t/<token>` serves the citizen app, whose socket sends
 * `ticketStatus.watch {token}` and then receives only that ticket's view. The socket stays
 * anonymous, so it can send no command and read no queue state.
 */
export function createTicketStatusFeature(ctx: FeatureContext, store: TicketLinkStore): TicketStatusFeature {
  const tokens = new TicketTokens(store.linkSecret(() => randomBytes(32).toString('hex')));
  let unsubscribe: (() => void) | null = null;
  const lastSent = new Map<string, string>();
  let pending = false;

  function statusUrl(ticketId: string): string {
    const base = (ctx.engine.state.config.kiosk.statusBaseUrl || ctx.publicUrl()).replace(/\/+$/, '');
    return `${base}/t/${tokens.tokenFor(ticketId)}`;
  }

  function pushChanges(): void {
    pending = false;
    const watched = new Set<string>();
    let positions: Map<string, number> | undefined;
    for (const [room, sockets] of ctx.io.of('/').adapter.rooms) {
      if (!room.startsWith('ticket:') || sockets.size === 0) continue;
      const ticketId = room.slice('ticket:'.length);
      watched.add(ticketId);
      positions ??= aheadByTicket(ctx.engine.state);
      const view = ticketStatusView(ctx.engine.state, ticketId, positions);
      const reply: TicketStatusReply = view
        ? { ok: true, view }
        : { ok: false, code: 'NOT_FOUND', message: 'Số thứ tự đã hết hiệu lực.' };
      const text = JSON.stringify(reply);
      if (lastSent.get(ticketId) === text) continue;
      lastSent.set(ticketId, text);
      ctx.io.to(room).emit(TICKET_STATUS_UPDATE, reply);
    }
    for (const ticketId of lastSent.keys()) if (!watched.has(ticketId)) lastSent.delete(ticketId);
  }

  return {
    name: 'ticketStatus',
    statusUrl,
    // Whoever issues a ticket gets its signed status link for the printed QR.
    commandReply(_command, reply) {
      const ticket = reply.result.ticket;
      if (ticket && reply.result.events.includes('ticket.issued')) reply.result.statusUrl = statusUrl(ticket.id);
    },
    routes: [
      fileRoute('GET /t/:token', {
        handler: ({ params, reply }) => {
          if (!tokens.ticketIdFor(params.token)) return sendHtml(reply, 404, invalidLinkPage());
          return sendAppIndex(reply, CITIZEN_DIST);
        },
      }),
    ],
    socketHandlers: {
      'ticketStatus.watch': (request, _actor, socket): TicketStatusReply => {
        const parsed = ticketStatusWatchSchema.safeParse(request);
        const ticketId = parsed.success ? tokens.ticketIdFor(parsed.data.token) : null;
        const view = ticketId ? ticketStatusView(ctx.engine.state, ticketId) : null;
        if (!ticketId || !view) return { ok: false, code: 'NOT_FOUND', message: errorMessages.NOT_FOUND.vi };
        // One ticket per connection: watching another leaves the first.
        for (const room of socket.rooms) if (room.startsWith('ticket:')) void socket.leave(room);
        void socket.join(roomOf(ticketId));
        return { ok: true, view };
      },
    },
    start() {
      tokens.rebuild(ctx.engine.state);
      unsubscribe = ctx.engine.onEvents((envelopes: EventEnvelope[]) => {
        let relevant = false;
        for (const { event } of envelopes) {
          if (event.type === 'ticket.issued') tokens.remember(event.ticket.id);
          if (event.type === 'day.opened') {
            tokens.rebuild(ctx.engine.state);
            lastSent.clear();
          }
          if (STATUS_EVENTS.test(event.type)) relevant = true;
        }
        // One recomputation per burst of commands, after the current one has been acknowledged.
        if (relevant && !pending) {
          pending = true;
          setImmediate(() => pushChanges());
        }
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
