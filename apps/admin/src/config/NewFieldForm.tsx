import { fieldSchema, type Field as ServiceField, type QueueState } from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { adminVi, useAdminText } from '../i18n/strings';
import { Field } from './shared';
import { z } from './vietnameseZod';

/** A new field of procedures (Lĩnh vực): core's rules, with the code checked against the fields there are. */
export function newFieldFormSchema(state: QueueState) {
  return fieldSchema
    .extend({
      name: z.object({
        vi: z.string().trim().min(1, adminVi('field.name.missing')).max(200),
        en: z.string().trim().max(200),
      }),
    })
    .superRefine(({ id }, ctx) => {
      const taken = state.config.fields[id];
      if (taken) {
        ctx.addIssue({ code: 'custom', path: ['id'], message: adminVi('field.id.taken', { name: taken.name.vi }) });
      }
    });
}

export function NewFieldForm({ state, onSave }: { state: QueueState; onSave(field: ServiceField): Promise<boolean> }) {
  const text = useAdminText();
  const order = Object.keys(state.config.fields).length;
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<z.input<ReturnType<typeof newFieldFormSchema>>, unknown, ServiceField>({
    resolver: zodResolver(newFieldFormSchema(state)),
    defaultValues: { id: '', name: { vi: '', en: '' }, order },
  });
  const submit = handleSubmit(async (field) => {
    if (await onSave({ ...field, order })) reset({ id: '', name: { vi: '', en: '' }, order: order + 1 });
  });
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="field-form" noValidate>
      <Field label={text('field.id')} error={errors.id?.message}>
        <input {...register('id')} autoComplete="off" />
      </Field>
      <Field label={text('field.nameVi')} error={errors.name?.vi?.message}>
        <input {...register('name.vi')} />
      </Field>
      <Field label={text('field.nameEn')} error={errors.name?.en?.message}>
        <input {...register('name.en')} />
      </Field>
      <div className="form-actions">
        <button className="btn" type="submit" data-testid="field-save">
          {text('field.add')}
        </button>
      </div>
    </form>
  );
}
