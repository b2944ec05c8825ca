import { localizedText } from '@motcua/ui';
import { counterSchema, sortedCounters, sortedServices, type Counter, type QueueState } from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field, FeedbackLine, FormActions, useSender } from './shared';
import type { z } from './vietnameseZod';
import { adminStrings, adminVi, useAdminText } from '../i18n/strings';

export function CountersSection({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const text = useAdminText();
  const [draft, setDraft] = useState<Counter | null>(null);
  const nextNumber = Math.max(0, ...Object.values(state.config.counters).map((c) => c.number)) + 1;
  return (
    <div className="config-section">
      <section className="card">
        <div className="row">
          <h2>{text('counters.title')}</h2>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-primary"
            onClick={() =>
              setDraft({
                id: `quay-${nextNumber}`,
                number: nextNumber,
                name: localizedText(adminStrings['counters.counter'], { nextNumber }),
                serviceIds: [],
              })
            }
          >
            {text('counters.add')}
          </button>
        </div>
        <table className="table">
          <thead>
            <tr>
              <th className="num">{text('counters.column.number')}</th>
              <th>{text('counters.column.name')}</th>
              <th>{text('counters.column.services')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sortedCounters(state).map((c) => (
              <tr key={c.id}>
                <td className="num">{c.number}</td>
                <td>
                  {c.name.vi}
                  {c.name.en && <div className="muted">{c.name.en}</div>}
                </td>
                <td>{c.serviceIds.map((id) => state.config.services[id]?.name.vi ?? id).join(' · ')}</td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => setDraft(c)}>
                    {text('form.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {draft && (
        <CounterForm
          key={draft.id}
          state={state}
          counter={draft}
          onCancel={() => setDraft(null)}
          onSave={async (counter) => {
            const ok = await send(
              null,
              counter,
              (checked: Counter) => ({ type: 'config.upsertCounter', counter: checked }),
              text('counters.saved', { name: counter.name.vi }),
            );
            if (ok) setDraft(null);
          }}
        />
      )}
      <FeedbackLine feedback={feedback} />
    </div>
  );
}

/** Core's counter rules, plus the number clash the hub would refuse, named on the "Số quầy" box. */
export function counterFormSchema(state: QueueState) {
  return counterSchema.superRefine((counter, ctx) => {
    const clash = Object.values(state.config.counters).find((c) => c.id !== counter.id && c.number === counter.number);
    if (clash)
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message: adminVi('counters.number.taken', { name: clash.name.vi }),
      });
  });
}

function CounterForm({
  state,
  counter,
  onSave,
  onCancel,
}: {
  state: QueueState;
  counter: Counter;
  onSave(counter: Counter): Promise<void>;
  onCancel(): void;
}) {
  const text = useAdminText();
  const services = sortedServices(state);
  const form = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors },
  } = useForm<z.input<typeof counterSchema>, unknown, Counter>({
    resolver: zodResolver(counterFormSchema(state)),
    defaultValues: { ...counter, name: { vi: counter.name.vi, en: counter.name.en ?? '' } },
  });
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'start' });
    form.current?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }, []);
  const serviceIds = watch('serviceIds');
  const toggle = (serviceId: string) =>
    setValue(
      'serviceIds',
      serviceIds.includes(serviceId) ? serviceIds.filter((s) => s !== serviceId) : [...serviceIds, serviceId],
    );
  const move = (index: number, by: number) => {
    const ids = [...serviceIds];
    const [item] = ids.splice(index, 1);
    if (item) ids.splice(Math.max(0, Math.min(ids.length, index + by)), 0, item);
    setValue('serviceIds', ids);
  };
  return (
    <form
      ref={form}
      className="card form-grid"
      onSubmit={(e) => void handleSubmit(onSave)(e)}
      data-testid="counter-form"
      noValidate
    >
      <Field label={text('counters.number')} error={errors.number?.message}>
        <input type="number" {...register('number', { valueAsNumber: true })} />
      </Field>
      <Field label={text('counters.name')} wide error={errors.name?.vi?.message}>
        <input {...register('name.vi')} />
      </Field>
      <Field label={text('counters.nameEn')} wide error={errors.name?.en?.message}>
        <input {...register('name.en')} placeholder="Counter 1" />
      </Field>
      <div className="wide">
        <strong>{text('counters.order')}</strong>
        <ol>
          {serviceIds.map((id, i) => (
            <li key={id}>
              {state.config.services[id]?.name.vi ?? id}{' '}
              <button
                type="button"
                className="btn btn-small"
                onClick={() => move(i, -1)}
                aria-label={text('counters.up')}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => move(i, 1)}
                aria-label={text('counters.down')}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
        <div className="checks">
          {services.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" checked={serviceIds.includes(s.id)} onChange={() => toggle(s.id)} />
              {s.name.vi}
            </label>
          ))}
        </div>
      </div>
      <FormActions saveLabel={text('counters.save')} onCancel={onCancel} testId="counter-save" />
    </form>
  );
}
