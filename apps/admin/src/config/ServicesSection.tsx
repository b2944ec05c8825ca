import {
  labelsCanCollide,
  serviceSchema,
  sortedServices,
  type QueueState,
  type Field as ServiceField,
  type Service,
} from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { adminVi, useAdminText, type AdminStringKey } from '../i18n/strings';
import { formatOpeningHours, parseOpeningHours } from '../openingHoursText';
import { NewFieldForm } from './NewFieldForm';
import { Field, FeedbackLine, FormActions, useSender } from './shared';
import { z } from './vietnameseZod';

function newService(state: QueueState): Service {
  const fieldId = Object.values(state.config.fields).sort((a, b) => a.order - b.order)[0]?.id ?? '';
  return {
    id: '',
    code: '',
    prefix: '',
    labelFormat: 'prefixed',
    rangeFrom: 1,
    rangeTo: 999,
    name: { vi: '', en: '' },
    fieldId,
    dailyCap: 0,
    openingHours: null,
    defaultServiceMinutes: 10,
    numberingGroup: '',
    enabled: true,
    order: Object.keys(state.config.services).length,
  };
}

export function ServicesSection({ state }: { state: QueueState }) {
  const { send, feedback, setFeedback } = useSender();
  const text = useAdminText();
  const [draft, setDraft] = useState<Service | null>(null);
  const fields = Object.values(state.config.fields).sort((a, b) => a.order - b.order);
  const edit = (service: Service) => {
    setDraft(service);
    setFeedback(null);
  };
  return (
    <div className="config-section">
      <section className="card">
        <div className="row">
          <h2>{text('services.title')}</h2>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => edit(newService(state))}
            data-testid="service-add"
          >
            {text('services.add')}
          </button>
        </div>
        <table className="table" data-testid="services-table">
          <thead>
            <tr>
              <th>{text('services.column.prefix')}</th>
              <th>{text('services.column.code')}</th>
              <th>{text('services.column.name')}</th>
              <th>{text('services.column.field')}</th>
              <th className="num">{text('services.column.range')}</th>
              <th className="num">{text('services.column.dailyCap')}</th>
              <th className="num">{text('services.column.minutes')}</th>
              <th>{text('services.column.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sortedServices(state).map((s) => (
              <tr key={s.id}>
                <td className="prefix">{s.prefix}</td>
                <td>{s.code}</td>
                <td>
                  {s.name.vi}
                  {s.name.en && <div className="muted">{s.name.en}</div>}
                </td>
                <td>{state.config.fields[s.fieldId]?.name.vi ?? s.fieldId}</td>
                <td className="num">
                  {s.rangeFrom}–{s.rangeTo}
                </td>
                <td className="num">{s.dailyCap || '∞'}</td>
                <td className="num">{s.defaultServiceMinutes}</td>
                <td>
                  {s.enabled ? (
                    <span className="pill pill-open">{text('services.open')}</span>
                  ) : (
                    <span className="pill pill-closed">{text('services.paused')}</span>
                  )}
                </td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => edit(s)}>
                    {text('form.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {draft && (
        <ServiceForm
          key={draft.id || 'new'}
          state={state}
          service={draft}
          onCancel={() => setDraft(null)}
          onSave={async (service) => {
            const ok = await send(
              null,
              service,
              (checked: Service) => ({ type: 'config.upsertService', service: checked }),
              text('services.saved', { name: service.name.vi }),
            );
            if (ok) setDraft(null);
          }}
        />
      )}
      <FeedbackLine feedback={feedback} />
      <section className="card">
        <h2>{text('services.fields')}</h2>
        <ul className="plain">
          {fields.map((f) => (
            <li key={f.id}>
              <strong>{f.name.vi}</strong> <span className="muted">{f.name.en}</span>
            </li>
          ))}
        </ul>
        <NewFieldForm
          state={state}
          onSave={(field) =>
            send(
              null,
              field,
              (checked: ServiceField) => ({ type: 'config.upsertField', field: checked }),
              text('field.added', { name: field.name.vi }),
            )
          }
        />
      </section>
    </div>
  );
}

/** Each box's label in the catalogue. */
const SERVICE_LABELS = {
  id: 'services.id',
  code: 'services.code',
  nameVi: 'services.nameVi',
  nameEn: 'services.nameEn',
  fieldId: 'services.fieldId',
  prefix: 'services.prefix',
  labelFormat: 'services.labelFormat',
  rangeFrom: 'services.rangeFrom',
  rangeTo: 'services.rangeTo',
  numberingGroup: 'services.numberingGroup',
  dailyCap: 'services.dailyCap',
  defaultServiceMinutes: 'services.defaultServiceMinutes',
  order: 'services.order',
  hours: 'services.hours',
} as const satisfies Record<string, AdminStringKey>;

/**
 * The service form's rules: core's schema, plus what the hub would refuse as a conflict, checked here so the
 * message names the box to fix ("Tiền tố số: trùng với …") instead of a generic "Dữ liệu trùng".
 */
