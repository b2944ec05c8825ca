import { z } from 'zod';

/** Notification webhook settings, checked by the hub (`webhooks.set`) and by the admin page before sending. */
export const webhookSettingsSchema = z.strictObject({
  /** The office's gateway (SMS, Zalo …); empty to turn notifications off. */
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  /** Shared with the gateway to check `X-Motcua-Signature`. */
  secret: z.string().min(16).max(200),
  /** "Your turn is near" is sent once a ticket has this many people or fewer ahead of it. */
  notifyAhead: z.number().int().min(0).max(50),
  enabled: z.boolean(),
});
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

/** What `webhooks.set` takes: the secret is write-only, so leaving it out keeps the one the hub has. */
export const webhookSettingsUpdateSchema = webhookSettingsSchema.extend({
  secret: webhookSettingsSchema.shape.secret.optional(),
});
export type WebhookSettingsUpdate = z.infer<typeof webhookSettingsUpdateSchema>;
