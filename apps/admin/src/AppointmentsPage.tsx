import {
  appointmentPolicySchema,
  defaultAppointmentPolicy,
  errorMessages,
  phoneCapsOf,
  sortedServices,
  type AppointmentPolicy,
  type BookingReport,
  type QueueState,
} from '@motcua/core';
import { useHubClient, useQueueState } from '@motcua/client';
import { useLanguage } from '@motcua/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field, FieldError, showFirstError } from './config/shared';
import type { z } from './config/vietnameseZod';
import { hubJson } from './hubApi';
import { adminStrings, useAdminText, type AdminStringKey } from './i18n/strings';
import type { LocalizedText } from './localized';

type PolicyNumber =
  | 'slotMinutes'
  | 'earlyMinutes'
  | 'lateMinutes'
  | 'daysAhead'
  | 'leadMinutes'
  | 'maxPerPhonePerService'
  | 'maxPerPhonePerDay';

const NUMBER_FIELDS: { key: PolicyNumber; label: AdminStringKey; hint: AdminStringKey }[] = [
  { key: 'slotMinutes', label: 'appointments.slotMinutes', hint: 'appointments.slotMinutes.hint' },
  { key: 'earlyMinutes', label: 'appointments.earlyMinutes', hint: 'appointments.earlyMinutes.hint' },
  { key: 'lateMinutes', label: 'appointments.lateMinutes', hint: 'appointments.lateMinutes.hint' },
  { key: 'daysAhead', label: 'appointments.daysAhead', hint: 'appointments.daysAhead.hint' },
  { key: 'leadMinutes', label: 'appointments.leadMinutes', hint: 'appointments.leadMinutes.hint' },
  {
    key: 'maxPerPhonePerService',
    label: 'appointments.maxPerPhonePerService',
    hint: 'appointments.maxPerPhonePerService.hint',
  },
  { key: 'maxPerPhonePerDay', label: 'appointments.maxPerPhonePerDay', hint: 'appointments.maxPerPhonePerDay.hint' },
];

type Feedback = { ok: boolean; text: LocalizedText } | null;

/** Every service of the office in the policy (0 = no bookings), dropping services that no longer exist. */
function policyForForm(state: QueueState): AppointmentPolicy {
  const current = state.config.appointments ?? defaultAppointmentPolicy;
  const services: AppointmentPolicy['services'] = {};
  for (const service of sortedServices(state)) {
    services[service.id] = current.services[service.id] ?? { perSlot: 0, perDay: 0 };
  }
  const caps = phoneCapsOf(current);
  return { ...current, services, maxPerPhonePerService: caps.perService, maxPerPhonePerDay: caps.perDay };
}

/** Online booking: the policy (a command, live on /book/ and every kiosk) and today's booking report. */
export function AppointmentsPage() {
  const state = useQueueState();
  if (!state) return null;
  return (
    <div className="page" data-testid="appointments-page">
      <PolicyForm state={state} />
      <BookingReportCard state={state} />
    </div>
  );
}

