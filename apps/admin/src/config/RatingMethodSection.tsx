import {
  ratingMethodOf,
  ratingMethodSettingsSchema,
  ratingScales,
  SATISFACTION_FORMULA,
  MAX_RATING_REASONS,
  type QueueState,
  type RatingMethodSettings,
  type SelectableRatingScale,
} from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useAdminText, type AdminStringKey } from '../i18n/strings';
import { Field, FieldError, FeedbackLine, showFirstError, useSender } from './shared';
import type { z } from './vietnameseZod';

const SCALE_CHOICES: { scale: SelectableRatingScale; note: AdminStringKey }[] = [
  { scale: 'three', note: 'rating.scale.three' },
  { scale: 'five', note: 'rating.scale.five' },
];

/** A new reason's id: short and URL-safe as ids must be, and not one the list already has. */
function newReasonId(reasons: readonly { id: string }[]): string {
  for (let n = reasons.length + 1; ; n++) {
    const id = `ly-do-${n}`;
    if (!reasons.some((r) => r.id === id)) return id;
  }
}

/**
 * The satisfaction method: the scale the rating pads show and the reasons they offer when a citizen is not
 * satisfied (a reason from this list or in their own words is required for "Không hài lòng").
 */
export function RatingMethodForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const text = useAdminText();
  const formRef = useRef<HTMLFormElement>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof ratingMethodSettingsSchema>, unknown, RatingMethodSettings>({
    resolver: zodResolver(ratingMethodSettingsSchema),
    defaultValues: ratingMethodOf(state.config),
  });
  const reasons = useFieldArray({ control, name: 'reasons', keyName: 'key' });
  const submit = handleSubmit(
    (method) =>
      send(
        null,
        method,
        (ratingMethod: RatingMethodSettings) => ({ type: 'config.setRatingMethod', ratingMethod }),
        text('rating.saved'),
      ),
    () => showFirstError(formRef.current),
  );
  return (
    <form
      ref={formRef}
      className="card form-grid"
      data-testid="rating-method-form"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <fieldset className="wide">
        <legend>{text('rating.scale')}</legend>
        {SCALE_CHOICES.map(({ scale, note }) => (
          <label className="check" key={scale}>
            <input type="radio" value={scale} {...register('scale')} data-testid={`rating-scale-${scale}`} />
            <strong>{ratingScales[scale].name.vi}</strong>: {text(note)}
          </label>
        ))}
        <p className="muted">
          {SATISFACTION_FORMULA.vi}. {text('rating.formulaNote')}
        </p>
      </fieldset>
      <div className="wide">
        <strong>{text('rating.reasons')}</strong>
        <p className="muted">{text('rating.reasons.hint', { max: MAX_RATING_REASONS })}</p>
        {reasons.fields.map((reason, i) => (
          <div className="row" key={reason.key} data-testid="rating-reason-row">
            <Field label={text('rating.reason.vi')} error={errors.reasons?.[i]?.name?.vi?.message}>
              <input {...register(`reasons.${i}.name.vi`)} data-testid={`rating-reason-vi-${i}`} />
            </Field>
            <Field label={text('rating.reason.en')} error={errors.reasons?.[i]?.name?.en?.message}>
              <input {...register(`reasons.${i}.name.en`)} />
            </Field>
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => reasons.remove(i)}
              data-testid={`rating-reason-remove-${i}`}
            >
              {text('rating.reason.remove')}
            </button>
          </div>
        ))}
        <FieldError label={text('rating.reasons')} error={errors.reasons?.message ?? errors.reasons?.root?.message} />
        <button
          type="button"
          className="btn btn-small"
          disabled={reasons.fields.length >= MAX_RATING_REASONS}
          onClick={() => reasons.append({ id: newReasonId(reasons.fields), name: { vi: '', en: '' } })}
          data-testid="rating-reason-add"
        >
          {text('rating.reason.add')}
        </button>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" data-testid="rating-method-save">
          {text('form.save')}
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
