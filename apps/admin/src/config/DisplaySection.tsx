import { displaySettingsSchema, type DisplaySettings, type QueueState } from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useAdminText } from '../i18n/strings';
import { Field, FeedbackLine, showFirstError, useSender } from './shared';
import type { z } from './vietnameseZod';

export function DisplayForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const text = useAdminText();
  const form = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof displaySettingsSchema>, unknown, DisplaySettings>({
    resolver: zodResolver(displaySettingsSchema),
    defaultValues: { ...state.config.display, numberDialect: state.config.display.numberDialect ?? 'north' },
  });
  const submit = handleSubmit(
    (display) =>
      send(
        null,
        display,
        (checked: DisplaySettings) => ({ type: 'config.setDisplay', display: checked }),
        text('display.saved'),
      ),
    () => showFirstError(form.current),
  );
  return (
    <form ref={form} className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="display-form" noValidate>
      <Field label={text('display.ticker')} wide error={errors.tickerText?.message}>
        <textarea rows={2} {...register('tickerText')} />
      </Field>
      <Field label={text('display.recentCalls')} error={errors.recentCallsShown?.message}>
        <input type="number" {...register('recentCallsShown', { valueAsNumber: true })} />
      </Field>
      <label className="check">
        <input type="checkbox" {...register('showWaitingCounts')} />
        {text('display.showWaitingCounts')}
      </label>
      <label className="check">
        <input type="checkbox" {...register('voiceEnabled')} />
        {text('display.voiceEnabled')}
      </label>
      <Field label={text('display.voiceLanguage')} error={errors.voiceLanguage?.message}>
        <select {...register('voiceLanguage')}>
          <option value="vi">{text('display.voiceLanguage.vi')}</option>
          <option value="vi+en">{text('display.voiceLanguage.viEn')}</option>
          <option value="en">{text('display.voiceLanguage.en')}</option>
        </select>
      </Field>
      <Field label={text('display.numberReading')} error={errors.numberReading?.message}>
        <select {...register('numberReading')}>
          <option value="words">{text('display.numberReading.words')}</option>
          <option value="digits">{text('display.numberReading.digits')}</option>
        </select>
      </Field>
      <Field label={text('display.numberDialect')} error={errors.numberDialect?.message}>
        <select {...register('numberDialect')}>
          <option value="north">{text('display.numberDialect.north')}</option>
          <option value="south">{text('display.numberDialect.south')}</option>
        </select>
      </Field>
      <Field label={text('display.voiceTemplateVi')} wide error={errors.voiceTemplateVi?.message}>
        <input {...register('voiceTemplateVi')} />
      </Field>
      <Field label={text('display.voiceTemplateEn')} wide error={errors.voiceTemplateEn?.message}>
        <input {...register('voiceTemplateEn')} />
      </Field>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" data-testid="display-save">
          {text('form.save')}
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
