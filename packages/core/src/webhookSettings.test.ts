import { describe, expect, it } from 'vitest';
import { webhookSettingsSchema, webhookSettingsUpdateSchema } from './webhookSettings.js';

describe('webhook settings', () => {
  const settings = { url: 'https://sms.example.vn/motcua', secret: 'x'.repeat(16), notifyAhead: 3, enabled: true };

  it('needs a secret of 16+ characters and an http(s) URL or none', () => {
    expect(webhookSettingsSchema.safeParse(settings).success).toBe(true);
    expect(webhookSettingsSchema.safeParse({ ...settings, url: '' }).success).toBe(true);
    expect(webhookSettingsSchema.safeParse({ ...settings, url: 'ftp://sms.example.vn' }).success).toBe(false);
    expect(webhookSettingsSchema.safeParse({ ...settings, secret: 'short' }).success).toBe(false);
  });

  it('an update may leave the secret out (kept by the hub) but not send a short one', () => {
    const { secret: _secret, ...withoutSecret } = settings;
    expect(webhookSettingsUpdateSchema.safeParse(withoutSecret).success).toBe(true);
    expect(webhookSettingsUpdateSchema.safeParse({ ...withoutSecret, secret: 'short' }).success).toBe(false);
    expect(webhookSettingsSchema.safeParse(withoutSecret).success).toBe(false);
  });
});
