import {
  targetRefusalMessages,
  webhookSettingsUpdateSchema,
  type QueueState,
  type TargetRefusal,
  type WebhookDelivery,
  ticketById,
} from '@motcua/core';
import { useHubClient, useQueueState } from '@motcua/client';
import { useLanguage } from '@motcua/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field, showFirstError } from './config/shared';
import { z } from './config/vietnameseZod';
import { callFeature } from './featureSocket';
import { formatDateTime } from './format';
import { adminStrings, adminVi, useAdminText } from './i18n/strings';
import type { LocalizedText } from './localized';
import { ruleOf } from './validationMessage';

interface SavedSettings {
  url: string;
  notifyAhead: number;
  enabled: boolean;
  allowLanTargets: boolean;
}

/** The hub's refusal of a receiver address (`details.refusal`), in the admin's words. */
function refusalText(details: unknown): LocalizedText | null {
  const refusal = (details as { refusal?: unknown } | undefined)?.refusal;
  return typeof refusal === 'string' && refusal in targetRefusalMessages
    ? targetRefusalMessages[refusal as TargetRefusal]
    : null;
}

type Feedback = { ok: boolean; text: LocalizedText } | null;

const DELIVERIES_REFRESH_MS = 3000;

/** 32 random characters to share with the gateway; shown once, the hub never shows it again. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** Notification webhooks for an SMS or Zalo gateway: settings (secret write-only) and recent deliveries. */
export function WebhooksPage() {
  const state = useQueueState();
  const client = useHubClient();
  const { t } = useLanguage();
  const [saved, setSaved] = useState<SavedSettings | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<LocalizedText | null>(null);
  const load = useCallback(async () => {
    const reply = await callFeature(client, 'webhooks.get', {});
    if (reply.ok) {
      setSaved(reply.settings);
      setLoadError(null);
    } else setLoadError(reply.message);
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!state) return null;
  return (
    <div className="page" data-testid="webhooks-page">
      <h1>{t(adminStrings['webhooks.notificationWebhooks'])}</h1>
      {loadError && (
        <p className="form-error" role="alert">
          {t(loadError)}{' '}
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            {t(adminStrings['voice.retry'])}
          </button>
        </p>
      )}
      {saved !== undefined && <SettingsForm saved={saved} onSaved={() => void load()} />}
      <DeliveriesCard state={state} />
    </div>
  );
}

/**
 * The form's boxes, refused under each box: core's settings rules (the receiver's address included) and a secret
 * the first time, when the hub has none to keep. An empty secret box keeps the one the hub has.
 */
export function webhookFormSchema(hasSecret: boolean) {
  return z
    .object({
      url: z.string().trim(),
      secret: z.string(),
      notifyAhead: z.number(),
      enabled: z.boolean(),
      allowLanTargets: z.boolean(),
    })
    .transform(({ secret, ...settings }, ctx) => {
      if (!secret && !hasSecret) {
        ctx.addIssue({ code: 'custom', path: ['secret'], message: adminVi('webhooks.secret.missing') });
        return z.NEVER;
      }
      const parsed = webhookSettingsUpdateSchema.safeParse({ ...settings, ...(secret ? { secret } : {}) });
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        // A refused address is core's whole sentence; other rules in the admin's words.
        const message = issue.code === 'custom' ? issue.message : ruleOf(issue).vi;
        ctx.addIssue({ code: 'custom', path: issue.path, message });
      }
      return z.NEVER;
    });
}
type WebhookFormSchema = ReturnType<typeof webhookFormSchema>;