function PolicyForm({ state }: { state: QueueState }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const text = useAdminText();
  const formRef = useRef<HTMLFormElement>(null);
  const saved = state.config.appointments;
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    reset,
    watch,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<z.input<typeof appointmentPolicySchema>, unknown, AppointmentPolicy>({
    resolver: zodResolver(appointmentPolicySchema),
    defaultValues: policyForForm(state),
  });
  // Follow changes made elsewhere (another admin) until this admin starts editing.
  useEffect(() => {
    if (!isDirty) reset(policyForForm(state));
  }, [state, isDirty, reset]);

  const submit = handleSubmit(
    async (policy) => {
      setFeedback(null);
      const reply = await client.send({ type: 'config.setAppointments', appointments: policy });
      if (reply.ok) {
        reset(policy);
        setFeedback({ ok: true, text: adminStrings['appointments.saved'] });
      } else {
        setFeedback({ ok: false, text: errorMessages[reply.code] });
      }
    },
    () => showFirstError(formRef.current),
  );

  const enabled = watch('enabled');
  const services = watch('services');
  const bookable = Object.values(services ?? {}).filter((s) => Number(s?.perSlot) > 0).length;
  const number = { valueAsNumber: true } as const;
  return (
    <form
      ref={formRef}
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="appointments-form"
    >
      <div className="wide-row">
        <h1>{text('appointments.title')}</h1>
        <a className="btn" href="/book/" target="_blank" rel="noopener" data-testid="booking-page-link">
          {text('appointments.openBooking')} ↗
        </a>
      </div>
      <label className="check wide-row">
        <input type="checkbox" {...register('enabled')} />
        {text('appointments.enabled')}
        {!saved && <span className="muted"> · {text('appointments.defaults')}</span>}
      </label>
      {NUMBER_FIELDS.map((field) => (
        <Field key={field.key} label={text(field.label)} error={errors[field.key]?.message}>
          <input type="number" {...register(field.key, number)} />
          <span className="muted">{text(field.hint)}</span>
        </Field>
      ))}
      <div className="wide-row">
        <table className="table" data-testid="appointment-services">
          <thead>
            <tr>
              <th>{text('appointments.column.service')}</th>
              <th>{text('appointments.column.field')}</th>
              <th className="num">{text('appointments.perSlot')}</th>
              <th className="num">{text('appointments.perDay')}</th>
              <th>{text('appointments.column.offered')}</th>
            </tr>
          </thead>
          <tbody>
            {sortedServices(state).map((service) => {
              const policy = services?.[service.id];
              const offered = enabled && service.enabled && Number(policy?.perSlot) > 0;
              const perSlotLabel = `${service.name.vi}: ${text('appointments.perSlot.lower')}`;
              const perDayLabel = `${service.name.vi}: ${text('appointments.perDay.lower')}`;
              return (
                <tr key={service.id} data-service={service.id}>
                  <td>
                    <span className="prefix">{service.prefix}</span> {service.name.vi}
                    {service.name.en && <div className="muted">{service.name.en}</div>}
                  </td>
                  <td>{state.config.fields[service.fieldId]?.name.vi ?? service.fieldId}</td>
                  <td className="num">
                    <input
                      className="narrow"
                      type="number"
                      aria-label={perSlotLabel}
                      {...register(`services.${service.id}.perSlot`, number)}
                    />
                    <FieldError label={perSlotLabel} error={errors.services?.[service.id]?.perSlot?.message} />
                  </td>
                  <td className="num">
                    <input
                      className="narrow"
                      type="number"
                      aria-label={perDayLabel}
                      {...register(`services.${service.id}.perDay`, number)}
                    />
                    <FieldError label={perDayLabel} error={errors.services?.[service.id]?.perDay?.message} />
                  </td>
                  <td>
                    {offered ? (
                      <span className="pill pill-open">{text('appointments.bookable')}</span>
                    ) : (
                      <span className="pill pill-closed">{text('appointments.notBookable')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">{text('appointments.zeroMeans')}</p>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting} data-testid="appointments-save">
          {text('appointments.save')}
        </button>
        <span className="muted">{text('appointments.bookableCount', { count: bookable })}</span>
        {feedback && (
          <p
            className={feedback.ok ? 'notice' : 'form-error'}
            role={feedback.ok ? 'status' : 'alert'}
            data-testid="appointments-feedback"
          >
            {t(feedback.text)}
          </p>
        )}
      </div>
    </form>
  );
}

function BookingReportCard({ state }: { state: QueueState }) {
  const { t } = useLanguage();
  const [report, setReport] = useState<BookingReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const day = state.serviceDay;
  // Refetch whenever a booking changes (booked, checked in, cancelled, released).
  const appointments = state.appointments;
  useEffect(() => {
    let live = true;
    hubJson('GET /api/appointments/report', { query: { day } })
      .then((r) => {
        if (!live) return;
        setReport(r);
        setError(null);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [day, appointments]);
  const nameOf = (serviceId: string) => state.config.services[serviceId]?.name.vi ?? serviceId;
  return (
    <section className="card" data-testid="booking-report">
      <h2>
        {t(adminStrings['appointments.todaysBookings'])} · {day}
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error} {t(adminStrings['appointments.theReportCouldNot'])}
        </p>
      )}
      {report && (
        <table className="table">
          <thead>
            <tr>
              <th>{t(adminStrings['appointments.service'])}</th>
              <th className="num">{t(adminStrings['appointments.booked'])}</th>
              <th className="num">{t(adminStrings['appointments.checkedIn'])}</th>
              <th className="num">{t(adminStrings['appointments.late'])}</th>
              <th className="num">{t(adminStrings['appointments.noShow'])}</th>
              <th className="num">{t(adminStrings['appointments.cancelled'])}</th>
            </tr>
          </thead>
          <tbody>
            {report.services.map((row) => (
              <tr key={row.serviceId} data-key={row.serviceId}>
                <td>{nameOf(row.serviceId)}</td>
                <td className="num">{row.booked}</td>
                <td className="num">{row.checkedIn}</td>
                <td className="num">{row.late}</td>
                <td className="num">{row.noShow}</td>
                <td className="num">{row.cancelled}</td>
              </tr>
            ))}
            {report.services.length === 0 && (
              <tr>
                <td colSpan={6}>{t(adminStrings['appointments.noBookingsForToday'])}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {report && report.noShows.length > 0 && (
        <p className="muted">
          {t(adminStrings['appointments.noShows'])}:{' '}
          {report.noShows.map((n) => `${n.slot} ${nameOf(n.serviceId)}`).join(' · ')}
        </p>
      )}
    </section>
  );
}
