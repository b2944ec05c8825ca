import {
  approveDeviceSchema,
  errorMessages,
  sortedCounters,
  type Device,
  type PairingRecord,
  type QueueState,
} from '@motcua/core';
import { useHubClient } from '@motcua/client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { formatLocalDateTime } from '../format';
import { adminVi, useAdminText, type AdminText } from '../i18n/strings';
import { useHubNow } from '@motcua/ui';
import { deviceToReplace, replaceableDevices } from './deviceIdentity';
import { Field, FeedbackLine, useSender } from './shared';
import { z } from './vietnameseZod';

/** How often the list asks the hub who is connected (online/offline and last seen). */
const DEVICE_LIST_REFRESH_MS = 10_000;

/** The approval form's rules: core's request schema, with the code checked against the devices waiting now. */
export function approvalFormSchema(pending: readonly PairingRecord[]) {
  return z
    .object({
      pairingCode: z
        .string()
        .trim()
        .regex(/^\d{6}$/, adminVi('devices.pairingCode.format')),
      name: z.string().trim().max(120),
      counterId: z.string(),
      printerProfileId: z.string(),
      replacesDeviceId: z.string(),
    })
    .superRefine((values, ctx) => {
      if (/^\d{6}$/.test(values.pairingCode) && !pending.some((p) => p.pairingCode === values.pairingCode)) {
        ctx.addIssue({
          code: 'custom',
          path: ['pairingCode'],
          message: adminVi('devices.pairingCode.unknown'),
        });
      }
    })
    .transform((values) =>
      approveDeviceSchema.parse({
        pairingCode: values.pairingCode,
        name: values.name || null,
        counterId: values.counterId || null,
        printerProfileId: values.printerProfileId || null,
        replacesDeviceId: values.replacesDeviceId || null,
      }),
    );
}
type ApprovalFormSchema = ReturnType<typeof approvalFormSchema>;
type ApprovalValues = z.input<ApprovalFormSchema>;
const NO_APPROVAL: ApprovalValues = {
  pairingCode: '',
  name: '',
  counterId: '',
  printerProfileId: '',
  replacesDeviceId: '',
};