function SettingsForm({ saved, onSaved }: { saved: SavedSettings | null; onSaved: () => void }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const text = useAdminText();
  const formRef = useRef<HTMLFormElement>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<WebhookFormSchema>, unknown, z.output<WebhookFormSchema>>({
    resolver: zodResolver(webhookFormSchema(saved !== null)),
    defaultValues: {
      url: saved?.url ?? '',
      secret: '',
      notifyAhead: saved?.notifyAhead ?? 3,
      enabled: saved?.enabled ?? true,
      allowLanTargets: saved?.allowLanTargets ?? false,
    },
  });

  const submit = handleSubmit(
    async (settings) => {
      setFeedback(null);
      const reply = await callFeature(client, 'webhooks.set', settings);
      if (!reply.ok) {
        // The hub judges what the page cannot (the hub's own address, names after DNS): under the address box.
        const refusal = refusalText(reply.details);
        if (refusal) {
          setError('url', { type: 'hub', message: refusal.vi }, { shouldFocus: true });
          showFirstError(formRef.current);
        } else setFeedback({ ok: false, text: reply.message });
        return;
      }
      setValue('secret', '');
      setFeedback({ ok: true, text: adminStrings['webhooks.saved'] });
      onSaved();
    },
    () => showFirstError(formRef.current),
  );

  return (
    <form
      ref={formRef}
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="webhook-form"
    >
      <p className="wide-row muted">
        {text('webhooks.explain')} <span data-testid="webhook-docs">{text('webhooks.docs')}</span>
      </p>
      <Field label={text('webhooks.url')} wide error={errors.url?.message}>
        <input type="url" placeholder="https://sms.example.vn/motcua" {...register('url')} />
        <span className="muted">{text('webhooks.url.hint')}</span>
      </Field>
      <Field label={text('webhooks.secret')} wide error={errors.secret?.message}>
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder={text(saved ? 'webhooks.secret.keep' : 'webhooks.secret.placeholder')}
          {...register('secret')}
        />
        <span className="muted">{text('webhooks.secret.hint')}</span>
      </Field>
      <Field label={text('webhooks.notifyAhead')} error={errors.notifyAhead?.message}>
        <input type="number" {...register('notifyAhead', { valueAsNumber: true })} />
        <span className="muted">{text('webhooks.notifyAhead.hint')}</span>
      </Field>
      <label className="check">
        <input type="checkbox" {...register('enabled')} />
        {text('webhooks.enabled')}
      </label>
      <label className="check wide-row">
        <input type="checkbox" {...register('allowLanTargets')} />
        {text('webhooks.allowLan')}
      </label>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting} data-testid="webhook-save">
          {text('webhooks.save')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => setValue('secret', randomSecret(), { shouldValidate: false })}
        >
          {text('webhooks.generate')}
        </button>
        {feedback && (
          <p
            className={feedback.ok ? 'notice' : 'form-error'}
            role={feedback.ok ? 'status' : 'alert'}
            data-testid="webhook-feedback"
          >
            {t(feedback.text)}
          </p>
        )}
      </div>
    </form>
  );
}

const STATUS_TEXT: Record<WebhookDelivery['status'], LocalizedText & { pill: string }> = {
  delivered: { ...adminStrings['webhooks.delivered'], pill: 'pill-open' },
  pending: { ...adminStrings['webhooks.pending'], pill: 'pill-paused' },
  failed: { ...adminStrings['webhooks.failed'], pill: 'pill-closed' },
};

const KIND_TEXT: Record<WebhookDelivery['kind'], LocalizedText> = {
  'ticket.near': adminStrings['webhooks.turnIsNear'],
  'ticket.called': adminStrings['webhooks.called'],
};

function DeliveriesCard({ state }: { state: QueueState }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  // Deliveries are not queue events: poll while the page is open.
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const reply = await callFeature(client, 'webhooks.deliveries', {});
      if (!live) return;
      if (reply.ok) {
        setDeliveries(reply.deliveries);
        setError(null);
      } else setError(reply.message);
    };
    void refresh();
    const timer = setInterval(() => void refresh(), DELIVERIES_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client]);
  const timeZone = state.config.office.timeZone;
  return (
    <section className="card">
      <h2>{t(adminStrings['webhooks.recentDeliveries'])}</h2>
      {error && (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <table className="table" data-testid="webhook-deliveries">
        <thead>
          <tr>
            <th>{t(adminStrings['webhooks.created'])}</th>
            <th>{t(adminStrings['webhooks.type'])}</th>
            <th>{t(adminStrings['webhooks.ticket'])}</th>
            <th>{t(adminStrings['users.status'])}</th>
            <th className="num">{t(adminStrings['webhooks.attempts'])}</th>
            <th>{t(adminStrings['webhooks.lastError'])}</th>
            <th>{t(adminStrings['webhooks.nextRetry'])}</th>
          </tr>
        </thead>
        <tbody>
          {(deliveries ?? []).map((d) => {
            const status = STATUS_TEXT[d.status];
            return (
              <tr key={d.id} data-delivery={d.id} data-status={d.status}>
                <td>{formatDateTime(d.createdAt, timeZone)}</td>
                <td>{t(KIND_TEXT[d.kind])}</td>
                <td className="ticket-label">{ticketById(state, d.ticketId)?.label ?? d.ticketId}</td>
                <td>
                  <span className={`pill ${status.pill}`}>{t(status)}</span>
                </td>
                <td className="num">{d.attempts}</td>
                <td className="details">{d.lastError ?? '—'}</td>
                <td>{d.status === 'pending' && d.attempts > 0 ? formatDateTime(d.nextAt, timeZone) : '—'}</td>
              </tr>
            );
          })}
          {deliveries?.length === 0 && (
            <tr>
              <td colSpan={7}>{t(adminStrings['webhooks.noNotificationsSentYet'])}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
