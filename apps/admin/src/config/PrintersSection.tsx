import { printerProfileCommandSchema, type PrinterProfile, type QueueState } from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { hubJson } from '../hubApi';
import { adminVi, useAdminText } from '../i18n/strings';
import { PrinterShareHostsForm } from './PrinterShareHostsForm';
import { Field, FeedbackLine, FormActions, showFirstError, useSender } from './shared';
import type { z } from './vietnameseZod';

const NEW_PRINTER: PrinterProfile = {
  id: '',
  name: '',
  transportUrl: 'tcp://192.168.1.50:9100',
  paperWidth: 80,
  mode: 'raster',
  codePage: '',
  cut: 'partial',
  density: 4,
  beep: false,
};

export function PrintersSection({ state }: { state: QueueState }) {
  const { send, feedback, setFeedback } = useSender();
  const text = useAdminText();
  const [draft, setDraft] = useState<PrinterProfile | null>(null);
  const testPrint = async (profile: PrinterProfile) => {
    setFeedback({ ok: true, text: text('printer.testing', { name: profile.name }) });
    try {
      const reply = await hubJson('POST /api/printers/test', { body: { profileId: profile.id } });
      setFeedback(
        reply.ok
          ? { ok: true, text: text('printer.tested', { name: profile.name }) }
          : { ok: false, text: reply.message || text('printer.testFailed') },
      );
    } catch (e) {
      setFeedback({ ok: false, text: (e as Error).message });
    }
  };
  return (
    <div className="config-section">
      <section className="card">
        <div className="row">
          <h2>{text('printer.title')}</h2>
          <span className="spacer" />
          <button type="button" className="btn btn-primary" onClick={() => setDraft({ ...NEW_PRINTER })}>
            {text('printer.add')}
          </button>
        </div>
        <table className="table">
          <thead>
            <tr>
              <th>{text('printer.name')}</th>
              <th>{text('printer.column.address')}</th>
              <th>{text('printer.paperWidth')}</th>
              <th>{text('printer.mode')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {Object.values(state.config.printerProfiles).map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>
                  <code>{p.transportUrl}</code>
                </td>
                <td>{p.paperWidth} mm</td>
                <td>
                  {p.mode === 'raster'
                    ? text('printer.mode.raster.short')
                    : text('printer.mode.text.short', { codePage: p.codePage })}
                </td>
                <td className="row">
                  <button type="button" className="btn btn-small" onClick={() => void testPrint(p)}>
                    {text('printer.test')}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setDraft(p)}>
                    {text('form.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PrinterShareHostsForm state={state} />
      {draft && (
        <PrinterForm
          key={draft.id || 'new'}
          state={state}
          profile={draft}
          onCancel={() => setDraft(null)}
          onSave={async (profile) => {
            const ok = await send(
              null,
              profile,
              (checked: PrinterProfile) => ({ type: 'config.upsertPrinterProfile', profile: checked }),
              text('printer.saved', { name: profile.name }),
            );
            if (ok) setDraft(null);
          }}
        />
      )}
      <FeedbackLine feedback={feedback} />
    </div>
  );
}

/**
 * Core's printer rules (the address's shape included, in core's words that name the box), plus a new printer's id
 * that is already taken (saving it would overwrite that printer). The sharing computer is the hub's to judge: it
 * knows the hosts its operator listed.
 */
export function printerFormSchema(state: QueueState, editing: boolean) {
  return printerProfileCommandSchema.superRefine((profile, ctx) => {
    if (!editing && state.config.printerProfiles[profile.id]) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: adminVi('printer.id.taken') });
    }
  });
}
type PrinterFormSchema = ReturnType<typeof printerFormSchema>;

function PrinterForm({
  state,
  profile,
  onSave,
  onCancel,
}: {
  state: QueueState;
  profile: PrinterProfile;
  onSave(profile: PrinterProfile): Promise<void>;
  onCancel(): void;
}) {
  const text = useAdminText();
  const editing = Boolean(state.config.printerProfiles[profile.id]);
  const form = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<PrinterFormSchema>, unknown, PrinterProfile>({
    resolver: zodResolver(printerFormSchema(state, editing)),
    defaultValues: profile,
  });
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'start' });
  }, []);
  const submit = handleSubmit(onSave, () => showFirstError(form.current));
  const number = { valueAsNumber: true } as const;
  return (
    <form ref={form} className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="printer-form" noValidate>
      <Field label={text('printer.id')} error={errors.id?.message}>
        <input {...register('id')} disabled={editing} />
      </Field>
      <Field label={text('printer.name')} error={errors.name?.message}>
        <input {...register('name')} />
      </Field>
      <Field label={text('printer.address')} wide error={errors.transportUrl?.message}>
        <input {...register('transportUrl')} />
        <small className="muted">{text('printer.address.hint')}</small>
      </Field>
      <Field label={text('printer.paperWidth')} error={errors.paperWidth?.message}>
        <select {...register('paperWidth', number)}>
          <option value={80}>80 mm</option>
          <option value={58}>58 mm</option>
        </select>
      </Field>
      <Field label={text('printer.mode')} error={errors.mode?.message}>
        <select {...register('mode')}>
          <option value="raster">{text('printer.mode.raster')}</option>
          <option value="text">{text('printer.mode.text')}</option>
        </select>
      </Field>
      <Field label={text('printer.cut')} error={errors.cut?.message}>
        <select {...register('cut')}>
          <option value="partial">{text('printer.cut.partial')}</option>
          <option value="full">{text('printer.cut.full')}</option>
          <option value="none">{text('printer.cut.none')}</option>
        </select>
      </Field>
      <Field label={text('printer.density')} error={errors.density?.message}>
        <input type="number" {...register('density', number)} />
      </Field>
      <label className="check">
        <input type="checkbox" {...register('beep')} />
        {text('printer.beep')}
      </label>
      <FormActions saveLabel={text('printer.save')} onCancel={onCancel} testId="printer-save" />
    </form>
  );
}
