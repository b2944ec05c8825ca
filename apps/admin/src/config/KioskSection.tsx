import {
  idCardSettings,
  idCardSettingsSchema,
  idSchema,
  kioskSettingsSchema,
  reprintLimit,
  statusLinkWarningMessages,
  type KioskSettings,
  type QueueState,
  type StatusLinkCheck,
} from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLanguage } from '@motcua/ui';
import { hubJson } from '../hubApi';
import { adminStrings, useAdminText } from '../i18n/strings';
import { Field, FeedbackLine, useSender } from './shared';
import { z } from './vietnameseZod';

/** Core's kiosk settings, with the status address checked as the phone will open it. */
export const kioskFormSchema = kioskSettingsSchema.extend({
  statusBaseUrl: z
    .string()
    .trim()
    .max(300)
    .refine((value) => value === '' || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value), {
      message: adminStrings['kiosk.statusBaseUrl.invalid'].vi,
    })
    .transform((value) => value.replace(/\/+$/, '')),
  idCard: idCardSettingsSchema.extend({
    // The list's "none" is an empty value.
    agePriorityGroupId: z.preprocess((value) => (value === '' ? null : value), idSchema.nullable()),
  }),
});

export function KioskSection({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const text = useAdminText();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof kioskFormSchema>, unknown, KioskSettings>({
    resolver: zodResolver(kioskFormSchema),
    // The limit in force is shown even when the office never set one.
    defaultValues: {
      ...state.config.kiosk,
      reprintLimit: reprintLimit(state),
      idCard: {
        ...idCardSettings(state.config.kiosk),
        agePriorityGroupId: idCardSettings(state.config.kiosk).agePriorityGroupId ?? '',
      },
    },
  });
  const submit = handleSubmit(async (kiosk) => {
    await send(
      null,
      kiosk,
      (checked: KioskSettings) => ({ type: 'config.setKiosk', kiosk: checked }),
      text('kiosk.saved'),
    );
  });
  return (
    <div className="config-section">
      <StatusLinkPanel state={state} />
      <form className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="kiosk-form" noValidate>
        <h2 className="wide">{text('kiosk.title')}</h2>
        <Field label={text('kiosk.statusBaseUrl')} wide error={errors.statusBaseUrl?.message}>
          <input {...register('statusBaseUrl')} placeholder="https://motcua.phuong.gov.vn" />
        </Field>
        <Field label={text('kiosk.footerText')} wide error={errors.footerText?.message}>
          <input {...register('footerText')} />
        </Field>
        <Field label={text('kiosk.idleSeconds')} error={errors.idleSeconds?.message}>
          <input type="number" {...register('idleSeconds', { valueAsNumber: true })} />
        </Field>
        <Field label={text('kiosk.reprintLimit')} error={errors.reprintLimit?.message}>
          <input type="number" {...register('reprintLimit', { valueAsNumber: true })} />
        </Field>
        <label className="check wide">
          <input type="checkbox" {...register('showTicketWhenPrinterFails')} />
          {text('kiosk.showTicketWhenPrinterFails')}
        </label>
        <h3 className="wide">{text('kiosk.idCard.title')}</h3>
        <p className="wide muted">{text('kiosk.idCard.explain')}</p>
        <Field label={text('kiosk.idCard.priorityAge')} error={errors.idCard?.priorityAge?.message}>
          <input type="number" {...register('idCard.priorityAge', { valueAsNumber: true })} />
        </Field>
        <Field label={text('kiosk.idCard.group')} error={errors.idCard?.agePriorityGroupId?.message}>
          <select {...register('idCard.agePriorityGroupId')}>
            <option value="">{text('kiosk.idCard.noGroup')}</option>
            {state.config.priority.groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name.vi}
              </option>
            ))}
          </select>
        </Field>
        <label className="check wide">
          <input type="checkbox" {...register('idCard.greetByName')} />
          {text('kiosk.idCard.greetByName')}
        </label>
        <label className="check wide">
          <input type="checkbox" {...register('idCard.storeHolder')} data-testid="kiosk-id-store" />
          {text('kiosk.idCard.storeHolder')}
        </label>
        <Field label={text('kiosk.idCard.retentionDays')} error={errors.idCard?.retentionDays?.message}>
          <input type="number" {...register('idCard.retentionDays', { valueAsNumber: true })} />
        </Field>
        <div className="form-actions">
          <button className="btn btn-primary" type="submit" data-testid="kiosk-save">
            {text('kiosk.save')}
          </button>
          <FeedbackLine feedback={feedback} />
        </div>
      </form>
    </div>
  );
}

/** The base the ticket QR uses now, as the hub works it out, and why a phone might not open it. */
function StatusLinkPanel({ state }: { state: QueueState }) {
  const text = useAdminText();
  const { t } = useLanguage();
  const [check, setCheck] = useState<StatusLinkCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    hubJson('GET /api/status-link', {}).then(
      (reply) => {
        setCheck(reply);
        setProblem(null);
      },
      (error: Error) => setProblem(error.message),
    );
  }, [state.config.kiosk]);
  return (
    <section className="card" data-testid="status-link">
      <h2>{text('statusLink.title')}</h2>
      {problem && <p className="form-error">{problem}</p>}
      {check && (
        <>
          <p>
            {text('statusLink.opens')} <code data-testid="status-link-base">{check.baseUrl}/t/…</code>{' '}
            <span className="muted">{text(check.configured ? 'statusLink.configured' : 'statusLink.detected')}</span>
          </p>
          {check.warnings.length === 0 ? (
            <p className="notice">{text('statusLink.public')}</p>
          ) : (
            <ul className="plain">
              {check.warnings.map((warning) => (
                <li
                  key={warning}
                  className="form-error"
                  role="alert"
                  data-testid="status-link-warning"
                  data-warning={warning}
                >
                  {t(statusLinkWarningMessages[warning])}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