export function serviceFormSchema(state: QueueState, editing: boolean) {
  return z.object({ service: serviceSchema, hoursText: z.string() }).superRefine(({ service, hoursText }, ctx) => {
    const others = Object.values(state.config.services).filter((s) => s.id !== service.id);
    if (!editing && state.config.services[service.id]) {
      ctx.addIssue({ code: 'custom', path: ['service', 'id'], message: adminVi('services.id.taken') });
    }
    const clash = others.find((s) => labelsCanCollide(s, service));
    if (clash) {
      ctx.addIssue({
        code: 'custom',
        path: ['service', service.labelFormat === 'prefixed' ? 'prefix' : 'rangeFrom'],
        message: adminVi('services.number.clash', { name: clash.name.vi, label: clash.prefix || clash.code }),
      });
    }
    const sameCode = others.find((s) => s.code === service.code);
    if (sameCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['service', 'code'],
        message: adminVi('services.code.taken', { name: sameCode.name.vi }),
      });
    }
    try {
      if (hoursText.trim()) parseOpeningHours(hoursText);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['hoursText'], message: (error as Error).message });
    }
  });
}

type ServiceFormSchema = ReturnType<typeof serviceFormSchema>;
type ServiceFormValues = z.input<ServiceFormSchema>;

function ServiceForm({
  state,
  service,
  onSave,
  onCancel,
}: {
  state: QueueState;
  service: Service;
  onSave(service: Service): Promise<void>;
  onCancel(): void;
}) {
  const text = useAdminText();
  const editing = Boolean(state.config.services[service.id]);
  const fields = Object.values(state.config.fields).sort((a, b) => a.order - b.order);
  const form = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ServiceFormValues, unknown, z.output<ServiceFormSchema>>({
    resolver: zodResolver(serviceFormSchema(state, editing)),
    defaultValues: {
      service,
      hoursText: service.openingHours ? formatOpeningHours(service.openingHours) : '',
    },
  });
  // The form opens under a long table: bring it into view and put the cursor in its first box.
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'start' });
    form.current?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus({ preventScroll: true });
  }, []);
  const error = (key: keyof ServiceFormValues['service']) => errors.service?.[key]?.message;
  const submit = handleSubmit(async ({ service: checked, hoursText }) => {
    await onSave({ ...checked, openingHours: hoursText.trim() ? parseOpeningHours(hoursText) : null });
  });
  const number = { valueAsNumber: true } as const;
  return (
    <form ref={form} className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="service-form" noValidate>
      <h2 className="wide">
        {editing ? text('services.edit.title', { code: service.code }) : text('services.new.title')}
      </h2>
      <Field label={text(SERVICE_LABELS.id)} error={error('id')}>
        <input {...register('service.id')} disabled={editing} />
      </Field>
      <Field label={text(SERVICE_LABELS.code)} error={error('code')}>
        <input {...register('service.code')} />
      </Field>
      <Field label={text(SERVICE_LABELS.nameVi)} wide error={errors.service?.name?.vi?.message}>
        <input {...register('service.name.vi')} />
      </Field>
      <Field label={text(SERVICE_LABELS.nameEn)} wide error={errors.service?.name?.en?.message}>
        <input {...register('service.name.en')} />
      </Field>
      <Field label={text(SERVICE_LABELS.fieldId)} error={error('fieldId')}>
        <select {...register('service.fieldId')}>
          {fields.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name.vi}
            </option>
          ))}
        </select>
      </Field>
      <Field label={text(SERVICE_LABELS.prefix)} error={error('prefix')}>
        <input {...register('service.prefix', { setValueAs: (v: string) => v.toUpperCase() })} maxLength={3} />
      </Field>
      <Field label={text(SERVICE_LABELS.labelFormat)} error={error('labelFormat')}>
        <select {...register('service.labelFormat')}>
          <option value="prefixed">{text('services.labelFormat.prefixed')}</option>
          <option value="numeric">{text('services.labelFormat.numeric')}</option>
        </select>
      </Field>
      <Field label={text(SERVICE_LABELS.rangeFrom)} error={error('rangeFrom')}>
        <input type="number" {...register('service.rangeFrom', number)} />
      </Field>
      <Field label={text(SERVICE_LABELS.rangeTo)} error={error('rangeTo')}>
        <input type="number" {...register('service.rangeTo', number)} />
      </Field>
      <Field label={text(SERVICE_LABELS.numberingGroup)} error={error('numberingGroup')}>
        <input {...register('service.numberingGroup')} />
      </Field>
      <Field label={text(SERVICE_LABELS.dailyCap)} error={error('dailyCap')}>
        <input type="number" {...register('service.dailyCap', number)} />
      </Field>
      <Field label={text(SERVICE_LABELS.defaultServiceMinutes)} error={error('defaultServiceMinutes')}>
        <input type="number" step="0.5" {...register('service.defaultServiceMinutes', number)} />
      </Field>
      <Field label={text(SERVICE_LABELS.order)} error={error('order')}>
        <input type="number" {...register('service.order', number)} />
      </Field>
      <Field label={text(SERVICE_LABELS.hours)} wide error={errors.hoursText?.message}>
        <input {...register('hoursText')} placeholder="1-5 07:30-11:00" />
      </Field>
      <label className="check">
        <input type="checkbox" {...register('service.enabled')} />
        {text('services.enabled')}
      </label>
      <FormActions saveLabel={text('services.save')} onCancel={onCancel} testId="service-save" />
    </form>
  );
}
