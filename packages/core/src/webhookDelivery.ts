/** What a webhook notification announces (docs/protocol.md). */
export type WebhookKind = 'ticket.near' | 'ticket.called';

/** One notification in a hub's webhook outbox, as `webhooks.deliveries` lists it for the admin page. */
export interface WebhookDelivery {
  /** "near:<ticket>" or "called:<ticket>:<seq>": the same notification is queued once. */
  id: string;
  kind: WebhookKind;
  ticketId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAt: number;
  createdAt: number;
  deliveredAt: number | null;
}
