import {
  appointmentPolicySchema,
  defaultAppointmentPolicy,
  errorMessages,
  phoneCapsOf,
  sortedServices,
  type AppointmentPolicy,
  type QueueState,
} from '@motcua/core';
import { useHubClient, useQueueState } from '@motcua/client';
import { useLanguage } from '@motcua/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { getJson } from './hubApi';
import type { LocalizedText } from './localized';
import { validationMessage } from './validationMessage';

interface BookingReport {
  ok: true;
  day: string;
  services: { serviceId: string; booked: number; checkedIn: number; late: number; noShow: number; cancelled: number }[];
  noShows: { serviceId: string; slot: string }[];
}

type PolicyNumber =
  | 'slotMinutes'
  | 'earlyMinutes'
  | 'lateMinutes'
  | 'daysAhead'
  | 'leadMinutes'
  | 'maxPerPhonePerService'
  | 'maxPerPhonePerDay';

const NUMBER_FIELDS: { key: PolicyNumber; vi: string; en: string; hint: LocalizedText }[] = [
  {
    key: 'slotMinutes',
    vi: 'Độ dài mỗi khung giờ (phút)',
    en: 'Slot length (minutes)',
    hint: { vi: '5–240 phút', en: '5–240 minutes' },
  },
  {
    key: 'earlyMinutes',
    vi: 'Được đến sớm (phút)',
    en: 'Early check-in (minutes)',
    hint: { vi: 'trước giờ hẹn', en: 'before the slot' },
  },
  {
    key: 'lateMinutes',
    vi: 'Được đến muộn (phút)',
    en: 'Late check-in (minutes)',
    hint: { vi: 'sau giờ hẹn vẫn được ưu tiên', en: 'after the slot, still ahead of walk-ins' },
  },
  {
    key: 'daysAhead',
    vi: 'Đặt trước tối đa (ngày)',
    en: 'Book up to (days ahead)',
    hint: { vi: '0 = chỉ trong ngày', en: '0 = today only' },
  },
  {
    key: 'leadMinutes',
    vi: 'Đặt trước ít nhất (phút)',
    en: 'Book at least (minutes before)',
    hint: { vi: 'trước giờ bắt đầu khung giờ', en: 'before the slot starts' },
  },
  {
    key: 'maxPerPhonePerService',
    vi: 'Mỗi số điện thoại, mỗi thủ tục (lịch/ngày)',
    en: 'Per phone number, per service (bookings a day)',
    hint: { vi: 'mặc định 1', en: 'default 1' },
  },
  {
    key: 'maxPerPhonePerDay',
    vi: 'Mỗi số điện thoại, mọi thủ tục (lịch/ngày)',
    en: 'Per phone number, all services (bookings a day)',
    hint: { vi: 'mặc định 3', en: 'default 3' },
  },
];

type Feedback = { ok: boolean; text: LocalizedText } | null;

function labelOf(state: QueueState, path: readonly PropertyKey[]): LocalizedText | null {
  const field = NUMBER_FIELDS.find((f) => f.key === path[0]);
  if (field) return field;
  if (path[0] === 'services' && typeof path[1] === 'string') {
    const name = state.config.services[path[1]]?.name;
    const what = path[2] === 'perDay' ? { vi: 'số lịch/ngày', en: 'bookings per day' } : null;
    const slot = { vi: 'số lịch/khung giờ', en: 'bookings per slot' };
    return {
      vi: `${name?.vi ?? path[1]} – ${(what ?? slot).vi}`,
      en: `${name?.en || name?.vi || path[1]} – ${(what ?? slot).en}`,
    };
  }
  return null;
}

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

