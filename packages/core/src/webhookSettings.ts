import { z } from 'zod';
import { targetRefusalMessages, targetUrlRefusal } from './networkTargets.js';

const webhookSettingsFields = z.strictObject({
  /** The office's gateway (SMS, Zalo …); empty to turn notifications off. */
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  /** Shared with the gateway to check `X-Motcua-Signature`. */
  secret: z.string().min(16).max(200),
  /** "Your turn is near" is sent once a ticket has this many people or fewer ahead of it. */
  notifyAhead: z.number().int().min(0).max(50),
  enabled: z.boolean(),
  /**
   * An admin's explicit choice that the gateway is on the office LAN (10.x, 172.16–31.x, 192.168.x);
   * off, private addresses are refused like loopback and link-local ones (docs/security.md).
   */
  allowLanTargets: z.boolean().default(false),
});

/**
 * The receiver URL's host, when written as an address, must be one the hub may call. Loopback is the
 * operator's call (`--webhook-allow-loopback`), so the hub judges it; names are judged after DNS.
 */
function refuseForbiddenTarget(value: { url: string; allowLanTargets: boolean }, ctx: z.RefinementCtx): void {
  if (value.url === '') return;
  const refusal = targetUrlRefusal(value.url, { allowPrivate: value.allowLanTargets, allowLoopback: true });
  if (refusal) {
    ctx.addIssue({ code: 'custom', path: ['url'], message: targetRefusalMessages[refusal].vi, params: { refusal } });
  }
}

/** Notification webhook settings, checked by the hub (`webhooks.set`) and by the admin page before sending. */
export const webhookSettingsSchema = webhookSettingsFields.superRefine(refuseForbiddenTarget);
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

/** What `webhooks.set` takes: the secret is write-only, so leaving it out keeps the one the hub has. */
export const webhookSettingsUpdateSchema = webhookSettingsFields
  .extend({ secret: webhookSettingsFields.shape.secret.optional() })
  .superRefine(refuseForbiddenTarget);
export type WebhookSettingsUpdate = z.infer<typeof webhookSettingsUpdateSchema>;
/** What a client sends in `webhooks.set` (defaults not yet applied). */
export type WebhookSettingsUpdateRequest = z.input<typeof webhookSettingsUpdateSchema>;
