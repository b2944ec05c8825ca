import {
  DEFAULT_COUNTER_LOST_AFTER_SECONDS,
  officeSchema,
  type Office,
  type QueueState,
  type WeeklyHours,
} from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { adminVi, useAdminText } from '../i18n/strings';
import { HolidayCalendar } from './HolidayCalendar';
import { WeeklyHoursEditor, weeklyHoursProblems } from './WeeklyHoursEditor';
import { Field, FieldError, FeedbackLine, showFirstError, useSender } from './shared';
import { z } from './vietnameseZod';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Core's office rules, with the time zone and the week's shifts refused in the admin's words. */
export const officeFormSchema = officeSchema.extend({
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, adminVi('office.timeZone.invalid')),
  // The week in the admin's words first (day and shift named), then core's rules on what passed; on the field,
  // since zod skips a form-wide rule while another box is wrong.
  openingHours: z
    .custom<WeeklyHours>()
    .superRefine((openingHours, ctx) => {
      const problems = weeklyHoursProblems(openingHours);
      if (problems.length) ctx.addIssue({ code: 'custom', message: problems.join('; ') });
    })
    .pipe(officeSchema.shape.openingHours),
});

export function OfficeForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const text = useAdminText();
  const form = useRef<HTMLFormElement>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof officeFormSchema>, unknown, Office>({
    resolver: zodResolver(officeFormSchema),
    defaultValues: {
      ...state.config.office,
      counterLostAfterSeconds: state.config.office.counterLostAfterSeconds ?? DEFAULT_COUNTER_LOST_AFTER_SECONDS,
    },
  });
  const submit = handleSubmit(
    (office) =>
      send(null, office, (checked: Office) => ({ type: 'config.setOffice', office: checked }), text('office.saved')),
    () => showFirstError(form.current),
  );
  const number = { valueAsNumber: true } as const;
  return (
    <form ref={form} className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="office-form" noValidate>
      <Field label={text('office.name')} wide error={errors.name?.message}>
        <input {...register('name')} />
      </Field>
      <Field label={text('office.nameEn')} wide error={errors.nameEn?.message}>
        <input {...register('nameEn')} />
      </Field>
      <Field label={text('office.timeZone')} error={errors.timeZone?.message}>
        <input {...register('timeZone')} />
      </Field>
      <Field label={text('office.dayCloseHour')} error={errors.dayCloseHour?.message}>
        <input type="number" {...register('dayCloseHour', number)} />
      </Field>
      <div className="wide">
        <Controller
          control={control}
          name="openingHours"
          render={({ field }) => (
            <WeeklyHoursEditor label={text('office.openingHours')} value={field.value} onChange={field.onChange} />
          )}
        />
        <FieldError label={text('office.openingHours')} error={errors.openingHours?.message} />
      </div>
      <Controller
        control={control}
        name="holidays"
        render={({ field }) => (
          <HolidayCalendar
            value={field.value}
            onChange={field.onChange}
            currentYear={Number(state.serviceDay.slice(0, 4)) || new Date().getFullYear()}
          />
        )}
      />
      <Field label={text('office.ratingWindowSeconds')} error={errors.ratingWindowSeconds?.message}>
        <input type="number" {...register('ratingWindowSeconds', number)} />
      </Field>
      <Field label={text('office.counterLostAfterSeconds')} error={errors.counterLostAfterSeconds?.message}>
        <input type="number" {...register('counterLostAfterSeconds', number)} />
      </Field>
      <label className="check">
        <input type="checkbox" {...register('requireStart')} />
        {text('office.requireStart')}
      </label>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" data-testid="office-save">
          {text('form.save')}
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