/** An empty box is sent as NaN so the schema refuses it instead of silently saving 0. */
function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
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
  const saved = state.config.appointments;
  const [draft, setDraft] = useState(() => policyForForm(state));
  const [dirty, setDirty] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  // Follow changes made elsewhere (another admin) until this admin starts editing.
  useEffect(() => {
    if (!dirty) setDraft(policyForForm(state));
  }, [state, dirty]);

  const change = (next: AppointmentPolicy) => {
    setDraft(next);
    setDirty(true);
    setFeedback(null);
  };
  const setService = (serviceId: string, key: 'perSlot' | 'perDay', text: string) => {
    const current = draft.services[serviceId] ?? { perSlot: 0, perDay: 0 };
    change({ ...draft, services: { ...draft.services, [serviceId]: { ...current, [key]: numberOf(text) } } });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = appointmentPolicySchema.safeParse(draft);
    if (!parsed.success) {
      setFeedback({ ok: false, text: validationMessage(parsed.error.issues[0], (p) => labelOf(state, p)) });
      return;
    }
    setBusy(true);
    const reply = await client.send({ type: 'config.setAppointments', appointments: parsed.data });
    setBusy(false);
    if (reply.ok) {
      setDirty(false);
      setFeedback({
        ok: true,
        text: {
          vi: 'Đã lưu. Trang đặt lịch và máy lấy số dùng ngay cấu hình mới.',
          en: 'Saved. The booking page and the kiosks use it right away.',
        },
      });
    } else {
      setFeedback({ ok: false, text: errorMessages[reply.code] });
    }
  };

  const bookable = Object.values(draft.services).filter((s) => s.perSlot > 0).length;
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="appointments-form">
      <div className="wide-row">
        <h1>{t({ vi: 'Lịch hẹn trực tuyến', en: 'Online booking' })}</h1>
        <a className="btn" href="/book/" target="_blank" rel="noopener" data-testid="booking-page-link">
          {t({ vi: 'Mở trang đặt lịch /book/', en: 'Open the booking page /book/' })} ↗
        </a>
      </div>
      <label className="check wide-row">
        <input
          type="checkbox"
          name="enabled"
          checked={draft.enabled}
          onChange={(e) => change({ ...draft, enabled: e.target.checked })}
        />
        {t({
          vi: 'Cho phép công dân đặt lịch hẹn trực tuyến',
          en: 'Citizens may book an appointment online',
        })}
        {!saved && (
          <span className="muted">
            {' '}
            ·{' '}
            {t({
              vi: 'Chưa cấu hình: đang hiện giá trị mặc định',
              en: 'Not configured yet: showing the defaults',
            })}
          </span>
        )}
      </label>
      {NUMBER_FIELDS.map((field) => (
        <label className="field" key={field.key}>
          <span>{t(field)}</span>
          <input
            type="number"
            name={field.key}
            value={draft[field.key] === undefined || Number.isNaN(draft[field.key]) ? '' : draft[field.key]}
            onChange={(e) => change({ ...draft, [field.key]: numberOf(e.target.value) })}
          />
          <span className="muted">{t(field.hint)}</span>
        </label>
      ))}
      <div className="wide-row">
        <table className="table" data-testid="appointment-services">
          <thead>
            <tr>
              <th>{t({ vi: 'Thủ tục', en: 'Service' })}</th>
              <th>{t({ vi: 'Lĩnh vực', en: 'Field' })}</th>
              <th className="num">{t({ vi: 'Số lịch mỗi khung giờ', en: 'Bookings per slot' })}</th>
              <th className="num">{t({ vi: 'Số lịch mỗi ngày', en: 'Bookings per day' })}</th>
              <th>{t({ vi: 'Trên trang đặt lịch', en: 'On the booking page' })}</th>
            </tr>
          </thead>
          <tbody>
            {sortedServices(state).map((service) => {
              const policy = draft.services[service.id] ?? { perSlot: 0, perDay: 0 };
              const offered = draft.enabled && service.enabled && policy.perSlot > 0;
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
                      name={`perSlot-${service.id}`}
                      aria-label={`${service.name.vi}: ${t({ vi: 'số lịch mỗi khung giờ', en: 'bookings per slot' })}`}
                      value={Number.isNaN(policy.perSlot) ? '' : policy.perSlot}
                      onChange={(e) => setService(service.id, 'perSlot', e.target.value)}
                    />
                  </td>
                  <td className="num">
                    <input
                      className="narrow"
                      type="number"
                      name={`perDay-${service.id}`}
                      aria-label={`${service.name.vi}: ${t({ vi: 'số lịch mỗi ngày', en: 'bookings per day' })}`}
                      value={Number.isNaN(policy.perDay) ? '' : policy.perDay}
                      onChange={(e) => setService(service.id, 'perDay', e.target.value)}
                    />
                  </td>
                  <td>
                    {offered ? (
                      <span className="pill pill-open">{t({ vi: 'Nhận đặt lịch', en: 'Bookable' })}</span>
                    ) : (
                      <span className="pill pill-closed">{t({ vi: 'Không nhận', en: 'Not bookable' })}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">
          {t({
            vi: 'Số lịch mỗi khung giờ = 0: thủ tục không nhận đặt lịch. Số lịch mỗi ngày = 0: chỉ giới hạn theo khung giờ.',
            en: 'Bookings per slot = 0: the service takes no bookings. Bookings per day = 0: only the slots limit it.',
          })}
        </p>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="appointments-save">
          {t({ vi: 'Lưu cấu hình đặt lịch', en: 'Save booking settings' })}
        </button>
        <span className="muted">
          {t({
            vi: `${bookable} thủ tục nhận đặt lịch`,
            en: `${bookable} services take bookings`,
          })}
        </span>
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
    getJson<BookingReport>(`/api/appointments/report?day=${day}`)
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
        {t({ vi: 'Lịch hẹn hôm nay', en: "Today's bookings" })} · {day}
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error}{' '}
          {t({
            vi: 'Không tải được báo cáo; hãy đăng nhập lại nếu phiên đã hết hạn.',
            en: 'The report could not be loaded; sign in again if the session expired.',
          })}
        </p>
      )}
      {report && (
        <table className="table">
          <thead>
            <tr>
              <th>{t({ vi: 'Thủ tục', en: 'Service' })}</th>
              <th className="num">{t({ vi: 'Đã đặt', en: 'Booked' })}</th>
              <th className="num">{t({ vi: 'Đã đến', en: 'Checked in' })}</th>
              <th className="num">{t({ vi: 'Đến muộn', en: 'Late' })}</th>
              <th className="num">{t({ vi: 'Không đến', en: 'No-show' })}</th>
              <th className="num">{t({ vi: 'Đã hủy', en: 'Cancelled' })}</th>
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
                <td colSpan={6}>{t({ vi: 'Hôm nay chưa có lịch hẹn nào.', en: 'No bookings for today yet.' })}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {report && report.noShows.length > 0 && (
        <p className="muted">
          {t({ vi: 'Không đến', en: 'No-shows' })}:{' '}
          {report.noShows.map((n) => `${n.slot} ${nameOf(n.serviceId)}`).join(' · ')}
        </p>
      )}
    </section>
  );
}
