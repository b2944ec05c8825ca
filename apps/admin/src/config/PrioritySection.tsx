import { migratePriorityPolicy, priorityPolicySchema, type PriorityPolicy, type QueueState } from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useAdminText } from '../i18n/strings';
import { Field, FeedbackLine, showFirstError, useSender } from './shared';
import type { z } from './vietnameseZod';

export function PriorityForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const text = useAdminText();
  const form = useRef<HTMLFormElement>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof priorityPolicySchema>, unknown, PriorityPolicy>({
    resolver: zodResolver(priorityPolicySchema),
    defaultValues: migratePriorityPolicy(state.config.priority),
  });
  const groups = useFieldArray({ control, name: 'groups', keyName: 'key' });
  const submit = handleSubmit(
    (priority) =>
      send(
        null,
        priority,
        (checked: PriorityPolicy) => ({ type: 'config.setPriorityPolicy', priority: checked }),
        text('priority.saved'),
      ),
    () => showFirstError(form.current),
  );
  const number = { valueAsNumber: true } as const;
  return (
    <form ref={form} className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="priority-form" noValidate>
      <Field label={text('priority.burst')} error={errors.priorityBurst?.message}>
        <input type="number" {...register('priorityBurst', number)} data-testid="priority-burst" />
      </Field>
      <Field label={text('priority.maxWait')} error={errors.maxWaitMinutes?.message}>
        <input type="number" {...register('maxWaitMinutes', number)} data-testid="priority-max-wait" />
      </Field>
      <label className="check">
        <input type="checkbox" {...register('strictServiceOrder')} data-testid="priority-strict-order" />
        {text('priority.strictOrder')}
      </label>
      <label className="check">
        <input type="checkbox" {...register('kioskAsks')} />
        {text('priority.kioskAsks')}
      </label>
      <div className="wide">
        <strong>{text('priority.groups')}</strong>
        {groups.fields.map((group, i) => (
          <div className="row" key={group.key}>
            <Field label={text('priority.group.nameVi')} error={errors.groups?.[i]?.name?.vi?.message}>
              <input {...register(`groups.${i}.name.vi`)} />
            </Field>
            <Field label={text('priority.group.nameEn')} error={errors.groups?.[i]?.name?.en?.message}>
              <input {...register(`groups.${i}.name.en`)} />
            </Field>
            <button type="button" className="btn btn-small btn-danger" onClick={() => groups.remove(i)}>
              {text('priority.group.remove')}
            </button>
          </div>
        ))}
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" data-testid="priority-save">
          {text('form.save')}
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