export function DevicesSection({ state }: { state: QueueState }) {
  const client = useHubClient();
  const { send, feedback, setFeedback } = useSender();
  const text = useAdminText();
  const [pairings, setPairings] = useState<PairingRecord[]>([]);
  const now = useHubNow(DEVICE_LIST_REFRESH_MS);
  const refresh = async () => {
    const reply = await client.listDevices();
    if (reply.ok) setPairings(reply.devices);
  };
  useEffect(() => {
    void refresh();
    // Reload when the configured devices change (approvals, revocations) and every few seconds for who is online.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.config.devices, now]);
  const update = (device: Device, change: Partial<Device>, done: string) =>
    void send(null, { ...device, ...change }, (d: Device) => ({ type: 'config.upsertDevice', device: d }), done);
  const pending = pairings.filter((p) => p.status === 'pending');
  const devices = Object.values(state.config.devices);
  const pairingOf = (id: string) => pairings.find((p) => p.deviceId === id);
  const current = devices.filter((d) => !pairingOf(d.id)?.replacedBy);
  const replaced = devices.filter((d) => pairingOf(d.id)?.replacedBy);
  const [replacing, setReplacing] = useState<Device | null>(null);
  return (
    <div className="config-section">
      <ApprovalForm
        key={replacing?.id ?? 'new'}
        state={state}
        pending={pending}
        pairings={pairings}
        replacing={replacing}
        onUnknownCode={() => void refresh()}
        onApproved={(text) => {
          setReplacing(null);
          setFeedback({ ok: true, text });
          void refresh();
        }}
        onRefused={(text) => setFeedback({ ok: false, text })}
      />
      {pending.length > 0 && (
        <p className="notice" data-testid="pending-devices">
          {text('devices.pending')}{' '}
          {pending
            .map(
              (p) =>
                text('devices.pending.item', {
                  kind: text(`devices.kind.${p.kind}`),
                  name: p.name,
                  code: p.pairingCode,
                }) + expiry(p, now, text),
            )
            .join('; ')}
        </p>
      )}
      <FeedbackLine feedback={feedback} />
      <section className="card">
        <h2>{text('devices.paired')}</h2>
        <table className="table" data-testid="devices-table">
          <thead>
            <tr>
              <th>{text('devices.column.name')}</th>
              <th>{text('devices.column.kind')}</th>
              <th>{text('devices.column.counter')}</th>
              <th>{text('devices.column.printer')}</th>
              <th>{text('devices.column.connection')}</th>
              <th>{text('devices.column.lastSeen')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {current.map((d) => {
              const pairing = pairingOf(d.id);
              return (
                <tr key={d.id} className={d.revoked ? 'revoked' : ''} data-device-id={d.id}>
                  <td>
                    <input
                      defaultValue={d.name}
                      aria-label={text('devices.approval.name')}
                      onBlur={(e) =>
                        e.target.value.trim() &&
                        e.target.value !== d.name &&
                        update(d, { name: e.target.value.trim() }, text('devices.renamed'))
                      }
                    />
                  </td>
                  <td>{text(`devices.kind.${d.kind}`)}</td>
                  <td>
                    <select
                      value={d.counterId ?? ''}
                      onChange={(e) => update(d, { counterId: e.target.value || null }, text('devices.counterSet'))}
                      aria-label={text('devices.column.counter')}
                    >
                      <option value="">—</option>
                      <CounterOptions state={state} />
                    </select>
                  </td>
                  <td>
                    <select
                      value={d.printerProfileId ?? ''}
                      onChange={(e) =>
                        update(d, { printerProfileId: e.target.value || null }, text('devices.printerSet'))
                      }
                      aria-label={text('devices.column.printer')}
                    >
                      <option value="">—</option>
                      <PrinterOptions state={state} />
                    </select>
                  </td>
                  <td data-testid="device-presence">
                    {d.revoked ? (
                      <span className="pill pill-closed">{text('devices.revoked')}</span>
                    ) : pairing?.online ? (
                      <span className="pill pill-open">{text('devices.online')}</span>
                    ) : (
                      <span className="pill pill-paused">{text('devices.offline')}</span>
                    )}
                  </td>
                  <td data-testid="device-last-seen">
                    {pairing?.online
                      ? text('devices.now')
                      : pairing?.lastSeenAt
                        ? formatLocalDateTime(pairing.lastSeenAt, state.config.office.timeZone)
                        : '—'}
                  </td>
                  <td className="row">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setReplacing(d)}
                      title={text('devices.replace.hint')}
                    >
                      {text('devices.replace')}
                    </button>
                    <button
                      type="button"
                      className={d.revoked ? 'btn btn-small' : 'btn btn-small btn-danger'}
                      onClick={() =>
                        update(
                          d,
                          { revoked: !d.revoked },
                          text(d.revoked ? 'devices.allowedAgain' : 'devices.revokedNow'),
                        )
                      }
                    >
                      {text(d.revoked ? 'devices.allowAgain' : 'devices.revoke')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {replaced.length > 0 && (
          <p className="muted" data-testid="replaced-devices">
            {text('devices.replacedList')}{' '}
            {replaced
              .map((d) => {
                const successor = state.config.devices[pairingOf(d.id)?.replacedBy ?? ''];
                return text('devices.replacedItem', {
                  kind: text(`devices.kind.${d.kind}`),
                  name: d.name,
                  successor: successor
                    ? text('devices.successor', { name: successor.name })
                    : text('devices.successor.unknown'),
                });
              })
              .join('; ')}
          </p>
        )}
      </section>
    </div>
  );
}

function ApprovalForm({
  state,
  pending,
  pairings,
  replacing,
  onUnknownCode,
  onApproved,
  onRefused,
}: {
  state: QueueState;
  pending: PairingRecord[];
  pairings: PairingRecord[];
  /** The device the admin chose to replace ("Thay thế…" on its row). */
  replacing: Device | null;
  /** A full code not in the list may belong to a device that asked since the list was read. */
  onUnknownCode(): void;
  onApproved(text: string): void;
  onRefused(text: string): void;
}) {
  const client = useHubClient();
  const text = useAdminText();
  const form = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    reset,
    formState: { errors },
  } = useForm<ApprovalValues, unknown, z.output<ApprovalFormSchema>>({
    resolver: zodResolver(approvalFormSchema(pending)),
    defaultValues: { ...NO_APPROVAL, replacesDeviceId: replacing?.id ?? '' },
  });
  useEffect(() => {
    if (!replacing) return;
    form.current?.scrollIntoView({ block: 'start' });
    form.current?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }, [replacing]);
  const code = watch('pairingCode').trim();
  const waiting = pending.find((p) => p.pairingCode === code);
  useEffect(() => {
    if (/^\d{6}$/.test(code) && !waiting) onUnknownCode();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);
  // The device typing this code may be one already paired, asking again: offer to put it back in its place.
  useEffect(() => {
    if (!waiting || replacing) return;
    const same = deviceToReplace(waiting, Object.values(state.config.devices), pairings);
    setValue('replacesDeviceId', same?.id ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting?.deviceId]);
  const candidates = waiting
    ? replaceableDevices(waiting.kind, Object.values(state.config.devices), pairings)
    : replacing
      ? [replacing]
      : [];
  const replacesId = watch('replacesDeviceId');
  const submit = handleSubmit(async (request) => {
    const reply = await client.approveDevice(request);
    if (!reply.ok) {
      onRefused(errorMessages[reply.code].vi);
      return;
    }
    const old = request.replacesDeviceId ? state.config.devices[request.replacesDeviceId] : undefined;
    reset(NO_APPROVAL);
    onApproved(old ? text('devices.replacedDone', { name: old.name }) : text('devices.approved'));
  });
  return (
    <form ref={form} className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="approve-form" noValidate>
      <h2 className="wide">
        {replacing ? text('devices.replace.title', { name: replacing.name }) : text('devices.approve.title')}
      </h2>
      <Field label={text('devices.approval.pairingCode')} error={errors.pairingCode?.message}>
        <input {...register('pairingCode')} inputMode="numeric" autoComplete="off" />
      </Field>
      <Field label={text('devices.approval.name')} error={errors.name?.message}>
        <input {...register('name')} placeholder={waiting?.name ?? replacing?.name ?? ''} />
      </Field>
      <Field label={text('devices.approval.replaces')} error={errors.replacesDeviceId?.message}>
        <select {...register('replacesDeviceId')}>
          <option value="">{text('devices.approve.new')}</option>
          {candidates.map((d) => (
            <option key={d.id} value={d.id}>
              {d.revoked ? text('devices.candidate.revoked', { name: d.name }) : d.name}
            </option>
          ))}
        </select>
      </Field>
      {!replacesId && (
        <>
          <Field label={text('devices.column.counter')} error={errors.counterId?.message}>
            <select {...register('counterId')}>
              <option value="">{text('devices.approve.noCounter')}</option>
              <CounterOptions state={state} />
            </select>
          </Field>
          <Field label={text('devices.column.printer')} error={errors.printerProfileId?.message}>
            <select {...register('printerProfileId')}>
              <option value="">{text('devices.approve.noPrinter')}</option>
              <PrinterOptions state={state} />
            </select>
          </Field>
        </>
      )}
      {waiting && (
        <p className="wide muted" data-testid="approve-waiting">
          {text('devices.waiting', { kind: text(`devices.kind.${waiting.kind}`), name: waiting.name })}
          {replacesId ? ` ${text('devices.waiting.replaces')}` : ''}
        </p>
      )}
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" data-testid="approve-device">
          {text(replacesId ? 'devices.approveAndReplace' : 'devices.approve')}
        </button>
      </div>
    </form>
  );
}

function CounterOptions({ state }: { state: QueueState }) {
  return sortedCounters(state).map((c) => (
    <option key={c.id} value={c.id}>
      {c.name.vi}
    </option>
  ));
}

function PrinterOptions({ state }: { state: QueueState }) {
  return Object.values(state.config.printerProfiles).map((p) => (
    <option key={p.id} value={p.id}>
      {p.name}
    </option>
  ));
}

/** A waiting pairing's code stops working after a while (the hub forgets it): say how long is left. */
function expiry(pairing: PairingRecord, now: number, text: AdminText): string {
  if (pairing.expiresAt === null) return '';
  const minutes = Math.max(0, Math.ceil((pairing.expiresAt - now) / 60_000));
  return ` ${text('devices.pending.expires', { minutes })}`;
}
