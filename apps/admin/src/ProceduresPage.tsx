import { errorMessages, procedureInfoSchema, sortedServices, type ProcedureInfo, type QueueState } from '@motcua/core';
import { useHubClient, useQueueState } from '@motcua/client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field, FormActions, showFirstError } from './config/shared';
import { z } from './config/vietnameseZod';
import { useAdminText } from './i18n/strings';

const EMPTY_INFO: ProcedureInfo = {
  catalogueCode: '',
  documents: [],
  fee: '',
  processingTime: '',
  printOnTicket: false,
  returnsResults: false,
};

/**
 * The form's boxes (the papers one per line, as the admin types them), refused under each box by core's rules for a
 * procedure's information; what passes is core's ProcedureInfo.
 */
const procedureFormSchema = z
  .object({
    catalogueCode: z.string(),
    documents: z.string(),
    fee: z.string(),
    processingTime: z.string(),
    printOnTicket: z.boolean(),
    returnsResults: z.boolean(),
  })
  .transform((boxes, ctx) => {
    const documents = boxes.documents
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const parsed = procedureInfoSchema.safeParse({ ...boxes, documents });
    if (parsed.success) return parsed.data;
    // A paper too long is named on the papers box, whichever line it is.
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', path: [issue.path[0] ?? ''], message: issue.message });
    return z.NEVER;
  });

/**
 * Per procedure: the papers to bring, the fee and the processing time the kiosk shows before the
 * ticket is taken, and whether the ticket prints the papers as a reminder.
 */
export function ProceduresPage() {
  const state = useQueueState();
  const text = useAdminText();
  const [editing, setEditing] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  if (!state) return null;
  const procedures = state.config.procedures ?? {};

  return (
    <div className="page procedures" data-testid="procedures-page">
      <h1>{text('procedures.title')}</h1>
      <p className="muted">{text('procedures.explain')}</p>
      {feedback ? (
        <p className={feedback.ok ? 'notice' : 'form-error'} role={feedback.ok ? 'status' : 'alert'}>
          {feedback.text}
        </p>
      ) : null}
      <section className="card">
        <table className="table" data-testid="procedures-table">
          <thead>
            <tr>
              <th>{text('procedures.column.procedure')}</th>
              <th>{text('procedures.column.code')}</th>
              <th>{text('procedures.column.documents')}</th>
              <th>{text('procedures.fee')}</th>
              <th>{text('procedures.column.time')}</th>
              <th>{text('procedures.column.printed')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sortedServices(state).map((service) => {
              const info = procedures[service.id];
              return (
                <tr key={service.id} data-key={service.id}>
                  <td>{service.name.vi}</td>
                  <td>{info?.catalogueCode || '—'}</td>
                  <td>{info?.documents.length ?? 0}</td>
                  <td>{info?.fee || '—'}</td>
                  <td>{info?.processingTime || '—'}</td>
                  <td>{text(info?.printOnTicket ? 'procedures.yes' : 'procedures.no')}</td>
                  <td>
                    <button
                      type="button"
                      className="btn"
                      onClick={() => {
                        setFeedback(null);
                        setEditing(service.id);
                      }}
                      data-testid={`procedure-edit-${service.id}`}
                    >
                      {text('form.edit')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {editing ? (
        <ProcedureForm
          key={editing}
          state={state}
          serviceId={editing}
          onCancel={() => setEditing(null)}
          onDone={(done) => {
            setFeedback(done);
            if (done.ok) setEditing(null);
          }}
        />
      ) : null}
    </div>
  );
}

function ProcedureForm({
  state,
  serviceId,
  onCancel,
  onDone,
}: {
  state: QueueState;
  serviceId: string;
  onCancel(): void;
  onDone(feedback: { ok: boolean; text: string }): void;
}) {
  const client = useHubClient();
  const text = useAdminText();
  const formRef = useRef<HTMLFormElement>(null);
  const info = state.config.procedures?.[serviceId] ?? EMPTY_INFO;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof procedureFormSchema>, unknown, ProcedureInfo>({
    resolver: zodResolver(procedureFormSchema),
    defaultValues: { ...info, documents: info.documents.join('\n') },
  });
  useEffect(() => {
    formRef.current?.scrollIntoView({ block: 'start' });
  }, []);
  const submit = handleSubmit(
    async (checked) => {
      const reply = await client.send({ type: 'config.setProcedureInfo', serviceId, info: checked });
      onDone(
        reply.ok ? { ok: true, text: text('procedures.saved') } : { ok: false, text: errorMessages[reply.code].vi },
      );
    },
    () => showFirstError(formRef.current),
  );
  return (
    <form
      ref={formRef}
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      data-testid="procedure-form"
      noValidate
    >
      <h2 className="wide">{state.config.services[serviceId]?.name.vi ?? serviceId}</h2>
      <Field label={text('procedures.code')} error={errors.catalogueCode?.message}>
        <input {...register('catalogueCode')} placeholder="1.001193" />
      </Field>
      <Field label={text('procedures.documents')} wide error={errors.documents?.message}>
        <textarea rows={6} {...register('documents')} />
      </Field>
      <Field label={text('procedures.fee')} wide error={errors.fee?.message}>
        <input {...register('fee')} />
      </Field>
      <Field label={text('procedures.time')} wide error={errors.processingTime?.message}>
        <input {...register('processingTime')} />
      </Field>
      <label className="field wide checkbox">
        <input type="checkbox" {...register('printOnTicket')} />
        <span>{text('procedures.printOnTicket')}</span>
      </label>
      <label className="field wide checkbox">
        <input type="checkbox" {...register('returnsResults')} />
        <span>{text('procedures.returnsResults')}</span>
      </label>
      <FormActions saveLabel={text('form.save')} onCancel={onCancel} testId="procedure-save" />
    </form>
  );
}
